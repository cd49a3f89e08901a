package io.signet.metrics;

/**
 * What the features report for the business metrics at {@code /metrics}, in their own words: services depend on
 * this interface, never on the metrics library. Labels are low-cardinality names (a method, an outcome, a
 * reason); a user id is never passed. The tenant id is passed, and becomes a label only when
 * SIGNET_METRICS_TENANT_LABEL is true.
 */
public interface BusinessMetrics {
    /** An authenticator was enrolled (by the Server API, a batch, the Client API or a passkey). */
    void enrolled(String tenantId, String method);

    /** A new action was tracked and the rules decided {@code outcome} (ALLOW, CHALLENGE_REQUIRED, BLOCK, REVIEW). */
    void actionTracked(String tenantId, String outcome);

    /** A challenge step: {@code result} is created (code or link sent), verified or failed (a counted attempt). */
    void challenge(String tenantId, String method, ChallengeResult result);

    /** A verification attempt that did not verify, and why. */
    void verifyFailed(String tenantId, String method, VerifyFailure reason);

    /** A session event. */
    void session(String tenantId, SessionEvent event);

    /** One asynchronous webhook delivery attempt and what became of it. */
    void webhookDelivery(String tenantId, WebhookOutcome outcome);

    enum ChallengeResult { CREATED, VERIFIED, FAILED }

    enum VerifyFailure {
        /** A wrong code (or a TOTP step already used, or a recovery code already redeemed). */
        WRONG_CODE,
        /** The challenge's attempts, or the user's or recipient's consecutive failures, are used up. */
        ATTEMPTS_EXHAUSTED,
        /** The challenge expired or was already verified: the attempt was not even counted. */
        EXPIRED_OR_USED
    }

    enum SessionEvent { CREATED, REFRESHED, REVOKED, REUSE_DETECTED }

    enum WebhookOutcome { SUCCEEDED, RETRY_SCHEDULED, FAILED }

    /** Reports nothing: for tools and tests that build a service without a server. */
    BusinessMetrics NONE = new BusinessMetrics() {
        @Override
        public void enrolled(String tenantId, String method) {
        }

        @Override
        public void actionTracked(String tenantId, String outcome) {
        }

        @Override
        public void challenge(String tenantId, String method, ChallengeResult result) {
        }

        @Override
        public void verifyFailed(String tenantId, String method, VerifyFailure reason) {
        }

        @Override
        public void session(String tenantId, SessionEvent event) {
        }

        @Override
        public void webhookDelivery(String tenantId, WebhookOutcome outcome) {
        }
    };
}
