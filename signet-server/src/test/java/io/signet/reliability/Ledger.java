package io.signet.reliability;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a workload was told (acknowledged writes) and what it sent without an answer (in flight when the
 * server died), kept to be checked after the restart; plus the answers seen, to count 5xx.
 */
final class Ledger {
    /** A write the server acknowledged, or one whose answer never came. */
    sealed interface Write {
    }

    /** An enrollment: the user, the authenticator id answered (null when unanswered) and its recovery codes. */
    record Enrolled(String userId, String authenticatorId, List<String> recoveryCodes) implements Write {
    }

    /** A user update that set {@code email}; {@code sequence} orders the updates of one user. */
    record Updated(String userId, int sequence) implements Write {
    }

    /** A track with an Idempotency-Key; {@code body} is the answer (null when unanswered). */
    record Tracked(String userId, String action, String idempotencyKey, String request, String body)
            implements Write {
    }

    /** A recovery code spent by a verify that answered isVerified true. */
    record Verified(String userId, String recoveryCode) implements Write {
    }

    final ConcurrentLinkedQueue<Write> acknowledged = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<Write> unanswered = new ConcurrentLinkedQueue<>();
    final AtomicLong answers = new AtomicLong();
    final AtomicLong serverErrors = new AtomicLong();
    final ConcurrentLinkedQueue<String> serverErrorSamples = new ConcurrentLinkedQueue<>();

    void answered(int status, String what) {
        answers.incrementAndGet();
        if (status >= 500) {
            serverErrors.incrementAndGet();
            if (serverErrorSamples.size() < 5) {
                serverErrorSamples.add(what);
            }
        }
    }

    /** Moves everything to a fresh ledger for the next round, returning the finished one. */
    Ledger drain() {
        Ledger done = new Ledger();
        drainInto(acknowledged, done.acknowledged);
        drainInto(unanswered, done.unanswered);
        return done;
    }

    private static void drainInto(ConcurrentLinkedQueue<Write> from, ConcurrentLinkedQueue<Write> to) {
        for (Write w; (w = from.poll()) != null; ) {
            to.add(w);
        }
    }
}
