package io.signet.challenge;

import io.signet.error.SignetException;
import io.signet.store.Database;
import java.time.Clock;
import java.time.Duration;

/**
 * Per-user and per-IP limits on starting challenges, that is on sending codes and links and on the number
 * of guesses at authenticator-app and recovery codes: fixed windows counted in the database, so every
 * node sees the same counts. Both counters move in one transaction; if either is full neither counts.
 * A fixed window admits up to twice the limit across a window boundary, which is acceptable for a
 * cost and abuse brake and needs one row per key and window instead of one per send.
 */
public final class SendLimits {
    private final Database db;
    private final ChallengeStore store;
    private final Clock clock;
    private final int perUser;
    private final int perIp;
    private final long windowMillis;

    public SendLimits(Database db, ChallengeStore store, Clock clock, int perUser, int perIp, Duration window) {
        this.db = db;
        this.store = store;
        this.clock = clock;
        this.perUser = perUser;
        this.perIp = perIp;
        this.windowMillis = window.toMillis();
    }

    /**
     * Counts one send for {@code userKey} (the user id, or the recipient when there is no user) and for the
     * end user's IP address when the caller gave one; a 429 with Retry-After when a limit is reached.
     */
    void count(String tenantId, String userKey, String ipAddress) {
        long now = clock.millis();
        long windowStart = now - Math.floorMod(now, windowMillis);
        Duration retryAfter = Duration.ofMillis(windowStart + windowMillis - now);
        db.write(jdbc -> {
            if (!store.countSend(jdbc, tenantId, "user:" + userKey, windowStart, perUser)) {
                throw SignetException.tooManyRequests("Too many challenges were started for this user recently; "
                        + "try again after the Retry-After delay.", retryAfter);
            }
            if (ipAddress != null && !store.countSend(jdbc, tenantId, "ip:" + ipAddress, windowStart, perIp)) {
                throw SignetException.tooManyRequests("Too many challenges were started for this ipAddress recently; "
                        + "try again after the Retry-After delay.", retryAfter);
            }
            return null;
        });
    }
}
