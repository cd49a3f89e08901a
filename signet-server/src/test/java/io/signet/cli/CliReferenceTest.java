package io.signet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.signet.Signet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The command line's promises checked on its whole model: the README's reference is the generated one,
 * every command answers {@code -h} and {@code --help}, every listing command has {@code --json}.
 */
class CliReferenceTest {
    private static final Path README = Path.of("..", "README.md");
    private static final Set<String> LISTINGS = Set.of("list", "show", "deliveries", "audit", "health");

    @Test
    void the_readme_cli_reference_is_the_one_picocli_generates() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        String fresh = CliReference.replaceIn(readme, CliReference.render(Signet.commandLine()));
        if (Boolean.getBoolean("signet.updateReadme")) {
            Files.writeString(README, fresh, StandardCharsets.UTF_8);
            readme = fresh;
        }
        assertThat(readme).as("README.md's CLI reference is stale: run this test with -Dsignet.updateReadme=true")
                .isEqualTo(fresh);
    }

    @Test
    void every_command_answers_help_and_every_listing_command_prints_json() {
        List<CommandLine> all = new ArrayList<>();
        collect(Signet.commandLine(), all);
        assertThat(all.size()).isGreaterThan(30);
        for (CommandLine command : all) {
            String name = command.getCommandSpec().qualifiedName();
            assertThat(command.getCommandSpec().findOption("-h")).as(name + " -h").isNotNull();
            assertThat(command.getCommandSpec().findOption("--help")).as(name + " --help").isNotNull();
            if (LISTINGS.contains(command.getCommandName())) {
                assertThat(command.getCommandSpec().findOption("--json")).as(name + " --json").isNotNull();
            }
        }
    }

    private static void collect(CommandLine command, List<CommandLine> into) {
        into.add(command);
        command.getSubcommands().values().stream().distinct().forEach(sub -> collect(sub, into));
    }
}
