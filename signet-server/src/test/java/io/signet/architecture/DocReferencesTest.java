package io.signet.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every document a comment or page cites is inside this repository (no outside document, no issue number),
 * and every {@code docs/<page>.md §N} names a section that page has: a reader must be able to follow each
 * reference from a clone.
 *
 * <p>Applied migrations are left out: Flyway checksums their text, so their comments stay as first written.
 */
class DocReferencesTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final List<String> SCANNED = List.of("signet-server/src", "signet-client/src", "signet-bench/src",
            "compat/test", "compat/support", "compat/fixtures", "docs", "README.md", "CONTRIBUTING.md", "SECURITY.md");
    private static final Pattern OUTSIDE = Pattern.compile(
            "\\.\\./shared|authsignal-(client-)?api\\.md|\\bdesign\\.md|\\bstyle\\.md|\\bseeds/");
    /** The word issue followed by a number: the issue tracker is not in a clone; say what the code or test does. */
    private static final Pattern ISSUE = Pattern.compile("(?i)\\bissues? ?#?\\d");
    private static final Pattern SECTION = Pattern.compile("(?<![\\w/])(docs/)?(server-api|client-api)\\.md"
            + "(?:\\s|\\*|//|#)*§ ?(\\d+(?:\\.\\d+)*)");
    private static final Pattern HEADING = Pattern.compile("^#{2,4} (\\d+(?:\\.\\d+)*)\\.? ", Pattern.MULTILINE);

    @Test
    void no_file_cites_a_document_outside_the_repository() {
        List<String> found = new ArrayList<>();
        for (Path file : files()) {
            String[] lines = read(file).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (OUTSIDE.matcher(lines[i]).find() || ISSUE.matcher(lines[i]).find()) {
                    found.add(ROOT.relativize(file) + ":" + (i + 1) + ": " + lines[i].strip());
                }
            }
        }
        assertThat(found).as("cite docs/server-api.md or docs/client-api.md instead").isEmpty();
    }

    @Test
    void every_cited_section_exists_in_its_page() {
        Set<String> sections = new HashSet<>();
        for (String page : List.of("server-api", "client-api")) {
            Matcher h = HEADING.matcher(read(ROOT.resolve("docs/" + page + ".md")));
            while (h.find()) {
                sections.add(page + " §" + h.group(1));
            }
        }
        List<String> missing = new ArrayList<>();
        for (Path file : files()) {
            Matcher m = SECTION.matcher(read(file));
            while (m.find()) {
                String cited = m.group(2) + " §" + m.group(3);
                if (!sections.contains(cited) && !sections.contains(m.group(2) + " §" + parent(m.group(3)))) {
                    missing.add(ROOT.relativize(file) + ": " + cited);
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    /** {@code 12.3} is item 3 of the list in §12. */
    private static String parent(String number) {
        return number.contains(".") ? number.substring(0, number.lastIndexOf('.')) : number;
    }

    private static List<Path> files() {
        List<Path> files = new ArrayList<>();
        for (String entry : SCANNED) {
            Path p = ROOT.resolve(entry);
            if (Files.isRegularFile(p)) {
                files.add(p);
            } else if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile)
                            .filter(f -> !f.toString().contains("/db/migration/"))
                            .filter(f -> f.toString().matches(".*\\.(java|mjs|js|json|md|html|css|properties|sql)$"))
                            .forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        assertThat(files).as("the repository's sources, from " + ROOT).hasSizeGreaterThan(100);
        return files;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
