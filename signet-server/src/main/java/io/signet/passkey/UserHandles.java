package io.signet.passkey;

import io.signet.crypto.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The WebAuthn {@code user.id} of a Signet user: stable, so every passkey of a user carries the same handle
 * and an authenticator replaces (rather than adds) the user's credential when registering again.
 *
 * <p>It is the UTF-8 bytes of the userId when they fit WebAuthn's 64-byte limit (§5.4.3), which is what the
 * probe of the official SDK saw and lets a developer read it back; a longer userId gets the SHA-256 of
 * those bytes (32 bytes). Both are derived, so nothing is stored per user and every node agrees.
 */
final class UserHandles {
    static final int MAX_BYTES = 64;

    private UserHandles() {
    }

    /** base64url, unpadded. */
    static String of(String userId) {
        byte[] utf8 = userId.getBytes(StandardCharsets.UTF_8);
        byte[] handle = utf8.length <= MAX_BYTES ? utf8 : Sha256.of(utf8);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(handle);
    }
}
