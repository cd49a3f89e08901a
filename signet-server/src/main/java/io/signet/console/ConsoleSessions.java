package io.signet.console;

import io.signet.crypto.RandomTokens;
import io.signet.crypto.SecretHasher;
import io.signet.error.ErrorCode;
import io.signet.error.SignetException;
import io.signet.store.DuplicateKeyException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Console sessions: a random cookie token (stored as a keyed hash, so a database reader cannot sign in),
 * ending after {@link #IDLE} without a request or {@link #ABSOLUTE} after sign-in, whichever comes first,
 * or at sign-out. Each session's CSRF token is a keyed hash of its cookie token: a form field another site
 * cannot read, checked on every state-changing request, and nothing more to store.
 */
public final class ConsoleSessions {
    public static final Duration IDLE = Duration.ofMinutes(15);
    public static final Duration ABSOLUTE = Duration.ofHours(12);
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final String SESSION_PURPOSE = "console-session";
    private static final String CSRF_PURPOSE = "console-csrf";

    private final ConsoleStore store;
    private final SecretHasher hasher;
    private final Clock clock;

    public ConsoleSessions(ConsoleStore store, SecretHasher hasher, Clock clock) {
        this.store = store;
        this.hasher = hasher;
        this.clock = clock;
    }

    /** A signed-in operator: who, and the session they act in. */
    public record Operator(String userId, String email, String sessionHash) {
    }

    /**
     * Opens a session for the operator; {@code signInRef} names the verified action that signed them in, and
     * opens one session only (a replayed sign-in link is refused). Returns the cookie token.
     */
    public String open(String userId, String email, String signInRef) {
        String token = RandomTokens.base64Url(32);
        long now = clock.millis();
        try {
            store.insertSession(new ConsoleStore.SessionRow(hash(token), userId, email, signInRef, now, now, null));
        } catch (DuplicateKeyException e) {
            throw new SignetException(ErrorCode.FORBIDDEN, "This sign-in was already used. Sign in again.");
        }
        return token;
    }

    /** The operator of an open, unexpired session; the request counts as activity for the idle timeout. */
    public Optional<Operator> resolve(String token) {
        if (token == null || !WELL_FORMED.matcher(token).matches()) {
            return Optional.empty();
        }
        long now = clock.millis();
        return store.findSession(hash(token))
                .filter(s -> s.endedAt() == null)
                .filter(s -> now - s.lastSeenAt() < IDLE.toMillis() && now - s.createdAt() < ABSOLUTE.toMillis())
                .map(s -> {
                    store.touch(s.sessionHash(), now);
                    return new Operator(s.userId(), s.email(), s.sessionHash());
                });
    }

    /** Signs the operator's session out. */
    public void close(Operator operator) {
        store.endSession(operator.sessionHash(), clock.millis());
    }

    /** Deletes ended and expired sessions and expired enrollment links (a background job); how many went. */
    public int purgeExpired() {
        long now = clock.millis();
        return store.purge(now - IDLE.toMillis(), now - ABSOLUTE.toMillis(), now);
    }

    /** The CSRF form field of the session whose cookie token is {@code token}. */
    public String csrf(String token) {
        return hasher.hash(CSRF_PURPOSE, token);
    }

    /** Whether {@code field} is the CSRF field of the session {@code token}. */
    public boolean csrfMatches(String token, String field) {
        return token != null && field != null && hasher.matches(field, CSRF_PURPOSE, token);
    }

    private String hash(String token) {
        return hasher.hash(SESSION_PURPOSE, token);
    }
}
