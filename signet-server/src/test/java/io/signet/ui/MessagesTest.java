package io.signet.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The hosted page's message bundles: a new language is a file alone (the test class path adds
 * {@code messages_mi.properties}, Māori, with one text), the shipped translations are complete, and no bundle
 * carries a key English does not have (a typo would never be shown).
 */
class MessagesTest {
    private final Messages messages = new Messages();

    private static Set<String> keys(String lang) throws IOException {
        try (InputStream in = MessagesTest.class.getClassLoader()
                .getResourceAsStream("ui/messages_" + lang + ".properties")) {
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p.stringPropertyNames();
        }
    }

    @Test
    void a_bundle_file_on_the_class_path_is_a_language_without_any_code_change() {
        assertThat(Messages.LANGUAGES).startsWith("en").contains("de", "fr", "mi");
        assertThat(messages.choose(null, "mi-NZ,en;q=0.5")).isEqualTo("mi");
        assertThat(messages.bundle("mi").get("page.title")).isEqualTo("Manatoko ko koe");
        assertThat(messages.bundle("mi").get("code.submit")).as("a missing text falls back to English")
                .isEqualTo("Verify");
    }

    @Test
    void the_shipped_translations_have_every_english_text_and_no_bundle_has_a_stray_key() throws IOException {
        Set<String> english = keys("en");
        for (String lang : List.of("de", "fr")) {
            assertThat(keys(lang)).as(lang).containsExactlyInAnyOrderElementsOf(english);
        }
        for (String lang : Messages.LANGUAGES) {
            assertThat(english).as(lang).containsAll(keys(lang));
        }
    }
}
