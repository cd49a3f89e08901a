// The browser half of the suite (docs/client-api.md §7.1 "Harness"): Debian's Chromium driven by
// playwright-core, pages served from http://localhost:PORT that load the official @authsignal/browser
// bundle, a CDP virtual authenticator per browser context, and a record of every exchange the page had
// with Signet (requests, responses and the CORS preflights the browser sends on its own).
import { after, before } from "node:test";
import assert from "node:assert/strict";
import { createServer, request as httpRequest } from "node:http";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { launchChromium } from "./chromium.mjs";
import { admin, useSignet } from "./fixture.mjs";
import { eventually } from "./eventually.mjs";

const SDK_BUNDLE = createRequire(import.meta.url).resolve("@authsignal/browser/dist/index.min.js");

/** The page every test opens: the SDK's IIFE bundle (global `authsignal`) and an autofill-ready input. */
const PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><title>Signet browser suite</title><script src="/authsignal.js"></script></head>
<body><label>Username <input id="username" name="username" autocomplete="username webauthn"></label></body></html>`;

/** Every exchange any page of this test file had with Signet, for the file-wide body scan (B14). */
const allExchanges = [];

/** Registers hooks that launch one headless Chromium for the test file; `.browser` is set by `before`. */
export function useBrowser() {
  const holder = {};
  before(async () => {
    holder.launched = await launchChromium();
    holder.browser = holder.launched.browser;
  });
  after(async () => {
    await holder.launched?.close();
  });
  return holder;
}

/**
 * A tiny HTTP server for the test page, listening on 127.0.0.1 and reached as http://`host`:PORT
 * ("localhost": WebAuthn refuses an IP origin, which B15 shows with host "127.0.0.1"). With `proxyTo`
 * (Signet's origin) it also forwards /v1/... there, so the page and the API share one origin; what it
 * forwarded is kept in `forwarded` ({method, path, headers}). With `stripOrigin` the forwarded requests
 * lose their Origin and Referer headers, as when a phishing site's backend relays the calls.
 */
export async function startPageServer({ host = "localhost", proxyTo, stripOrigin = false } = {}) {
  const bundle = readFileSync(SDK_BUNDLE);
  const forwarded = [];
  const server = createServer((req, res) => {
    if (proxyTo && req.url.startsWith("/v1/")) {
      forwarded.push({ method: req.method, path: req.url, headers: { ...req.headers } });
      const target = new URL(req.url, proxyTo);
      const headers = { ...req.headers, host: target.host };
      if (stripOrigin) {
        delete headers.origin;
        delete headers.referer;
      }
      const upstream = httpRequest(target, { method: req.method, headers },
        (answer) => {
          res.writeHead(answer.statusCode, answer.headers);
          answer.pipe(res);
        });
      upstream.on("error", () => res.writeHead(502).end());
      req.pipe(upstream);
    } else if (req.url === "/authsignal.js") {
      res.writeHead(200, { "Content-Type": "text/javascript" }).end(bundle);
    } else if (req.url === "/" || req.url.startsWith("/?")) {
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(PAGE);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://${host}:${server.address().port}`;
  return {
    origin,
    /** The SDK's baseUrl for a page of this server: its own origin when it proxies, else `signetApiUrl`. */
    baseUrlFor: (signetApiUrl) => (proxyTo ? `${origin}/v1` : signetApiUrl),
    forwarded,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(resolve);
    }),
  };
}

/**
 * Registers hooks for one backend: a Signet (SQLite or PostgreSQL, `extraEnv` added, see useSignet), the page servers
 * and the tenant's client settings. The returned object, filled in by `before`, has {server, authsignal,
 * tenantId, pages: {main, sameOrigin, outsider, relay, ipOrigin}}:
 * - main: http://localhost:A, cross-origin to Signet on 127.0.0.1 (so every call is CORS);
 * - sameOrigin: http://localhost:B, which also proxies /v1 to Signet;
 * - outsider: http://localhost:C, not in expectedOrigins; relay: another such page whose server relays
 *   /v1 to Signet without the browser's Origin header;
 * - ipOrigin: http://127.0.0.1:D, in expectedOrigins, so only WebAuthn itself can refuse it.
 */
