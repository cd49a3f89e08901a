package io.signet.clientapi;

import io.signet.action.ActionTokens;
import io.signet.action.TokenClaims;
import io.signet.caller.ClientAuthenticator;
import io.signet.caller.ClientPrincipal;
import io.signet.error.ErrorCode;
import io.signet.error.SignetException;
import io.signet.tenant.ClientSettings;
import io.signet.tenant.TenantService;
import io.signet.tenant.TenantSettingsService;
import java.util.Optional;

/**
 * The Client API's answer to the client edge: action tokens checked with {@link ActionTokens} (any token
 * Signet issued for the tenant, the track token or an accessToken), tenants and origins from the cached
 * {@link ClientSettings}.
 */
public final class ClientCredentials implements ClientAuthenticator {
    private final ActionTokens tokens;
    private final TenantSettingsService settings;

    public ClientCredentials(ActionTokens tokens, TenantSettingsService settings) {
        this.tokens = tokens;
        this.settings = settings;
    }

    @Override
    public ClientPrincipal.Bearer bearer(String token) {
        TokenClaims c;
        try {
            c = tokens.check(token);
        } catch (ActionTokens.InvalidToken e) {
            throw e.expired()
                    ? new SignetException(ErrorCode.EXPIRED_TOKEN, "The token has expired: tokens are valid for 10 "
                    + "minutes. Get a new one with track.")
                    : new SignetException(ErrorCode.INVALID_TOKEN, "The token is not valid: " + e.getMessage());
        }
        if (settings.client(c.tenantId()).isEmpty()) {
            throw new SignetException(ErrorCode.INVALID_TOKEN, "The token's tenant no longer exists.");
        }
        return new ClientPrincipal.Bearer(c.tenantId(), c.userId(), c.actionCode(), c.idempotencyKey(), c.scope(),
                c.expiresAt());
    }

    @Override
    public Optional<ClientPrincipal.Tenant> tenant(String publicTenantId) {
        // The operator realm signs in only through the console's own flow, never anonymously.
        if (publicTenantId.length() > 255 || TenantService.isOperatorRealm(publicTenantId)) {
            return Optional.empty();
        }
        return settings.client(publicTenantId).map(c -> new ClientPrincipal.Tenant(c.tenantId()));
    }

    @Override
    public boolean allowsOrigin(String tenantId, String origin) {
        return settings.client(tenantId).map(c -> c.allowsOrigin(origin)).orElse(false);
    }

    @Override
    public boolean anyTenantAllowsOrigin(String origin) {
        return settings.anyTenantAllowsOrigin(origin);
    }
}
