package io.signet.client;

import io.signet.client.JsonCodec.Answer;
import io.signet.client.model.ActionAttributes;
import io.signet.client.model.ChallengeRequest;
import io.signet.client.model.ChallengeResponse;
import io.signet.client.model.ClaimChallengeRequest;
import io.signet.client.model.ClaimChallengeResponse;
import io.signet.client.model.CreateSessionRequest;
import io.signet.client.model.CreateSessionResponse;
import io.signet.client.model.DeleteAuthenticatorRequest;
import io.signet.client.model.DeleteUserRequest;
import io.signet.client.model.EnrollVerifiedAuthenticatorRequest;
import io.signet.client.model.EnrollVerifiedAuthenticatorResponse;
import io.signet.client.model.GetActionRequest;
import io.signet.client.model.GetActionResponse;
import io.signet.client.model.GetAuthenticatorsRequest;
import io.signet.client.model.GetChallengeRequest;
import io.signet.client.model.GetChallengeResponse;
import io.signet.client.model.GetUserRequest;
import io.signet.client.model.GetUserResponse;
import io.signet.client.model.QueryUserActionsRequest;
import io.signet.client.model.QueryUserActionsResponseItem;
import io.signet.client.model.QueryUsersRequest;
import io.signet.client.model.QueryUsersResponse;
import io.signet.client.model.RefreshSessionRequest;
import io.signet.client.model.RefreshSessionResponse;
import io.signet.client.model.RevokeSessionRequest;
import io.signet.client.model.RevokeUserSessionsRequest;
import io.signet.client.model.TrackAttributes;
import io.signet.client.model.TrackRequest;
import io.signet.client.model.TrackResponse;
import io.signet.client.model.UpdateActionRequest;
import io.signet.client.model.UpdateUserRequest;
import io.signet.client.model.UserAttributes;
import io.signet.client.model.UserAuthenticator;
import io.signet.client.model.ValidateChallengeRequest;
import io.signet.client.model.ValidateChallengeResponse;
import io.signet.client.model.ValidateSessionRequest;
import io.signet.client.model.ValidateSessionResponse;
import io.signet.client.model.VerifyRequest;
import io.signet.client.model.VerifyResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A client for the Authsignal Server API v1, as served by Signet or by Authsignal. Its methods mirror
 * authsignal-java 2.10.1 ({@code com.authsignal.AuthsignalClient}): each sends one call and returns a
 * future that completes with the answer, or fails with an
 * {@link io.signet.client.exception.AuthsignalException} (the cause of {@code get()}'s
 * {@link java.util.concurrent.ExecutionException}) when the API answers with an error.
 *
 * <p>GET and DELETE calls are retried on connection errors and 5xx answers; POST and PATCH calls only
 * when given {@link RequestOptions#idempotencyKey(String)} (see {@link AuthsignalClientOptions}). A
 * missing path parameter (such as a null {@code userId}) throws {@link IllegalArgumentException}.
 *
 * <p>Thread-safe; share one instance and {@link #close()} it when done.
 */
public class AuthsignalClient implements AutoCloseable {
    /** The base URL of Authsignal's own API, used when none is given. */
    public static final String DEFAULT_API_URL = "https://api.authsignal.com/v1";

    /** Verifies webhook deliveries signed with this client's secret key, as {@code client.webhook} in authsignal-java. */
    public final Webhook webhook;

    private final Urls urls;
    private final HttpTransport transport;

    /**
     * A client with the default retries and timeouts.
     *
     * @param secret the tenant's Server API secret key
     * @param baseURL the API base URL including {@code /v1}, e.g. {@code http://127.0.0.1:8080/v1}
     */
    public AuthsignalClient(String secret, String baseURL) {
        this(secret, baseURL, AuthsignalClientOptions.defaults());
    }

    /**
     * A client with the given retries and timeouts.
     *
     * @param secret the tenant's Server API secret key
     * @param baseURL the API base URL including {@code /v1}
     * @param options retry and timeout settings
     */
    public AuthsignalClient(String secret, String baseURL, AuthsignalClientOptions options) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("secret must be the tenant's Server API secret key");
        }
        this.urls = new Urls(baseURL);
        this.transport = new HttpTransport(secret, options);
        this.webhook = new Webhook(secret);
    }

    /**
     * getUser ({@code GET /users/{userId}}): an unknown user is not an error but {@code isEnrolled=false}.
     *
     * @param request which user
     * @return the user's attributes and enrolment state
     */
    public CompletableFuture<GetUserResponse> getUser(GetUserRequest request) {
        return read(transport.get(urls.path("/users/{}", request.userId)), GetUserResponse.class);
    }

    /**
     * queryUsers ({@code GET /users?...}): one page of users matching the filters.
     *
     * @param request the filters and paging cursor
     * @return the page
     */
    public CompletableFuture<QueryUsersResponse> queryUsers(QueryUsersRequest request) {
        Map<String, String> params = Urls.params();
        params.put("username", request.username);
        params.put("email", request.email);
        params.put("phoneNumber", request.phoneNumber);
        params.put("token", request.token);
        params.put("limit", request.limit == null ? null : request.limit.toString());
        params.put("lastEvaluatedUserId", request.lastEvaluatedUserId);
        return read(transport.get(urls.withQuery(urls.path("/users"), params)), QueryUsersResponse.class);
    }

    /**
     * Same as {@link #updateUser(UpdateUserRequest, RequestOptions)} with no options.
     *
     * @param request the user and attributes
     * @return the user's attributes after the change
     */
    public CompletableFuture<UserAttributes> updateUser(UpdateUserRequest request) {
        return updateUser(request, RequestOptions.none());
    }

    /**
     * updateUser ({@code POST /users/{userId}}, as authsignal-java sends it): a partial update that
     * creates an unknown user.
     *
     * @param request the user and attributes
     * @param options per-call options
     * @return the user's attributes after the change
     */
    public CompletableFuture<UserAttributes> updateUser(UpdateUserRequest request, RequestOptions options) {
        return read(transport.post(urls.path("/users/{}", request.userId), request.attributes, options),
                UserAttributes.class);
    }

    /**
     * deleteUser ({@code DELETE /users/{userId}}): removes the user and everything the user owns.
     *
     * @param request which user
     * @return completes when deleted
     */
    public CompletableFuture<Void> deleteUser(DeleteUserRequest request) {
        return done(transport.delete(urls.path("/users/{}", request.userId)));
    }

    /**
     * getAuthenticators ({@code GET /users/{userId}/authenticators}).
     *
     * @param request whose authenticators
     * @return the authenticators; empty when none
     */
    public CompletableFuture<UserAuthenticator[]> getAuthenticators(GetAuthenticatorsRequest request) {
        return read(transport.get(urls.path("/users/{}/authenticators", request.userId)), UserAuthenticator[].class);
    }

    /**
     * Same as {@link #enrollVerifiedAuthenticator(EnrollVerifiedAuthenticatorRequest, RequestOptions)}
     * with no options.
     *
     * @param request the user and the authenticator
     * @return the enrolled authenticator
     */
    public CompletableFuture<EnrollVerifiedAuthenticatorResponse> enrollVerifiedAuthenticator(
            EnrollVerifiedAuthenticatorRequest request) {
        return enrollVerifiedAuthenticator(request, RequestOptions.none());
    }

    /**
     * enrollVerifiedAuthenticator ({@code POST /users/{userId}/authenticators}): enrols an
     * authenticator whose contact you have already verified.
     *
     * @param request the user and the authenticator
     * @param options per-call options
     * @return the enrolled authenticator, and recovery codes on a first enrolment
     */
    public CompletableFuture<EnrollVerifiedAuthenticatorResponse> enrollVerifiedAuthenticator(
            EnrollVerifiedAuthenticatorRequest request, RequestOptions options) {
        return read(transport.post(urls.path("/users/{}/authenticators", request.userId), request.attributes,
                options), EnrollVerifiedAuthenticatorResponse.class);
    }

    /**
     * deleteAuthenticator ({@code DELETE /users/{userId}/authenticators/{userAuthenticatorId}}).
     *
     * @param request the user and the authenticator
     * @return completes when deleted
     */
    public CompletableFuture<Void> deleteAuthenticator(DeleteAuthenticatorRequest request) {
        return done(transport.delete(urls.path("/users/{}/authenticators/{}", request.userId,
                request.userAuthenticatorId)));
    }

    /**
     * Same as {@link #track(TrackRequest, RequestOptions)} with no options.
     *
     * @param request the user, action code and attributes
     * @return the rules' outcome
     */
    public CompletableFuture<TrackResponse> track(TrackRequest request) {
        return track(request, RequestOptions.none());
    }

    /**
     * track ({@code POST /users/{userId}/actions/{action}}): records an action and runs the rules.
     *
     * @param request the user, action code and attributes
     * @param options per-call options
     * @return the rules' outcome, with a token for the client SDKs
     */
    public CompletableFuture<TrackResponse> track(TrackRequest request, RequestOptions options) {
        TrackAttributes attributes = request.attributes != null ? request.attributes : new TrackAttributes();
        return read(transport.post(urls.path("/users/{}/actions/{}", request.userId, request.action), attributes,
                options), TrackResponse.class);
    }

    /**
     * getAction ({@code GET /users/{userId}/actions/{action}/{idempotencyKey}}).
     *
     * @param request which action
     * @return the action's state and rules
     */
    public CompletableFuture<GetActionResponse> getAction(GetActionRequest request) {
        return read(transport.get(urls.path("/users/{}/actions/{}/{}", request.userId, request.action,
                request.idempotencyKey)), GetActionResponse.class);
    }

    /**
     * queryUserActions ({@code GET /users/{userId}/actions?...}).
     *
     * @param request the user and filters
     * @return the user's matching actions
     */
    public CompletableFuture<QueryUserActionsResponseItem[]> queryUserActions(QueryUserActionsRequest request) {
        Map<String, String> params = Urls.params();
        params.put("fromDate", request.fromDate);
        boolean anyCodes = request.actionCodes != null && request.actionCodes.length > 0;
        params.put("codes", anyCodes ? String.join(",", request.actionCodes) : null);
        params.put("state", request.state == null ? null : request.state.name());
        return read(transport.get(urls.withQuery(urls.path("/users/{}/actions", request.userId), params)),
                QueryUserActionsResponseItem[].class);
    }

    /**
     * Same as {@link #updateAction(UpdateActionRequest, RequestOptions)} with no options.
     *
     * @param request which action, and its new state
     * @return the action's attributes after the change
     */
    public CompletableFuture<ActionAttributes> updateAction(UpdateActionRequest request) {
        return updateAction(request, RequestOptions.none());
    }

    /**
     * updateAction ({@code PATCH /users/{userId}/actions/{action}/{idempotencyKey}}).
     *
     * @param request which action, and its new state
     * @param options per-call options
     * @return the action's attributes after the change
     */
    public CompletableFuture<ActionAttributes> updateAction(UpdateActionRequest request, RequestOptions options) {
        return read(transport.patch(urls.path("/users/{}/actions/{}/{}", request.userId, request.action,
                request.idempotencyKey), request.attributes, options), ActionAttributes.class);
    }

    /**
     * validateChallenge ({@code POST /validate}): whether a client token's challenge succeeded.
     *
     * @param request the token, optionally with the expected user and action
     * @return the validation result
     */
    public CompletableFuture<ValidateChallengeResponse> validateChallenge(ValidateChallengeRequest request) {
        return postAll("/validate", request, ValidateChallengeResponse.class);
    }

    /**
     * challenge ({@code POST /challenge}): sends an OTP by SMS, WhatsApp or email.
     *
     * @param request the method, action and contact
     * @return the challenge's ID and expiry
     */
    public CompletableFuture<ChallengeResponse> challenge(ChallengeRequest request) {
        return postAll("/challenge", request, ChallengeResponse.class);
    }

    /**
     * verify ({@code POST /verify}): checks the code the user entered. A wrong code is not an error.
     *
     * @param request the challenge and the code
     * @return whether the code was right
     */
    public CompletableFuture<VerifyResponse> verify(VerifyRequest request) {
        return postAll("/verify", request, VerifyResponse.class);
    }

    /**
     * claimChallenge ({@code POST /claim}): binds a verified challenge to a user.
     *
     * @param request the challenge and the user
     * @return a token that validates as CHALLENGE_SUCCEEDED
     */
    public CompletableFuture<ClaimChallengeResponse> claimChallenge(ClaimChallengeRequest request) {
        return postAll("/claim", request, ClaimChallengeResponse.class);
    }

    /**
     * getChallenge ({@code GET /challenges?...}, the form the Node SDK and the docs use).
     *
     * @param request the filters
     * @return the matching active challenge; every field is null when there is none
     */
    public CompletableFuture<GetChallengeResponse> getChallenge(GetChallengeRequest request) {
        Map<String, String> params = Urls.params();
        params.put("challengeId", request.challengeId);
        params.put("userId", request.userId);
        params.put("action", request.action);
        params.put("verificationMethod", request.verificationMethod);
        return read(transport.get(urls.withQuery(urls.path("/challenges"), params)), GetChallengeResponse.class);
    }

    /**
     * createSession ({@code POST /sessions}).
     *
     * @param request the app client and a successful challenge's token
     * @return the session's tokens
     */
    public CompletableFuture<CreateSessionResponse> createSession(CreateSessionRequest request) {
        return postAll("/sessions", request, CreateSessionResponse.class);
    }

    /**
     * validateSession ({@code POST /sessions/validate}).
     *
     * @param request the access token
     * @return the session's user and expiry
     */
    public CompletableFuture<ValidateSessionResponse> validateSession(ValidateSessionRequest request) {
        return postAll("/sessions/validate", request, ValidateSessionResponse.class);
    }

    /**
     * refreshSession ({@code POST /sessions/refresh}): rotates the tokens.
     *
     * @param request the refresh token
     * @return the new tokens
     */
    public CompletableFuture<RefreshSessionResponse> refreshSession(RefreshSessionRequest request) {
        return postAll("/sessions/refresh", request, RefreshSessionResponse.class);
    }

    /**
     * revokeSession ({@code POST /sessions/revoke}).
     *
     * @param request the session's access token
     * @return completes when revoked
     */
    public CompletableFuture<Void> revokeSession(RevokeSessionRequest request) {
        return done(transport.post(urls.path("/sessions/revoke"), request, RequestOptions.none()));
    }

    /**
     * revokeUserSessions ({@code POST /sessions/user/revoke}).
     *
     * @param request whose sessions
     * @return completes when revoked
     */
    public CompletableFuture<Void> revokeUserSessions(RevokeUserSessionsRequest request) {
        return done(transport.post(urls.path("/sessions/user/revoke"), request, RequestOptions.none()));
    }

    /** Releases the HTTP client's connections; calls still running may fail. */
    @Override
    public void close() {
        transport.close();
    }

    /** The calls whose whole request object is the body (validate, challenge, verify, claim, sessions). */
    private <T> CompletableFuture<T> postAll(String path, Object request, Class<T> type) {
        return read(transport.post(urls.path(path), request, RequestOptions.none()), type);
    }

    private static <T> CompletableFuture<T> read(CompletableFuture<Answer> answer, Class<T> type) {
        return answer.thenApply(a -> JsonCodec.read(a, type));
    }

    private static CompletableFuture<Void> done(CompletableFuture<Answer> answer) {
        return answer.thenApply(a -> null);
    }
}
