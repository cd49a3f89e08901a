package io.signet.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import io.signet.http.Idempotency;
import io.signet.testing.ApiResponse;
import io.signet.testing.ServerSuite;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An idempotent request's answer commits in the same transaction as its work. The failure
 * between the two is injected for real, by a database trigger that refuses to store an answer: the request
 * then leaves neither work nor answer behind, and its retry runs the work once.
 */
abstract class IdempotentAnswersContract extends ServerSuite {
    private static final Map<String, String> SMS = Map.of("verificationMethod", "SMS", "phoneNumber", "+64211234567");

    private ApiResponse enroll(String userId, String key) {
        return api.send("POST", "/v1/users/" + userId + "/authenticators", SMS, Map.of(Idempotency.HEADER, key));
    }

    @Test
    @SuppressWarnings("try") // the refusal trigger only has to exist while the request runs
    void a_failure_after_the_work_and_before_the_commit_leaves_neither_work_nor_answer() throws SQLException {
        String userId = "user-" + UUID.randomUUID();
        String key = "key-" + UUID.randomUUID();
        ApiResponse failed;
        try (AnswerRefusal refusal = new AnswerRefusal(server.databaseUrl())) {
            failed = enroll(userId, key);
        }
        assertThat(failed.status()).as(failed.toString()).isEqualTo(500);
        assertThat(count("SELECT COUNT(*) FROM users WHERE user_id = ?", userId)).as("the user the work created").isZero();
        assertThat(count("SELECT COUNT(*) FROM authenticators WHERE user_id = ?", userId)).as("its authenticator").isZero();
        assertThat(count("SELECT COUNT(*) FROM idempotency_records WHERE idempotency_key = ?", key))
                .as("the claim is given back, no answer kept").isZero();

        ApiResponse retry = enroll(userId, key);
        assertThat(retry.status()).as(retry.toString()).isEqualTo(200);
        assertThat(count("SELECT COUNT(*) FROM authenticators WHERE user_id = ?", userId)).isEqualTo(1);
        assertThat(enroll(userId, key).body()).as("the retry's answer is replayed").isEqualTo(retry.body());
    }

    @Test
    void a_successful_answer_is_stored_sealed_once_the_response_is_sent() throws SQLException {
        String userId = "user-" + UUID.randomUUID();
        String key = "key-" + UUID.randomUUID();
        ApiResponse done = enroll(userId, key);
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        String authenticatorId = done.json().path("authenticator").path("userAuthenticatorId").asString();
        assertThat(authenticatorId).isNotBlank();
        assertThat(count("SELECT COUNT(*) FROM idempotency_records WHERE idempotency_key = ? AND status_code = 200",
                key)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM idempotency_records WHERE idempotency_key = ? AND response_body LIKE ?",
                key, "%" + authenticatorId + "%")).as("the answer is sealed, not kept in the clear").isZero();
    }

    @Test
    void a_refusal_is_recorded_and_replayed_like_before() {
        String key = "key-" + UUID.randomUUID();
        Map<String, String> bad = Map.of("verificationMethod", "SMS", "phoneNumber", "not a number");
        ApiResponse first = api.send("POST", "/v1/users/u-" + key + "/authenticators", bad,
                Map.of(Idempotency.HEADER, key));
        assertThat(first.status()).isEqualTo(400);
        ApiResponse replay = api.send("POST", "/v1/users/u-" + key + "/authenticators", bad,
                Map.of(Idempotency.HEADER, key));
        assertThat(replay.status()).isEqualTo(400);
        assertThat(replay.body()).isEqualTo(first.body());
    }

    private long count(String sql, String... params) throws SQLException {
        try (Connection c = DriverManager.getConnection(server.databaseUrl());
             PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setString(i + 1, params[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /** A trigger that makes storing any answer fail, for as long as this is open. */
    private static final class AnswerRefusal implements AutoCloseable {
        private final String url;

        AnswerRefusal(String url) throws SQLException {
            this.url = url;
            run(url.startsWith("jdbc:sqlite:")
                    ? new String[] {"""
                            CREATE TRIGGER refuse_answers BEFORE UPDATE ON idempotency_records
                            WHEN NEW.status_code IS NOT NULL
                            BEGIN SELECT RAISE(ABORT, 'injected failure before the commit'); END"""}
                    : new String[] {"""
                            CREATE FUNCTION refuse_answer() RETURNS trigger AS $$
                            BEGIN RAISE EXCEPTION 'injected failure before the commit'; END $$ LANGUAGE plpgsql""",
                            """
                            CREATE TRIGGER refuse_answers BEFORE UPDATE ON idempotency_records FOR EACH ROW
                            WHEN (NEW.status_code IS NOT NULL) EXECUTE FUNCTION refuse_answer()"""});
        }

        @Override
        public void close() throws SQLException {
            run(url.startsWith("jdbc:sqlite:") ? new String[] {"DROP TRIGGER refuse_answers"}
                    : new String[] {"DROP TRIGGER refuse_answers ON idempotency_records", "DROP FUNCTION refuse_answer()"});
        }

        private void run(String... statements) throws SQLException {
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                for (String sql : statements) {
                    s.execute(sql);
                }
            }
        }
    }
}
