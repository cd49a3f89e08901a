package io.signet.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.signet.config.Cidr;
import io.signet.config.Setting;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProxyHeadersTest {
    private static final List<Cidr> PROXIES = Arrays.stream(new String[] {"10.0.0.0/8", "fd00::/8"})
            .map(c -> Cidr.parse(c, Setting.TRUSTED_PROXIES)).toList();
    private static final ProxyHeaders X = new ProxyHeaders(ProxyHeaders.Mode.XFORWARDED, PROXIES);
    private static final ProxyHeaders RFC = new ProxyHeaders(ProxyHeaders.Mode.FORWARDED, PROXIES);

    private static ClientOrigin resolve(ProxyHeaders p, String peer, Map<String, List<String>> headers) {
        return p.resolve(peer, name -> headers.getOrDefault(name, List.of()));
    }

    @Test
    void headers_from_an_untrusted_peer_are_ignored() {
        Map<String, List<String>> spoofed = Map.of("X-Forwarded-For", List.of("198.51.100.7"),
                "X-Forwarded-Proto", List.of("https"), "X-Forwarded-Host", List.of("evil.example"),
                "Forwarded", List.of("for=198.51.100.7;proto=https;host=evil.example"));
        assertThat(resolve(X, "203.0.113.9", spoofed)).isEqualTo(new ClientOrigin("203.0.113.9", null));
        assertThat(resolve(RFC, "203.0.113.9", spoofed)).isEqualTo(new ClientOrigin("203.0.113.9", null));
        assertThat(resolve(ProxyHeaders.NONE, "10.0.0.2", spoofed)).isEqualTo(new ClientOrigin("10.0.0.2", null));
    }

    @Test
    void a_trusted_proxy_names_the_client_and_the_public_scheme_and_host() {
        Map<String, List<String>> headers = Map.of("X-Forwarded-For", List.of("198.51.100.7"),
                "X-Forwarded-Proto", List.of("https"), "X-Forwarded-Host", List.of("Auth.Example.com"));
        assertThat(resolve(X, "10.1.2.3", headers))
                .isEqualTo(new ClientOrigin("198.51.100.7", "https://auth.example.com"));
    }

    @Test
    void addresses_the_client_wrote_left_of_the_first_untrusted_hop_prove_nothing() {
        // The client sent "X-Forwarded-For: 1.1.1.1"; the edge proxy appended the real peer, the inner one its own.
        Map<String, List<String>> headers = Map.of("X-Forwarded-For", List.of("1.1.1.1, 198.51.100.7", "10.0.0.5"));
        assertThat(resolve(X, "10.1.2.3", headers).ip()).isEqualTo("198.51.100.7");
        // Every hop trusted: the left-most is the client.
        assertThat(resolve(X, "10.1.2.3", Map.of("X-Forwarded-For", List.of("10.9.9.9, 10.0.0.5"))).ip())
                .isEqualTo("10.9.9.9");
        // Garbage stops the walk at the last address known.
        assertThat(resolve(X, "10.1.2.3", Map.of("X-Forwarded-For", List.of("not-an-ip"))).ip()).isEqualTo("10.1.2.3");
    }

    @Test
    void rfc_7239_elements_with_ports_quotes_and_ipv6() {
        Map<String, List<String>> headers = Map.of("Forwarded", List.of(
                "for=1.1.1.1;host=evil.example;proto=http, for=\"[2001:db8:cafe::17]:4711\";proto=https;host=auth.example.com",
                "for=10.0.0.5:8080;proto=http;host=internal"));
        assertThat(resolve(RFC, "fd00::1", headers))
                .isEqualTo(new ClientOrigin("2001:db8:cafe::17", "https://auth.example.com"));
        assertThat(resolve(RFC, "10.0.0.9", Map.of("Forwarded", List.of("for=unknown;proto=https;host=a.example"))))
                .isEqualTo(new ClientOrigin("10.0.0.9", null));
    }

    @Test
    void a_host_or_scheme_that_could_bend_a_link_is_not_used() {
        for (String host : new String[] {"evil.example/path", "user@evil.example", "evil.example?x", "a b"}) {
            Map<String, List<String>> headers = Map.of("X-Forwarded-For", List.of("198.51.100.7"),
                    "X-Forwarded-Proto", List.of("https"), "X-Forwarded-Host", List.of(host));
            assertThat(resolve(X, "10.1.2.3", headers).forwardedBase()).as(host).isNull();
        }
        Map<String, List<String>> javascript = Map.of("X-Forwarded-For", List.of("198.51.100.7"),
                "X-Forwarded-Proto", List.of("javascript"), "X-Forwarded-Host", List.of("a.example"));
        assertThat(resolve(X, "10.1.2.3", javascript).forwardedBase()).isNull();
    }
}
