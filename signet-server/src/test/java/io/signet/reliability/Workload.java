package io.signet.reliability;

import io.signet.testing.Api;
import io.signet.testing.ApiResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * One client's loop of the writes a crash must not lose: enroll a user's authenticator app, update the user,
 * track an action with an {@code Idempotency-Key}, verify a recovery code. Every answer goes into the
 * {@link Ledger}; a request the server never answered (it died) is noted as unanswered. Runs until the server
 * stops answering.
 */
final class Workload implements Runnable {
    static final String OTP_URI = "otpauth://totp/Acme:crash?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Acme";

    private final Api api;
    private final Ledger ledger;
    private final String prefix;
    private int sequence;

    Workload(Api api, Ledger ledger, String prefix) {
        this.api = api;
        this.ledger = ledger;
        this.prefix = prefix;
    }

    @Override
    public void run() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                oneUser();
            }
        } catch (IllegalStateException serverGone) {
            // the request in flight is already in the ledger as unanswered
        }
    }

    private void oneUser() {
        String user = prefix + "-" + (sequence++);
        Ledger.Enrolled pending = new Ledger.Enrolled(user, null, List.of());
        ApiResponse enrolled = send(pending, () -> api.post("/v1/users/" + user + "/authenticators",
                Map.of("verificationMethod", "AUTHENTICATOR_APP", "otpUri", OTP_URI)));
        if (enrolled.status() != 200) {
            return;
        }
        JsonNode e = enrolled.json();
        List<String> codes = new ArrayList<>();
        e.path("recoveryCodes").forEach(c -> codes.add(c.asString()));
        ledger.acknowledged.add(new Ledger.Enrolled(user,
                e.path("authenticator").path("userAuthenticatorId").asString(), codes));
        for (int i = 1; i <= 2; i++) {
            int n = i;
            if (send(new Ledger.Updated(user, n), () -> api.patch("/v1/users/" + user,
                    Map.of("email", "u" + n + "@crash.example", "displayName", "Crash " + n))).status() == 200) {
                ledger.acknowledged.add(new Ledger.Updated(user, n));
            }
        }
        String key = UUID.randomUUID().toString();
        String request = "{\"redirectUrl\":\"https://app.example/done\"}";
        Ledger.Tracked track = new Ledger.Tracked(user, "signIn", key, request, null);
        ApiResponse tracked = send(track, () -> api.send("POST", "/v1/users/" + user + "/actions/signIn", request,
                Map.of("Idempotency-Key", key)));
        if (tracked.status() == 200) {
            ledger.acknowledged.add(new Ledger.Tracked(user, "signIn", key, request, tracked.body()));
        }
        String code = codes.getFirst();
        ApiResponse challenge = send(null, () -> api.post("/v1/challenge", Map.of("verificationMethod",
                "RECOVERY_CODE", "action", "signIn", "userId", user)));
        if (challenge.status() != 200) {
            return;
        }
        String challengeId = challenge.json().path("challengeId").asString();
        ApiResponse verified = send(null, () -> api.post("/v1/verify",
                Map.of("challengeId", challengeId, "verificationCode", code)));
        if (verified.status() == 200 && verified.json().path("isVerified").asBoolean()) {
            ledger.acknowledged.add(new Ledger.Verified(user, code));
        }
    }

    /** Sends; on no answer notes {@code write} (when it is one) as unanswered and stops the loop. */
    private ApiResponse send(Ledger.Write write, java.util.function.Supplier<ApiResponse> request) {
        try {
            ApiResponse r = request.get();
            ledger.answered(r.status(), r.toString());
            return r;
        } catch (IllegalStateException noAnswer) {
            if (write != null) {
                ledger.unanswered.add(write);
            }
            throw noAnswer;
        }
    }
}
