package io.signet.tenant;

import java.util.List;
import java.util.Objects;

/**
 * A tenant's Client API identity, resolved: what browsers and WebAuthn see of it. The one view other
 * features use (CORS, passkey ceremonies), whether the values were set or are the defaults
 * derived from SIGNET_PUBLIC_URL (docs/client-api.md §11 "What Signet decided", Tenant identity).
 *
 * @param tenantId         the public tenant id (the tenant's id; not a secret)
 * @param rpId             WebAuthn relying-party id
 * @param rpName           WebAuthn relying-party name shown by the browser
 * @param expectedOrigins  exact origins ({@code scheme://host[:port]}) pages may call from
 * @param anyLocalhostPort also every {@code http://localhost:<port>}: the default while rpId is localhost
 *                         (a browser refuses an IP as RP id, so a fresh install must work from localhost)
 * @param defaults         rpId or expectedOrigins (or both) is still the default derived from SIGNET_PUBLIC_URL
 * @param hostedPageOrigin the origin of SIGNET_PUBLIC_URL, where Signet's hosted challenge page runs: always
 *                         allowed to call the Client API and run passkey ceremonies, whatever the list says
 */
public record ClientSettings(String tenantId, String rpId, String rpName, List<String> expectedOrigins,
                             boolean anyLocalhostPort, boolean defaults, String hostedPageOrigin) {
    public ClientSettings {
        Objects.requireNonNull(tenantId);
        Objects.requireNonNull(rpId);
        Objects.requireNonNull(rpName);
        expectedOrigins = List.copyOf(expectedOrigins);
    }

    /**
     * Whether a page at {@code origin} (the {@code Origin} header, or clientDataJSON's origin) may use this
     * tenant. Use this rather than {@code expectedOrigins().contains}: it also applies the localhost rule.
     */
    public boolean allowsOrigin(String origin) {
        if (origin == null) {
            return false;
        }
        return expectedOrigins.contains(origin) || anyLocalhostPort && Origins.isLocalhost(origin)
                || origin.equals(hostedPageOrigin);
    }
}
