package io.signet.passkey;

import io.signet.authenticator.PasskeyRecords.Passkey;
import io.signet.caller.ClientPrincipal;
import io.signet.passkey.Wire.AuthenticationOptionsResponse;
import io.signet.passkey.Wire.Descriptor;
import io.signet.passkey.Wire.RequestOptions;
import java.util.List;

/** The WebAuthn options a stored {@link Ceremony} is answered with, and how long a ceremony may last. */
final class CeremonyOptions {
    static final String PUBLIC_KEY = "public-key";

    private CeremonyOptions() {
    }

    static RequestOptions requestOptionsOf(Ceremony c, List<Descriptor> allow) {
        return new RequestOptions(c.challenge(), c.rpId(), allow, PasskeyService.TIMEOUT_MILLIS, "preferred");
    }

    static AuthenticationOptionsResponse requestOptions(Ceremony c, List<Descriptor> allow) {
        return new AuthenticationOptionsResponse(c.challengeId(), requestOptionsOf(c, allow));
    }

    static List<Descriptor> descriptors(List<Passkey> list) {
        return list.stream()
                .map(p -> new Descriptor(PUBLIC_KEY, p.credentialId(), p.transports().isEmpty() ? null : p.transports()))
                .toList();
    }

    /** The ceremony ends no later than the token that started it. */
    static long expiry(long now, ClientPrincipal.Bearer caller) {
        return Math.min(now + PasskeyService.LIFETIME.toMillis(), caller.expiresAt() * 1000);
    }
}
