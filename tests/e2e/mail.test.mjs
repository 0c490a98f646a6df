// Replies by email, both ways (issue 18), through a real mail server: Debian's Postfix on
// 127.0.0.1 (scripts/start-mail.sh, started by `make test-e2e`) pipes mail for reply.test into
// the real `koban mail ingest` (run by Postfix as the user koban-mail) and delivers Koban's own
// mail into Maildirs; swaks sends as the agent and as the requester. The real `koban serve` on a
// fresh PostgreSQL database (the pipe and the server are two processes and two users), the real
// bundle, headless Chromium. Mails are decoded with postal-mime.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import os from "node:os";
import PostalMime from "postal-mime";
import { AxeBuilder } from "@axe-core/playwright";
import { setup, eventually } from "./support.mjs";
import { mailPort, writeIngestConfig, swaks, maildirMessages, waitForMaildirMessage, clearMaildirs, queueEmpty, maillog } from "./mail-support.mjs";

const PG = process.env.KOBAN_TEST_POSTGRES_URL;
const PORT = mailPort();
const skip = (!PG && "KOBAN_TEST_POSTGRES_URL is not set") || (!PORT && "KOBAN_TEST_MAIL_PORT is not set (scripts/start-mail.sh)");

const REPLY_SECRET = "mail-e2e-reply-secret-0123456789abcdef";
const ADA = "ada@users.test";
const MIKA = "mika@agents.test";

/** A fresh PostgreSQL database next to KOBAN_TEST_POSTGRES_URL's. */
function freshDatabase(admin) {
  const name = `koban_e2e_mail_${process.pid}_${Date.now()}`;
  execFileSync("psql", [admin, "-qc", `CREATE DATABASE ${name}`]);
  const [base, query] = admin.split("?");
  return {
    url: base.replace(/\/[^/]*$/, "/" + name) + (query ? "?" + query : ""),
    drop: () => execFileSync("psql", [admin, "-qc", `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`]),
  };
}

const db = skip ? null : freshDatabase(PG);
// The same settings for `koban serve` (environment) and the pipe's `koban mail ingest` (file).
const SETTINGS = {
  database_url: db?.url ?? "",
  smtp_url: `smtp://127.0.0.1:${PORT}`,
  smtp_from: "help@koban.test",
  smtp_to: "team@agents.test",
  reply_domain: "reply.test",
  reply_secret: REPLY_SECRET,
  agents: ["Mika Tanaka <mika@agents.test>"],
  conversation_url: "https://app.gridshare.test/?help=requests&ref={reference}",
  delivery_retry_base_ms: 200,
  min_fill_ms: 0,
};
// Each key is also a variable: the key in upper case, prefixed with "KOBAN" and "_" (lists
// comma-separated).
const variable = (key) => ["KOBAN", key.toUpperCase()].join("_");
const env = Object.fromEntries(Object.entries(SETTINGS).map(([k, v]) => [variable(k), Array.isArray(v) ? v.join(",") : String(v)]));
const toml = Object.entries(SETTINGS).map(([k, v]) => `${k} = ${JSON.stringify(v)}`).join("\n") + "\n";

const s = skip ? null : setup({ env });
let logStart = 0;
before(() => {
  if (skip) return;
  writeIngestConfig(toml);
  clearMaildirs();
  logStart = maillog().length;
});
after(() => db?.drop());

const parse = (raw) => PostalMime.parse(raw);
const header = (mail, name) => mail.headers.find((h) => h.key === name.toLowerCase())?.value;
const ids = (value) => (value || "").match(/<[^>]+>/g) || [];

/** The thread as the server has it (the public API, with the access token). */
async function thread(base, reference, token) {
  const r = await fetch(`${base}/api/v1/tickets/${reference}`, { headers: { authorization: `Bearer ${token}` } });
  assert.equal(r.status, 200);
  return r.json();
}
const messages = (t, role) => t.entries.filter((e) => e.kind === "message" && e.author.role === role);

/** swaks with `body` as a file (multi-line bodies keep their line breaks); asserts acceptance. */
async function send({ from, to, headers = [], body, data }) {
  const args = ["--from", from, "--to", to];
  for (const h of headers) args.push("--header", h);
  const file = path.join(os.tmpdir(), `koban-mail-e2e-${process.pid}-${Date.now()}.txt`);
  if (data !== undefined) {
    fs.writeFileSync(file, data);
    args.push("--data", "@" + file);
  } else {
    fs.writeFileSync(file, body);
    args.push("--body", "@" + file);
  }
  const { code, output } = await swaks(args);
  fs.rmSync(file, { force: true });
  assert.equal(code, 0, `swaks: ${output}`);
}

