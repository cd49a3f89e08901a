package io.signet.action;

import io.signet.user.VerificationMethod;
import java.util.List;

/** Response of track (docs/server-api.md §7.3.1 "track"). */
public record TrackResponse(
        String state,
        String idempotencyKey,
        String url,
        String token,
        boolean isEnrolled,
        List<VerificationMethod> enrolledVerificationMethods,
        List<VerificationMethod> allowedVerificationMethods,
        VerificationMethod defaultVerificationMethod,
        List<String> ruleIds) {
}
