package io.signet.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.signet.error.SignetException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SSRF corpus, as pure functions. Each address of the IANA special-purpose registries
 * (and the IPv6 forms that embed an IPv4 address) gets the class the guard must give it; numeric hosts
 * that only some resolvers read as addresses are refused when a webhook is registered.
 */
class SsrfCorpusTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            // IPv4 special-purpose ranges
            "0.0.0.0, FORBIDDEN", "0.1.2.3, FORBIDDEN", "10.0.0.1, PRIVATE", "10.255.255.255, PRIVATE",
            "100.64.0.1, PRIVATE", "100.127.255.254, PRIVATE", "100.128.0.1, PUBLIC", "127.0.0.1, PRIVATE",
            "127.255.0.9, PRIVATE", "169.254.169.254, FORBIDDEN", "169.254.0.1, FORBIDDEN", "172.16.0.1, PRIVATE",
            "172.31.255.255, PRIVATE", "172.32.0.1, PUBLIC", "192.0.0.1, FORBIDDEN", "192.0.0.170, FORBIDDEN",
            "192.0.2.1, FORBIDDEN", "192.31.196.1, FORBIDDEN", "192.52.193.1, FORBIDDEN", "192.88.99.1, FORBIDDEN",
            "192.168.1.1, PRIVATE", "192.175.48.1, FORBIDDEN", "198.18.0.1, FORBIDDEN", "198.19.255.255, FORBIDDEN",
            "198.20.0.1, PUBLIC", "198.51.100.7, FORBIDDEN", "203.0.113.7, FORBIDDEN", "224.0.0.1, FORBIDDEN",
            "239.255.255.250, FORBIDDEN", "240.0.0.1, FORBIDDEN", "255.255.255.255, FORBIDDEN", "8.8.8.8, PUBLIC",
            "93.184.216.34, PUBLIC",
            // IPv6 special-purpose ranges
            "::, FORBIDDEN", "::1, PRIVATE", "100::1, FORBIDDEN", "2001::1, FORBIDDEN", "2001:2::1, FORBIDDEN",
            "2001:db8::1, FORBIDDEN", "3fff::1, FORBIDDEN", "5f00::1, FORBIDDEN", "fc00::1, PRIVATE",
            "fd12:3456::1, PRIVATE", "fe80::1, FORBIDDEN", "febf::1, FORBIDDEN", "fec0::1, FORBIDDEN",
            "ff02::1, FORBIDDEN", "4000::1, FORBIDDEN", "2606:4700:4700::1111, PUBLIC", "2a00:1450:4001::200e, PUBLIC",
            // IPv6 forms embedding IPv4: judged by what they embed
            "::ffff:127.0.0.1, PRIVATE", "::ffff:169.254.169.254, FORBIDDEN", "::ffff:0:7f00:1, PRIVATE",
            "::ffff:0:a9fe:a9fe, FORBIDDEN", "::ffff:0:808:808, PUBLIC", "::127.0.0.1, FORBIDDEN",
            "::8.8.8.8, FORBIDDEN", "64:ff9b::7f00:1, PRIVATE", "64:ff9b::a9fe:a9fe, FORBIDDEN",
            "64:ff9b::808:808, PUBLIC", "64:ff9b:1::808:808, PRIVATE", "64:ff9b:1::a9fe:a9fe, FORBIDDEN",
            "2002:7f00:1::1, PRIVATE", "2002:a9fe:a9fe::1, FORBIDDEN", "2002:c0a8:101::1, PRIVATE",
            "2002:a00:1::1, PRIVATE", "2002:808:808::1, PUBLIC", "2002:c612:1::1, FORBIDDEN",
    })
    void every_special_purpose_range_is_classified(String address, AddressGuard.Kind expected)
            throws UnknownHostException {
        assertThat(AddressGuard.classify(InetAddress.getByName(address))).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://2130706433/", "https://127.1/", "https://0177.0.0.1/", "https://0x7f.0.0.1/",
            "https://0x7f000001/", "https://0X7F000001/", "https://127.0.0.01/", "https://1.2.3.4.5/",
            "https://017700000001/", "https://hooks.0x10/", "https://a.b.123/", "https://[::ffff:0:7f00:1]/",
            "https://[2002:7f00:1::1]/", "https://198.18.0.1/", "https://192.0.0.170/", "https://[100::1]/"})
    void numeric_or_special_hosts_are_refused_at_registration(String url) {
        assertThatThrownBy(() -> EndpointUrls.check(url, false)).isInstanceOf(SignetException.class)
                .hasMessageContaining("'url'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://203.0.114.7/hook", "https://hooks.example.com/x", "https://0xdeadbeef.example.com/",
            "https://[2606:4700:4700::1111]/"})
    void names_and_public_addresses_pass_registration(String url) {
        assertThat(EndpointUrls.check(url, false)).isEqualTo(url);
    }
}
