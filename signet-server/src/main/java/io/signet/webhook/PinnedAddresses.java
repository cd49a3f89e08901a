package io.signet.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolverProvider;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Closes DNS rebinding for webhooks: while a delivery runs, its host name resolves to exactly the addresses
 * {@link AddressGuard} checked, so the HTTP client connects to a checked address and never asks DNS again.
 * Installed as the JVM's name resolver (a {@code java.net.spi} service); every name that is not pinned,
 * and every reverse lookup, goes to the built-in resolver unchanged.
 */
public final class PinnedAddresses extends InetAddressResolverProvider {
    private record Pin(List<InetAddress> addresses, int holders) {
    }

    private static final Map<String, Pin> PINS = new ConcurrentHashMap<>();

    /** Work done while a host is pinned: an HTTP exchange. */
    interface Work<T> {
        T run() throws java.io.IOException, InterruptedException;
    }

    /** Runs {@code work} with {@code host} resolving to {@code addresses} only (all of them checked). */
    static <T> T during(String host, List<InetAddress> addresses, Work<T> work)
            throws java.io.IOException, InterruptedException {
        String key = host.toLowerCase(java.util.Locale.ROOT);
        // Concurrent deliveries to one host share a pin; each pinned set was checked, so either is safe.
        PINS.compute(key, (k, p) -> p == null ? new Pin(List.copyOf(addresses), 1) : new Pin(p.addresses(),
                p.holders() + 1));
        try {
            return work.run();
        } finally {
            PINS.computeIfPresent(key, (k, p) -> p.holders() == 1 ? null : new Pin(p.addresses(), p.holders() - 1));
        }
    }

    @Override
    public InetAddressResolver get(Configuration configuration) {
        InetAddressResolver builtin = configuration.builtinResolver();
        return new InetAddressResolver() {
            @Override
            public Stream<InetAddress> lookupByName(String host, LookupPolicy policy) throws UnknownHostException {
                Pin pin = PINS.get(host.toLowerCase(java.util.Locale.ROOT));
                return pin != null ? pin.addresses().stream() : builtin.lookupByName(host, policy);
            }

            @Override
            public String lookupByAddress(byte[] addr) throws UnknownHostException {
                return builtin.lookupByAddress(addr);
            }
        };
    }

    @Override
    public String name() {
        return "signet-pinned-webhook-addresses";
    }
}
