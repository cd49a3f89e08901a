package io.signet.tenant;

import io.signet.error.ErrorCode;
import io.signet.error.SignetException;
import io.signet.store.Database;
import io.signet.text.BoundedText;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A tenant's branding of the hosted page: name, primary colour, logo. Every value is checked before it is
 * stored: a colour is {@code #rrggbb}, a logo a PNG, JPEG or WebP of at most {@link #MAX_LOGO_BYTES}, its
 * type read from its bytes (never SVG, which can carry script).
 */
public final class BrandingService {
    public static final int MAX_LOGO_BYTES = 100 * 1024;
    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");

    private final Database db;
    private final BrandingStore store;
    private final Clock clock;

    public BrandingService(Database db, BrandingStore store, Clock clock) {
        this.store = store;
        this.db = db;
        this.clock = clock;
    }

    /** The tenant's branding; {@link Branding#NONE} when it set none. */
    public Branding get(String tenantId) {
        return db.read(jdbc -> store.find(jdbc, tenantId)).orElse(Branding.NONE);
    }

    /** Body of {@code PATCH /admin/v1/branding}: null leaves a value, {@code ""} resets it to the default. */
    record Changes(String displayName, String primaryColor) {
    }

    Branding update(String tenantId, Changes c) {
        String name = c.displayName() == null ? null : displayName(c.displayName());
        String color = c.primaryColor() == null ? null : color(c.primaryColor());
        return change(tenantId, b -> new Branding(c.displayName() == null ? b.displayName() : name,
                c.primaryColor() == null ? b.primaryColor() : color, b.logo()));
    }

    Branding setLogo(String tenantId, byte[] image) {
        if (image == null || image.length == 0) {
            throw SignetException.invalid("Send the logo as the request body: a PNG, JPEG or WebP image.");
        }
        if (image.length > MAX_LOGO_BYTES) {
            throw new SignetException(ErrorCode.PAYLOAD_TOO_LARGE, "The logo must be at most "
                    + MAX_LOGO_BYTES / 1024 + " KiB, got " + image.length + " bytes.");
        }
        Branding.Logo logo = new Branding.Logo(imageType(image), Base64.getEncoder().encodeToString(image));
        return change(tenantId, b -> new Branding(b.displayName(), b.primaryColor(), logo));
    }

    Branding deleteLogo(String tenantId) {
        return change(tenantId, b -> new Branding(b.displayName(), b.primaryColor(), null));
    }

    private Branding change(String tenantId, java.util.function.UnaryOperator<Branding> edit) {
        return db.write(jdbc -> {
            Branding updated = edit.apply(store.find(jdbc, tenantId).orElse(Branding.NONE));
            store.save(jdbc, tenantId, updated, clock.millis());
            return updated;
        });
    }

    private static String displayName(String value) {
        if (value.isEmpty()) {
            return null;
        }
        if (!BoundedText.isName(value, 100)) {
            throw SignetException.invalid("'displayName' must be 1 to 100 characters without control characters, "
                    + "or \"\" for the tenant's name.");
        }
        return value.strip();
    }

    private static String color(String value) {
        if (value.isEmpty()) {
            return null;
        }
        if (!COLOR.matcher(value).matches()) {
            throw SignetException.invalid("'primaryColor' must be a colour such as #3447d4, or \"\" for the default.");
        }
        return value.toLowerCase(Locale.ROOT);
    }

    /** The media type from the file's signature; the declared Content-Type is not trusted. */
    static String imageType(byte[] b) {
        if (startsWith(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        if (startsWith(b, 0, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (startsWith(b, 0, 'R', 'I', 'F', 'F') && startsWith(b, 8, 'W', 'E', 'B', 'P')) {
            return "image/webp";
        }
        throw SignetException.invalid("The logo must be a PNG, JPEG or WebP image.");
    }

    private static boolean startsWith(byte[] b, int offset, int... signature) {
        return b.length >= offset + signature.length && Arrays.equals(
                Arrays.copyOfRange(b, offset, offset + signature.length),
                toBytes(signature));
    }

    private static byte[] toBytes(int[] values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }
}
