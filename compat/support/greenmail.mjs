// GreenMail for the compat suite: Signet's email goes to it over SMTP, and tests read the code or link from
// the mailbox there, as a person reads their mail, never from Signet's log. GreenMailServer.java runs it on
// the classpath the build writes (compat/target/greenmail.classpath, maven-dependency-plugin).
import { after, before } from "node:test";
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { eventually } from "./eventually.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
const CLASSPATH_FILE = process.env.GREENMAIL_CLASSPATH_FILE ?? join(HERE, "..", "target", "greenmail.classpath");
const STARTED = /GreenMail smtp=(\d+) http=(\d+)/;
const USER = "signet";
const PASSWORD = "compat-" + process.pid;

function javaBinary() {
  if (process.env.SIGNET_JAVA) return process.env.SIGNET_JAVA;
  return process.env.JAVA_HOME ? join(process.env.JAVA_HOME, "bin", "java") : "java";
}

/** Starts GreenMail; resolves with {smtpPort, httpPort, stop}. */
async function startGreenMail() {
  if (!existsSync(CLASSPATH_FILE)) {
    throw new Error(`No ${CLASSPATH_FILE}: build once with ./mvnw -B -Pdist -DskipTests package`);
  }
  const classpath = readFileSync(CLASSPATH_FILE, "utf8").trim();
  const child = spawn(javaBinary(), ["-XX:TieredStopAtLevel=1", "-Xmx64m", "-cp", classpath,
    join(HERE, "GreenMailServer.java"), "no-reply@signet.test", USER, PASSWORD], { stdio: ["pipe", "pipe", "pipe"] });
  const output = [];
  child.stderr.on("data", (chunk) => output.push(String(chunk)));
  const ports = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("GreenMail did not start:\n" + output.join(""))), 60_000);
    child.stdout.on("data", (chunk) => {
      output.push(String(chunk));
      const match = STARTED.exec(output.join(""));
      if (match) {
        clearTimeout(timer);
        resolve({ smtpPort: Number(match[1]), httpPort: Number(match[2]) });
      }
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`GreenMail exited with ${code}:\n` + output.join("")));
    });
  });
  const stop = () => new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.on("exit", resolve);
    child.stdin.end();
  });
  return { ...ports, stop };
}

/**
 * Registers hooks that run GreenMail for one test file. The returned object has `env()` (the SIGNET_SMTP_*
 * settings that send Signet's email to it, once `before` ran) and the mailbox readers below.
 */
export function useGreenMail() {
  const mail = {};
  before(async () => {
    mail.server = await startGreenMail();
  });
  after(async () => {
    await mail.server?.stop();
  });

  mail.env = () => ({
    SIGNET_SMTP_URL: `smtp://${USER}:${PASSWORD}@127.0.0.1:${mail.server.smtpPort}`,
    SIGNET_SMTP_FROM: "Signet <no-reply@signet.test>",
    SIGNET_SMTP_STARTTLS: "off",
  });

  /** The text (subject, then body) of every mail GreenMail received for `to`, oldest first. */
  mail.textsTo = async (to) => {
    const answer = await fetch(`http://127.0.0.1:${mail.server.httpPort}/messages?to=${encodeURIComponent(to)}`);
    return answer.json();
  };

  /** The code of the (`earlier` + 1)-th mail to `to`, waiting (bounded) for it to arrive. */
  mail.codeSentTo = (to, earlier = 0) => eventually(`mail #${earlier + 1} with a code to ${to}`, async () =>
    /Your verification code is (\d+)\./.exec((await mail.textsTo(to))[earlier] ?? "")?.[1]);

  /** The sign-in link of the first mail to `to`, waiting (bounded) for it to arrive. */
  mail.linkSentTo = (to) => eventually(`mail with a link to ${to}`, async () =>
    /Open this link to sign in: (\S+)/.exec((await mail.textsTo(to))[0] ?? "")?.[1]);

  return mail;
}
