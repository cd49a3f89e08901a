package io.signet.session;

import io.signet.crypto.Ids;
import io.signet.crypto.RandomTokens;
import io.signet.user.VerificationMethod;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Challenge tokens the test hands out itself, until the action feature is on main. */
final class FakeChallengeTokens implements ChallengeTokens {
    private record Issued(String tenantId, VerifiedChallenge challenge) {
    }

    private final Map<String, Issued> issued = new ConcurrentHashMap<>();

    String issue(String tenantId, String userId, String actionCode, String state) {
        String token = "fake." + RandomTokens.base64Url(16);
        issued.put(token, new Issued(tenantId, new VerifiedChallenge(userId, actionCode, Ids.timeOrdered(), state,
                state.equals("ALLOW") ? null : VerificationMethod.EMAIL_OTP)));
        return token;
    }

    @Override
    public Optional<VerifiedChallenge> verify(String tenantId, String token) {
        return Optional.ofNullable(issued.get(token)).filter(i -> i.tenantId().equals(tenantId))
                .map(Issued::challenge);
    }
}
