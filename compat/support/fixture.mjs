// One Signet per test file, and the official SDK pointed at it exactly as an integrator would.
import { before, after } from "node:test";
import { randomUUID } from "node:crypto";
import { Authsignal } from "@authsignal/node";
import { startSignet } from "./signet-server.mjs";

/**
 * Registers before/after hooks that start and stop Signet (with extra SIGNET_* settings if given). The returned object is filled in by the
 * before hook: {server, authsignal} where authsignal is an SDK client with the tenant's secret key.
 */
export function useSignet(extraSettings = {}) {
  const context = {};
  before(async () => {
    context.server = await startSignet(extraSettings);
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
