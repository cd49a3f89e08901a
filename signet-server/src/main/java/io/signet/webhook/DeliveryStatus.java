package io.signet.webhook;

/** Where a delivery stands: waiting (possibly for a retry), delivered, or given up after the last retry. */
public enum DeliveryStatus {
    PENDING,
    SUCCEEDED,
    FAILED;

    static DeliveryStatus parse(String value) {
        for (DeliveryStatus s : values()) {
            if (s.name().equals(value)) {
                return s;
            }
        }
        return null;
    }
}
