package io.signet.webhook;

import io.signet.config.Cidr;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * The SSRF guard: decides from the addresses a webhook host resolved to whether Signet may connect. Pure,
 * so it is tested on literal addresses; the sender resolves the host, asks here, and only then connects.
 *
 * <p>Every range of the IANA special-purpose registries is classified. Loopback and private networks
 * (RFC 1918, 100.64/10, ULA fc00::/7) are refused unless {@code SIGNET_WEBHOOK_ALLOW_PRIVATE=true}.
 * Link-local (169.254/16 with the cloud metadata service, fe80::/10), unspecified, multicast,
 * documentation, benchmarking, protocol-assignment, reserved and unallocated addresses are refused always:
 * no webhook needs them. IPv6 forms that embed an IPv4 address (mapped, translated, NAT64, 6to4) are
 * judged by the address they embed.
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

    /** A range of the IANA special-purpose registries and what a webhook may do with it. */
    private record Range(Cidr network, Kind kind) {
        static Range of(String cidr, Kind kind) {
            return new Range(Cidr.of(cidr), kind);
        }

        boolean contains(byte[] address) {
            return network.contains(address);
        }
    }

    // IANA IPv4 and IPv6 Special-Purpose Address Registries (RFC 6890 and updates). First match wins.
    private static final List<Range> IPV4 = List.of(
            Range.of("0.0.0.0/8", Kind.FORBIDDEN),          // "this network"
            Range.of("10.0.0.0/8", Kind.PRIVATE),
            Range.of("100.64.0.0/10", Kind.PRIVATE),        // carrier-grade NAT, RFC 6598
            Range.of("127.0.0.0/8", Kind.PRIVATE),          // loopback
            Range.of("169.254.0.0/16", Kind.FORBIDDEN),     // link-local, cloud metadata services
            Range.of("172.16.0.0/12", Kind.PRIVATE),
            Range.of("192.0.0.0/24", Kind.FORBIDDEN),       // IETF protocol assignments (DS-Lite, NAT64 discovery)
            Range.of("192.0.2.0/24", Kind.FORBIDDEN),       // TEST-NET-1
            Range.of("192.31.196.0/24", Kind.FORBIDDEN),    // AS112-v4
            Range.of("192.52.193.0/24", Kind.FORBIDDEN),    // AMT
            Range.of("192.88.99.0/24", Kind.FORBIDDEN),     // deprecated 6to4 relay anycast
            Range.of("192.168.0.0/16", Kind.PRIVATE),
            Range.of("192.175.48.0/24", Kind.FORBIDDEN),    // AS112 direct delegation
            Range.of("198.18.0.0/15", Kind.FORBIDDEN),      // benchmarking
            Range.of("198.51.100.0/24", Kind.FORBIDDEN),    // TEST-NET-2
            Range.of("203.0.113.0/24", Kind.FORBIDDEN),     // TEST-NET-3
            Range.of("224.0.0.0/4", Kind.FORBIDDEN),        // multicast
            Range.of("240.0.0.0/4", Kind.FORBIDDEN));       // reserved, limited broadcast

    private static final List<Range> IPV6 = List.of(
            Range.of("::1/128", Kind.PRIVATE),              // loopback
            Range.of("::/128", Kind.FORBIDDEN),             // unspecified
            Range.of("100::/64", Kind.FORBIDDEN),           // discard-only
            Range.of("2001::/23", Kind.FORBIDDEN),          // IETF protocol assignments, Teredo among them
            Range.of("2001:db8::/32", Kind.FORBIDDEN),      // documentation
            Range.of("3fff::/20", Kind.FORBIDDEN),          // documentation, RFC 9637
            Range.of("5f00::/16", Kind.FORBIDDEN),          // SRv6 SIDs
            Range.of("fc00::/7", Kind.PRIVATE),             // unique local, RFC 4193
            Range.of("fe80::/10", Kind.FORBIDDEN),          // link-local
            Range.of("fec0::/10", Kind.FORBIDDEN),          // deprecated site-local
            Range.of("ff00::/8", Kind.FORBIDDEN));          // multicast

    /**
     * IPv6 forms that carry an IPv4 address (prefix, where the IPv4 address starts): they reach that address
     * through a translator or tunnel, so they are what it is. NAT64's well-known prefix is how IPv6-only
     * networks reach IPv4 hosts, so a public address stays public there.
     */
    private static final List<Range> EMBEDDING = List.of(
            Range.of("::ffff:0:0/96", Kind.PUBLIC),         // IPv4-mapped (offset 12)
            Range.of("::ffff:0:0:0/96", Kind.PUBLIC),       // IPv4-translated, RFC 2765 (offset 12)
            Range.of("64:ff9b::/96", Kind.PUBLIC),          // NAT64 well-known prefix (offset 12)
            Range.of("64:ff9b:1::/48", Kind.PRIVATE),       // local-use NAT64, RFC 8215 (offset 12)
            Range.of("2002::/16", Kind.PUBLIC));            // 6to4 (offset 2)
    private static final Range IPV4_COMPATIBLE = Range.of("::/96", Kind.FORBIDDEN); // deprecated
    private static final Range GLOBAL_UNICAST = Range.of("2000::/3", Kind.PUBLIC);

    static Kind classify(InetAddress a) {
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            return IPV4.stream().filter(r -> r.contains(b)).map(Range::kind).findFirst().orElse(Kind.PUBLIC);
        }
        for (Range r : EMBEDDING) {
            if (r.contains(b)) {
                int offset = r.network().bits() == 16 ? 2 : 12;
                Kind embedded = classify(ipv4(java.util.Arrays.copyOfRange(b, offset, offset + 4)));
                return embedded == Kind.PUBLIC ? r.kind() : embedded;
            }
        }
        Optional<Kind> special = IPV6.stream().filter(r -> r.contains(b)).map(Range::kind).findFirst();
        if (special.isPresent()) {
            return special.get();
        }
        if (IPV4_COMPATIBLE.contains(b)) {
            return Kind.FORBIDDEN;
        }
        // Outside 2000::/3 nothing is allocated for unicast: no webhook lives there.
        return GLOBAL_UNICAST.contains(b) ? Kind.PUBLIC : Kind.FORBIDDEN;
    }

    private static InetAddress ipv4(byte[] four) {
        try {
            return InetAddress.getByAddress(four);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
