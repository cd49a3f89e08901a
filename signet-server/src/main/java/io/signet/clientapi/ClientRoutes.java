package io.signet.clientapi;

import io.javalin.http.Context;
import io.signet.authenticator.AuthenticatorService;
import io.signet.caller.ClientPrincipal;
import io.signet.error.SignetException;
import io.signet.http.ClientOrigin;
import io.signet.http.Requests;
import io.signet.http.Router;
import io.signet.http.Routes;
import io.signet.user.Contacts;
import io.signet.user.VerificationMethod;
import io.signet.wire.Json;

/**
 * The Client API routes {@code /v1/client/*} (docs/client-api.md §3 "Endpoint catalogue") that the browser and mobile SDKs
 * call with an action token or tenant Basic. Authentication and CORS are the client edge's
 * ({@code io.signet.http.ClientEdge}); a handler only asks who the caller is. Passkeys live in their own
 * feature; push and QR code (#27–#30) answer that Signet does not support them yet.
 */
public final class ClientRoutes implements Routes {
    private static final int MAX_USER_AGENT = 1024;

    private final AuthenticatorService authenticators;
    private final ClientApiService client;

    public ClientRoutes(AuthenticatorService authenticators, ClientApiService client) {
        this.authenticators = authenticators;
        this.client = client;
    }

    @Override
    public void register(Router router) {
        router.get("/v1/client/user-authenticators", this::userAuthenticators);

        router.post("/v1/client/user-authenticators/email-otp", ctx -> client.enroll(bearer(ctx),
                VerificationMethod.EMAIL_OTP, email(ctx), browser(ctx)));
        router.post("/v1/client/challenge/email-otp", ctx -> challenge(ctx, VerificationMethod.EMAIL_OTP));
        router.post("/v1/client/verify/email-otp", ctx -> verify(ctx, VerificationMethod.EMAIL_OTP));

        router.post("/v1/client/user-authenticators/sms", ctx -> client.enroll(bearer(ctx), VerificationMethod.SMS,
                Contacts.phoneNumber("phoneNumber", Requests.body(ctx, ClientBodies.Phone.class).phoneNumber()),
                browser(ctx)));
        router.post("/v1/client/challenge/sms", ctx -> challenge(ctx, VerificationMethod.SMS));
        router.post("/v1/client/verify/sms", ctx -> verify(ctx, VerificationMethod.SMS));

        router.post("/v1/client/challenge/whatsapp", ctx -> challenge(ctx, VerificationMethod.WHATSAPP));
        router.post("/v1/client/verify/whatsapp", ctx -> verify(ctx, VerificationMethod.WHATSAPP));

        router.post("/v1/client/user-authenticators/totp", ctx -> {
            noBody(ctx);
            return client.enrollTotp(bearer(ctx));
        });
        router.post("/v1/client/verify/totp", ctx -> verify(ctx, VerificationMethod.AUTHENTICATOR_APP));
        // A Signet extension for the hosted page (the SDK has no recovery-code call): the same checks as
        // POST /v1/verify of a RECOVERY_CODE challenge, bound to the token's action.
        router.post("/v1/client/verify/recovery-code", ctx -> verify(ctx, VerificationMethod.RECOVERY_CODE));

        router.post("/v1/client/user-authenticators/email-magic-link", ctx -> client.enroll(bearer(ctx),
                VerificationMethod.EMAIL_MAGIC_LINK, email(ctx), browser(ctx)));
        router.post("/v1/client/challenge/email-magic-link", ctx -> challenge(ctx, VerificationMethod.EMAIL_MAGIC_LINK));
        router.post("/v1/client/verify/email-magic-link/finalize", ctx -> {
            noBody(ctx);
            return client.finalizeLink(bearer(ctx));
        });

        for (String path : new String[] {"/challenge/push", "/verify/push"}) {
            router.post("/v1/client" + path, ctx -> unsupported("Push verification"));
        }
        for (String path : new String[] {"/challenge/qr-code", "/verify/qr-code"}) {
            router.post("/v1/client" + path, ctx -> unsupported("QR code verification"));
        }
    }

    /** {@code GET /v1/client/user-authenticators} (SDK 1.17+, §9): the token user's authenticators, bare array. */
    private Object userAuthenticators(Context ctx) {
        ClientPrincipal.Bearer caller = Requests.clientBearer(ctx);
        return authenticators.list(caller.tenantId(), caller.userId());
    }

    private Object challenge(Context ctx, VerificationMethod method) {
        noBody(ctx);
        return client.challenge(bearer(ctx), method, browser(ctx));
    }

    private Object verify(Context ctx, VerificationMethod method) {
        return client.verify(bearer(ctx), method, Requests.body(ctx, ClientBodies.Code.class).verificationCode(),
                ClientOrigin.of(ctx).ip());
    }

    /** Routes the SDK calls with no body or {@code {}}: anything else must still be a JSON object (else 400). */
    private static void noBody(Context ctx) {
        Json.readObject(ctx.bodyAsBytes());
    }

    private static ClientPrincipal.Bearer bearer(Context ctx) {
        return Requests.clientBearer(ctx);
    }

    private static String email(Context ctx) {
        return Contacts.email("email", Requests.body(ctx, ClientBodies.Email.class).email());
    }

    /**
     * The caller of the Client API: its address (behind a trusted proxy, from its headers) counts against
     * SIGNET_SEND_LIMIT_PER_IP, and with its User-Agent goes into the message's metadata.
     */
    record Browser(String ip, String userAgent) {
    }

    /** The User-Agent is cut to the length challenges accept. */
    private static Browser browser(Context ctx) {
        String ua = ctx.userAgent();
        return new Browser(ClientOrigin.of(ctx).ip(),
                ua == null || ua.isBlank() ? null : ua.substring(0, Math.min(ua.length(), MAX_USER_AGENT)));
    }

    private static Object unsupported(String what) {
        throw SignetException.invalid(what + " (push and QR code) is not supported by Signet yet; use passkeys, "
                + "email, SMS, WhatsApp, an authenticator app or a magic link.");
    }
}
