package io.signet.testing;

import io.signet.wire.Json;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;

/** A response as the tests see it: status, raw body, parsed JSON and headers. */
public record ApiResponse(int status, String body, HttpResponse<String> raw) {

    public JsonNode json() {
        return Json.MAPPER.readTree(body);
    }

    public String header(String name) {
        return raw.headers().firstValue(name).orElse(null);
    }

    /** The Authsignal error code; fails the test when the body is not the error shape. */
    public String errorCode() {
        JsonNode j = json();
        if (!j.has("error") || !j.path("error").asString().equals(j.path("errorCode").asString())
                || !j.has("errorDescription")) {
            throw new AssertionError("not an Authsignal error body: " + body);
        }
        return j.path("error").asString();
    }

    public String errorDescription() {
        errorCode();
        return json().path("errorDescription").asString();
    }

    @Override
    public String toString() {
        return status + " " + body;
    }
}
