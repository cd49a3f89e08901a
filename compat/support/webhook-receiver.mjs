// A local webhook endpoint on 127.0.0.1 that keeps every delivery as it arrived: the raw body (exactly
// the bytes that were signed) and the headers, for the SDK's webhook.constructEvent to verify.
import { createServer } from "node:http";
import { eventually } from "./eventually.mjs";

/**
 * Starts the receiver; resolves with {url, deliveries, waitFor(what, predicate), close}. It answers every
 * delivery with `status` (200 unless given), e.g. 403 to veto action.verify.
 */
export async function startWebhookReceiver({ status = 200 } = {}) {
  const deliveries = [];
  const server = createServer((request, response) => {
    const chunks = [];
    request.on("data", (chunk) => chunks.push(chunk));
    request.on("end", () => {
      deliveries.push({
        method: request.method,
        headers: request.headers,
        rawBody: Buffer.concat(chunks).toString("utf8"),
      });
      response.writeHead(status, { "Content-Type": "application/json" }).end("{}");
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/signet`,
    deliveries,
    /** The first delivery whose parsed body satisfies `predicate`, waiting (bounded) for it to arrive. */
    waitFor: (what, predicate) => eventually(what, () => deliveries.find((d) => predicate(JSON.parse(d.rawBody)))),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
