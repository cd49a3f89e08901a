package io.signet.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.signet.error.ErrorCode;
import org.junit.jupiter.api.Test;

/** The status of an error Jetty answers itself survives into the error shape. */
class ProtocolErrorsTest {
    @Test
    void a_draining_servers_503_stays_a_503_not_a_500() {
        // Jetty's graceful stop refuses requests on open connections with 503 while it drains; without this
        // mapping GracefulShutdownIT sees one of them rendered as a 500.
        assertThat(ProtocolErrors.code(503)).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
    }

    @Test
    void limits_keep_their_own_status_and_other_server_faults_are_internal() {
        assertThat(ProtocolErrors.code(431)).isEqualTo(ErrorCode.HEADERS_TOO_LARGE);
        assertThat(ProtocolErrors.code(413)).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE);
        assertThat(ProtocolErrors.code(408)).isEqualTo(ErrorCode.REQUEST_TIMEOUT);
        assertThat(ProtocolErrors.code(500)).isEqualTo(ErrorCode.INTERNAL_ERROR);
        assertThat(ProtocolErrors.code(400)).isEqualTo(ErrorCode.INVALID_REQUEST);
    }
}
