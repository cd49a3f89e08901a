package io.signet.authenticator;

import java.util.List;

/**
 * enrollVerifiedAuthenticator's answer (docs/server-api.md §7.2.2 "enrollVerifiedAuthenticator"); {@code recoveryCodes} only on a first
 * enrollment; {@code warning} (Signet's addition, which the SDKs ignore) only when weak TOTP parameters were
 * accepted under the tenant setting {@code allowWeakTotp}.
 */
record EnrollResponse(UserAuthenticator authenticator, List<String> recoveryCodes, String warning) {
}
