package io.signet.http;

import io.signet.config.Cidr;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Who the client is behind a reverse proxy (SIGNET_PROXY_HEADERS, SIGNET_TRUSTED_PROXIES). Headers are read
 * only when the connection comes from a trusted proxy; the client is then the right-most address of the
 * chain that is not itself a trusted proxy (addresses to its left were written by the client and prove
 * nothing). Scheme and host are taken from the hop the nearest trusted proxy wrote, and only when they
 * look like a scheme and a host, so no header can put a path or credentials into a link Signet builds.
 */
public final class ProxyHeaders {
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9a-fA-F:.]+");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]+(:[0-9]{1,5})?|\\[[0-9a-fA-F:.]+](:[0-9]{1,5})?");

    /** {@code none}: headers ignored; {@code xforwarded}: X-Forwarded-*; {@code forwarded}: RFC 7239. */
    public enum Mode { NONE, XFORWARDED, FORWARDED }

    public static final ProxyHeaders NONE = new ProxyHeaders(Mode.NONE, List.of());

    private final Mode mode;
    private final List<Cidr> trusted;

    public ProxyHeaders(Mode mode, List<Cidr> trusted) {
        this.mode = mode;
        this.trusted = List.copyOf(trusted);
    }

    /** From the settings' values: {@code none|xforwarded|forwarded}. */
    public static ProxyHeaders of(String mode, List<Cidr> trusted) {
        return new ProxyHeaders(Mode.valueOf(mode.toUpperCase(Locale.ROOT)), trusted);
    }

    /** One hop of the chain: the address a proxy saw, and the scheme and host it was asked for. */
    private record Hop(String address, String proto, String host) {
    }

    /**
     * The client of a request from {@code peer}; {@code headers} gives every value of a header name, in
     * order. Without a trusted peer, or with {@code none}, the peer itself with no forwarded base URL.
     */
    public ClientOrigin resolve(String peer, Function<String, List<String>> headers) {
        if (mode == Mode.NONE || !isTrusted(peer)) {
            return new ClientOrigin(peer, null);
        }
        List<Hop> hops = mode == Mode.FORWARDED ? forwarded(headers.apply("Forwarded")) : xForwarded(headers);
        String client = peer;
        Hop written = null; // the hop the proxy facing the client wrote: its scheme and host are the public ones
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<String> address = literal(hops.get(i).address());
            if (address.isEmpty()) {
                break; // unknown or obfuscated: the last address known stands
            }
            client = address.get();
            written = hops.get(i);
            if (!isTrusted(client)) {
                break;
            }
        }
        return new ClientOrigin(client, written == null ? null : base(written));
    }

    /**
     * True when {@code peer} is in SIGNET_TRUSTED_PROXIES, whatever SIGNET_PROXY_HEADERS says: such a peer's
     * own {@code X-Request-Id} is kept (see {@link RequestIds}).
     */
    boolean trusts(String peer) {
        return isTrusted(peer);
    }

    private boolean isTrusted(String address) {
        Optional<byte[]> bytes = literal(address).flatMap(ProxyHeaders::bytes);
        return bytes.isPresent() && trusted.stream().anyMatch(c -> c.contains(bytes.get()));
    }

    private static String base(Hop hop) {
        String proto = hop.proto() == null ? null : hop.proto().toLowerCase(Locale.ROOT);
        if (hop.host() == null || !HOST.matcher(hop.host()).matches()
                || !("http".equals(proto) || "https".equals(proto))) {
            return null;
        }
        return proto + "://" + hop.host().toLowerCase(Locale.ROOT);
    }

    /**
     * X-Forwarded-For lists the chain; -Proto and -Host are not per hop, so every hop gets the right-most
     * value, the one the nearest (trusted) proxy set or passed on.
     */
    private static List<Hop> xForwarded(Function<String, List<String>> headers) {
        String proto = last(headers.apply("X-Forwarded-Proto"));
        String host = last(headers.apply("X-Forwarded-Host"));
        List<String> chain = split(headers.apply("X-Forwarded-For"), ",");
        List<Hop> hops = new ArrayList<>();
        for (String address : chain) {
            hops.add(new Hop(address, proto, host));
        }
        return hops;
    }

    /** RFC 7239: {@code for=192.0.2.60;proto=https;host=example.com, for="[2001:db8::1]:4711"}. */
    private static List<Hop> forwarded(List<String> values) {
        List<Hop> hops = new ArrayList<>();
        for (String element : split(values, ",")) {
            String address = null;
            String proto = null;
            String host = null;
            for (String pair : element.split(";")) {
                int eq = pair.indexOf('=');
                if (eq < 0) {
                    continue;
                }
                String name = pair.substring(0, eq).strip().toLowerCase(Locale.ROOT);
                String value = unquote(pair.substring(eq + 1).strip());
                switch (name) {
                    case "for" -> address = value;
                    case "proto" -> proto = value;
                    case "host" -> host = value;
                    default -> { }
                }
            }
            hops.add(new Hop(address, proto, host));
        }
        return hops;
    }

    private static List<String> split(List<String> values, String separator) {
        List<String> parts = new ArrayList<>();
        for (String value : values == null ? Collections.<String>emptyList() : values) {
            for (String part : value.split(separator)) {
                if (!part.isBlank()) {
                    parts.add(part.strip());
                }
            }
        }
        return parts;
    }

    private static String last(List<String> values) {
        List<String> parts = split(values, ",");
        return parts.isEmpty() ? null : parts.getLast();
    }

    private static String unquote(String v) {
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }

    /** The address of a hop without brackets or port ({@code [2001:db8::1]:4711}, {@code 192.0.2.1:80}). */
    private static Optional<String> literal(String hop) {
        if (hop == null) {
            return Optional.empty();
        }
        String v = hop;
        if (v.startsWith("[")) {
            int end = v.indexOf(']');
            v = end < 0 ? "" : v.substring(1, end);
        } else if (v.indexOf(':') >= 0 && v.indexOf(':') == v.lastIndexOf(':') && v.contains(".")) {
            v = v.substring(0, v.indexOf(':')); // IPv4 with a port
        }
        return IP_LITERAL.matcher(v).matches() && bytes(v).isPresent() ? Optional.of(v) : Optional.empty();
    }

    private static Optional<byte[]> bytes(String literal) {
        if (!IP_LITERAL.matcher(literal).matches() || !(literal.contains(".") || literal.contains(":"))) {
            return Optional.empty(); // never a name: no DNS lookup on a header's say-so
        }
        try {
            return Optional.of(InetAddress.getByName(literal).getAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
