package io.signet.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The SSRF guard as a pure check on literal addresses: no lookup and no connection happens here. */
class AddressGuardTest {
    private static List<InetAddress> literal(String address) throws UnknownHostException {
        return List.of(InetAddress.getByName(address)); // a literal is parsed, never looked up
    }

    @ParameterizedTest
    @ValueSource(strings = {"169.254.169.254", "10.0.0.1", "192.168.1.1", "::1", "127.0.0.1", "172.16.5.4",
            "172.31.255.255", "100.64.0.1", "fd00::1", "fe80::1", "0.0.0.0", "::", "224.0.0.1", "255.255.255.255",
            "::ffff:127.0.0.1", "::127.0.0.1", "64:ff9b::a9fe:a9fe"})
    void non_public_addresses_are_refused_without_the_flag(String address) throws UnknownHostException {
        assertThat(AddressGuard.refusal("https", literal(address), false)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "::1", "10.0.0.1", "192.168.1.1", "172.16.0.1", "fd12:3456::1"})
    void loopback_and_private_addresses_are_allowed_with_the_flag_over_http_too(String address)
            throws UnknownHostException {
        assertThat(AddressGuard.refusal("http", literal(address), true)).isEmpty();
        assertThat(AddressGuard.refusal("https", literal(address), true)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"169.254.169.254", "fe80::1", "0.0.0.0", "224.0.0.1", "64:ff9b::a9fe:a9fe"})
    void link_local_and_reserved_addresses_are_refused_even_with_the_flag(String address) throws UnknownHostException {
        assertThat(AddressGuard.refusal("https", literal(address), true)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "172.32.0.1", "2606:4700:4700::1111"})
    void public_addresses_are_allowed_over_https_only(String address) throws UnknownHostException {
        assertThat(AddressGuard.refusal("https", literal(address), false)).isEmpty();
        assertThat(AddressGuard.refusal("http", literal(address), true)).isPresent();
    }

    @org.junit.jupiter.api.Test
    void one_private_address_among_public_ones_is_enough_to_refuse() throws UnknownHostException {
        List<InetAddress> mixed = List.of(InetAddress.getByName("8.8.8.8"), InetAddress.getByName("10.1.2.3"));
        assertThat(AddressGuard.refusal("https", mixed, false)).get().asString().contains("10.1.2.3");
        assertThat(AddressGuard.refusal("https", List.of(), false)).isPresent();
    }
}
