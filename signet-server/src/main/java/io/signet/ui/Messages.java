package io.signet.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The hosted page's texts: one bundle per language in {@code ui/messages_<lang>.properties} (UTF-8), so a
 * translator edits or adds only those files: every bundle named by a two-letter ISO 639 code is found on the
 * class path, no list to extend. English is complete by definition; another language falls back to English
 * key by key, so a half-translated bundle still shows every text.
 */
final class Messages {
    static final String FALLBACK = "en";
    /** The languages shipped, English first: every bundle file found. */
    static final List<String> LANGUAGES = discover();

    private final Map<String, Map<String, String>> bundles = new LinkedHashMap<>();

    Messages() {
        Map<String, String> english = load(FALLBACK);
        for (String lang : LANGUAGES) {
            Map<String, String> merged = new LinkedHashMap<>(english);
            if (!lang.equals(FALLBACK)) {
                merged.putAll(load(lang));
            }
            bundles.put(lang, Map.copyOf(merged));
        }
    }

    /** A language's texts, every key of the English bundle present. */
    Map<String, String> bundle(String lang) {
        return bundles.getOrDefault(lang, bundles.get(FALLBACK));
    }

    /**
     * The language to show: the first of {@code preferred} (e.g. track's {@code locale}, a BCP 47 tag) that
     * we ship, then the best of the {@code Accept-Language} header, then English. Only the primary language
     * subtag matters: de-CH gets the German bundle.
     */
    String choose(String preferred, String acceptLanguage) {
        List<Locale.LanguageRange> ranges = new ArrayList<>();
        if (preferred != null && !preferred.isBlank()) {
            ranges.add(new Locale.LanguageRange(primary(preferred), 1.0));
        }
        if (acceptLanguage != null && acceptLanguage.length() <= 500) {
            try {
                Locale.LanguageRange.parse(acceptLanguage).stream()
                        .map(r -> new Locale.LanguageRange(primary(r.getRange()), r.getWeight()))
                        .forEach(ranges::add);
            } catch (IllegalArgumentException malformed) {
                // a malformed header is ignored like an absent one
            }
        }
        for (Locale.LanguageRange r : ranges) {
            if (r.getWeight() > 0 && LANGUAGES.contains(r.getRange())) {
                return r.getRange();
            }
        }
        return FALLBACK;
    }

    private static String primary(String tag) {
        String lower = tag.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        int dash = lower.indexOf('-');
        return dash < 0 ? lower : lower.substring(0, dash);
    }

    private static List<String> discover() {
        List<String> found = new ArrayList<>(List.of(FALLBACK));
        for (String lang : Locale.getISOLanguages()) {
            if (!lang.equals(FALLBACK) && Messages.class.getClassLoader().getResource(bundleName(lang)) != null) {
                found.add(lang);
            }
        }
        return List.copyOf(found);
    }

    private static String bundleName(String lang) {
        return "ui/messages_" + lang + ".properties";
    }

    private static Map<String, String> load(String lang) {
        String name = bundleName(lang);
        try (InputStream in = Messages.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing message bundle " + name);
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> texts = new LinkedHashMap<>();
            p.stringPropertyNames().forEach(k -> texts.put(k, p.getProperty(k)));
            return texts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
