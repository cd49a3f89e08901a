// Every request example of Authsignal's documentation pages on authenticator and user management, read as data
// from fixtures/seed-examples.json and run in order against Signet: the Node.js snippets through the
// official SDK, the curl snippet as raw HTTP. Each answer must have the documented shape.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { useSignet } from "../support/fixture.mjs";

const signet = useSignet();
const { steps } = JSON.parse(readFileSync(new URL("../fixtures/seed-examples.json", import.meta.url), "utf8"));
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** The value at a dotted path ("authenticator.userAuthenticatorId", "0.email") of an earlier answer. */
function at(value, path) {
  return path.split(".").reduce((v, key) => (v == null ? undefined : v[key]), value);
}

/** The request with every "${step.path}" replaced by that earlier step's value. */
function resolve(request, answers) {
  return JSON.parse(JSON.stringify(request), (key, value) => {
    if (typeof value !== "string") return value;
    const ref = /^\$\{([^.}]+)\.([^}]+)\}$/.exec(value);
    if (!ref) return value;
    assert.ok(ref[1] in answers, `step ${ref[1]} has not run`);
    return at(answers[ref[1]], ref[2]);
  });
}

/** Asserts that `value` has `shape` (the language is described in the fixture's "about"). */
function assertShape(value, shape, where) {
  if (Array.isArray(shape)) {
    assert.ok(Array.isArray(value), `${where}: expected an array, got ${JSON.stringify(value)}`);
    assert.ok(value.length > 0, `${where}: expected at least one item`);
    value.forEach((item, i) => assertShape(item, shape[0], `${where}[${i}]`));
  } else if (shape !== null && typeof shape === "object") {
    assert.equal(typeof value, "object", `${where}: expected an object, got ${JSON.stringify(value)}`);
    for (const [field, fieldShape] of Object.entries(shape)) assertShape(value[field], fieldShape, `${where}.${field}`);
  } else if (shape.endsWith("?")) {
    if (value !== undefined) assertShape(value, shape.slice(0, -1), where);
  } else if (shape.startsWith("=")) {
    assert.equal(String(value), shape.slice(1), where);
  } else if (shape.startsWith("[")) {
    assertShape(value, [shape.slice(1, -1)], where);
  } else if (shape === "iso") {
    assert.match(String(value), ISO_TIME, where);
  } else if (shape === "array") {
    assert.ok(Array.isArray(value), `${where}: expected an array`);
  } else {
    assert.equal(typeof value, shape, `${where}: ${JSON.stringify(value)}`);
  }
}

/** Sends a raw-HTTP step as the curl snippet does: the tenant key as Basic auth, a JSON body. */
async function http(step, body) {
  const response = await fetch(signet.server.apiUrl + step.http.path, {
    method: step.http.method,
    headers: {
      Authorization: "Basic " + Buffer.from(`${signet.server.secretKey}:`).toString("base64"),
      "Content-Type": "application/json",
    },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  assert.equal(response.status, 200, text);
  return JSON.parse(text);
}

describe("the documentation's request examples", () => {
  const answers = {};
  for (const step of steps) {
    it(`${step.id}: ${step.source}`, async () => {
      const request = resolve(step.request, answers);
      const answer = step.http ? await http(step, request) : await signet.authsignal[step.call](request);
      assertShape(answer, step.expect, step.id);
      answers[step.id] = answer;
    });
  }
});
