// The hosted challenge page, part 3 of 3: the screens. It runs the user's verification through Signet's
// Client API (/v1/client/*, the same endpoints as @authsignal/browser), then hands the resulting token back
// the way launch() expects (docs/client-api.md §10 "Out of scope"): a redirect to the tracked redirectUrl with
// ?token=, or postMessage to the opening app in popup/window mode.
(function () {
  "use strict";

  var S = window.signetUi;
  var cfg = S.cfg, t = S.t, api = S.api, h = S.h, say = S.say, note = S.note, show = S.show, busy = S.busy;
  var errorText = S.errorText, postEvent = S.postEvent, reportHeight = S.reportHeight, current = S.current;
  var app = S.app;
  function backButton() {
    return cfg.methods.length + (cfg.recoveryCode ? 1 : 0) > 1
      ? h("button", { type: "button", "class": "link", text: t("nav.back"), onclick: choose })
      : null;
  }

  // --- Finishing ---------------------------------------------------------------------------------------

  function withToken(url, value) {
    var hash = url.indexOf("#");
    var base = hash < 0 ? url : url.slice(0, hash);
    var fragment = hash < 0 ? "" : url.slice(hash);
    return base + (base.indexOf("?") < 0 ? "?" : "&") + "token=" + encodeURIComponent(value) + fragment;
  }

  function finish() {
    var done = S.popup || !cfg.redirectUrl ? t("done.close") : t("done.redirect");
    show(t("done.title"), h("p", { text: done }));
    if (S.popup) {
      postEvent("AUTHSIGNAL_CLOSE_POPUP", { token: S.token() });
    } else if (cfg.redirectUrl) {
      location.assign(withToken(cfg.redirectUrl, S.token()));
    }
  }

  /** After a successful challenge: done, or first the enrolment the token's scope asked for. */
  function verified() {
    if (cfg.enrol && cfg.enrollable.length) enrolMenu(true);
    else finish();
  }

  // --- Choosing a method -------------------------------------------------------------------------------

  function choose() {
    var list = h("ul", { "class": "methods", "aria-label": t("nav.label") });
    cfg.methods.forEach(function (m, i) {
      var button = h("button", { type: "button", "class": "method", onclick: function () { run(m); } },
        h("span", { text: t("method." + m) }),
        i === 0 && cfg.methods.length > 1 ? h("span", { "class": "badge", text: t("choose.default") }) : null);
      list.appendChild(h("li", null, button));
    });
    show(t("choose.title"), h("p", { text: t("choose.intro") }), list,
      cfg.recoveryCode ? h("button", { type: "button", "class": "link", text: t("choose.recovery"),
        onclick: function () { run("RECOVERY_CODE"); } }) : null);
  }

  var CODE_METHODS = {
    EMAIL_OTP: { send: "challenge/email-otp", verify: "verify/email-otp" },
    SMS: { send: "challenge/sms", verify: "verify/sms" },
    WHATSAPP: { send: "challenge/whatsapp", verify: "verify/whatsapp" },
    AUTHENTICATOR_APP: { verify: "verify/totp" },
    RECOVERY_CODE: { verify: "verify/recovery-code" }
  };

  function run(method) {
    if (method === "PASSKEY") return passkey();
    if (method === "EMAIL_MAGIC_LINK") return magicLink();
    var m = CODE_METHODS[method];
    var send = m.send ? function () { return api(m.send); } : null;
    codeScreen(method, t("code.title." + method), t("code.intro." + method), m.verify, send, verified, true);
  }

  /**
   * A code form: sends first when {@code send} is given (and offers to send again), then verifies with
   * {@code verifyPath}. Wrong codes stay on the form; the failure reason is announced.
   */
  function codeScreen(method, title, intro, verifyPath, send, onVerified, sendFirst) {
    var recovery = method === "RECOVERY_CODE";
    var input = h("input", {
      id: "code", name: "code", type: "text", required: true, "class": recovery ? null : "code",
      inputmode: recovery ? null : "numeric", autocomplete: recovery ? "off" : "one-time-code",
      spellcheck: "false", maxlength: "64", "aria-describedby": "code-intro"
    });
    var submit = h("button", { type: "submit", text: t("code.submit") });
    var resend = send ? h("button", { type: "button", "class": "secondary", text: t("code.resend") }) : null;
    var form = h("form", { novalidate: true, onsubmit: verify },
      h("label", { "for": "code", text: t(recovery ? "code.recoveryLabel" : "code.label") }), input,
      h("div", { "class": "actions" }, submit, resend));
    var id = show(title, h("p", { id: "code-intro", text: intro }), form, backButton());
    input.focus();
    if (resend) {
      resend.addEventListener("click", function () { doSend(resend, true); });
    }
    if (send && sendFirst) doSend(null, false);

    function doSend(button, again) {
      if (button) busy(button, true, t("code.sending"));
      send().then(function () {
        if (!current(id)) return;
        if (again) note(t("code.resent"));
      }, function (e) {
        if (current(id)) say(errorText(e));
      }).then(function () { if (button) busy(button, false); });
    }

    function verify(event) {
      event.preventDefault();
      var code = input.value.trim();
      if (!recovery) code = code.replace(/\s+/g, "");
      if (!code) {
        input.setAttribute("aria-invalid", "true");
        say(t("code.empty"));
        input.focus();
        return;
      }
      busy(submit, true, t("code.checking"));
      api(verifyPath, { verificationCode: code }).then(function (data) {
        if (!current(id)) return;
        if (data.isVerified) return onVerified(data);
        busy(submit, false);
        input.setAttribute("aria-invalid", "true");
        say(t(data.failureReason === "MAX_ATTEMPTS_EXCEEDED" ? "code.locked" : "code.wrong"));
        input.select();
        input.focus();
      }, function (e) {
        busy(submit, false);
        if (current(id)) say(errorText(e));
      });
    }
  }

  // --- Magic link --------------------------------------------------------------------------------------

  function magicLink() {
    var resend = h("button", { type: "button", "class": "secondary", text: t("magic.resend") });
    var id = show(t("magic.title"), h("p", { text: t("magic.intro") }), h("div", { "class": "actions" }, resend),
      backButton());
    note(t("magic.waiting"));
    var send = function () {
      busy(resend, true, t("code.sending"));
      return api("challenge/email-magic-link").then(function () {
        busy(resend, false);
      }, function (e) {
        busy(resend, false);
        if (current(id)) say(errorText(e));
        throw e;
      });
    };
    resend.addEventListener("click", function () { send().then(function () { note(t("code.resent")); }, noop); });
    send().then(poll, noop);

    // The SDK polls finalize once a second until the link was opened (§4.6); so does the page, and
    // stops when the user leaves this screen.
    function poll() {
      if (!current(id)) return;
      api("verify/email-magic-link/finalize", {}).then(function (data) {
        if (!current(id)) return;
        if (data.isVerified) return verified(data);
        setTimeout(poll, 1000);
      }, function (e) {
        if (!current(id)) return;
        if (e.code === "expired_token") return say(errorText(e));
        setTimeout(poll, 2000);
      });
    }
  }

  function noop() {}

  // --- Passkeys (the ceremonies are in signet-ui-passkeys.js) ------------------------------------------

  /**
   * A passkey screen: one button that runs {@code ceremony} (options from the Client API, the browser's
   * WebAuthn call, the Client API's verdict) and hands a verified answer to {@code onVerified}.
   */
  function passkeyScreen(title, intro, label, back, ceremony, onVerified, existsKey) {
    var start = h("button", { type: "button", text: label });
    var id = show(title, h("p", { text: intro }), h("div", { "class": "actions" }, start), back);
    if (!window.PublicKeyCredential) {
      start.disabled = true;
      say(t("passkey.unsupported"));
      return;
    }
    start.addEventListener("click", function () {
      busy(start, true);
      say("");
      ceremony().then(function (data) {
        if (!current(id)) return;
        if (data.isVerified) return onVerified(data);
        busy(start, false);
        say(t("passkey.failed"));
      }, function (e) {
        busy(start, false);
        if (current(id)) say(S.passkeys.errorText(e, existsKey));
      });
    });
  }

  function passkey() {
    passkeyScreen(t("passkey.title"), t("passkey.intro"), t("passkey.start"), backButton(), S.passkeys.signIn,
      verified);
  }

  // --- Enrolment ------------------------------------------------------------------------------------

  /** The enrolment menu: first set-up (no method yet) or "add another" after a challenge. */
  function enrolMenu(more) {
    var list = h("ul", { "class": "methods", "aria-label": t("nav.label") });
    cfg.enrollable.forEach(function (m) {
      list.appendChild(h("li", null, h("button", { type: "button", "class": "method", text: t("enrol." + m),
        onclick: function () { enrol(m, more); } })));
    });
    show(t(more ? "enrol.moreTitle" : "enrol.title"), h("p", { text: t("enrol.intro") }), list,
      more ? h("button", { type: "button", "class": "secondary", text: t("enrol.done"), onclick: finish }) : null);
  }

  function enrol(method, more) {
    var done = function (data) {
      cfg.enrollable = cfg.enrollable.filter(function (m) { return m !== method || m === "PASSKEY"; });
      var next = function () {
        if (more || cfg.enrol && cfg.methods.length) {
          enrolMenu(true);
          note(t("enrol.added"));
        } else {
          finish();
        }
      };
      // A Client API enrollment returns no recovery codes: a user's first one asks for them (shown once).
      api("ui/recovery-codes", {}).then(function (r) {
        if (Array.isArray(r.recoveryCodes) && r.recoveryCodes.length) recoveryCodes(r.recoveryCodes, next);
        else next();
      }, next);
    };
    var back = h("button", { type: "button", "class": "link", text: t("nav.back"),
      onclick: function () { enrolMenu(more); } });
    if (method === "PASSKEY") return enrolPasskey(done, back);
    if (method === "AUTHENTICATOR_APP") return enrolTotp(done, back);
    contactForm(method, done, back);
  }

  function contactForm(method, done, back) {
    var email = method === "EMAIL_OTP";
    var input = h("input", {
      id: "contact", name: "contact", type: email ? "email" : "tel", required: true,
      autocomplete: email ? "email" : "tel", inputmode: email ? "email" : "tel",
      "aria-describedby": email ? null : "contact-hint", maxlength: "254"
    });
    var submit = h("button", { type: "submit", text: t("enrol.send") });
    var form = h("form", { novalidate: true, onsubmit: sendCode },
      h("label", { "for": "contact", text: t(email ? "enrol.email.label" : "enrol.sms.label") }),
      email ? null : h("p", { id: "contact-hint", "class": "hint", text: t("enrol.sms.hint") }),
      input, h("div", { "class": "actions" }, submit));
    var id = show(t(email ? "enrol.email.title" : "enrol.sms.title"), form, back);
    input.focus();

    function sendCode(event) {
      event.preventDefault();
      var value = input.value.trim();
      var valid = email ? /^[^\s@]+@[^\s@]+$/.test(value) : /^\+?[0-9 ()-]{6,20}$/.test(value);
      if (!valid) {
        input.setAttribute("aria-invalid", "true");
        say(t(email ? "error.invalidEmail" : "error.invalidPhone"));
        input.focus();
        return;
      }
      if (!email) value = "+" + value.replace(/[^0-9]/g, "");
      var path = email ? "user-authenticators/email-otp" : "user-authenticators/sms";
      var body = email ? { email: value } : { phoneNumber: value };
      var enrolCall = function () { return api(path, body); };
      busy(submit, true, t("code.sending"));
      enrolCall().then(function () {
        if (!current(id)) return;
        codeScreen(method, t("code.title." + method), t("code.intro." + method),
          email ? "verify/email-otp" : "verify/sms", enrolCall, done, false);
      }, function (e) {
        busy(submit, false);
        if (!current(id)) return;
        if (e.code === "invalid_request") {
          input.setAttribute("aria-invalid", "true");
          say(t(email ? "error.invalidEmail" : "error.invalidPhone"));
        } else {
          say(errorText(e));
        }
      });
    }
  }

  function enrolTotp(done, back) {
    var id = show(t("enrol.totp.title"), h("p", { text: t("page.loading") }), back);
    api("user-authenticators/totp").then(function (data) {
      if (!current(id)) return;
      return api("ui/qr-code", { text: data.uri }).then(function (qr) {
        if (!current(id)) return;
        var svg = new DOMParser().parseFromString(qr.svg, "image/svg+xml").documentElement;
        svg.setAttribute("role", "img");
        svg.setAttribute("aria-label", t("enrol.totp.qr"));
        codeScreen("AUTHENTICATOR_APP", t("enrol.totp.title"), t("enrol.totp.intro"), "verify/totp", null, done, false);
        var intro = document.getElementById("code-intro");
        var figure = h("div", { "class": "qr" }, document.importNode(svg, true));
        intro.after(figure, h("p", { text: t("enrol.totp.secret") }),
          h("p", { "class": "secret", text: data.secret.replace(/(.{4})/g, "$1 ").trim() }));
        app.appendChild(back);
        reportHeight();
      });
    }).catch(function (e) {
      if (current(id)) say(errorText(e));
    });
  }

  function enrolPasskey(done, back) {
    passkeyScreen(t("enrol.passkey.title"), t("enrol.passkey.intro"), t("enrol.PASSKEY"), back,
      S.passkeys.create, done, "enrol.passkey.exists");
  }

  // --- Recovery codes, shown once ----------------------------------------------------------------------

  function recoveryCodes(codes, next) {
    var text = codes.join("\n") + "\n";
    var list = h("ul", { "class": "codes", "aria-label": t("recovery.title") });
    codes.forEach(function (c) { list.appendChild(h("li", { text: c })); });
    var copy = h("button", { type: "button", "class": "secondary", text: t("recovery.copy"), onclick: function () {
      navigator.clipboard.writeText(text).then(function () { note(t("recovery.copied")); },
        function () { say(t("error.generic")); });
    } });
    var download = h("button", { type: "button", "class": "secondary", text: t("recovery.download"),
      onclick: function () {
        var url = URL.createObjectURL(new Blob([text], { type: "text/plain" }));
        var a = h("a", { href: url, download: "recovery-codes.txt" });
        document.body.appendChild(a);
        a.click();
        a.remove();
        setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
      } });
    show(t("recovery.title"), h("p", { text: t("recovery.intro") }), list,
      h("div", { "class": "actions" }, copy, download,
        h("button", { type: "button", text: t("recovery.continue"), onclick: next })));
  }

  // --- Start -------------------------------------------------------------------------------------------

  function start() {
    if (S.framed) document.body.classList.add("embedded");
    // The tenant's colour is in the page as served (Theme), with or without script.
    // The tenant's name or logo is in the page as served (FormScreens.brand), with or without script.
    if (window.ResizeObserver) new ResizeObserver(reportHeight).observe(S.container);
    if (cfg.screen === "app") {
      // An action already allowed or verified needs no challenge: the token validates as it is.
      var settled = cfg.state === "ALLOW" || cfg.state === "CHALLENGE_SUCCEEDED";
      var canEnrol = cfg.enrol && cfg.enrollable.length > 0;
      if (settled) {
        if (canEnrol) enrolMenu(cfg.methods.length > 0);
        else finish();
      } else if (cfg.methods.length || cfg.recoveryCode) {
        choose();
      } else if (canEnrol) {
        enrolMenu(false);
      } else {
        show(t("blocked.title"), h("p", { text: t("error.generic") }));
      }
    }
    postEvent("AUTHSIGNAL_READY");
    reportHeight();
  }

  start();
})();
