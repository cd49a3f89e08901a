package io.signet.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads the data set through the public API: {@code users} users ({@code user-0} ...), each with three
 * authenticators (EMAIL_OTP, SMS, EMAIL_MAGIC_LINK), in 1000-item batch enrollments.
 */
final class DataLoader {
    static final int BATCH = 1000;

    private final SignetHttp http;

    DataLoader(SignetHttp http) {
        this.http = http;
    }

    void load(int users) throws IOException, InterruptedException {
        List<String> items = new ArrayList<>(BATCH);
        for (int i = 0; i < users; i++) {
            String id = "user-" + i;
            items.add(item(id, "EMAIL_OTP", "email", id + "@bench.example.com"));
            items.add(item(id, "SMS", "phoneNumber", phone(i)));
            items.add(item(id, "EMAIL_MAGIC_LINK", "email", id + "@bench.example.com"));
            if (items.size() >= BATCH - 2) {
                send(items);
            }
        }
        send(items);
    }

    /** Enrolls one batch of 1000 new EMAIL_OTP users and returns how long the request took, in ms. */
    double timeOneBatch(String prefix) throws IOException, InterruptedException {
        List<String> items = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            items.add(item(prefix + "-" + i, "EMAIL_OTP", "email", prefix + "-" + i + "@bench.example.com"));
        }
        long start = System.nanoTime();
        send(items);
        return (System.nanoTime() - start) / 1e6;
    }

    private void send(List<String> items) throws IOException, InterruptedException {
        if (items.isEmpty()) {
            return;
        }
        String body = http.post("/v1/users/authenticators", "{\"authenticators\":[" + String.join(",", items) + "]}");
        if (!body.contains("\"failed\":0")) {
            throw new IOException("batch enrollment reported failures: "
                    + body.substring(0, Math.min(500, body.length())));
        }
        items.clear();
    }

    private static String item(String userId, String method, String field, String value) {
        return "{\"userId\":\"" + userId + "\",\"verificationMethod\":\"" + method + "\",\"" + field + "\":\"" + value + "\"}";
    }

    /** A valid New Zealand mobile number (027 10x xxxx), unique per user below 100,000. */
    private static String phone(int i) {
        return String.format("+642710%05d", i % 100_000);
    }
}
