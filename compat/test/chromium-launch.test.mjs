// The shared launch (support/chromium.mjs) starts Chromium with exactly the flags it lists and a profile of its own,
// read back from the running process's command line, and removes that profile once the browser is closed.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { CHROMIUM_BINARY, CHROMIUM_FLAGS, launchChromium } from "../support/chromium.mjs";

test("Chromium runs with exactly the issue's flags and a fresh profile that is removed afterwards", async () => {
  const first = await launchChromium();
  const second = await launchChromium();
  try {
    const argv = readFileSync(`/proc/${first.pid}/cmdline`, "utf8").split("\0").filter(Boolean);
    assert.equal(argv[0], CHROMIUM_BINARY);
    assert.deepEqual(argv.slice(1), [...CHROMIUM_FLAGS, `--user-data-dir=${first.profile}`,
      "--remote-debugging-port=0", "about:blank"]);
    assert.notEqual(first.profile, second.profile, "each launch has its own profile");
    const page = await (await first.browser.newContext()).newPage();
    await page.setContent("<p>ok</p>");
    assert.equal(await page.textContent("p"), "ok");
  } finally {
    await first.close();
    await second.close();
  }
  assert.equal(existsSync(first.profile), false);
  assert.equal(existsSync(second.profile), false);
});
