// Conversations in the widget (issue 17): the real koban server and its real SQLite store, the
// real bundle, headless Chromium. A user files a ticket in the widget and follows it; support
// answers with the real CLI (`koban tickets reply`) and through the admin API (a team's tools);
// the thread, the reply box, solve and the rating are driven as a user would, and read back with
// the real CLI.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createHmac, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import { setup, startKoban, eventually, report, ARTIFACTS, ROOT } from "./support.mjs";
import { Widget } from "./widget.mjs";

const KOBAN = path.join(ROOT, "target/server/koban");
// Built with the test-only `fault-injection` feature (make test-e2e builds it).
const FAULTS_BIN = path.join(ROOT, "target/faults/koban");
const ADMIN_TOKEN = "conversation-e2e-admin-token-41d9";
const IDENTITY_SECRET = "conversation-e2e-identity-secret-0123456789abcdef";
const ENV = { KOBAN_MIN_FILL_MS: "0", KOBAN_ADMIN_TOKEN: ADMIN_TOKEN, KOBAN_IDENTITY_SECRET: IDENTITY_SECRET };

const hostPage = (k, boot) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
<script async src="${k.base}/koban.js" data-manual-boot></script></head><body><h1>Host page</h1>
<script>window.Koban = window.Koban || function () { (Koban.q = Koban.q || []).push(arguments) }; Koban('boot', ${boot});</script></body></html>`;

const s = setup({
  env: ENV,
  pages: (k) => ({
    "/dark.html": hostPage(k, "{ preload: 'eager', theme: { scheme: 'dark' } }"),
    "/ar.html": hostPage(k, "{ preload: 'eager', locale: 'ar' }"),
  }),
});

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function violations(page) {
  const result = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** An HS256 identity token for `email`, as a platform's backend signs one. */
function identityToken(email) {
  const b64 = (o) => Buffer.from(JSON.stringify(o)).toString("base64url");
  const signed = `${b64({ alg: "HS256", typ: "JWT" })}.${b64({ email, exp: Math.floor(Date.now() / 1000) + 3600 })}`;
  return `${signed}.${createHmac("sha256", IDENTITY_SECRET).update(signed).digest("base64url")}`;
}

/** Files a ticket through the public API (retrying with the same key when the answer is lost). */
async function fileTicket(base, extra = {}) {
  const key = randomUUID();
  const body = JSON.stringify({ name: "Ada Lovelace", email: "ada@example.com", category: "billing", subject: "Invoice missing " + key.slice(0, 8), description: "Where is my invoice for March?", fields: {}, context: {}, website: "", fillMs: 5000, ...extra });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const r = await fetch(base + "/api/v1/tickets", { method: "POST", headers: { "content-type": "application/json", "idempotency-key": key }, body });
      const created = await r.json();
      assert.equal(r.status, 201, JSON.stringify(created));
      return { reference: created.reference, token: created.accessToken, subject: JSON.parse(body).subject };
    } catch (e) {
      if (!(e instanceof TypeError)) throw e; // the connection was dropped: try again
    }
  }
  throw new Error("could not file a ticket");
}

/** A public reply from agent Aiko through the admin API of `base`. */
async function adminReply(base, reference, body) {
  const r = await fetch(`${base}/api/v1/admin/tickets/${reference}/replies`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${ADMIN_TOKEN}` },
    body: JSON.stringify({ body, agent: "Aiko" }),
  });
  assert.ok(r.ok, `admin reply: HTTP ${r.status} ${await r.text()}`);
}

/** The thread as the server has it (the public API, with the access token). */
async function thread(base, reference, token) {
  const r = await fetch(`${base}/api/v1/tickets/${reference}`, { headers: { authorization: `Bearer ${token}` } });
  assert.equal(r.status, 200);
  return r.json();
}

const userMessages = (t) => t.entries.filter((e) => e.kind === "message" && e.author.role === "user");

/** The requests this page's widget follows (its local storage). */
const followed = (w, base) => w.page.evaluate((k) => JSON.parse(localStorage.getItem(k) || '{"tickets":[]}').tickets, `koban:${base}:requests`);

