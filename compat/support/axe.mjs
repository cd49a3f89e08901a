// axe-core (pinned in package.json) run inside a page or frame of the browser suite. The source is evaluated
// through the DevTools protocol rather than added as a <script> element, so the page's own
// Content-Security-Policy stays in force for everything the page does and still need not allow the scanner.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const BLOCKING = new Set(["serious", "critical"]);

/**
 * Scans what `target` (a playwright Page or Frame) shows now and fails on any serious or critical
 * violation, naming the rule and the offending elements. Resolves with {violations, passes} counts by impact.
 */
export async function assertAccessible(target, screen) {
  if (!(await target.evaluate(() => typeof window.axe === "object"))) await target.evaluate(AXE_SOURCE);
  const results = await target.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
  const blocking = results.violations.filter((v) => BLOCKING.has(v.impact));
  assert.deepEqual(blocking.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), [],
    `axe found serious or critical violations on the "${screen}" screen`);
  return { screen, violations: results.violations.map((v) => `${v.id} (${v.impact})`) };
}
