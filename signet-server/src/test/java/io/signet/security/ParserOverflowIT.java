package io.signet.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.signet.testing.ApiResponse;
import io.signet.testing.Backend;
import io.signet.testing.ServerSuite;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Times and numbers that parse but overflow (year -999999999, 20-digit integers) are a 400
 * naming the field, never a 500. Parsing does not depend on the storage, so SQLite only.
 */
class ParserOverflowIT extends ServerSuite {
    private static final String[] FAR_TIMES = {"-999999999-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z"};

    @Override
    protected Backend backend() {
        return Backend.SQLITE;
    }

    private static void refused(ApiResponse r, String field) {
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.errorDescription()).contains(field);
    }

    @Test
    void a_time_beyond_epoch_millis_is_a_400() {
        api.patch("/v1/users/overflow", Map.of("email", "o@example.com"));
        String endpoint = api.post("/admin/v1/webhooks", Map.of("url", "https://hooks.example.com/in",
                "eventTypes", java.util.List.of("*"))).json().path("endpointId").asString();
        assertThat(endpoint).isNotBlank();
        for (String t : FAR_TIMES) {
            refused(api.get("/v1/users/overflow/actions?fromDate=" + t.replace("+", "%2B")), "fromDate");
            refused(api.post("/admin/v1/webhooks/" + endpoint + "/redeliver", Map.of("failedSince", t)), "failedSince");
        }
    }

    @Test
    void numbers_beyond_their_type_are_a_400() {
        refused(api.get("/v1/users/overflow/actions?limit=99999999999999999999"), "limit");
        refused(api.get("/v1/users?limit=99999999999999999999"), "limit");
        refused(api.post("/admin/v1/clients", Map.of("name", "x", "accessTokenLifetime", new java.math.BigInteger(
                "99999999999999999999"))), "out of range");
        refused(api.post("/v1/users/overflow/authenticators", Map.of("verificationMethod", "AUTHENTICATOR_APP",
                "otpUri", "otpauth://totp/A:b?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&period=99999999999999999999")),
                "period");
    }
}