/** The widget's thread view parts. */
const entries = (w) => w.dialog.getByRole("list", { name: "Conversation" });
const replyBox = (w) => w.field("Your reply");

test("a user files a ticket, reads support's reply live, answers it, marks it solved and rates it", async () => {
  const base = s.koban.base;
  const w = await s.open("/demo");
  const { page, dialog } = w;
  await w.record("ticketCreated", "replyReceived", "requestRead");
  await w.openForm();
  await w.field("Your name").fill("Ada Lovelace");
  await w.field("Email address for our reply").fill("ada@example.com");
  await w.field("Topic").selectOption("nodes");
  await w.field("Node ID").fill("nd_8f3k2m9q1x7z");
  await w.field("Operating system").selectOption("linux");
  await w.field("Subject").fill("Node offline after update");
  await w.field("Describe the problem").fill("My node went offline after the update.");
  await w.sendButton.click();
  await w.heading("Message sent").waitFor();
  const reference = (await w.reference.innerText()).trim();
  const [{ token }] = await followed(w, base);
  assert.ok(token, "the access token is kept in the widget's storage");
  assert.ok(!page.url().includes(token), "never in a URL");

  await w.button("Follow this request").click();
  await w.heading("Node offline after update").waitFor();
  await entries(w).getByText("My node went offline after the update.").waitFor();
  assert.deepEqual(await violations(page), [], "thread, light");

  // Support answers: within 2 s the open thread shows it, with the agent's name, and the
  // launcher's badge and name say so.
  const sent = Date.now();
  execFileSync(KOBAN, ["tickets", "reply", reference, "--message", "Did you restart the node after the update?", "--agent", "Aiko"], { cwd: s.koban.dataDir, env: { ...process.env, ...ENV } });
  await entries(w).getByText("Did you restart the node after the update?").waitFor({ timeout: 2000 });
  await entries(w).getByText("Aiko").waitFor({ timeout: 500 });
  const launcherName = () => page.evaluate(() => document.querySelector("koban-widget").shadowRoot.querySelector(".kb-launcher").getAttribute("aria-label"));
  await eventually(async () => assert.equal(await launcherName(), "Help, 1 unread reply"), 2000 - (Date.now() - sent));
  await eventually(async () => assert.deepEqual((await w.events()).filter((e) => e.name === "replyReceived"), [{ name: "replyReceived", reference }]), 1000);

  // The user answers: the follow-up is stored once and shows in the thread.
  await replyBox(w).fill("Yes, twice. It is still offline.");
  assert.deepEqual(await violations(page), [], "reply box, light");
  await w.button("Send reply").click();
  await entries(w).getByText("Yes, twice. It is still offline.").waitFor();
  assert.equal(await replyBox(w).inputValue(), "", "the box starts empty once the server has the reply");
  const stored = await thread(base, reference, token);
  assert.deepEqual(userMessages(stored).map((m) => m.body), ["My node went offline after the update.", "Yes, twice. It is still offline."]);
  assert.equal(stored.status, "open", "a follow-up reopens an answered request");
  // Focusing the reply box marked the replies read: the badge is gone.
  await eventually(async () => assert.equal(await launcherName(), null), 3000);
  assert.ok((await w.events()).some((e) => e.name === "requestRead" && e.reference === reference));

  // A reply that arrives while the user types: the thread is redrawn, the reply box is not (the
  // focus and the text stay).
  await replyBox(w).fill("Half a sentence");
  await adminReply(base, reference, "Reinstalling the driver fixes it.");
  await entries(w).getByText("Reinstalling the driver fixes it.").waitFor({ timeout: 2000 });
  assert.equal(await page.evaluate(() => document.querySelector("koban-widget").shadowRoot.activeElement?.id), "kb-reply-text");
  assert.equal(await replyBox(w).inputValue(), "Half a sentence");
  await replyBox(w).fill("");

  // Solved, then the satisfaction question, answered with a comment.
  await w.button("This solved my problem").click();
  const question = dialog.getByRole("group", { name: "How was the help you got?" });
  await question.waitFor();
  assert.deepEqual(await violations(page), [], "rating, light");
  await w.button("Send rating").click();
  await dialog.getByText("Choose good or bad.").waitFor();
  await question.getByRole("radio", { name: "Good" }).check();
  await w.field("Comment (optional)").fill("Quick and kind");
  await w.button("Send rating").click();
  await dialog.getByText("You rated the help good. Thank you!").waitFor();
  await dialog.getByText("Quick and kind").waitFor();
  assert.equal(await w.button("This solved my problem").count(), 0);

  const shown = execFileSync(KOBAN, ["tickets", "show", reference], { cwd: s.koban.dataDir, encoding: "utf8" });
  assert.match(shown, /good/i);
  assert.match(shown, /Quick and kind/);
  assert.equal(report(s.koban).ratings.good, 1);

  // "Your requests" lists it with its status and time, from the home view too.
  await w.api("open", "requests");
  const row = dialog.getByRole("button", { name: /Node offline after update/ });
  await row.waitFor();
  assert.match(await row.innerText(), /Solved · just now|Solved · \d+ minutes? ago/);
  assert.deepEqual(await violations(page), [], "requests, light");
  await page.reload();
  // The last reply came while the user was not answering: still unread, on the launcher too.
  await page.getByRole("button", { name: "Help, 1 unread reply", exact: true }).click();
  await w.dialog.waitFor();
  await w.button("Your requests").click();
  await row.waitFor();
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("dark scheme: zero axe violations in the list, the thread, the reply box and the rating", async () => {
  const base = s.koban.base;
  const { reference, token, subject } = await fileTicket(base);
  await adminReply(base, reference, "We resent the invoice.");
  const w = await s.visit(s.host.base + "/dark.html", {
    init: ([key, value]) => localStorage.setItem(key, value),
  });
  await w.page.addInitScript(([key, value]) => localStorage.setItem(key, value), [`koban:${base}:requests`, JSON.stringify({ tickets: [{ reference, token }] })]);
  await w.page.goto(s.host.base + "/dark.html");
  await w.ready();
  await w.api("open", "requests");
  await w.dialog.getByRole("button", { name: new RegExp(subject) }).waitFor();
  assert.deepEqual(await violations(w.page), [], "requests, dark");
  await w.dialog.getByRole("button", { name: new RegExp(subject) }).click();
  await entries(w).getByText("We resent the invoice.").waitFor();
  await replyBox(w).fill("Thanks!");
  assert.deepEqual(await violations(w.page), [], "thread and reply box, dark");
  await w.button("This solved my problem").click();
  await w.dialog.getByRole("group", { name: "How was the help you got?" }).waitFor();
  assert.deepEqual(await violations(w.page), [], "rating, dark");
  await w.page.context().close();
});

test("offline, a follow-up waits in the outbox and is stored exactly once, also when the connection drops after commit", async () => {
  // The fault build drops the connection after the first two commits: the ticket filed below
  // (its retry with the same key gets the stored answer) and the first follow-up.
  const faulty = await startKoban({ bin: FAULTS_BIN, env: { ...ENV, KOBAN_FAULTS: "drop-after-commit-2" } });
  try {
    const { reference, token, subject } = await fileTicket(faulty.base);
    const w = await s.visit(null, { init: undefined });
    const { page } = w;
    await page.addInitScript(([key, value]) => localStorage.setItem(key, value), [`koban:${faulty.base}:requests`, JSON.stringify({ tickets: [{ reference, token }] })]);
    await page.goto(faulty.base + "/demo");
    await w.ready();
    await w.api("open", "requests");
    await w.dialog.getByRole("button", { name: new RegExp(subject) }).click();
    await w.heading(subject).waitFor();

    await page.context().setOffline(true);
    await replyBox(w).fill("Written on the train.");
    await w.button("Send reply").click();
    await w.dialog.getByRole("status").filter({ hasText: "You are offline. Your reply is saved" }).waitFor();
    assert.equal(await replyBox(w).inputValue(), "Written on the train.", "nothing typed is lost");
    await page.reload().catch(() => {}); // offline: the page itself may not load; the outbox is in storage
    await page.context().setOffline(false);
    await page.goto(faulty.base + "/demo");
    await w.ready();
    await w.api("open", "requests");
    // The next page load sends it: the first attempt commits and loses its answer; the retry
    // with the same key gets the stored one.
    await eventually(async () => assert.equal(userMessages(await thread(faulty.base, reference, token)).length, 2), 15000);
    await w.dialog.getByRole("button", { name: new RegExp(subject) }).click();
    await entries(w).getByText("Written on the train.").waitFor({ timeout: 15000 });
    await sleep(1500);
    const bodies = userMessages(await thread(faulty.base, reference, token)).map((m) => m.body);
    assert.deepEqual(bodies, ["Where is my invoice for March?", "Written on the train."], "exactly one follow-up");
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), `koban:${faulty.base}:replies`), null, "the outbox is empty");
    await page.context().close();
  } finally {
    await faulty.stop();
  }
});

