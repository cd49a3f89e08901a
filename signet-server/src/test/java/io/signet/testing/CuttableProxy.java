package io.signet.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy on 127.0.0.1 in front of a database, for fault tests: {@link #cut()} drops every open connection
 * and swallows new ones without an answer (as a dead network or a hung server does, the harder case than a
 * refused connection); {@link #restore()} forwards again.
 */
public final class CuttableProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final InetSocketAddress target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;

    public CuttableProxy(String targetHost, int targetPort) {
        this.target = new InetSocketAddress(targetHost, targetPort);
        try {
            listener = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofVirtual().name("proxy-accept").start(this::accept);
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Drops every connection and swallows new ones until {@link #restore()}. */
    public void cut() {
        cut = true;
        closeAll();
    }

    /** Forwards new connections again; the ones swallowed while cut are closed. */
    public void restore() {
        closeAll();
        cut = false;
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                open.add(client);
                if (!cut) {
                    Thread.ofVirtual().start(() -> connect(client));
                }
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void connect(Socket client) {
        try {
            Socket server = new Socket();
            server.connect(target, 5000);
            open.add(server);
            if (cut) { // cut while this connection was being made
                closeQuietly(server);
                closeQuietly(client);
                return;
            }
            Thread.ofVirtual().start(() -> pump(client, server));
            pump(server, client);
        } catch (IOException e) {
            closeQuietly(client);
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side closed or was cut
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private void closeAll() {
        for (Socket s : open) {
            closeQuietly(s);
        }
    }

    private void closeQuietly(Socket s) {
        open.remove(s);
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException ignored) {
            // already closed
        }
        closeAll();
    }
}
