package io.signet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.signet.Signet;
import io.signet.testing.Backend;
import io.signet.testing.TestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;

/** {@code ./signet rules ...} against a real server: the commands reach the admin API and change what track decides. */
class RulesCliIT {
    @TempDir
    Path tempDir;

    @Test
    void rules_commands_create_configure_and_delete_through_the_admin_API() {
        try (TestServer server = TestServer.start(Backend.SQLITE, tempDir)) {
            String[] auth = {"--url", server.baseUrl(), "--key", TestServer.SECRET_KEY};
            assertThat(run(auth, "rules", "create", "--name", "big transfers", "--action", "transfer",
                    "--condition", "{\">\": [{\"var\": \"request.custom.amount\"}, 1000]}", "--outcome", "BLOCK",
                    "--priority", "5")).isZero();
            JsonNode rules = server.api().get("/admin/v1/rules?actionCode=transfer").json().path("rules");
            assertThat(rules.size()).isEqualTo(1);
            String ruleId = rules.get(0).path("ruleId").asString();
            assertThat(server.api().post("/v1/users/u1/actions/transfer", "{\"custom\": {\"amount\": 5000}}")
                    .json().path("state").asString()).isEqualTo("BLOCK");

            assertThat(run(auth, "rules", "update", ruleId, "--outcome", "REVIEW")).isZero();
            assertThat(run(auth, "rules", "dry-run", "--action", "transfer",
                    "--input", "{\"request\": {\"custom\": {\"amount\": 5000}}}")).isZero();
            assertThat(run(auth, "rules", "default", "--action", "transfer", "--outcome", "CHALLENGE")).isZero();
            assertThat(run(auth, "rules", "delete", ruleId)).isZero();
            assertThat(server.api().post("/v1/users/u1/actions/transfer", "{\"custom\": {\"amount\": 5000}}")
                    .json().path("state").asString()).isEqualTo("CHALLENGE_REQUIRED");
            assertThat(run(auth, "rules", "get", ruleId)).as("deleted rule").isEqualTo(1);
            assertThat(run(auth, "rules", "create", "--name", "x", "--outcome", "NOPE", "--condition", "true"))
                    .as("a 400 is a failing exit code").isEqualTo(1);
        }
    }

    private static int run(String[] auth, String... args) {
        String[] all = new String[args.length + auth.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(auth, 0, all, args.length, auth.length);
        return new CommandLine(new Signet()).execute(all);
    }
}
