package io.signet.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A delivery connects to the address that was checked. The host names here end in
 * {@code .invalid}, which DNS never resolves (RFC 6761): a connection can reach the local receiver only
 * through the checked address, never through a second lookup.
 */
class PinnedAddressesTest {

    @Test
    void while_pinned_a_name_resolves_to_the_checked_addresses_only_and_afterwards_not() throws Exception {
        String host = "rebind-" + UUID.randomUUID() + ".invalid";
        InetAddress checked = InetAddress.getByName("203.0.113.9");
        InetAddress[] during = PinnedAddresses.during(host, List.of(checked), () -> InetAddress.getAllByName(host));
        assertThat(during).containsExactly(checked);
        String other = "other-" + UUID.randomUUID() + ".invalid";
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> InetAddress.getAllByName(other))
                .isInstanceOf(UnknownHostException.class);
    }

    @Test
    void the_sender_connects_to_the_address_its_check_resolved() throws Exception {
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        AtomicInteger received = new AtomicInteger();
        receiver.createContext("/", exchange -> {
            received.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            String host = "receiver-" + UUID.randomUUID() + ".invalid";
            WebhookSender sender = new WebhookSender(tenant -> List.of("sk_test_key"), true, Duration.ofSeconds(5),
                    Clock.systemUTC(), name -> List.of(InetAddress.getByName("127.0.0.1")));
            AttemptResult r = sender.send("tenant", "http://" + host + ":" + receiver.getAddress().getPort() + "/in",
                    "{}");
            assertThat(r.succeeded()).as(String.valueOf(r)).isTrue();
            assertThat(received).hasValue(1);
        } finally {
            receiver.stop(0);
        }
    }
}
