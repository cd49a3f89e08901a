package io.signet.authenticator;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * {@code aaguidMapping} (docs/server-api.md §5.2 "webauthnCredential"): the provider name and icons for a passkey's AAGUID.
 *
 * <p>The table is Signet's own, small and bundled (no network at run time): the providers users meet most,
 * by the AAGUIDs they publish. Names follow Authsignal's spelling where its SDK tests pin one ("iCloud
 * Keychain", "Google Password Manager"). The icons are one neutral key glyph, not vendor logos, which
 * Signet has no licence to ship. An unknown AAGUID has no mapping and the field is omitted.
 */
public record AaguidMapping(String name, String svgIconLight, String svgIconDark) {
    private static final String ICON = """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="24" height="24">\
            <circle cx="8" cy="12" r="4" fill="none" stroke="%1$s" stroke-width="2"/>\
            <path d="M12 12h9M18 12v3M21 12v2" fill="none" stroke="%1$s" stroke-width="2" stroke-linecap="round"/>\
            </svg>""";
    /** Light icon: dark strokes for light backgrounds; dark icon the reverse. */
    private static final String LIGHT = dataUri(ICON.formatted("#1F2937"));
    private static final String DARK = dataUri(ICON.formatted("#F3F4F6"));

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("fbfc3007-154e-4ecc-8c0b-6e020557d7bd", "iCloud Keychain"),
            Map.entry("dd4ec289-e01d-41c9-bb89-70fa845d4bf2", "iCloud Keychain (Managed)"),
            Map.entry("ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4", "Google Password Manager"),
            Map.entry("adce0002-35bc-c60a-648b-0b25f1f05503", "Chrome on Mac"),
            Map.entry("08987058-cadc-4b81-b6e1-30de50dcbe96", "Windows Hello"),
            Map.entry("9ddd1817-af5a-4672-a2b9-3e3dd95000a9", "Windows Hello"),
            Map.entry("6028b017-b1d4-4c02-b4b3-afcdafc96bb2", "Windows Hello"),
            Map.entry("bada5566-a7aa-401f-bd96-45619a55120d", "1Password"),
            Map.entry("d548826e-79b4-db40-a3d8-11116f7e8349", "Bitwarden"),
            Map.entry("53414d53-554e-4700-0000-000000000000", "Samsung Pass"),
            Map.entry("fdb141b2-5d84-443e-8a35-4698c205a502", "KeePassXC"),
            Map.entry("b84e4048-15dc-4dd0-8640-f4f60813c8af", "NordPass"));

    /** The mapping for a lower-case AAGUID, if the table knows it. */
    static Optional<AaguidMapping> lookup(String aaguid) {
        return Optional.ofNullable(aaguid).map(NAMES::get).map(name -> new AaguidMapping(name, LIGHT, DARK));
    }

    private static String dataUri(String svg) {
        return "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8));
    }
}
