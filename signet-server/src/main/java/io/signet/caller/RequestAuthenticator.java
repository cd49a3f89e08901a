package io.signet.caller;

import java.util.Optional;

/**
 * Turns the secret key from HTTP Basic into a tenant id. A seam so {@code http} does not depend on the
 * tenant feature; the tenant feature implements it.
 */
@FunctionalInterface
public interface RequestAuthenticator {
    Optional<String> tenantIdForSecretKey(String secretKey);
}
