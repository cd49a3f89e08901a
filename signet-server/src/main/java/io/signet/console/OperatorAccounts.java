package io.signet.console;

import io.signet.crypto.Ids;
import io.signet.crypto.RandomTokens;
import io.signet.crypto.SecretHasher;
import io.signet.error.SignetException;
import io.signet.tenant.TenantService;
import io.signet.user.QueryUsersResponse;
import io.signet.user.UserAttributesRequest;
import io.signet.user.UserQuery;
import io.signet.user.UserService;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Console operators: users of the operator realm, found by email. {@code ./signet console-admin create}
 * invites one (or re-invites one who never finished enrolling) with a one-time enrollment link ({@link #LINK_LIFETIME}, single use) where they register a
 * passkey or an authenticator app on the hosted page.
 */
public final class OperatorAccounts {
    public static final Duration LINK_LIFETIME = Duration.ofMinutes(15);
    public static final String ENROLL_PATH = "/console/enroll";
    static final String REALM = TenantService.OPERATOR_REALM;
    private static final String LINK_PURPOSE = "console-enrollment-link";
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final ConsoleStore store;
    private final UserService users;
    private final SecretHasher hasher;
    private final Clock clock;

    public OperatorAccounts(ConsoleStore store, UserService users, SecretHasher hasher, Clock clock) {
        this.store = store;
        this.users = users;
        this.hasher = hasher;
        this.clock = clock;
    }

    /** A new operator and the secret of their enrollment link, valid until {@code expiresAt} (epoch ms). */
    public record Invitation(String userId, String email, String linkToken, long expiresAt) {
        /** The link to print, under {@code publicUrl} (no trailing slash). */
        public String link(String publicUrl) {
            return publicUrl + ENROLL_PATH + "?token=" + linkToken;
        }
    }

    /**
     * The enrollment link of the operator {@code email}, created now. An operator who never finished
     * enrolling (the link expired, or was opened and abandoned) gets a new link; one who has a factor is
     * refused, so a link can never add a factor to a working account.
     */
    public Invitation invite(String email) {
        if (email == null || email.isBlank()) {
            throw SignetException.invalid("Give the operator's email address with --email.");
        }
        Optional<QueryUsersResponse.Item> existing = operatorByEmail(email.strip());
        if (existing.isPresent() && existing.get().isEnrolled()) {
            throw SignetException.conflict("The operator '" + email.strip() + "' already exists and has a passkey "
                    + "or authenticator app.");
        }
        String userId = existing.map(QueryUsersResponse.Item::userId).orElseGet(Ids::timeOrdered);
        // updateUser's validation: a malformed address is refused with the same message as on the API.
        users.update(REALM, userId, new UserAttributesRequest(email.strip(), null, null, null, null, null, null,
                null, null));
        String token = RandomTokens.base64Url(32);
        long now = clock.millis();
        long expiresAt = now + LINK_LIFETIME.toMillis();
        store.insertLink(hasher.hash(LINK_PURPOSE, token), userId, now, expiresAt);
        return new Invitation(userId, email.strip(), token, expiresAt);
    }

    /** Uses up an enrollment link: its operator, unless the link is unknown, used or expired. */
    public Optional<String> redeem(String linkToken) {
        if (linkToken == null || !WELL_FORMED.matcher(linkToken).matches()) {
            return Optional.empty();
        }
        return store.redeemLink(hasher.hash(LINK_PURPOSE, linkToken), clock.millis());
    }

    /** The operator with this email, if any. */
    public Optional<QueryUsersResponse.Item> operatorByEmail(String email) {
        if (email == null || email.isBlank() || email.length() > 320) {
            return Optional.empty();
        }
        return users.query(REALM, new UserQuery(email.strip(), null, null, 1, null)).users().stream().findFirst();
    }
}
