package io.signet.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Fixed-rate (open-loop) load, like wrk2: a dispatcher releases requests on a schedule whatever the
 * server's speed, a fixed set of keep-alive connections sends them, and each latency is measured from the
 * request's scheduled start, so a stall is not hidden by fewer requests being sent (coordinated
 * omission). wrk is closed-loop, hence this for the "p99 at half the rate" targets.
 */
final class OpenLoop {
    private static final int CONNECTIONS = 64;

    record Result(double targetRps, double achievedRps, double p50Ms, double p99Ms, long failures) {
    }

    /** Builds the raw HTTP/1.1 request (with Host and Content-Length) for the n-th call. */
    interface RequestFactory {
        byte[] request(long sequence);
    }

    /**
     * Sends {@code rps} requests a second for {@code warmupSeconds} (not measured: the generator's own code is
     * still being compiled) and then for {@code seconds}, measuring those.
     */
    static Result run(String host, int port, double rps, int warmupSeconds, int seconds, RequestFactory requests)
            throws InterruptedException {
        long warmup = (long) (rps * warmupSeconds);
        long total = warmup + (long) (rps * seconds);
        double intervalNanos = 1e9 / rps;
        BlockingQueue<long[]> due = new LinkedBlockingQueue<>();
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong failures = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < CONNECTIONS; i++) {
            workers.add(Thread.ofVirtual().start(() -> work(host, port, due, requests, latencies, failures)));
        }
        long start = System.nanoTime();
        long measuredFrom = start + (long) (warmup * intervalNanos);
        long next = 0;
        while (next < total) {
            long now = System.nanoTime();
            while (next < total && start + (long) (next * intervalNanos) <= now) {
                due.add(new long[] {next, start + (long) (next * intervalNanos), next >= warmup ? 1 : 0});
                next++;
            }
            LockSupport.parkNanos(100_000);
        }
        for (int i = 0; i < CONNECTIONS; i++) {
            due.add(new long[] {-1, 0}); // one stop marker per worker
        }
        for (Thread t : workers) {
            t.join(TimeUnit.SECONDS.toMillis(60));
        }
        double elapsed = (System.nanoTime() - measuredFrom) / 1e9;
        List<Double> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new Result(rps, sorted.size() / elapsed, percentile(sorted, 50), percentile(sorted, 99), failures.get());
    }

    private static void work(String host, int port, BlockingQueue<long[]> due, RequestFactory requests,
                             List<Double> latencies, AtomicLong failures) {
        Socket socket = null;
        InputStream in = null; // one buffer per connection: a response may arrive in several reads
        try {
            while (true) {
                long[] job = due.take();
                if (job[0] < 0) {
                    return;
                }
                boolean measured = job[2] == 1;
                try {
                    if (socket == null) {
                        socket = new Socket(host, port);
                        socket.setTcpNoDelay(true);
                        in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
                    }
                    OutputStream out = socket.getOutputStream();
                    out.write(requests.request(job[0]));
                    out.flush();
                    if (readStatus(in) / 100 != 2 && measured) {
                        failures.incrementAndGet();
                    }
                } catch (IOException e) {
                    if (measured) {
                        failures.incrementAndGet();
                    }
                    closeQuietly(socket);
                    socket = null;
                }
                if (measured) {
                    latencies.add((System.nanoTime() - job[1]) / 1e6);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(socket);
        }
    }

    /** Reads one response (status line, headers, Content-Length body) and returns its status code. */
    private static int readStatus(InputStream in) throws IOException {
        String status = line(in);
        int contentLength = 0;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            if (colon > 0 && header.substring(0, colon).trim().equalsIgnoreCase("Content-Length")) {
                contentLength = Integer.parseInt(header.substring(colon + 1).trim());
            }
        }
        if (in.readNBytes(contentLength).length != contentLength) {
            throw new IOException("connection closed mid-body");
        }
        return Integer.parseInt(status.split(" ")[1]);
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed");
            }
            if (c != '\r') {
                sb.append((char) c);
            }
        }
        return sb.toString();
    }

    static byte[] post(String host, int port, String path, String authorization, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nAuthorization: " + authorization
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
        byte[] h = head.getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[h.length + body.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(body, 0, all, h.length, body.length);
        return all;
    }

    private static void closeQuietly(Socket s) {
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                // already broken
            }
        }
    }

    private static double percentile(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
}
