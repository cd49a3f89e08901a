package io.signet.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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

    /** What runs between loading the first users and the rest. */
    interface Pause {
        void run() throws Exception;
    }

    /**
     * Loads {@code users}, stopping once after the first {@value #HEAD} for {@code afterHead}: a real
     * PostgreSQL analyses a growing table on its own within a minute, and the harness stands in for that
     * where autovacuum is off (see {@link Backends#analyzeIfAutovacuumIsOff}).
     */
    void load(int users, Pause afterHead) throws Exception {
        int head = Math.min(users, HEAD);
        load(0, head);
        afterHead.run();
        load(head, users);
    }

    static final int HEAD = 3_000;

    /**
     * Sends the batches four at a time: PostgreSQL commits them in parallel (its cost is round trips per
     * item), SQLite queues them on its single writer, so loading is as fast as each backend allows.
     */
    private void load(int from, int to) throws IOException, InterruptedException {
        List<Future<?>> sent = new ArrayList<>();
        try (ExecutorService senders = Executors.newFixedThreadPool(4)) {
            List<String> items = new ArrayList<>(BATCH);
            for (int i = from; i < to; i++) {
                String id = "user-" + i;
                items.add(item(id, "EMAIL_OTP", "email", id + "@bench.example.com"));
                items.add(item(id, "SMS", "phoneNumber", phone(i)));
                items.add(item(id, "EMAIL_MAGIC_LINK", "email", id + "@bench.example.com"));
                if (items.size() >= BATCH - 2 || i == to - 1) {
                    List<String> batch = List.copyOf(items);
                    items.clear();
                    sent.add(senders.submit(() -> {
                        send(batch);
                        return null;
                    }));
                }
            }
            for (Future<?> f : sent) {
                f.get();
            }
        } catch (ExecutionException e) {
            throw new IOException("loading failed: " + e.getCause().getMessage(), e.getCause());
        }
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
        String body = http.post("/v1/users/authenticators", "{\"authenticators\":[" + String.join(",", items) + "]}");
        if (!body.contains("\"failed\":0")) {
            throw new IOException("batch enrollment reported failures: "
                    + body.substring(0, Math.min(500, body.length())));
        }
    }

    private static String item(String userId, String method, String field, String value) {
        return "{\"userId\":\"" + userId + "\",\"verificationMethod\":\"" + method + "\",\"" + field + "\":\"" + value + "\"}";
    }

    /** A valid New Zealand mobile number (027 10x xxxx), unique per user below 100,000. */
    private static String phone(int i) {
        return String.format("+642710%05d", i % 100_000);
    }
}
