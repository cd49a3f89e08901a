// A verifier for the batched log feeds (action.log_created, challenge.log_created) that follows the
// contract's batch shape (docs/server-api.md §9.3 "Envelope"): the official Node SDK has no batch verifier (Go's
// ConstructLogEventBatch is the model), so the signature is checked by the SDK's own constructEvent, which
// verifies any signed body, and the parsed body must be {"records": [...]} with each record an envelope
// carrying `record` instead of `data`.
import assert from "node:assert/strict";

/** Verifies `payload` with `authsignal.webhook.constructEvent` and checks the batch shape; returns the records. */
export function constructLogEventBatch(authsignal, payload, signature) {
  const batch = authsignal.webhook.constructEvent(payload, signature);
  assert.deepEqual(Object.keys(batch), ["records"], "a log batch is {\"records\": [...]}");
  assert.ok(Array.isArray(batch.records) && batch.records.length > 0, "records is a non-empty array");
  for (const record of batch.records) {
    assert.equal(record.version, 1);
    assert.ok(["action.log_created", "challenge.log_created"].includes(record.type), record.type);
    assert.match(record.id, /^[0-9a-f-]{36}$/);
    assert.equal(record.source, "https://authsignal.com");
    assert.match(record.time, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
    assert.ok(record.tenantId.length > 0);
    assert.equal(typeof record.record, "object");
    assert.equal(record.data, undefined, "a log record carries `record`, not `data`");
  }
  return batch.records;
}
