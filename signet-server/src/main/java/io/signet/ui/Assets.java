package io.signet.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The page's script and style sheet, read from the jar once ({@code ui/assets/}): nothing comes from
 * another host, so the page's CSP can say {@code 'self'}. {@link #version} changes with their content and
 * goes into their URLs, so a browser's cached copy is never used with a newer page.
 */
final class Assets {
    record Asset(String contentType, byte[] body) {
    }

    private static final Map<String, String> TYPES = Map.of(
            "signet-ui-core.js", "text/javascript; charset=utf-8",
            "signet-ui-passkeys.js", "text/javascript; charset=utf-8",
            "signet-ui.js", "text/javascript; charset=utf-8",
            "signet-ui.css", "text/css; charset=utf-8",
            "favicon.svg", "image/svg+xml");

    private final Map<String, Asset> assets = new LinkedHashMap<>();
    private final String version;

    Assets() {
        MessageDigest digest = sha256();
        TYPES.keySet().stream().sorted().forEach(name -> {
            byte[] body = read("ui/assets/" + name);
            digest.update(body);
            assets.put(name, new Asset(TYPES.get(name), body));
        });
        version = HexFormat.of().formatHex(digest.digest()).substring(0, 12);
    }

    Map<String, Asset> all() {
        return Map.copyOf(assets);
    }

    String version() {
        return version;
    }

    /** A text resource of the jar, e.g. the page template. */
    static String text(String name) {
        return new String(read(name), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static byte[] read(String name) {
        try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
