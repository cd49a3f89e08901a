package io.signet.passkey;

import java.util.function.Predicate;

/**
 * The tenant's WebAuthn relying party (docs/client-api.md §5.4 "Relying party per tenant"): the RP ID passkeys are bound to, its
 * display name, and which page origins may run a ceremony.
 */
public record RelyingParty(String rpId, String rpName, Predicate<String> allowsOrigin) {
}
