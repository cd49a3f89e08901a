// Reads what Signet "sent" from its log when it runs with SIGNET_DEV_DELIVERY=stdout (README
// "Challenges"): each message is logged as `<CHANNEL> to <recipient>: <text>` instead of being sent.
import { eventually } from "./eventually.mjs";

/** The settings a server needs for this: dev delivery, and INFO so the delivery lines are logged. */
export const DEV_DELIVERY = { SIGNET_DEV_DELIVERY: "stdout", SIGNET_LOG_LEVEL: "INFO" };

function escape(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function codesSentTo(server, to) {
  const sent = new RegExp(`\\bto ${escape(to)}: Your verification code is (\\d+)\\.`, "g");
  return [...server.output().matchAll(sent)].map((match) => match[1]);
}

/**
 * The code of the (`earlier` + 1)-th message to `to`: 0 for the first, 1 for the one after a re-send.
 * Waits (bounded) for it to be logged.
 */
export function codeSentTo(server, to, earlier = 0) {
  return eventually(`code #${earlier + 1} sent to ${to}`, () => codesSentTo(server, to)[earlier]);
}

/** The magic link of the first message to `to`, waiting (bounded) for it to be logged. */
export function linkSentTo(server, to) {
  const sent = new RegExp(`\\bto ${escape(to)}: Open this link to sign in: (\\S+)`);
  return eventually(`link sent to ${to}`, () => sent.exec(server.output())?.[1]);
}

/**
 * Signs in with a magic link as a person does: opening it (GET) only shows a confirmation page, so mail
 * scanners and link previews complete nothing; its button posts the page's form token back. Returns the
 * answer to that POST.
 */
export async function confirmMagicLink(url) {
  const page = await fetch(url);
  if (page.status !== 200) throw new Error(`Opening the magic link answered ${page.status}`);
  const formToken = /name="formToken" value="([^"]+)"/.exec(await page.text())?.[1];
  if (!formToken) throw new Error("The magic-link page has no confirmation form");
  return fetch(url, { method: "POST", body: new URLSearchParams({ formToken }) });
}
