package io.signet.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * The SSRF guard: decides from the addresses a webhook host resolved to whether Signet may connect. Pure,
 * so it is tested on literal addresses; the sender resolves the host, asks here, and only then connects.
 *
 * <p>Loopback and private networks (RFC 1918, 100.64/10, ULA fc00::/7) are refused unless
 * {@code SIGNET_WEBHOOK_ALLOW_PRIVATE=true}. Link-local (169.254/16 with the cloud metadata service,
 * fe80::/10), unspecified, multicast and reserved addresses are refused always: no webhook needs them.
 * Plain {@code http} is allowed only to loopback and private addresses, so an event never crosses a public
 * network unencrypted.
 */
final class AddressGuard {
    private AddressGuard() {
    }

    enum Kind { PUBLIC, PRIVATE, FORBIDDEN }

    /** Empty when every address may be contacted; otherwise why not (names the address, never the URL). */
    static Optional<String> refusal(String scheme, List<InetAddress> addresses, boolean allowPrivate) {
        if (addresses.isEmpty()) {
            return Optional.of("the host resolved to no address");
        }
        for (InetAddress a : addresses) {
            Kind kind = classify(a);
            if (kind == Kind.FORBIDDEN) {
                return Optional.of("address " + a.getHostAddress() + " is link-local, multicast or reserved");
            }
            if (kind == Kind.PRIVATE && !allowPrivate) {
                return Optional.of("address " + a.getHostAddress()
                        + " is loopback or private (set SIGNET_WEBHOOK_ALLOW_PRIVATE=true to allow)");
            }
            if (kind == Kind.PUBLIC && !scheme.equals("https")) {
                return Optional.of("plain http is only allowed to loopback or private addresses");
            }
        }
        return Optional.empty();
    }

    static Kind classify(InetAddress a) {
        if (a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isMulticastAddress()) {
            return Kind.FORBIDDEN;
        }
        if (a.isLoopbackAddress() || a.isSiteLocalAddress()) {
            return Kind.PRIVATE;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xFF;
            int second = b[1] & 0xFF;
            if (first == 0 || first >= 240) {
                return Kind.FORBIDDEN; // "this network" and reserved/broadcast
            }
            if (first == 100 && second >= 64 && second < 128) {
                return Kind.PRIVATE; // carrier-grade NAT, RFC 6598
            }
            return Kind.PUBLIC;
        }
        if (a instanceof Inet6Address) {
            if ((b[0] & 0xFE) == 0xFC) {
                return Kind.PRIVATE; // unique local fc00::/7, RFC 4193
            }
            if (isEmbeddedIpv4(b)) {
                return Kind.FORBIDDEN; // ::a.b.c.d and 64:ff9b::/96 could smuggle any IPv4 address past the checks
            }
        }
        return Kind.PUBLIC;
    }

    private static boolean isEmbeddedIpv4(byte[] b) {
        boolean compatible = true;
        for (int i = 0; i < 12; i++) {
            compatible &= b[i] == 0;
        }
        boolean nat64 = (b[0] & 0xFF) == 0x00 && (b[1] & 0xFF) == 0x64 && (b[2] & 0xFF) == 0xFF && (b[3] & 0xFF) == 0x9B;
        return compatible || nat64;
    }
}
