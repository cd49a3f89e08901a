// The hosted challenge page, part 2 of 3: the WebAuthn ceremonies through the Client API (#1/#3 to create a
// passkey, #6/#8 to sign in), with the base64url conversions done by hand.
(function () {
  "use strict";

  var S = window.signetUi;
  var api = S.api;
  var t = S.t;

  function fromB64u(s) {
    var b64 = s.replace(/-/g, "+").replace(/_/g, "/");
    while (b64.length % 4) b64 += "=";
    var bin = atob(b64);
    var bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return bytes.buffer;
  }

  function toB64u(buffer) {
    if (!buffer) return undefined;
    var bytes = new Uint8Array(buffer);
    var bin = "";
    for (var i = 0; i < bytes.length; i++) bin += String.fromCharCode(bytes[i]);
    return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function descriptors(list) {
    return (list || []).map(function (c) {
      return { type: c.type || "public-key", id: fromB64u(c.id), transports: c.transports };
    });
  }

  function passkeyError(e, existsKey) {
    if (e instanceof S.ApiError) return S.errorText(e);
    if (e && e.name === "InvalidStateError" && existsKey) return t(existsKey);
    if (e && (e.name === "NotAllowedError" || e.name === "AbortError")) return t("passkey.cancelled");
    if (e && (e.name === "SecurityError" || e.name === "NotSupportedError")) return t("passkey.unsupported");
    return t("passkey.failed");
  }

  /** Sign-in: #6 options, navigator.credentials.get, #8 verify. */
  function signInWithPasskey() {
    var challengeId;
    return api("user-authenticators/passkey/authentication-options", {}).then(function (data) {
      challengeId = data.challengeId;
      var o = data.options;
      return navigator.credentials.get({ publicKey: {
        challenge: fromB64u(o.challenge), rpId: o.rpId, timeout: o.timeout,
        userVerification: o.userVerification, allowCredentials: descriptors(o.allowCredentials)
      } });
    }).then(function (cred) {
      var r = cred.response;
      return api("verify/passkey", { challengeId: challengeId, authenticationCredential: {
        id: cred.id, rawId: toB64u(cred.rawId), type: cred.type,
        authenticatorAttachment: cred.authenticatorAttachment || undefined,
        clientExtensionResults: cred.getClientExtensionResults(),
        response: {
          clientDataJSON: toB64u(r.clientDataJSON), authenticatorData: toB64u(r.authenticatorData),
          signature: toB64u(r.signature), userHandle: toB64u(r.userHandle)
        }
      } });
    });
  }

  /** Registration: #1 options, navigator.credentials.create, #3 add passkey. */
  function createPasskey() {
    var challengeId;
    return api("user-authenticators/passkey/registration-options", {}).then(function (data) {
      challengeId = data.challengeId;
      var o = data.options;
      var publicKey = {};
      Object.keys(o).forEach(function (k) { publicKey[k] = o[k]; });
      publicKey.challenge = fromB64u(o.challenge);
      publicKey.user = { id: fromB64u(o.user.id), name: o.user.name, displayName: o.user.displayName };
      publicKey.excludeCredentials = descriptors(o.excludeCredentials);
      return navigator.credentials.create({ publicKey: publicKey });
    }).then(function (cred) {
      var r = cred.response;
      return api("user-authenticators/passkey", { challengeId: challengeId, conditionalCreate: false,
        registrationCredential: {
          id: cred.id, rawId: toB64u(cred.rawId), type: cred.type,
          authenticatorAttachment: cred.authenticatorAttachment || undefined,
          clientExtensionResults: cred.getClientExtensionResults(),
          response: {
            clientDataJSON: toB64u(r.clientDataJSON), attestationObject: toB64u(r.attestationObject),
            transports: r.getTransports ? r.getTransports() : undefined,
            publicKeyAlgorithm: r.getPublicKeyAlgorithm ? r.getPublicKeyAlgorithm() : undefined,
            publicKey: r.getPublicKey ? toB64u(r.getPublicKey()) : undefined,
            authenticatorData: r.getAuthenticatorData ? toB64u(r.getAuthenticatorData()) : undefined
          }
        } });
    });
  }

  S.passkeys = { signIn: signInWithPasskey, create: createPasskey, errorText: passkeyError };
})();
