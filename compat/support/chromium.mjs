// The one way every browser file starts Chromium: Debian's binary with exactly the flags below and
// a fresh profile directory per launch, removed afterwards. Playwright's own launch() adds flags of its own (and
// refuses --user-data-dir), so the process is started here and playwright-core attaches to it over CDP.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";

/** Debian's Chromium itself: /usr/bin/chromium is a shell wrapper that adds flags from /etc/chromium.d. */
export const CHROMIUM_BINARY = "/usr/lib/chromium/chromium";

export const CHROMIUM_FLAGS = Object.freeze(["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"]);

const STARTUP_TIMEOUT_MS = 30_000;
const DEVTOOLS = /DevTools listening on (ws:\/\/\S+)/;

/**
 * Starts Chromium with {@link CHROMIUM_FLAGS}, a new --user-data-dir and a DevTools port it picks itself
 * (the one more flag a driver needs); resolves with `{ browser, args, pid, profile, close }`. `close()` ends the browser,
 * waits for the process to exit and deletes the profile directory.
 */
export async function launchChromium() {
  if (!existsSync(CHROMIUM_BINARY)) {
    throw new Error(`The browser tests need Debian's Chromium at ${CHROMIUM_BINARY}: apt-get install chromium (./signet test does)`);
  }
  const profile = mkdtempSync(join(tmpdir(), "signet-chromium-"));
  const args = [...CHROMIUM_FLAGS, `--user-data-dir=${profile}`, "--remote-debugging-port=0", "about:blank"];
  // Its own process group, so that close() ends the renderer and helper processes too, which otherwise keep
  // writing into the profile after the browser process has gone.
  const child = spawn(CHROMIUM_BINARY, args, { stdio: ["ignore", "ignore", "pipe"], detached: true });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  try {
    const endpoint = await devToolsEndpoint(child);
    const browser = await chromium.connectOverCDP(endpoint);
    return { browser, args, pid: child.pid, profile, close: () => stop(browser, child, exited, profile) };
  } catch (e) {
    await stop(null, child, exited, profile);
    throw e;
  }
}

function devToolsEndpoint(child) {
  return new Promise((resolve, reject) => {
    let seen = "";
    const timer = setTimeout(() => reject(new Error(`Chromium did not open DevTools in ${STARTUP_TIMEOUT_MS} ms:\n${seen}`)),
      STARTUP_TIMEOUT_MS);
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (chunk) => {
      if (seen.length < 64_000) seen += chunk;
      const m = DEVTOOLS.exec(seen);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`Chromium exited (${code}) before DevTools opened:\n${seen}`));
    });
  });
}

async function stop(browser, child, exited, profile) {
  await browser?.close().catch(() => {});
  signalGroup(child, "SIGTERM");
  const killer = setTimeout(() => signalGroup(child, "SIGKILL"), 5_000);
  await exited;
  clearTimeout(killer);
  signalGroup(child, "SIGKILL"); // any helper that outlived the browser process
  rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
}

function signalGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // the group is gone already
  }
}