export function useBrowserSignet(backend, extraEnv = {}) {
  const signet = useSignet(extraEnv, backend);
  const suite = { pages: {} };
  before(async () => {
    suite.server = signet.server;
    suite.authsignal = signet.authsignal;
    const origin = signet.server.origin;
    suite.pages.main = await startPageServer();
    suite.pages.sameOrigin = await startPageServer({ proxyTo: origin });
    suite.pages.outsider = await startPageServer();
    suite.pages.relay = await startPageServer({ proxyTo: origin, stripOrigin: true });
    suite.pages.ipOrigin = await startPageServer({ host: "127.0.0.1" });
    const expectedOrigins = [suite.pages.main, suite.pages.sameOrigin, suite.pages.ipOrigin].map((p) => p.origin);
    const settings = await admin(signet.server, "PATCH", "/settings",
      { rpId: "localhost", rpName: "Signet browser suite", expectedOrigins });
    suite.tenantId = settings.tenantId ?? (await admin(signet.server, "GET", "/settings")).tenantId;
    if (!suite.tenantId) throw new Error(`GET /admin/v1/settings has no tenantId: ${JSON.stringify(settings)}`);
  });
  after(async () => {
    await Promise.all(Object.values(suite.pages).map((page) => page.close()));
  });
  return suite;
}

/** `Authorization: Basic` as the browser SDK writes it for a tenant: base64(encodeURIComponent(id)), no colon. */
export function tenantBasic(tenantId) {
  return "Basic " + Buffer.from(encodeURIComponent(tenantId)).toString("base64");
}

/** The virtual authenticator of §7.1: a platform passkey provider that verifies the user and never asks. */
const PLATFORM_AUTHENTICATOR = {
  protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true,
  isUserVerified: true, automaticPresenceSimulation: true,
};

/**
 * Gives `page` a virtual authenticator of its own (Chromium keeps one per tab, so a window a page opens
 * has none) holding `credentials` (from {@link BrowserSession#credentials}). Resolves with {cdp, authenticatorId}.
 */
export async function addAuthenticator(context, page, credentials = []) {
  const cdp = await context.newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", { options: PLATFORM_AUTHENTICATOR });
  for (const { id, ...credential } of credentials) {
    await cdp.send("WebAuthn.addCredential", { authenticatorId, credential });
  }
  return { cdp, authenticatorId };
}

/**
 * Opens a fresh browser context on `pageServer` with its own virtual authenticator and an SDK client
 * `window.client = new authsignal.Authsignal({tenantId, baseUrl})` (baseUrl: Signet's /v1, or the page's
 * own origin when the page server proxies). Resolves with a {@link BrowserSession}.
 */
export async function openPage(browser, suite, pageServer = suite.pages.main) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const { cdp, authenticatorId } = await addAuthenticator(context, page);
  const baseUrl = pageServer.baseUrlFor(suite.server.apiUrl);
  const wire = await Wire.attach(page, cdp, baseUrl, pageServer.origin);
  await page.goto(pageServer.origin + "/");
  const session = new BrowserSession({ context, page, cdp, authenticatorId, wire, baseUrl, tenantId: suite.tenantId });
  await session.newClient();
  return session;
}

/** One page with its SDK client, authenticator and wire record. */
export class BrowserSession {
  constructor(fields) {
    Object.assign(this, fields);
  }

  /** Creates the page's SDK client, window.client: on opening, and again after the tab navigated back. */
  newClient() {
    return this.page.evaluate(({ tenantId, baseUrl }) => {
      window.tokenExpiredCalls = 0;
      window.client = new window.authsignal.Authsignal({
        tenantId, baseUrl, onTokenExpired: () => { window.tokenExpiredCalls += 1; },
      });
    }, { tenantId: this.tenantId, baseUrl: this.baseUrl });
  }

