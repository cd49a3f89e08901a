package io.signet.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.signet.error.SignetException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EndpointUrlsTest {
    @ParameterizedTest
    @ValueSource(strings = {"http://hooks.example.com/", "http://127.0.0.1:9000/", "https://127.0.0.1/",
            "https://10.0.0.1/", "https://192.168.1.1/", "https://[::1]/", "https://169.254.169.254/"})
    void without_the_flag_plain_http_and_private_literals_are_refused(String url) {
        assertThatThrownBy(() -> EndpointUrls.check(url, false))
                .isInstanceOf(SignetException.class).hasMessageContaining("'url'");
    }

    @Test
    void https_to_a_host_name_is_accepted_and_resolved_only_at_delivery() {
        assertThat(EndpointUrls.check("https://hooks.example.com/signet?x=1", false))
                .isEqualTo("https://hooks.example.com/signet?x=1");
    }

    @Test
    void with_the_flag_http_to_loopback_is_accepted() {
        assertThat(EndpointUrls.check("http://127.0.0.1:9000/hooks", true)).isEqualTo("http://127.0.0.1:9000/hooks");
    }
}
