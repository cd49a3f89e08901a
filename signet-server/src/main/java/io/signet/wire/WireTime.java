package io.signet.wire;

import io.signet.error.SignetException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Timestamps as the SDKs expect them: ISO-8601 UTC with milliseconds, {@code 2024-05-13T04:59:02.640Z}. */
public final class WireTime {
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private WireTime() {
    }

    public static String iso(long epochMillis) {
        return ISO_MILLIS.format(Instant.ofEpochMilli(epochMillis));
    }

    /** Null-tolerant variant for optional timestamps. */
    public static String isoOrNull(Long epochMillis) {
        return epochMillis == null ? null : iso(epochMillis);
    }

    /**
     * Parses an ISO-8601 UTC time given in a request into epoch millis. A time that parses but does not fit
     * in epoch millis (year -999999999) is as invalid as one that does not parse: 400, never a 500.
     */
    public static long parse(String field, String value) {
        try {
            return Instant.parse(value).toEpochMilli();
        } catch (DateTimeParseException | ArithmeticException e) {
            throw SignetException.invalid("'" + field + "' must be an ISO-8601 UTC time between the years 1970 "
                    + "and 9999, such as 2024-05-13T04:59:02.640Z.");
        }
    }
}