  /**
   * Calls an SDK method in the page, e.g. call("passkey.signUp", {token}) or call("email.challenge").
   * Resolves with what it resolved with; when it throws in the page, rejects with an Error whose `name`,
   * `code` and `message` are those of the page's error (e.g. WebAuthnError ERROR_INVALID_DOMAIN).
   */
  async call(method, argument) {
    const outcome = await this.page.evaluate(async ([method, argument]) => {
      const path = method.split(".");
      const name = path.pop();
      const owner = path.reduce((object, key) => object[key], window.client);
      try {
        return { value: await owner[name](argument) };
      } catch (error) {
        return { thrown: { name: error?.name, code: error?.code, message: String(error?.message ?? error) } };
      }
    }, [method, argument]);
    if (!outcome.thrown) return outcome.value;
    const error = new Error(`${method} threw ${outcome.thrown.name}: ${outcome.thrown.message}`);
    Object.assign(error, outcome.thrown);
    throw error;
  }

  /** Runs `fn(argument)` in the page (the SDK client is `window.client`). */
  evaluate(fn, argument) {
    return this.page.evaluate(fn, argument);
  }

  /** The virtual authenticator's credentials, each with `id` = its credentialId as base64url (the SDK's form). */
  async credentials() {
    const { credentials } = await this.cdp.send("WebAuthn.getCredentials", { authenticatorId: this.authenticatorId });
    return credentials.map((credential) => ({ ...credential, id: Buffer.from(credential.credentialId, "base64").toString("base64url") }));
  }

  /** Puts a copy of `credential` (from another session's credentials()) into this page's authenticator. */
  async addCredential(credential) {
    const { id, ...cdpCredential } = credential;
    await this.cdp.send("WebAuthn.addCredential", { authenticatorId: this.authenticatorId, credential: cdpCredential });
  }

  async close() {
    await this.wire.settled();
    await this.context.close();
  }
}

/**
 * What a page sent to and got from Signet, as the browser saw it: `exchanges` (method, path under the
 * SDK's baseUrl, body, request headers, then status, response headers, response text) and `preflights`
 * (CORS OPTIONS requests, seen through the CDP Network domain because they never reach page events).
 */
