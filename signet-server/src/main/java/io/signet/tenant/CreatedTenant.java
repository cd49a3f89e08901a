package io.signet.tenant;

/** A new tenant and its secret key; the key exists in plaintext only here, to be shown once. */
public record CreatedTenant(Tenant tenant, String secretKey) {
}
