package io.signet.webhook;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The webhook event types Signet sends (docs/server-api.md §9.4 "Event types"). Asynchronous types go through the outbox;
 * synchronous types are calls whose reply the caller waits for, made with {@link SyncWebhooks}.
 */
public final class EventTypes {
    public static final String AUTHENTICATOR_CREATED = "authenticator.created";
    public static final String AUTHENTICATOR_UPDATED = "authenticator.updated";
    public static final String AUTHENTICATOR_DELETED = "authenticator.deleted";
    public static final String ACTION_LOG_CREATED = "action.log_created";
    public static final String CHALLENGE_LOG_CREATED = "challenge.log_created";
    public static final String EMAIL_CREATED = "email.created";
    public static final String SMS_CREATED = "sms.created";
    public static final String ACTION_VERIFY = "action.verify";

    /**
     * In an endpoint's event types: every asynchronous type except the log feeds. Synchronous types change
     * behaviour and log feeds come in another body shape ({@code {"records": [...]}}), so neither is implied.
     */
    static final String ALL_ASYNCHRONOUS = "*";

    static final Set<String> ASYNCHRONOUS = Set.of(AUTHENTICATOR_CREATED, AUTHENTICATOR_UPDATED,
            AUTHENTICATOR_DELETED, ACTION_LOG_CREATED, CHALLENGE_LOG_CREATED);
    static final Set<String> SYNCHRONOUS = Set.of(EMAIL_CREATED, SMS_CREATED, ACTION_VERIFY);

    /** Log records, sent in batches as {@code {"records": [...]}} (docs/server-api.md §9.3 "Envelope"). */
    static final Set<String> LOG = Set.of(ACTION_LOG_CREATED, CHALLENGE_LOG_CREATED);

    /**
     * Authsignal event types Signet cannot send, with the reason: accepting a subscription to them would
     * promise deliveries that never come.
     */
    static final Map<String, String> NOT_SENT = Map.of(
            "push.created", "Signet has no push authenticator, so no push challenge is ever created.");

    private EventTypes() {
    }

    /** True when an endpoint subscribed to {@code subscribed} receives events of {@code type}. */
    static boolean matches(List<String> subscribed, String type) {
        return subscribed.contains(type)
                || (ASYNCHRONOUS.contains(type) && !LOG.contains(type) && subscribed.contains(ALL_ASYNCHRONOUS));
    }

    /** Every value an endpoint may subscribe to, for error messages. */
    static String known() {
        return ALL_ASYNCHRONOUS + ", " + String.join(", ", ASYNCHRONOUS.stream().sorted().toList()) + ", "
                + String.join(", ", SYNCHRONOUS.stream().sorted().toList());
    }
}
