// Mail helpers for e2e tests: the real Postfix of scripts/start-mail.sh on 127.0.0.1 (started by
// `make test-e2e`, which exports KOBAN_TEST_MAIL_PORT and KOBAN_TEST_MAIL_DIR). Mail to
// reply.test is piped to `DIR/bin/koban mail ingest --config DIR/koban.toml` (a copy of the
// release binary, run as the user koban-mail); agents.test (team, agent, mika) and users.test
// (ada, bob) are Maildirs under DIR/mail/<domain>/<user>/; the log is DIR/maillog.
import { spawn, execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/** The test Postfix's directory: KOBAN_TEST_MAIL_DIR, default /tmp/koban-mail. */
export function mailDir() {
  return process.env.KOBAN_TEST_MAIL_DIR || "/tmp/koban-mail";
}

/** Its SMTP port on 127.0.0.1, or null when KOBAN_TEST_MAIL_PORT is not set (mail tests skip). */
export function mailPort() {
  const port = process.env.KOBAN_TEST_MAIL_PORT;
  return port ? Number(port) : null;
}

/** Writes DIR/koban.toml, the config of every ingest from now on (atomically, mode 0644: the
 * pipe runs as koban-mail). Point it at the test's database; `attachments_dir` at
 * `path.join(mailDir(), "attachments")`, the directory koban-mail may write. */
export function writeIngestConfig(toml) {
  const file = path.join(mailDir(), "koban.toml");
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, toml);
  fs.chmodSync(tmp, 0o644);
  fs.renameSync(tmp, file);
}

/** Runs `swaks --server 127.0.0.1:PORT ...args`; resolves with `{ code, output }` (stdout and
 * stderr, interleaved as swaks wrote them). Never rejects for a refused mail: check `code`
 * (0 = accepted, 24 = no recipient accepted, 26 = the message refused after DATA). */
export function swaks(args) {
  const port = mailPort();
  if (!port) return Promise.reject(new Error("KOBAN_TEST_MAIL_PORT is not set (scripts/start-mail.sh)"));
  return new Promise((resolve, reject) => {
    const proc = spawn("/usr/bin/swaks", ["--server", `127.0.0.1:${port}`, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    proc.stdout.on("data", (d) => { output += d; });
    proc.stderr.on("data", (d) => { output += d; });
    proc.on("error", reject);
    proc.on("close", (code) => resolve({ code, output }));
  });
}

function mailboxDir(mailbox) {
  const [user, domain] = mailbox.split("@");
  return path.join(mailDir(), "mail", domain, user);
}

/** The raw text of every message in `mailbox`'s new/ (e.g. "ada@users.test"), oldest first. */
export function maildirMessages(mailbox) {
  const dir = path.join(mailboxDir(mailbox), "new");
  let names;
  try { names = fs.readdirSync(dir); } catch { return []; }
  return names
    .map((name) => { const file = path.join(dir, name); return { file, mtime: fs.statSync(file).mtimeMs }; })
    .sort((a, b) => a.mtime - b.mtime || a.file.localeCompare(b.file))
    .map(({ file }) => fs.readFileSync(file, "utf8"));
}

/** Waits until a message in `mailbox`'s new/ satisfies `predicate(rawText)` and returns its raw
 * text (the oldest such). Throws after `timeoutMs` with the mailbox count and the maillog's end. */
export async function waitForMaildirMessage(mailbox, predicate = () => true, timeoutMs = 10000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const messages = maildirMessages(mailbox);
    const found = messages.find((m) => predicate(m));
    if (found !== undefined) return found;
    if (Date.now() > end) {
      const log = maillog().split("\n").slice(-30).join("\n");
      throw new Error(`no matching message in ${mailbox} after ${timeoutMs} ms (${messages.length} there)\n--- maillog:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Deletes every message of every Maildir (new/, cur/, tmp/); the folders stay. */
export function clearMaildirs() {
  const base = path.join(mailDir(), "mail");
  for (const domain of fs.existsSync(base) ? fs.readdirSync(base) : []) {
    for (const user of fs.readdirSync(path.join(base, domain))) {
      for (const sub of ["new", "cur", "tmp"]) {
        const dir = path.join(base, domain, user, sub);
        for (const name of fs.existsSync(dir) ? fs.readdirSync(dir) : []) fs.rmSync(path.join(dir, name), { force: true });
      }
    }
  }
}

/** Whether Postfix's queue is empty (`postqueue -c DIR/etc -p`): nothing waits for delivery or a
 * retry. Check it before asserting that a mail produced nothing (no bounce, no Maildir file). */
export function queueEmpty() {
  const out = execFileSync("/usr/sbin/postqueue", ["-c", path.join(mailDir(), "etc"), "-p"], { encoding: "utf8" });
  return /Mail queue is empty/.test(out);
}

/** The whole of DIR/maillog ("" before the first start). For one test's lines, keep
 * `maillog().length` before it and slice from there; attach it to a failure's report. */
export function maillog() {
  try { return fs.readFileSync(path.join(mailDir(), "maillog"), "utf8"); } catch { return ""; }
}
