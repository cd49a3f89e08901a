package io.signet.passkey;

import io.javalin.http.Context;
import io.signet.caller.ClientPrincipal;
import io.signet.http.Requests;
import io.signet.http.Router;
import io.signet.http.Routes;
import io.signet.passkey.Wire.AddPasskeyRequest;
import io.signet.passkey.Wire.AuthenticationOptionsRequest;
import io.signet.passkey.Wire.ChallengeRequest;
import io.signet.passkey.Wire.RegistrationOptionsRequest;
import io.signet.passkey.Wire.VerifyRequest;
import io.signet.tenant.ClientSettings;
import io.signet.tenant.TenantSettingsService;
import java.util.ArrayList;
import java.util.List;

/**
 * The Client API passkey routes #1-#9 (docs/client-api.md §3 "Endpoint catalogue", §4.1), behind the client edge, which
 * has already authenticated the caller and answered CORS. The {@code /web} twins (#2, #5, #7) behave
 * exactly like their plain routes (§4.1.1: their cookie semantics are unverified; docs/passkeys.md).
 */
public final class PasskeyRoutes implements Routes {
    /** The browser SDK's anonymous device id cookie (§2.5), sent only when the page is same-origin. */
    static final String DEVICE_COOKIE = "__as_aid";
    private static final String PASSKEY = "/v1/client/user-authenticators/passkey";

    private final PasskeyService passkeys;
    private final TenantSettingsService settings;

    public PasskeyRoutes(PasskeyService passkeys, TenantSettingsService settings) {
        this.passkeys = passkeys;
        this.settings = settings;
    }

    @Override
    public void register(Router router) {
        router.post(PASSKEY + "/registration-options", this::registrationOptions);
        router.post(PASSKEY + "/registration-options/web", this::registrationOptions);
        router.post(PASSKEY, this::addPasskey);
        router.post("/v1/client/challenge", this::challenge);
        router.post("/v1/client/challenge/web", this::challenge);
        router.post(PASSKEY + "/authentication-options", this::authenticationOptions);
        router.post(PASSKEY + "/authentication-options/web", this::authenticationOptions);
        router.post("/v1/client/verify/passkey", this::verify);
        router.get(PASSKEY, this::lookup);
    }

    /** #1/#2 generate passkey registration options (Bearer). */
    private Object registrationOptions(Context ctx) {
        ClientPrincipal.Bearer caller = Requests.clientBearer(ctx);
        return passkeys.registrationOptions(caller, relyingParty(caller),
                Requests.body(ctx, RegistrationOptionsRequest.class));
    }

    /** #3 verify passkey registration (Bearer). */
    private Object addPasskey(Context ctx) {
        ClientPrincipal.Bearer caller = Requests.clientBearer(ctx);
        return passkeys.addPasskey(caller, relyingParty(caller), Requests.body(ctx, AddPasskeyRequest.class),
                ctx.header("User-Agent"), ctx.cookie(DEVICE_COOKIE));
    }

    /** #4/#5 initiate a named-action sign-in (tenant Basic). */
    private Object challenge(Context ctx) {
        ClientPrincipal caller = Requests.client(ctx);
        return passkeys.startChallenge(caller, relyingParty(caller), Requests.body(ctx, ChallengeRequest.class));
    }

    /** #6/#7 generate passkey authentication options (Bearer or tenant Basic). */
    private Object authenticationOptions(Context ctx) {
        ClientPrincipal caller = Requests.client(ctx);
        return passkeys.authenticationOptions(caller, relyingParty(caller),
                Requests.body(ctx, AuthenticationOptionsRequest.class));
    }

    /** #8 verify passkey authentication (Bearer or tenant Basic, as #6 was called). */
    private Object verify(Context ctx) {
        ClientPrincipal caller = Requests.client(ctx);
        return passkeys.verify(caller, relyingParty(caller), Requests.body(ctx, VerifyRequest.class));
    }

    /**
     * #9 passkey lookup: {@code ?credentialIds=a,b} (browser, comma-joined and not encoded) or
     * {@code ?credentialId=a} (Android).
     */
    private Object lookup(Context ctx) {
        List<String> ids = new ArrayList<>();
        for (String v : ctx.queryParams("credentialIds")) {
            ids.addAll(List.of(v.split(",")));
        }
        ids.addAll(ctx.queryParams("credentialId"));
        return passkeys.lookup(Requests.client(ctx).tenantId(), ids);
    }

    private RelyingParty relyingParty(ClientPrincipal caller) {
        ClientSettings s = settings.client(caller.tenantId()).orElseThrow(() ->
                new IllegalStateException("the client edge admitted a tenant without client settings"));
        return new RelyingParty(s.rpId(), s.rpName(), s::allowsOrigin);
    }
}
