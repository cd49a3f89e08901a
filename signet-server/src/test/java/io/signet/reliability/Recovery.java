package io.signet.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.signet.testing.Api;
import io.signet.testing.ApiResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The checks after a restart: every acknowledged write is there and intact, every retried Idempotency-Key
 * answers what it answered before, and a write in flight at the crash is either whole or absent.
 */
final class Recovery {
    private final Api api;
    long checked;
    long retriedKeys;

    Recovery(Api api) {
        this.api = api;
    }

    void check(Ledger round) {
        Map<String, Integer> lastUpdate = new HashMap<>();
        Map<String, Integer> unansweredUpdate = new HashMap<>();
        for (Ledger.Write w : round.acknowledged) {
            switch (w) {
                case Ledger.Enrolled e -> enrolled(e);
                case Ledger.Updated u -> lastUpdate.merge(u.userId(), u.sequence(), Math::max);
                case Ledger.Tracked t -> tracked(t);
                case Ledger.Verified v -> spent(v);
            }
            checked++;
        }
        for (Ledger.Write w : round.unanswered) {
            switch (w) {
                case Ledger.Enrolled e -> wholeOrAbsent(e);
                case Ledger.Updated u -> unansweredUpdate.put(u.userId(), u.sequence());
                case Ledger.Tracked t -> retriedAfterCrash(t);
                case Ledger.Verified v -> { }
            }
        }
        lastUpdate.forEach((user, acked) -> updated(user, acked, unansweredUpdate.getOrDefault(user, acked)));
    }

    private void enrolled(Ledger.Enrolled e) {
        ApiResponse r = ok(api.get("/v1/users/" + e.userId() + "/authenticators"));
        List<String> ids = new ArrayList<>();
        r.json().forEach(a -> ids.add(a.path("userAuthenticatorId").asString()));
        assertThat(ids).as("acknowledged enrollment of " + e.userId()).containsExactly(e.authenticatorId());
        assertThat(e.recoveryCodes()).as("recovery codes answered to " + e.userId()).isNotEmpty();
        JsonNode user = ok(api.get("/v1/users/" + e.userId())).json();
        assertThat(user.path("isEnrolled").asBoolean()).as("user " + e.userId() + " enrolled").isTrue();
    }

    /** The last acknowledged update, or the one after it that was in flight, never an older or a torn one. */
    private void updated(String user, int acked, int inFlight) {
        JsonNode u = ok(api.get("/v1/users/" + user)).json();
        String email = u.path("email").asString();
        int seen = Integer.parseInt(email.substring(1, email.indexOf('@')));
        assertThat(seen).as("update sequence of " + user).isBetween(acked, inFlight);
        assertThat(u.path("displayName").asString()).as("display name written with email " + email)
                .isEqualTo("Crash " + seen);
    }

    private void tracked(Ledger.Tracked t) {
        ApiResponse retry = retry(t);
        assertThat(retry.status()).as("retry of " + t.idempotencyKey()).isEqualTo(200);
        assertThat(retry.body()).as("retried Idempotency-Key answer").isEqualTo(t.body());
        String actionKey = retry.json().path("idempotencyKey").asString();
        ok(api.get("/v1/users/" + t.userId() + "/actions/" + t.action() + "/" + actionKey));
        retriedKeys++;
    }

    /** An unanswered track retried: it runs (or replays) whole, or is still claimed (409); never a 5xx. */
    private void retriedAfterCrash(Ledger.Tracked t) {
        ApiResponse retry = retry(t);
        assertThat(retry.status()).as("retry of an unanswered track: " + retry).isIn(200, 409);
        if (retry.status() == 200) {
            String actionKey = retry.json().path("idempotencyKey").asString();
            ok(api.get("/v1/users/" + t.userId() + "/actions/" + t.action() + "/" + actionKey));
            assertThat(retry(t).body()).as("second retry replays the first").isEqualTo(retry.body());
        }
    }

    private ApiResponse retry(Ledger.Tracked t) {
        return api.send("POST", "/v1/users/" + t.userId() + "/actions/" + t.action(), t.request(),
                Map.of("Idempotency-Key", t.idempotencyKey()));
    }

    /** A recovery code acknowledged as verified stays spent: a fresh challenge does not accept it again. */
    private void spent(Ledger.Verified v) {
        String challengeId = ok(api.post("/v1/challenge", Map.of("verificationMethod", "RECOVERY_CODE",
                "action", "signIn", "userId", v.userId()))).json().path("challengeId").asString();
        JsonNode again = api.post("/v1/verify", Map.of("challengeId", challengeId, "verificationCode",
                v.recoveryCode())).json();
        assertThat(again.path("isVerified").asBoolean()).as("spent recovery code of " + v.userId()).isFalse();
    }

    /** An enrollment whose answer never came: no authenticator, or exactly one, with the user enrolled. */
    private void wholeOrAbsent(Ledger.Enrolled e) {
        JsonNode list = ok(api.get("/v1/users/" + e.userId() + "/authenticators")).json();
        assertThat(list.size()).as("authenticators of " + e.userId() + " after a crash mid-enroll").isLessThanOrEqualTo(1);
        if (list.size() == 1) {
            ApiResponse user = ok(api.get("/v1/users/" + e.userId()));
            assertThat(user.json().path("isEnrolled").asBoolean()).isTrue();
        }
    }

    private static ApiResponse ok(ApiResponse r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r;
    }
}
