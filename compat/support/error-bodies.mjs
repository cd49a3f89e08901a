// The body contract every Client API answer keeps (docs/client-api.md §2.7 "Responses and errors", §8 item 4; B14): the
// SDK tells an error from a success only by an `error` key, so a success never has one and an error
// always does, as JSON, with CORS headers so that a cross-origin page can read it.
import assert from "node:assert/strict";
import { recordedExchanges } from "./browser.mjs";

/** Asserts one error answer: JSON, error == errorCode (== `errorCode` when given), a description. */
export function assertErrorBody({ status, headers, text }, errorCode) {
  const where = `${status} ${text}`;
  assert.ok(status >= 400 && status < 600, where);
  assert.match(headers["content-type"] ?? "", /^application\/json/, where);
  const body = JSON.parse(text);
  assert.equal(typeof body.errorCode, "string", where);
  assert.equal(body.error, body.errorCode, where);
  assert.ok(typeof body.errorDescription === "string" && body.errorDescription.length > 0, where);
  if (errorCode !== undefined) assert.equal(body.errorCode, errorCode, where);
  return body;
}

/** A fetch Response's headers as a plain lower-case object, for assertErrorBody. */
export function headerObject(headers) {
  return Object.fromEntries([...headers.entries()]);
}

/**
 * Scans every exchange this file's pages had with Signet: success bodies carry no `error` key; error
 * answers keep assertErrorBody and, when the page was cross-origin, the CORS header that let it read them.
 */
export function assertNoErrorKeyInSuccessBodies() {
  const answered = recordedExchanges().filter((e) => e.status !== undefined && e.responseText !== undefined);
  assert.ok(answered.length > 0, "the file's browser tests recorded exchanges");
  for (const exchange of answered) {
    const where = `${exchange.method} ${exchange.path} -> ${exchange.status} ${exchange.responseText}`;
    if (exchange.status >= 200 && exchange.status < 300) {
      if (exchange.responseText === "") continue;
      const body = JSON.parse(exchange.responseText);
      assert.ok(!(body && typeof body === "object" && "error" in body), where);
    } else {
      assertErrorBody({ status: exchange.status, headers: exchange.responseHeaders, text: exchange.responseText });
      if (exchange.crossOrigin) {
        assert.equal(exchange.responseHeaders["access-control-allow-origin"], exchange.headers.origin, where);
      }
    }
  }
}
