// Bounded polling, for what Signet does asynchronously (webhook deliveries, log lines).
import { setTimeout as delay } from "node:timers/promises";

const DEFAULT_TIMEOUT_MS = 15_000;
const INTERVAL_MS = 50;

/**
 * Calls `probe` until it returns something other than undefined and resolves with that; rejects with
 * `what` in the message once `timeoutMs` has passed.
 */
export async function eventually(what, probe, timeoutMs = DEFAULT_TIMEOUT_MS) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await delay(INTERVAL_MS);
  }
}
