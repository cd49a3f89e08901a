package io.signet.passkey;

import io.signet.challenge.ActionOutcomes;
import io.signet.caller.ClientPrincipal;
import io.signet.error.SignetException;
import io.signet.authenticator.PasskeyRecords.Passkey;
import io.signet.lockout.FailureCounters;
import io.signet.store.Database;
import io.signet.store.Jdbc;
import io.signet.user.VerificationMethod;
import java.util.List;
import java.util.function.Function;

/**
 * Passkey assertions counted against the user's and the passkey's consecutive failures, the counters every
 * verify path shares. A refused assertion's attempt commits on its own; a good one is counted in the
 * transaction that spends its ceremony and settles its action, so nothing of a success commits without the
 * rest. A locked user gets 429 either way: guessing a signature is hopeless, so checking it before the count
 * gives nothing away.
 */
final class AssertionAttempts {
    private final Database db;
    private final ActionOutcomes outcomes;
    private final FailureCounters failures = new FailureCounters();

    AssertionAttempts(Database db, ActionOutcomes outcomes) {
        this.db = db;
        this.outcomes = outcomes;
    }

    Attempt of(String tenantId, Passkey passkey, long now) {
        return new Attempt(tenantId, passkey, List.of(FailureCounters.user(passkey.userId()),
                FailureCounters.passkey(passkey.authenticatorId())), now);
    }

    /** One assertion of {@code passkey}, at {@code now}. */
    final class Attempt {
        private final String tenantId;
        private final Passkey passkey;
        private final List<String> keys;
        private final long now;

        private Attempt(String tenantId, Passkey passkey, List<String> keys, long now) {
            this.tenantId = tenantId;
            this.passkey = passkey;
            this.keys = keys;
            this.now = now;
        }

        /** Counts the attempt and runs {@code then} in the same transaction; locked: both roll back, 429. */
        <T> T counted(Function<Jdbc, T> then) {
            try {
                return db.write(jdbc -> {
                    failures.count(jdbc, tenantId, keys, now);
                    return then.apply(jdbc);
                });
            } catch (FailureCounters.Locked e) {
                throw SignetException.tooManyRequests("Too many failed verifications for this user; try again later.",
                        FailureCounters.FIRST_BACKOFF);
            }
        }

        /** A success: the counters start again from zero, in the caller's transaction. */
        void reset(Jdbc jdbc) {
            failures.reset(jdbc, tenantId, keys);
        }

        /**
         * The {@code action.verify} webhook's answer for the token's action, asked before the transaction (it
         * waits on the network) and not for a locked user, whose attempt cannot succeed.
         */
        boolean vetoed(ClientPrincipal.Bearer bearer) {
            return !db.read(jdbc -> failures.mustWait(jdbc, tenantId, keys, now))
                    && outcomes.vetoed(tenantId, bearer.userId(), bearer.actionCode(), bearer.idempotencyKey(),
                    VerificationMethod.PASSKEY, passkey.authenticatorId());
        }
    }
}