/** Waits until Postfix has nothing queued (each pipe delivery has run), then a moment for the
 * outbox worker. */
async function settled() {
  await eventually(() => assert.ok(queueEmpty(), "Postfix's queue is empty"), 10000);
  await new Promise((r) => setTimeout(r, 1500));
  await eventually(() => assert.ok(queueEmpty(), "and stays empty"), 10000);
}

test("the loop: a widget ticket, the agent answers by email, the user reads it in the widget and by email, and answers by email", { skip }, async (t) => {
  t.after(() => { if (t.passed === false) console.log(maillog().slice(logStart)); });
  const base = s.koban.base;
  const w = await s.open("/demo");
  const { page } = w;

  // 1. The user files a ticket in the widget and follows it.
  await w.openForm();
  await w.field("Your name").fill("Ada Lovelace");
  await w.field("Email address for our reply").fill(ADA);
  await w.field("Topic").selectOption("nodes");
  await w.field("Node ID").fill("nd_8f3k2m9q1x7z");
  await w.field("Operating system").selectOption("linux");
  await w.field("Subject").fill("Node offline after update");
  await w.field("Describe the problem").fill("My node went offline after the update.");
  await w.sendButton.click();
  await w.heading("Message sent").waitFor();
  const reference = (await w.reference.innerText()).trim();
  const [{ token }] = await page.evaluate((k) => JSON.parse(localStorage.getItem(k)).tickets, `koban:${base}:requests`);
  await w.button("Follow this request").click();
  const entries = w.dialog.getByRole("list", { name: "Conversation" });
  await entries.getByText("My node went offline after the update.").waitFor();

  // 2. The team's email reaches the agents' Maildir with the ticket's reply address.
  const teamRaw = await waitForMaildirMessage("team@agents.test", (m) => m.includes(reference));
  const team = await parse(teamRaw);
  const replyTo = team.replyTo?.[0]?.address;
  assert.match(replyTo, /^support\+[0-9a-z]{10}-[0-9a-f]{32}@reply\.test$/, "the team's Reply-To is the ticket's reply address");
  assert.ok(!replyTo.includes(token), "the reply token is not the access token");

  // 3. The agent answers from their own mail client (quoting the team's email); within 2 s the
  //    open thread shows the new text only, under the agent's name.
  const agentText = "Restart the node, then run gridshare doctor.";
  const answered = Date.now();
  await send({
    from: MIKA,
    to: replyTo,
    headers: [`Subject: Re: ${team.subject}`, `In-Reply-To: ${team.messageId}`, `References: ${team.messageId}`],
    body: `${agentText}\n\nOn Tue, 8 Dec 2026 at 10:00, Koban <help@koban.test> wrote:\n> My node went offline after the update.\n`,
  });
  await entries.getByText(agentText).waitFor({ timeout: 2000 });
  console.log(`agent's email → widget thread: ${Date.now() - answered} ms`);
  await entries.getByText("Mika Tanaka").waitFor({ timeout: 500 });
  assert.equal(await entries.getByText("wrote:").count(), 0, "the quoted history is not stored");

  // 4. The requester's email: in Ada's Maildir, threaded, with the reply address and the link.
  const adaRaw = await waitForMaildirMessage(ADA, (m) => m.includes(reference));
  const ada = await parse(adaRaw);
  assert.equal(ada.replyTo?.[0]?.address, replyTo);
  assert.equal(ada.subject, `Re: [${reference}] Node offline after update`);
  assert.match(ada.text, new RegExp(agentText.replace(/\./g, "\\.")));
  assert.match(ada.text, /Mika Tanaka/);
  assert.match(ada.text, /> My node went offline after the update\./, "the message it answers, quoted");
  assert.ok(ada.text.includes(`https://app.gridshare.test/?help=requests&ref=${reference}`), "the link to the conversation");
  assert.ok(ids(header(ada, "References")).length >= 1 && header(ada, "In-Reply-To"), "threading headers");
  assert.equal(header(ada, "Auto-Submitted"), "auto-generated");
  const mailPage = await page.context().newPage();
  await mailPage.setContent(ada.html);
  const axe = await new AxeBuilder({ page: mailPage }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]).analyze();
  assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), [], "the HTML part passes axe");
  await mailPage.close();

  // 5. Ada answers by email from her client (quoting the mail): the widget shows her new text as
  //    her message, and the request is open again.
  const adaText = "It works again after the restart, thank you!";
  const messageId = `<ada-${Date.now()}@users.test>`;
  const adaReply = [
    `From: Ada Lovelace <${ADA}>`, `To: ${replyTo}`, `Subject: ${ada.subject}`, `Message-ID: ${messageId}`,
    `In-Reply-To: ${ada.messageId}`, `References: ${[...ids(header(ada, "References")), ada.messageId].join(" ")}`,
    "Date: Tue, 08 Dec 2026 10:05:00 +0000", "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", "",
    adaText, "", `On Tue, Dec 8, 2026 at 10:01 AM Koban <help@koban.test> wrote:`, `> ${agentText}`, "",
  ].join("\r\n");
  await send({ from: ADA, to: replyTo, data: adaReply });
  await eventually(async () => {
    const stored = await thread(base, reference, token);
    assert.deepEqual(messages(stored, "user").map((m) => m.body), ["My node went offline after the update.", adaText]);
    assert.equal(stored.status, "open", "a follow-up by email reopens the request");
  }, 5000);
  await entries.getByText(adaText).waitFor({ timeout: 2000 });
  // The team hears of it by email, threaded on the ticket.
  await waitForMaildirMessage("team@agents.test", (m) => m.includes(adaText.slice(0, 20)));

  // 6. The same mail delivered twice: one message.
  await send({ from: ADA, to: replyTo, data: adaReply });
  // 7. An out-of-office reply: nothing stored, nothing sent.
  const teamBefore = maildirMessages("team@agents.test").length;
  const adaBefore = maildirMessages(ADA).length;
  await send({ from: ADA, to: replyTo, headers: ["Auto-Submitted: auto-replied", `Subject: Out of office: ${ada.subject}`], body: "I am out of the office until Monday." });
  await settled();
  const stored = await thread(base, reference, token);
  assert.equal(messages(stored, "user").length, 2, "the duplicate and the out-of-office stored nothing");
  assert.equal(maildirMessages("team@agents.test").length, teamBefore, "nothing sent to the team");
  assert.equal(maildirMessages(ADA).length, adaBefore, "nothing sent to the requester, no bounce");

  // 8. An unknown token: Postfix bounces the mail (5.1.1) back to the sender.
  await send({ from: ADA, to: `support+kb7f3k92qd-${"0".repeat(32)}@reply.test`, body: "Anyone there?" });
  const bounce = await waitForMaildirMessage(ADA, (m) => /5\.1\.1/.test(m) && /Undelivered|Delivery Status/i.test(m));
  assert.ok(!bounce.includes(REPLY_SECRET));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("requesters read Koban's email in their language: ja and ar (subject, body, lang and dir)", { skip }, async () => {
  const base = s.koban.base;
  for (const [locale, email, dir] of [["ja", "bob@users.test", "ltr"], ["ar", "bob@users.test", "rtl"]]) {
    const key = randomUUID();
    const subject = locale === "ja" ? "ノードがオフライン" : "العقدة غير متصلة";
    const r = await fetch(base + "/api/v1/tickets", {
      method: "POST",
      headers: { "content-type": "application/json", "idempotency-key": key },
      body: JSON.stringify({ name: "Bob", email, category: "billing", subject, description: "…", fields: {}, context: { locale }, website: "", fillMs: 5000 }),
    });
    const created = await r.json();
    assert.equal(r.status, 201, JSON.stringify(created));
    const team = await parse(await waitForMaildirMessage("team@agents.test", (m) => m.includes(created.reference)));
    const agentText = locale === "ja" ? "ノードを再起動してください。" : "يرجى إعادة تشغيل العقدة.";
    await send({ from: MIKA, to: team.replyTo[0].address, headers: ["Content-Type: text/plain; charset=utf-8", "Subject: Re"], body: agentText });
    const mail = await parse(await waitForMaildirMessage(email, (m) => m.includes(created.reference)));
    assert.equal(mail.subject, `Re: [${created.reference}] ${subject}`);
    assert.ok(mail.text.includes(agentText), mail.text);
    // The first line, as crates/koban-server/mail-locales/<locale>/email.ftl says it.
    const expected = locale === "ja" ? "この行より上に返信を入力してください" : "يُرجى كتابة ردك فوق هذا السطر";
    assert.ok(mail.text.split("\n")[0].includes(expected), `the ${locale} marker line: ${mail.text.split("\n")[0]}`);
    assert.match(mail.html, new RegExp(`<html lang="${locale}" dir="${dir}"`));
  }
});
