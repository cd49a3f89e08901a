// One Signet per test file, and the official SDK pointed at it exactly as an integrator would.
import { before, after } from "node:test";
import { randomUUID } from "node:crypto";
import assert from "node:assert/strict";
import { Authsignal, AuthsignalError } from "@authsignal/node";
import { startSignet } from "./signet-server.mjs";

/**
 * Registers before/after hooks that start and stop Signet. The returned object is filled in by the
 * before hook: {server, authsignal} where authsignal is an SDK client with the tenant's secret key.
 * `extraEnv` adds SIGNET_* settings for this file's server, or is a function that returns them when the server
 * starts (settings known only once another before hook ran, such as GreenMail's port); `backend` is "sqlite"
 * or "postgresql".
 */
export function useSignet(extraEnv = {}, backend = "sqlite") {
  const context = {};
  before(async () => {
    context.server = await startSignet(typeof extraEnv === "function" ? extraEnv() : extraEnv, backend);
    // retries: 0 so an unexpected 5xx fails the test at once instead of being retried away.
    context.authsignal = sdk(context.server.apiUrl, context.server.secretKey);
  });
  after(async () => {
    await context.server?.stop();
  });
  return context;
}

/** An SDK client for any base URL and key. */
export function sdk(apiUrl, apiSecretKey) {
  return new Authsignal({ apiSecretKey, apiUrl, retries: 0 });
}

/** A fresh user id, so tests in one file never see each other's data. */
export function newUserId() {
  return `user-${randomUUID()}`;
}

/**
 * Calls Signet's admin API (`/admin/v1/...`, the tenant's secret key as Basic auth, like the SDK) and
 * resolves with the JSON answer; a non-2xx answer rejects with its status and body.
 */
export async function admin(server, method, path, body) {
  const response = await fetch(`${server.origin}/admin/v1${path}`, {
    method,
    headers: {
      Authorization: "Basic " + Buffer.from(`${server.secretKey}:`).toString("base64"),
      ...(body === undefined ? {} : { "Content-Type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} /admin/v1${path} answered ${response.status}: ${text}`);
  return JSON.parse(text);
}

/** Enrolls a verified SMS authenticator for `userId` through the SDK; resolves with the SDK's answer. */
export function enrollSms(authsignal, userId, phoneNumber = "+64271234567") {
  return authsignal.enrollVerifiedAuthenticator({ userId, attributes: { verificationMethod: "SMS", phoneNumber } });
}

/**
 * Asserts that `call` rejects with the SDK's AuthsignalError carrying Signet's status, code and
 * description: `description` is the exact text, a RegExp it must match, or absent (then any non-empty
 * text). Resolves with the error.
 */
export async function assertAuthsignalError(call, statusCode, errorCode, description) {
  let caught;
  await assert.rejects(call, (error) => {
    caught = error;
    return true;
  });
  assert.ok(caught instanceof AuthsignalError, `got ${caught}`);
  assert.equal(caught.statusCode, statusCode, caught.message);
  assert.equal(caught.errorCode, errorCode, caught.message);
  if (description instanceof RegExp) assert.match(caught.errorDescription, description);
  else if (description !== undefined) assert.equal(caught.errorDescription, description);
  else assert.ok(caught.errorDescription.length > 0, "errorDescription is empty");
  assert.equal(caught.message, `AuthsignalError: ${statusCode} - ${caught.errorDescription}`);
  return caught;
}