test("an identified user sees their requests in a second browser, by keyboard; an unidentified one sees none", async () => {
  const base = s.koban.base;
  const email = "grace@example.com";
  const token = identityToken(email);
  const { reference, subject } = await fileTicket(base, { email, identityToken: token });
  await adminReply(base, reference, "Your payout is scheduled for Friday.");

  // A second browser context: no access token in its storage, only the identity.
  const w = await s.open("/demo");
  const { page } = w;
  await w.ready();
  await w.api("identify", { email, name: "Grace Hopper", token });
  await w.open();
  const focusedName = () => page.evaluate(() => {
    const a = document.querySelector("koban-widget").shadowRoot.activeElement;
    return a ? (a.getAttribute("aria-label") || a.textContent || "").trim() : "";
  });
  const tabTo = async (pattern) => {
    for (let i = 0; i < 60; i++) {
      if (pattern.test(await focusedName())) return;
      await page.keyboard.press("Tab");
    }
    throw new Error(`no focusable control matched ${pattern}; last: ${await focusedName()}`);
  };
  await tabTo(/^Your requests$/);
  await page.keyboard.press("Enter");
  await w.dialog.getByRole("button", { name: new RegExp(subject) }).waitFor();
  await tabTo(new RegExp(subject));
  await page.keyboard.press("Enter");
  await entries(w).getByText("Your payout is scheduled for Friday.").waitFor();
  await tabTo(/^$/); // the reply box (a textarea: its name comes from its label)
  await page.keyboard.type("Thank you, Friday is fine.");
  await tabTo(/^Send reply$/);
  await page.keyboard.press("Enter");
  await entries(w).getByText("Thank you, Friday is fine.").waitFor();
  await page.context().close();

  const stranger = await s.open("/demo");
  await stranger.ready();
  await stranger.api("open", "requests");
  await stranger.dialog.getByText("You have no requests yet.").waitFor();
  assert.equal(await stranger.dialog.getByRole("button", { name: new RegExp(subject) }).count(), 0);
  await stranger.page.context().close();
});

test("a thread reads right to left in Arabic (the README's screenshot)", async () => {
  const base = s.koban.base;
  const { reference, token, subject } = await fileTicket(base);
  await adminReply(base, reference, "أعدنا إرسال الفاتورة إلى بريدك.");
  const w = await s.visit(null, { title: null, launcher: null });
  await w.page.addInitScript(([key, value]) => localStorage.setItem(key, value), [`koban:${base}:requests`, JSON.stringify({ tickets: [{ reference, token }] })]);
  await w.page.goto(s.host.base + "/ar.html");
  await w.ready();
  await w.api("open", "requests");
  await w.dialog.getByRole("button", { name: new RegExp(subject) }).click();
  await w.dialog.getByText("أعدنا إرسال الفاتورة إلى بريدك.").waitFor();
  assert.equal(await w.page.evaluate(() => document.querySelector("koban-widget").shadowRoot.querySelector(".kb-root").getAttribute("dir")), "rtl");
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await w.dialog.screenshot({ path: path.join(ARTIFACTS, "thread-rtl.png") });
  await w.page.context().close();
});
