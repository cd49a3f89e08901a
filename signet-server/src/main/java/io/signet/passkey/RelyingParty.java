package io.signet.passkey;

import java.util.function.Predicate;

/**
 * The tenant's WebAuthn relying party (authsignal-client-api.md §5.4): the RP ID passkeys are bound to, its
 * display name, and which page origins may run a ceremony.
 */
public record RelyingParty(String rpId, String rpName, Predicate<String> allowsOrigin) {
}
