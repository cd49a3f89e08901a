package io.signet.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.signet.crypto.RandomTokens;
import io.signet.testing.Backend;
import io.signet.testing.Eventually;
import io.signet.testing.SignetProcess;
import io.signet.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signet as a separate process under {@value #CLIENTS} concurrent clients (enroll, update user,
 * track with an Idempotency-Key, verify), killed with SIGKILL at a random moment, restarted on the same
 * database, {@code rounds} times (system property {@code signet.chaos.rounds}, 10 in CI; {@code ./signet chaos
 * --rounds N} runs more). After each kill the database passes its own checks; after each restart every
 * acknowledged write is there and intact and every retried Idempotency-Key answers as before.
 */
abstract class CrashRecoveryContract {
    static final int CLIENTS = 6;
    private static final Duration RUN_AT_LEAST = Duration.ofMillis(100);
    private static final Duration RUN_AT_MOST = Duration.ofMillis(1200);

    @TempDir
    Path tempDir;

    abstract Backend backend();

    static int rounds() {
        return Integer.getInteger("signet.chaos.rounds", 10);
    }

    /**
     * The run grows with the rounds (./signet chaos --rounds 200), so its hang guard does too: two minutes a
     * round on top of three, instead of the suite's fixed default.
     */
    @Test
    @Timeout(value = 7, unit = TimeUnit.DAYS)
    void no_acknowledged_write_is_lost_across_sigkill_and_restart() {
        assertTimeoutPreemptively(Duration.ofMinutes(3 + 2L * rounds()), this::killAndRestartEveryRound);
    }

    private void killAndRestartEveryRound() throws Exception {
        String databaseUrl = TestDatabases.fresh(backend(), tempDir);
        byte[] key = RandomTokens.bytes(32);
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Ledger ledger = new Ledger();
        long verified = 0;
        long retried = 0;
        long unanswered = 0;
        int claims = 0;
        try {
            for (int round = 1; round <= rounds() + 1; round++) {
                long started = System.nanoTime();
                try (SignetProcess node = SignetProcess.start(databaseUrl, key, Map.of(), tempDir)) {
                    System.out.printf("round %d: started in %d ms%n", round, (System.nanoTime() - started) / 1_000_000);
                    Ledger previous = ledger.drain();
                    Recovery recovery = new Recovery(node.api());
                    recovery.check(previous);
                    verified += recovery.checked;
                    retried += recovery.retriedKeys;
                    unanswered += previous.unanswered.size();
                    if (round > rounds()) {
                        break; // the last start only checks the last round
                    }
                    List<Thread> clients = new ArrayList<>();
                    for (int c = 0; c < CLIENTS; c++) {
                        clients.add(Thread.ofVirtual().start(new Workload(node.api(), ledger, "r" + round + "c" + c)));
                    }
                    // The random moment counts from the first acknowledged writes, so that a slow start (a
                    // loaded machine) still leaves every round writes in progress to crash.
                    long answered = ledger.answers.get();
                    Eventually.await(ledger.answers::get, n -> n >= answered + CLIENTS, Duration.ofSeconds(60));
                    long runFor = RUN_AT_LEAST.toNanos()
                            + (long) (random.nextDouble() * (RUN_AT_MOST.toNanos() - RUN_AT_LEAST.toNanos()));
                    LockSupport.parkNanos(runFor); // the random moment of the kill, not a wait for a result
                    node.kill();
                    for (Thread t : clients) {
                        t.join(Duration.ofSeconds(30));
                    }
                }
                claims = StoreChecks.intact(databaseUrl, claims, CLIENTS);
            }
        } finally {
            TestDatabases.dropIfPostgres(databaseUrl);
        }
        System.out.printf("CHAOS %s: kill rounds=%d acknowledged writes verified=%d idempotency keys retried=%d "
                        + "unanswered writes checked=%d answers=%d 5xx=%d seed=%d%n", backend(), rounds(), verified,
                retried, unanswered, ledger.answers.get(), ledger.serverErrors.get(), seed);
        assertThat(ledger.serverErrors.get()).as("5xx answers: " + ledger.serverErrorSamples).isZero();
        assertThat(verified).as("acknowledged writes checked").isGreaterThan(rounds() * 4L);
    }
}
