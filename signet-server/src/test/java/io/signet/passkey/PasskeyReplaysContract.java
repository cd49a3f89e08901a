package io.signet.passkey;

import static org.assertj.core.api.Assertions.assertThat;

import io.signet.testing.ApiResponse;
import io.signet.testing.Backend;
import io.signet.testing.ClientApi;
import io.signet.testing.Race;
import io.signet.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Replays of one passkey registration or sign-in assertion sent concurrently: exactly one succeeds, over two
 * nodes on one database where the backend allows it. Run once per storage backend by its subclasses.
 */
abstract class PasskeyReplaysContract extends PasskeyTestBase {
    private static final int REPLAYS = 16;
    private TestServer second;

    /**
     * The base URLs of every node on this suite's database: on PostgreSQL a second server shares it (on the same
     * clock), so that replays race between nodes, not only between threads of one.
     */
    List<String> nodes() {
        if (backend() != Backend.POSTGRESQL) {
            return List.of(server.baseUrl());
        }
        if (second == null) {
            second = TestServer.startOn(server.databaseUrl(), server.encryptionKey(), settings(), clock);
        }
        return List.of(server.baseUrl(), second.baseUrl());
    }

    @AfterAll
    void stopSecondNode() {
        if (second != null) {
            second.close();
        }
    }

    /** 16 copies of one registration from one barrier, over every node: one stores the passkey. */
    @Test
    void a_replayed_registration_is_refused_even_when_sent_concurrently_over_every_node() throws Exception {
        String token = track(uid(), "signUp", null);
        JsonNode options = registrationOptions(bearer(token));
        ObjectNode credential = authenticator.create(options.path("options"), ORIGIN);
        List<String> nodes = nodes();
        List<Callable<ApiResponse>> tasks = new ArrayList<>();
        for (int i = 0; i < REPLAYS; i++) {
            String node = nodes.get(i % nodes.size());
            tasks.add(() -> add(node, token, options, credential, false));
        }
        List<ApiResponse> answers = Race.fromBarrier(tasks);
        assertThat(answers).as(answers.toString()).filteredOn(r -> r.status() == 200).hasSize(1);
        assertThat(answers).filteredOn(r -> r.status() != 200)
                .allSatisfy(r -> assertThat(r.errorCode()).as(r.toString()).isEqualTo("invalid_request"));
        refused(add(token, options, credential), 400, "invalid_request");
    }

    /** 16 copies of one sign-in assertion from one barrier, over every node: one signs in. */
    @Test
    void a_replayed_sign_in_assertion_verifies_once_even_when_sent_concurrently_over_every_node() throws Exception {
        Registered reg = register();
        JsonNode options = authenticationOptions(anonymous(), null);
        ObjectNode assertion = authenticator.assertion(reg.credential(),
                options.path("options").path("challenge").asString(), ORIGIN);
        Map<String, Object> body = Map.of("authenticationCredential", assertion, "challengeId",
                options.path("challengeId").asString());
        List<String> nodes = nodes();
        List<Callable<ApiResponse>> tasks = new ArrayList<>();
        for (int i = 0; i < REPLAYS; i++) {
            ClientApi node = ClientApi.tenant(nodes.get(i % nodes.size()), tenantId).from(ORIGIN);
            tasks.add(() -> node.post("/verify/passkey", body));
        }
        List<ApiResponse> answers = Race.fromBarrier(tasks);
        assertThat(answers).as(answers.toString())
                .filteredOn(r -> r.status() == 200 && r.json().path("isVerified").asBoolean()).hasSize(1);
        // A replay that read the ceremony before the winner used it up, and the passkey after, meets the
        // signature counter the winner advanced: refused as a cloned authenticator's assertion instead.
        assertThat(answers).filteredOn(r -> r.status() != 200).hasSize(REPLAYS - 1).allSatisfy(r -> assertThat(
                r.errorCode()).as(r.toString()).isIn("invalid_request", "invalid_credential"));
    }
}
