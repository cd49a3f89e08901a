package io.signet.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for secrets that must be read back (TOTP seeds, signing keys). Output is
 * {@code v1.} + base64(iv ‖ ciphertext ‖ tag). The associated data binds a ciphertext to its row
 * (for example tenant and authenticator id), so a value copied into another row fails to decrypt.
 */
public final class Encryptor {
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String PREFIX = "v1.";

    private final SecretKeySpec key;

    public Encryptor(byte[] encryptionKey) {
        if (encryptionKey.length != 32) {
            throw new IllegalArgumentException("encryption key must be 32 bytes");
        }
        this.key = new SecretKeySpec(deriveKey(encryptionKey, "signet-aes-gcm-v1"), "AES");
    }

    public String encrypt(String plaintext, String associatedData) {
        try {
            byte[] iv = RandomTokens.bytes(IV_BYTES);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** Whether {@code text} is a value {@link #encrypt} produced (rather than plaintext stored before it was). */
    public static boolean isSealed(String text) {
        return text.startsWith(PREFIX);
    }

    /** Decrypts; fails when the key is wrong, the value was altered or it belongs to another row. */
    public String decrypt(String sealedText, String associatedData) {
        if (!sealedText.startsWith(PREFIX)) {
            throw new IllegalStateException("unknown ciphertext format");
        }
        try {
            byte[] all = Base64.getDecoder().decode(sealedText.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("stored secret cannot be decrypted: wrong SIGNET_ENCRYPTION_KEY?", e);
        }
    }

    /** HKDF-style expansion (one HMAC-SHA256 block) so each use of the master key gets its own key. */
    static byte[] deriveKey(byte[] master, String label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(master, "HmacSHA256"));
            mac.update(label.getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(new byte[] {1});
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
