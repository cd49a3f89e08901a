package io.signet.ui;

import io.signet.crypto.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A page's scripts and style sheets, read from the jar once (the hosted page's {@code ui/assets/}, the
 * console's {@code console/assets/}): nothing comes from
 * another host, so the page's CSP can say {@code 'self'}. {@link #version} changes with their content and
 * goes into their URLs, so a browser's cached copy is never used with a newer page.
 */
public final class Assets {
    public record Asset(String contentType, byte[] body) {
    }

    public static final String SCRIPT = "text/javascript; charset=utf-8";
    public static final String STYLE = "text/css; charset=utf-8";

    private static final Map<String, String> HOSTED_PAGE = Map.of(
            "signet-ui-core.js", SCRIPT,
            "signet-ui-passkeys.js", SCRIPT,
            "signet-ui.js", SCRIPT,
            "signet-ui.css", STYLE,
            "favicon.svg", "image/svg+xml");

    private final Map<String, Asset> assets = new LinkedHashMap<>();
    private final String version;

    /** The hosted page's assets. */
    Assets() {
        this("ui/assets/", HOSTED_PAGE);
    }

    /** The files {@code types} names (file name to content type) in the jar's {@code folder}, e.g. {@code console/assets/}. */
    public Assets(String folder, Map<String, String> types) {
        MessageDigest digest = Sha256.start();
        types.keySet().stream().sorted().forEach(name -> {
            byte[] body = read(folder + name);
            digest.update(body);
            assets.put(name, new Asset(types.get(name), body));
        });
        version = HexFormat.of().formatHex(digest.digest()).substring(0, 12);
    }

    public Map<String, Asset> all() {
        return Map.copyOf(assets);
    }

    public String version() {
        return version;
    }

    /** A text resource of the jar, e.g. the page template. */
    public static String text(String name) {
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
}
