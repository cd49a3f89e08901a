package io.signet.challenge;

import io.signet.metrics.BusinessMetrics;
import io.signet.store.Database;
import io.signet.store.Jdbc;
import io.signet.webhook.EventTypes;
import io.signet.webhook.Events;
import io.signet.wire.WireTime;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code challenge.log_created} records (docs/server-api.md §9.4 "Event types"): a challenge was created (its
 * code or link handed over), verified, or an attempt at it failed. A verification's record is written in the
 * verification's own transaction; the records of a creation and of a failed attempt in a short transaction
 * right after the step committed, so a crash between the two loses that one record (docs/transactions.md).
 */
public final class ChallengeLog {
    enum Step { CREATED, VERIFIED, FAILED }

    private final Database db;
    private final Events events;
    private final BusinessMetrics metrics;
    private final Clock clock;

    public ChallengeLog(Database db, Events events, BusinessMetrics metrics, Clock clock) {
        this.db = db;
        this.events = events;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Records {@code step} of {@code c} in a transaction of its own; {@code failureReason} only for FAILED. */
    void record(Challenge c, Step step, VerifyResponse.FailureReason failureReason) {
        db.write(jdbc -> {
            record(jdbc, c, step, failureReason);
            return null;
        });
    }

    /** Records {@code step} of {@code c} in the caller's transaction. */
    void record(Jdbc jdbc, Challenge c, Step step, VerifyResponse.FailureReason failureReason) {
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
        events.publish(jdbc, c.tenantId(), c.userId(), EventTypes.CHALLENGE_LOG_CREATED, record);
        metrics.challenge(c.tenantId(), c.method().name(), BusinessMetrics.ChallengeResult.valueOf(step.name()));
    }
}
