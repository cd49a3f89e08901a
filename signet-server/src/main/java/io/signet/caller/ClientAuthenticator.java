package io.signet.caller;

import io.signet.error.ErrorCode;
import io.signet.error.SignetException;
import java.util.Optional;

/**
 * What the client edge needs from the features: checking action tokens, knowing tenants by their public
 * id, and each tenant's allowed browser origins. A seam like {@link RequestAuthenticator}, so {@code http}
 * does not depend on the action or tenant feature; the Client API feature implements it.
 */
public interface ClientAuthenticator {
    /**
     * The principal of a Bearer token. Throws {@link SignetException} with {@link ErrorCode#EXPIRED_TOKEN}
     * when it expired, {@link ErrorCode#INVALID_TOKEN} when it is malformed, forged or of no tenant.
     */
    ClientPrincipal.Bearer bearer(String token);

    /** The tenant with this public tenant id, or empty when none exists. */
    Optional<ClientPrincipal.Tenant> tenant(String publicTenantId);

    /** Whether {@code origin} is in the tenant's expected origins. */
    boolean allowsOrigin(String tenantId, String origin);

    /** Whether any tenant allows {@code origin}: a CORS preflight carries no credentials to tell which. */
    boolean anyTenantAllowsOrigin(String origin);
}