class Wire {
  static async attach(page, cdp, baseUrl, pageOrigin) {
    const wire = new Wire(baseUrl, new URL(baseUrl).origin !== pageOrigin);
    page.on("request", (request) => wire.#onRequest(request));
    await cdp.send("Network.enable");
    cdp.on("Network.requestWillBeSent", (event) => {
      if (event.request.method === "OPTIONS" && event.request.url.startsWith(baseUrl)) {
        wire.preflights.push({ requestId: event.requestId, path: wire.#path(event.request.url), headers: lower(event.request.headers) });
      }
    });
    cdp.on("Network.responseReceived", (event) => {
      const preflight = wire.preflights.find((p) => p.requestId === event.requestId);
      if (preflight) Object.assign(preflight, { status: event.response.status, responseHeaders: lower(event.response.headers) });
    });
    return wire;
  }

  constructor(baseUrl, crossOrigin) {
    this.baseUrl = baseUrl;
    this.crossOrigin = crossOrigin;
    this.exchanges = [];
    this.preflights = [];
    this.pending = [];
  }

  #path(url) {
    return url.slice(this.baseUrl.length);
  }

  #onRequest(request) {
    if (!request.url().startsWith(this.baseUrl + "/")) return;
    const exchange = {
      method: request.method(), path: this.#path(request.url()), body: request.postData() ?? undefined,
      crossOrigin: this.crossOrigin, sentAt: Date.now(),
    };
    this.exchanges.push(exchange);
    allExchanges.push(exchange);
    this.pending.push((async () => {
      exchange.headers = await request.allHeaders();
      const response = await request.response().catch(() => null);
      if (!response) {
        exchange.failure = request.failure()?.errorText ?? "no response";
        return;
      }
      exchange.status = response.status();
      exchange.responseHeaders = await response.allHeaders();
      exchange.responseText = await bodyOf(response);
    })().catch((error) => {
      exchange.failure = String(error);
    }));
  }

  /** Waits until every exchange seen so far has its response (or failure) recorded. */
  async settled() {
    while (this.pending.length > 0) await Promise.all(this.pending.splice(0));
    return this;
  }

  /** The settled exchanges whose path (query left out) is `path`, e.g. "/client/verify/passkey". */
  async calls(path) {
    await this.settled();
    return this.exchanges.filter((exchange) => exchange.path.split("?")[0] === path);
  }

  /** Waits (bounded) until `count` exchanges with `path` were sent, then resolves with them, settled. */
  async waitForCalls(path, count) {
    await eventually(`${count} calls to ${path}`,
      () => (this.exchanges.filter((e) => e.path.split("?")[0] === path).length >= count ? true : undefined));
    return this.calls(path);
  }

  /** The paths (under baseUrl) of the requests sent so far, in order. */
  paths() {
    return this.exchanges.map((exchange) => exchange.path.split("?")[0]);
  }
}

function lower(headers) {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}

/**
 * A response's text, or undefined when Chromium kept none: every answer is `Cache-Control: no-store`, so the
 * body of one the page never read (the passkey lookup #9, whose status alone the SDK checks) is not kept,
 * and Playwright's text() would wait for it forever. Bounded, so a session always settles.
 */
async function bodyOf(response) {
  let timer;
  const unread = new Promise((resolve) => { timer = setTimeout(() => resolve(undefined), 3000); });
  try {
    return await Promise.race([response.text().catch(() => undefined), unread]);
  } finally {
    clearTimeout(timer);
  }
}

/** A settled exchange's JSON request body and JSON response body. */
export function bodies(exchange) {
  return {
    request: exchange.body === undefined ? undefined : JSON.parse(exchange.body),
    response: exchange.responseText === undefined ? undefined : JSON.parse(exchange.responseText),
  };
}

/** Every exchange of this test file's pages (settled pages only: sessions settle when closed). */
export function recordedExchanges() {
  return allExchanges;
}

/**
 * A test page session that is closed after `fn`, pass or fail: withPage(browser, suite, async (s) => ...).
 * `pageServer` defaults to the cross-origin main page.
 */
export async function withPage(browser, suite, fn, pageServer) {
  const session = await openPage(browser, suite, pageServer);
  try {
    return await fn(session);
  } finally {
    await session.close();
  }
}

/**
 * A Client API request over plain HTTP, as another client (or an attacker) would send it, bypassing the
 * browser and its CORS checks: `path` is under /v1 (e.g. "/client/challenge"); `body` is JSON-encoded
 * unless `rawBody` is given. Resolves with {status, headers, text, json} (json undefined when not JSON).
 */
export async function clientRequest(suite, method, path, { authorization, body, rawBody, origin, headers = {} } = {}) {
  const response = await fetch(`${suite.server.apiUrl}${path}`, {
    method,
    headers: {
      ...(authorization ? { Authorization: authorization } : {}),
      ...(origin ? { Origin: origin } : {}),
      ...(body !== undefined || rawBody !== undefined ? { "Content-Type": "application/json" } : {}),
      ...headers,
    },
    body: rawBody ?? (body === undefined ? undefined : JSON.stringify(body)),
  });
  const text = await response.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/**
 * Asserts that an SDK result is the error shape of §2.7, {error, errorCode, errorDescription} with no
 * data, carrying `errorCode` (a RegExp to allow several).
 */
export function assertSdkError(result, errorCode) {
  assert.ok(result && "error" in result, `expected an SDK error, got ${JSON.stringify(result)}`);
  assert.equal(result.data, undefined);
  if (errorCode instanceof RegExp) assert.match(result.errorCode, errorCode);
  else assert.equal(result.errorCode, errorCode, JSON.stringify(result));
  assert.ok(typeof result.errorDescription === "string" && result.errorDescription.length > 0, JSON.stringify(result));
  assert.equal(result.error, result.errorDescription);
}

/** Asserts an SDK success: `data` and no `error` key (§2.7); resolves with data. */
export function assertSdkData(result) {
  assert.ok(result && !("error" in result) && result.data !== undefined, `expected SDK data, got ${JSON.stringify(result)}`);
  return result.data;
}
