package io.signet.challenge;

import io.signet.crypto.RandomTokens;
import io.signet.crypto.SecretHasher;

/**
 * The one-time secrets of challenges: 6-digit codes and magic-link tokens, made from the CSPRNG and stored
 * only as keyed hashes. A code's hash is bound to its challenge id, so equal codes of two challenges
 * hash differently and a hash copied to another row never matches.
 */
public final class Secrets {
    static final int CODE_DIGITS = 6;
    private static final int LINK_TOKEN_BYTES = 32;

    private final SecretHasher hasher;

    public Secrets(SecretHasher hasher) {
        this.hasher = hasher;
    }

    static String newCode() {
        return String.format("%06d", RandomTokens.nextInt(1_000_000));
    }

    static String newLinkToken() {
        return RandomTokens.base64Url(LINK_TOKEN_BYTES);
    }

    String codeHash(String challengeId, String code) {
        return hasher.hash("challenge-code:" + challengeId, code);
    }

    boolean codeMatches(String storedHash, String challengeId, String code) {
        return !storedHash.isEmpty() && hasher.matches(storedHash, "challenge-code:" + challengeId, code);
    }

    /**
     * The token the confirmation form of a link carries: derived from the link's secret with the server's
     * key, so only a page this server rendered for that link can complete it.
     */
    String linkFormToken(String token) {
        return hasher.hash("magic-link-form", token);
    }

    boolean linkFormTokenMatches(String token, String formToken) {
        return formToken != null && hasher.matches(formToken, "magic-link-form", token);
    }

    /** Link hashes are looked up by value (the link names no tenant), so they are not bound to a row. */
    String linkHash(String token) {
        return hasher.hash("magic-link", token);
    }
}
