// The hosted challenge page, part 1 of 3: its data, messages to the opening app, Client API calls and DOM
// helpers, shared through one global (window.signetUi) by signet-ui-passkeys.js and signet-ui.js.
// No library, no inline script.
(function () {
  "use strict";

  var cfg = JSON.parse(document.getElementById("signet-ui-config").textContent);
  var M = cfg.messages || {};
  var app = document.getElementById("app");
  var alertEl = document.getElementById("alert");
  var statusEl = document.getElementById("status");
  var container = document.getElementById("widget_container");
  var token = new URLSearchParams(location.search).get("token");
  var popup = cfg.mode === "popup";
  var framed = window.parent !== window;
  var target = popup ? (framed ? window.parent : window.opener) : null;
  var screenId = 0; // bumps on every screen change, so a stale poll or callback knows it is stale

  function t(key) {
    return Object.prototype.hasOwnProperty.call(M, key) ? M[key] : key;
  }

  // --- Messages to the app (popup and window mode) -------------------------------------------------

  // Only the tenant's expected origins are ever targets; the browser delivers a message only when the
  // target's origin matches, so posting to each is safe. "Any localhost port" cannot be listed: the
  // opener's origin is learnt from the browser and used only when it is such a localhost origin.
  function targetOrigins() {
    var list = (cfg.origins || []).slice();
    if (cfg.anyLocalhostPort) {
      var candidate = null;
      if (location.ancestorOrigins && location.ancestorOrigins.length) {
        candidate = location.ancestorOrigins[0];
      } else if (document.referrer) {
        try { candidate = new URL(document.referrer).origin; } catch (e) { candidate = null; }
      }
      if (candidate && /^http:\/\/localhost(:\d{1,5})?$/.test(candidate) && list.indexOf(candidate) < 0) {
        list.push(candidate);
      }
    }
    return list;
  }

  function post(message) {
    if (!target) return;
    targetOrigins().forEach(function (origin) {
      try { target.postMessage(message, origin); } catch (e) { /* closed window */ }
    });
  }

  function postEvent(event, extra) {
    var data = { event: event };
    Object.keys(extra || {}).forEach(function (k) { data[k] = extra[k]; });
    post(JSON.stringify(data));
  }

  var lastHeight = 0;
  function reportHeight() {
    var height = Math.ceil(container.getBoundingClientRect().height);
    if (height !== lastHeight) {
      lastHeight = height;
      post({ height: height }); // a raw object, as the SDK's resize listener reads event.data.height
    }
  }

  // --- Client API -------------------------------------------------------------------------------------

  function ApiError(code, status) {
    this.code = code;
    this.status = status;
  }

  function api(path, body) {
    return fetch("v1/client/" + path, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Authorization": "Bearer " + token },
      body: JSON.stringify(body || {}),
      cache: "no-store",
      credentials: "same-origin",
      referrerPolicy: "no-referrer"
    }).catch(function () {
      throw new ApiError("network_error", 0);
    }).then(function (res) {
      return res.json().catch(function () { return null; }).then(function (data) {
        if (!res.ok || !data || Object.prototype.hasOwnProperty.call(data, "error")) {
          var code = (data && (data.errorCode || data.error)) || "unknown_error";
          postEvent("AUTHSIGNAL_API_ERROR", { errorCode: code, statusCode: res.status });
          throw new ApiError(code, res.status);
        }
        // As the SDK does: a returned accessToken replaces the token for the calls that follow.
        if (typeof data.accessToken === "string" && data.accessToken) token = data.accessToken;
        return data;
      });
    });
  }

  function errorText(e) {
    if (e instanceof ApiError) {
      if (e.code === "expired_token") return t("error.expired");
      if (e.code === "too_many_requests") return t("error.rate");
      if (e.code === "network_error") return t("error.network");
    }
    return t("error.generic");
  }

  // --- DOM helpers -------------------------------------------------------------------------------------

  function h(tag, attrs) {
    var el = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      var v = attrs[k];
      if (v === undefined || v === null || v === false) return;
      if (k === "text") el.textContent = v;
      else if (k === "onclick") el.addEventListener("click", v);
      else if (k === "onsubmit") el.addEventListener("submit", v);
      else el.setAttribute(k, v === true ? "" : v);
    });
    for (var i = 2; i < arguments.length; i++) {
      var c = arguments[i];
      if (c === null || c === undefined || c === false) continue;
      el.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    }
    return el;
  }

  function say(text) { alertEl.textContent = text || ""; }
  function note(text) { statusEl.textContent = text || ""; }

  /** Replaces the screen; the heading takes focus so a screen reader announces where the user is. */
  function show(title) {
    screenId++;
    say("");
    note("");
    app.textContent = "";
    var heading = h("h1", { text: title, tabindex: "-1", id: "screen-title" });
    app.appendChild(heading);
    for (var i = 1; i < arguments.length; i++) {
      if (arguments[i]) app.appendChild(arguments[i]);
    }
    document.title = title;
    heading.focus();
    reportHeight();
    return screenId;
  }

  function busy(button, on, label) {
    button.disabled = on;
    if (on) {
      button.dataset.label = button.textContent;
      if (label) button.textContent = label;
    } else if (button.dataset.label) {
      button.textContent = button.dataset.label;
    }
  }


  /** Whether the screen shown as {@code id} is still the current one (a late answer must not touch another). */
  function current(id) {
    return id === screenId;
  }

  window.signetUi = {
    cfg: cfg, t: t, app: app, container: container, popup: popup, framed: framed,
    token: function () { return token; },
    postEvent: postEvent, reportHeight: reportHeight, ApiError: ApiError, api: api, errorText: errorText,
    h: h, say: say, note: note, show: show, busy: busy, current: current
  };
})();
