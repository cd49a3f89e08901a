package io.signet.authenticator;

import java.util.List;

/** enrollVerifiedAuthenticator's answer (authsignal-api.md §7.2.2); {@code recoveryCodes} only on a first enrollment. */
record EnrollResponse(UserAuthenticator authenticator, List<String> recoveryCodes) {
}
