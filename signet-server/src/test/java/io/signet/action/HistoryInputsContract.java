package io.signet.action;

import static org.assertj.core.api.Assertions.assertThat;

import io.signet.testing.ManualClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The rule inputs drawn from a user's history: counts from per-minute buckets at the window's
 * edges, on a clock the test moves, and known devices from their own table. Not a timing test: the values
 * a rule read are checked in the action's explanation.
 */
abstract class HistoryInputsContract extends ActionsTestBase {
    /** On a minute boundary, so the bucket edges fall where the test says. */
    private static final Instant START = Instant.parse("2026-01-05T10:00:00Z");
    private final ManualClock clock = new ManualClock(START);
    private static final String READS_COUNTS = """
            {"or": [{">": [{"var": "counts.actionsLastHour"}, 1000000]},
                    {">": [{"var": "counts.actionCodeLastHour"}, 1000000]}]}""";

    @Override
    protected Clock clock() {
        return clock;
    }

    /** Tracks at {@code at} (offset from START) and returns the counts its rule read: [any code, this code]. */
    private long[] trackAt(Duration at, String user, String code) {
        clock.advance(Duration.between(clock.instant(), START.plus(at)));
        JsonNode t = track(user, code, Map.of());
        JsonNode reads = getAction(user, code, t.path("idempotencyKey").asString())
                .path("explanation").path("rules").get(0).path("reads");
        return new long[] {reads.path("counts.actionsLastHour").asLong(-1), reads.path("counts.actionCodeLastHour").asLong(-1)};
    }

    @Test
    void counts_cover_the_current_minute_and_the_sixty_before_it_exactly_at_the_edges() {
        String user = uid();
        String code = code();
        String other = code();
        rule(code, 1, "BLOCK", READS_COUNTS);
        rule(other, 1, "BLOCK", READS_COUNTS);

        assertThat(trackAt(Duration.ZERO, user, code)).as("a new user").containsExactly(0, 0);
        assertThat(trackAt(Duration.ofMillis(59_999), user, other)).as("same minute, other code").containsExactly(1, 0);
        assertThat(trackAt(Duration.ofMinutes(1), user, code)).as("next bucket").containsExactly(2, 1);
        assertThat(trackAt(Duration.ofHours(1), user, code))
                .as("the first action, exactly one hour earlier, is at the window's start and counts")
                .containsExactly(3, 2);
        assertThat(trackAt(Duration.ofMinutes(61).minusMillis(1), user, code))
                .as("last millisecond before the first minute rolls out").containsExactly(4, 3);
        assertThat(trackAt(Duration.ofMinutes(61), user, code))
                .as("the first minute's bucket rolled out (its slot is reused by this very minute)")
                .containsExactly(3, 3);
        assertThat(trackAt(Duration.ofMinutes(121), user, code))
                .as("an hour later only the action of the oldest counted minute is left")
                .containsExactly(1, 1);
    }

    @Test
    void a_device_becomes_known_when_a_review_of_its_action_succeeds() {
        String user = uid();
        String code = code();
        rule(code, 1, "REVIEW", "{\"!\": {\"var\": \"device.isKnown\"}}");
        Map<String, Object> fromDevice = Map.of("deviceId", "dev-review");
        String key = track(user, code, fromDevice).path("idempotencyKey").asString();
        assertThat(track(user, code, fromDevice).path("state").asString())
                .as("a pending review does not make the device known").isEqualTo("REVIEW_REQUIRED");
        api.patch("/v1/users/" + user + "/actions/" + code + "/" + key, Map.of("state", "REVIEW_SUCCEEDED"));
        assertThat(track(user, code, fromDevice).path("state").asString()).isEqualTo("ALLOW");
    }
}
