package io.signet.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import io.signet.testing.Api;
import io.signet.testing.ApiResponse;
import io.signet.testing.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import tools.jackson.databind.JsonNode;

/**
 * A challenge suite whose requests are spread over every node: this suite's server and, where
 * {@link #twoNodes()} says so (PostgreSQL), a second one on the same database and clock. Sending limits are
 * raised so that races, not the limiter, decide what counts.
 */
abstract class MultiNodeChallengeSuite extends ChallengeSuite {
    static final Totp.Params PARAMS = FactorChallengesContract.PARAMS;
    private TestServer second;

    @Override
    Map<String, String> settings() {
        return Map.of("SIGNET_SEND_LIMIT_PER_USER", "1000", "SIGNET_SEND_LIMIT_PER_IP", "1000");
    }

    /** Whether a second server runs on this suite's database. */
    abstract boolean twoNodes();

    List<Api> nodes() {
        if (!twoNodes()) {
            return List.of(h.api);
        }
        if (second == null) {
            second = TestServer.startOn(h.server.databaseUrl(), h.server.encryptionKey(), settings(), h.clock);
        }
        return List.of(h.api, second.api());
    }

    /** The authenticator-app code of the current step (the suites enroll with {@link #PARAMS}). */
    String rightCode() {
        return Totp.code(PARAMS, Totp.step(PARAMS, h.clock.instant()));
    }

    /** Enrolls a pre-verified authenticator app with {@link #PARAMS}' secret; its enroll answer. */
    JsonNode enrollAuthenticatorApp(String user) {
        ApiResponse r = h.api.post("/v1/users/" + user + "/authenticators", Map.of("verificationMethod",
                "AUTHENTICATOR_APP", "otpUri", "otpauth://totp/Acme:jane?secret="
                        + FactorChallengesContract.SECRET_BASE32 + "&issuer=Acme"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    @AfterAll
    void stopSecond() {
        if (second != null) {
            second.close();
        }
    }
}
