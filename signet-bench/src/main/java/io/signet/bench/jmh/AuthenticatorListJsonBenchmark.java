package io.signet.bench.jmh;

import io.signet.authenticator.UserAuthenticator;
import io.signet.wire.Json;
import io.signet.user.VerificationMethod;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** Encoding getAuthenticators' answer for a user with three authenticators: on every list call. */
@State(Scope.Benchmark)
public class AuthenticatorListJsonBenchmark {
    private final List<UserAuthenticator> list = List.of(
            new UserAuthenticator("user-1", "01a21aa5-445a-7b09-8df7-def12fa0d1ec", VerificationMethod.EMAIL_OTP,
                    "2026-11-27T01:25:06.094Z", "2026-11-27T01:25:06.094Z", null, "jane@example.com", null, null,
                    null, null),
            new UserAuthenticator("user-1", "01a21aa5-445a-7b09-8df7-def12fa0d1ed", VerificationMethod.SMS,
                    "2026-11-27T01:25:06.094Z", "2026-11-27T01:25:06.094Z", "2026-11-27T02:25:06.094Z", null,
                    "+64270000000", null, null, null),
            new UserAuthenticator("user-1", "01a21aa5-445a-7b09-8df7-def12fa0d1ee", VerificationMethod.EMAIL_MAGIC_LINK,
                    "2026-11-27T01:25:06.094Z", "2026-11-27T01:25:06.094Z", null, "jane@example.com", null, null,
                    null, null));

    @Benchmark
    public String encodeThreeAuthenticators() {
        return Json.write(list);
    }
}
