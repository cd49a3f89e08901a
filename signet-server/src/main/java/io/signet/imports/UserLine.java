package io.signet.imports;

import io.signet.user.UserChanges;
import io.signet.user.VerificationMethod;
import java.util.List;

/**
 * One user as an import line describes it, checked and in canonical form (canonical ids and keys, times as
 * epoch millis), so two descriptions of the same state are {@code equals}: the importer compares the line
 * with the user already stored, read back through the same reader, to tell "unchanged" from "updated".
 *
 * @param codes the recovery codes the line carries, or null when it carries none (or they are skipped)
 */
record UserLine(String userId, UserChanges attributes, long createdAt, long updatedAt, List<Factor> authenticators,
                RecoveryCodes codes) {
    UserLine {
        authenticators = List.copyOf(authenticators);
    }

    /** One authenticator; {@code totp} only for AUTHENTICATOR_APP, {@code passkey} only for PASSKEY. */
    record Factor(String authenticatorId, VerificationMethod method, String email, String phoneNumber,
                  boolean pending, long createdAt, long verifiedAt, Long lastVerifiedAt, Totp totp, Passkey passkey,
                  String matchKey) {
    }

    /** A TOTP secret (canonical base32, in the clear: it is sealed with the target's key when written). */
    record Totp(String secret, String issuer, String account, String algorithm, int digits, int period) {
        @Override
        public String toString() {
            return "Totp[secret=(hidden), algorithm=" + algorithm + ", digits=" + digits + ", period=" + period + "]";
        }
    }

    /** Everything a relying party keeps about a passkey. */
    record Passkey(String credentialId, String publicKey, long algorithm, String name, Long signCount, String aaguid,
                   List<String> transports, Boolean backupEligible, Boolean backedUp, String attachment,
                   String deviceId, String userAgent, String userHandle) {
        Passkey {
            transports = transports == null ? null : List.copyOf(transports);
        }
    }

    /** Recovery code hashes, sorted, keyed with the data key this server uses. */
    record RecoveryCodes(List<String> hashes) {
        RecoveryCodes {
            hashes = List.copyOf(hashes);
        }
    }
}
