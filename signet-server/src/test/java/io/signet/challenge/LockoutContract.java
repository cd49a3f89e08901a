package io.signet.challenge;

import static io.signet.challenge.ChallengeHarness.uid;
import static org.assertj.core.api.Assertions.assertThat;

import io.signet.lockout.FailureCounters;
import io.signet.testing.Api;
import io.signet.testing.Race;
import io.signet.testing.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Consecutive verification failures per user: new challenges do not reset them, a success
 * does, the {@value FailureCounters#LIMIT}th locks the user behind a doubling back-off, and parallel guesses
 * over two nodes (PostgreSQL) count exactly the limit.
 */
abstract class LockoutContract extends MultiNodeChallengeSuite {

    private String enrolledUser() {
        String user = uid("lockout");
        enrollAuthenticatorApp(user);
        return user;
    }

    private String challenge(String user) {
        return h.challenge(Map.of("verificationMethod", "AUTHENTICATOR_APP", "action", "signIn", "userId", user))
                .json().path("challengeId").asString();
    }

    /** A code no step within the accepted skew computes. */
    private String wrongCode() {
        long step = Totp.step(PARAMS, h.clock.instant());
        for (String candidate : List.of("000000", "111111", "222222")) {
            if (!candidate.equals(Totp.code(PARAMS, step - 1)) && !candidate.equals(Totp.code(PARAMS, step))
                    && !candidate.equals(Totp.code(PARAMS, step + 1))) {
                return candidate;
            }
        }
        throw new AssertionError("unreachable");
    }

    /** {@code n} wrong codes, on fresh challenges of five attempts each (so no single challenge locks). */
    private void failTimes(String user, int n) {
        String id = null;
        for (int i = 0; i < n; i++) {
            if (i % Verification.MAX_ATTEMPTS == 0) {
                id = challenge(user);
            }
            JsonNode r = h.verify(id, wrongCode()).json();
            assertThat(r.path("isVerified").asBoolean()).isFalse();
        }
    }

    private JsonNode verifyRight(String user) {
        return h.verify(challenge(user), rightCode()).json();
    }

    private int failures(String user) {
        String tenantId = h.server.app().tenants().tenantIdForSecretKey(TestServer.SECRET_KEY).orElseThrow();
        return h.server.app().database().read(jdbc -> new FailureCounters().failures(jdbc, tenantId,
                FailureCounters.user(user)));
    }

    @Test
    void new_challenges_do_not_reset_the_count_and_the_limit_locks_even_the_right_code_out() {
        String user = enrolledUser();
        failTimes(user, FailureCounters.LIMIT);
        JsonNode locked = verifyRight(user);
        assertThat(locked.path("isVerified").asBoolean()).isFalse();
        assertThat(locked.path("failureReason").asString()).isEqualTo("MAX_ATTEMPTS_EXCEEDED");
        assertThat(failures(user)).isEqualTo(FailureCounters.LIMIT);

        h.clock.advance(FailureCounters.FIRST_BACKOFF);
        assertThat(verifyRight(user).path("isVerified").asBoolean()).isTrue();
        assertThat(failures(user)).isZero();
    }

    @Test
    void a_success_resets_the_count() {
        String user = enrolledUser();
        failTimes(user, FailureCounters.LIMIT - 1);
        assertThat(verifyRight(user).path("isVerified").asBoolean()).isTrue();
        h.clock.advance(Duration.ofSeconds(30)); // a new step: the used one would be refused as a replay
        failTimes(user, FailureCounters.LIMIT - 1);
        assertThat(verifyRight(user).path("isVerified").asBoolean()).isTrue();
    }

    @Test
    void after_the_limit_each_attempt_waits_twice_as_long_as_the_last() {
        String user = enrolledUser();
        failTimes(user, FailureCounters.LIMIT);
        Duration wait = FailureCounters.FIRST_BACKOFF;
        for (int i = 0; i < 3; i++) {
            h.clock.advance(wait.minusSeconds(1));
            failTimes(user, 1);
            assertThat(failures(user)).as("refused before the back-off ends").isEqualTo(FailureCounters.LIMIT + i);
            h.clock.advance(Duration.ofSeconds(1));
            failTimes(user, 1);
            assertThat(failures(user)).as("counted once it ends").isEqualTo(FailureCounters.LIMIT + i + 1);
            wait = wait.multipliedBy(2);
        }
    }

    @Test
    void parallel_guesses_over_every_node_count_exactly_the_limit() throws Exception {
        List<Api> nodes = nodes();
        for (int repetition = 0; repetition < 20; repetition++) {
            String user = enrolledUser();
            List<String> challenges = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                challenges.add(challenge(user));
            }
            String code = wrongCode();
            int guesses = challenges.size() * Verification.MAX_ATTEMPTS;
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (int i = 0; i < guesses; i++) {
                Api node = nodes.get(i % nodes.size());
                String id = challenges.get(i % challenges.size());
                tasks.add(() -> node.post("/v1/verify", Map.of("challengeId", id, "verificationCode", code)).status());
            }
            assertThat(Race.fromBarrier(tasks)).containsOnly(200);
            assertThat(failures(user)).as("repetition " + repetition).isEqualTo(FailureCounters.LIMIT);
            long attempts = h.server.app().database().read(jdbc -> jdbc.count(
                    "SELECT COALESCE(SUM(attempts), 0) AS n FROM challenges WHERE user_id = ?", user));
            assertThat(attempts).as("challenge attempts counted, repetition " + repetition)
                    .isEqualTo(FailureCounters.LIMIT);
        }
    }
}
