package io.signet.challenge;

import io.signet.metrics.BusinessMetrics;
import io.signet.store.Database;
import io.signet.webhook.EventTypes;
import io.signet.webhook.Events;
import io.signet.wire.WireTime;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code challenge.log_created} records (docs/server-api.md §9.4 "Event types"): a challenge was created (its code or link
 * handed over), verified, or an attempt at it failed. Each is written in its own short transaction right
 * after the step it records committed, because the steps commit in several places (a code, a TOTP step, a
 * recovery code, an opened link); a crash between the two loses that one record.
 */
final class ChallengeLog {
    enum Step { CREATED, VERIFIED, FAILED }

    private final Database db;
    private final Events events;
    private final BusinessMetrics metrics;
    private final Clock clock;

    ChallengeLog(Database db, Events events, BusinessMetrics metrics, Clock clock) {
        this.db = db;
        this.events = events;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Records {@code step} of {@code c}; {@code failureReason} only for FAILED. */
    void record(Challenge c, Step step, VerifyResponse.FailureReason failureReason) {
        Map<String, String> record = new LinkedHashMap<>();
        record.put("challengeId", c.challengeId());
        record.put("step", step.name());
        record.put("userId", c.userId());
        record.put("actionCode", c.actionCode());
        record.put("idempotencyKey", c.idempotencyKey());
        record.put("verificationMethod", c.method().name());
        record.put("failureReason", failureReason == null ? null : failureReason.name());
        record.put("createdAt", WireTime.iso(c.createdAt()));
        record.put("at", WireTime.iso(clock.millis()));
        db.write(jdbc -> events.publish(jdbc, c.tenantId(), c.userId(), EventTypes.CHALLENGE_LOG_CREATED, record));
        metrics.challenge(c.tenantId(), c.method().name(), BusinessMetrics.ChallengeResult.valueOf(step.name()));
    }
}
