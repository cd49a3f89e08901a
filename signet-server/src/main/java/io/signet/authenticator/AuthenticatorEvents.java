package io.signet.authenticator;

import io.signet.metrics.BusinessMetrics;
import io.signet.store.Jdbc;
import io.signet.webhook.EventTypes;
import io.signet.webhook.Events;
import io.signet.wire.WireTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The authenticator webhook events (docs/server-api.md §9.4 "Event types"), published in the transaction that creates,
 * changes or deletes the authenticator. {@code data} carries what identifies the factor and never a secret: no TOTP
 * seed, and the passkey public key is left out (Authsignal sends it only when asked to).
 */
final class AuthenticatorEvents {
    private final Events events;
    private final BusinessMetrics metrics;

    AuthenticatorEvents(Events events, BusinessMetrics metrics) {
        this.events = events;
        this.metrics = metrics;
    }

    /**
     * One event per authenticator, the tenant's endpoints read once. Every enrollment, whichever API made it,
     * ends here, so this is also where enrollments are counted (inside the transaction: one retried after a
     * transient database failure counts again).
     */
    void created(Jdbc jdbc, String tenantId, List<StoredAuthenticator> created) {
        events.publishAll(jdbc, tenantId, EventTypes.AUTHENTICATOR_CREATED,
                created.stream().map(a -> new Events.Occurrence(a.userId(), data(a))).toList());
        created.forEach(a -> metrics.enrolled(tenantId, a.method().name()));
    }

    void deleted(Jdbc jdbc, String tenantId, StoredAuthenticator a) {
        events.publish(jdbc, tenantId, a.userId(), EventTypes.AUTHENTICATOR_DELETED, data(a));
    }

    /**
     * {@code authenticator.updated}: the authenticator changed (it was verified again, or became the user's
     * default); {@code data} is as for created, plus {@code lastVerifiedAt} when it was ever verified and
     * {@code isDefault} when it just became the default.
     */
    void updated(Jdbc jdbc, String tenantId, StoredAuthenticator a, boolean becameDefault) {
        Map<String, String> data = data(a);
        data.put("lastVerifiedAt", WireTime.isoOrNull(a.lastVerifiedAt()));
        data.put("isDefault", becameDefault ? "true" : null);
        events.publish(jdbc, tenantId, a.userId(), EventTypes.AUTHENTICATOR_UPDATED, data);
    }

    static Map<String, String> data(StoredAuthenticator a) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("userId", a.userId());
        data.put("verificationMethod", a.method().name());
        data.put("createdAt", WireTime.iso(a.createdAt()));
        data.put("userAuthenticatorId", a.authenticatorId());
        data.put("email", a.email());
        data.put("phoneNumber", a.phoneNumber());
        if (a.passkey() != null) {
            data.put("credentialId", a.passkey().credentialId());
            data.put("aaguid", a.passkey().aaguid());
            data.put("credentialName", a.passkey().name());
        }
        return data;
    }
}
