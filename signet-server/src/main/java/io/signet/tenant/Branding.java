package io.signet.tenant;

/**
 * How a tenant's hosted page looks: the name it shows, its primary colour and its logo. Null means the
 * default (the tenant's name, Signet's colour, no logo).
 *
 * @param primaryColor {@code #rrggbb}
 * @param logo         a PNG, JPEG or WebP image, or null
 */
public record Branding(String displayName, String primaryColor, Logo logo) {
    public static final Branding NONE = new Branding(null, null, null);

    /** An uploaded logo: its media type, sniffed from the bytes, and the bytes in base64. */
    public record Logo(String contentType, String base64) {
        /** The logo as a {@code data:} URL, so the page embeds it without another request. */
        public String dataUrl() {
            return "data:" + contentType + ";base64," + base64;
        }

        int sizeBytes() {
            return java.util.Base64.getDecoder().decode(base64).length;
        }
    }
}
