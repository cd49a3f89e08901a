package io.signet.challenge;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.signet.http.HtmlPage;
import io.signet.http.Requests;
import io.signet.http.Router;
import io.signet.http.Routes;
import io.signet.text.UrlEncoding;
import io.signet.user.VerificationMethod;
import io.signet.wire.IdField;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;

/**
 * Challenge, verify and getChallenge of the Server API (docs/server-api.md §7.5 "Challenge, verify, claim, get challenge"), with every wire form the
 * SDKs use for getChallenge, and the page an emailed magic link opens (a Signet extension, outside
 * {@code /v1} because a person's browser opens it without a secret key).
 */
public final class ChallengeRoutes implements Routes {
    static final String MAGIC_LINK_PATH = "/magic-link/";
    /** The form field of the confirmation page that carries the form token. */
    static final String FORM_TOKEN_FIELD = "formToken";

    private final ChallengeService challenges;
    private final Verification verification;
    private final Claims claims;

    public ChallengeRoutes(ChallengeService challenges, Verification verification, Claims claims) {
        this.challenges = challenges;
        this.verification = verification;
        this.claims = claims;
    }

    @Override
    public void register(Router router) {
        router.post("/v1/challenge", this::challenge);
        router.post("/v1/verify", this::verify);
        router.post("/v1/claim", this::claimChallenge);
        router.get("/v1/challenges", this::getChallenge);
        router.post("/v1/challenges", this::getChallenge); // .NET: POST with query and body
        router.post("/v1/challenges{javaQuery}", this::getChallenge); // Java 2.10.1: query glued on without '?'
        router.get("/v1/v1/challenges", this::getChallenge); // Go doubles the base path
        router.get("/v1/users/{userId}/challenge", this::getChallengeLegacy); // Node 2.0–2.5.3
        router.page(MAGIC_LINK_PATH + "{token}", ctx -> page(verification.openMagicLink(ctx.pathParam("token"))));
        router.form(MAGIC_LINK_PATH + "{token}", ctx -> page(verification.confirmMagicLink(ctx.pathParam("token"),
                ctx.formParam(FORM_TOKEN_FIELD))));
    }

    /** A magic link's page: it says only whether the link works, never whose it is or whether an address exists. */
    private static HtmlPage page(MagicLinkOutcome outcome) {
        return switch (outcome) {
            case MagicLinkOutcome.Gone gone -> HtmlPage.of(410, "This link is no longer valid",
                    "Sign-in links work once and expire after a few minutes. Go back to the app and ask for a new one.");
            case MagicLinkOutcome.AskConfirmation ask -> HtmlPage.confirm("Confirm your sign-in",
                    "Press the button to finish signing in.", "Sign in", FORM_TOKEN_FIELD, ask.formToken());
            case MagicLinkOutcome.NotConfirmed refused -> HtmlPage.of(403, "This sign-in could not be confirmed",
                    "Open the link from your email again and press the button on its page.");
            case MagicLinkOutcome.Verified verified -> HtmlPage.of(200, "You are verified",
                    "You can close this window and continue where you started.");
        };
    }

    /** challenge — {@code POST /v1/challenge}. */
    private Object challenge(Context ctx) {
        return challenges.challenge(Requests.tenantId(ctx), Requests.body(ctx, ChallengeRequest.class));
    }

    /** verify — {@code POST /v1/verify}. */
    private Object verify(Context ctx) {
        return verification.verify(Requests.tenantId(ctx), Requests.body(ctx, VerifyRequest.class));
    }

    /** claimChallenge — {@code POST /v1/claim}. */
    private Object claimChallenge(Context ctx) {
        return claims.claim(Requests.tenantId(ctx), Requests.body(ctx, ClaimRequest.class));
    }

    /** getChallenge — {@code GET /v1/challenges?challengeId=&userId=&action=&verificationMethod=} and aliases. */
    private Object getChallenge(Context ctx) {
        GetChallengeRequest body = ctx.method() == HandlerType.POST
                ? Requests.body(ctx, GetChallengeRequest.class) : new GetChallengeRequest(null, null, null, null);
        Map<String, String> glued = ctx.pathParamMap().containsKey("javaQuery") ? javaQuery(ctx) : Map.of();
        return challenges.get(Requests.tenantId(ctx), new ChallengeQuery(
                field(ctx, glued, "challengeId", body.challengeId()),
                field(ctx, glued, "userId", body.userId()),
                field(ctx, glued, "action", body.action()),
                filterMethod(field(ctx, glued, "verificationMethod", body.verificationMethod())), null));
    }

    /** Legacy getChallenge — {@code GET /v1/users/{userId}/challenge?action=&verificationMethod=}. */
    private Object getChallengeLegacy(Context ctx) {
        GetChallengeResponse found = challenges.get(Requests.tenantId(ctx), new ChallengeQuery(null,
                Requests.id(ctx, "userId"), Requests.query(ctx, "action"),
                filterMethod(Requests.query(ctx, "verificationMethod")), null));
        return new GetChallengeResponse(found.challengeId(), null, null, null, null, null, null);
    }

    /** The body wins, then the query string, then Java's glued-on query (§7.5.4). */
    private static String field(Context ctx, Map<String, String> glued, String name, String fromBody) {
        String v = Inputs.given(fromBody);
        if (v == null) {
            v = Requests.query(ctx, name);
        }
        if (v == null) {
            v = Inputs.given(glued.get(name));
        }
        return v == null ? null : IdField.check(name, v);
    }

    private static VerificationMethod filterMethod(String value) {
        return value == null ? null
                : Inputs.method("verificationMethod", value, EnumSet.allOf(VerificationMethod.class));
    }

    /** Parses {@code challengeId=abc&userId=u1} from the raw path, form-decoded as Java's URLEncoder wrote it. */
    private static Map<String, String> javaQuery(Context ctx) {
        String path = ctx.path();
        String raw = path.substring(path.indexOf("/challenges") + "/challenges".length());
        Map<String, String> out = new HashMap<>();
        try {
            for (UrlEncoding.Pair pair : UrlEncoding.queryPairs(raw, true)) {
                if (!pair.name().isEmpty() && pair.value() != null) {
                    out.putIfAbsent(pair.name(), pair.value());
                }
            }
        } catch (IllegalArgumentException e) {
            throw io.signet.error.SignetException.invalid("The getChallenge parameters are not URL-encoded.");
        }
        return out;
    }
}
