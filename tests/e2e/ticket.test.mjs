// Ticket form e2e (issue 5): the real koban server and its real SQLite store, the real bundle,
// headless Chromium. The store is read back with the real CLI (`koban tickets list --json`).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { setup, startKoban, ROOT } from "./support.mjs";
import { Widget } from "./widget.mjs";

// The server's minimum fill time, lowered so the tests need not wait 3 s per ticket.
const MIN_FILL_MS = 700;
const RELEASE_BIN = path.join(ROOT, "target/server/koban");
// Built with the test-only `fault-injection` feature (make test-e2e builds it; release never has it).
const FAULTS_BIN = path.join(ROOT, "target/faults/koban");

const s = setup({ env: { KOBAN_MIN_FILL_MS: String(MIN_FILL_MS) } });

/** Every ticket in a server's store, through the real CLI. */
function storedTickets(server = s.koban, bin = RELEASE_BIN) {
  const out = execFileSync(bin, ["tickets", "list", "--json"], { cwd: server.dataDir, encoding: "utf8" });
  return JSON.parse(out);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Opens the demo's panel on the ticket form with the JS API, recording the ticket events. */
async function openForm(w, server = s.koban) {
  if (!w.page.url().startsWith(server.base)) await w.page.goto(server.base + "/demo");
  await w.record("ticketQueued", "ticketCreated", "error");
  return w.openForm();
}

/** A new page at `server`'s demo with the ticket form open. */
async function form(server = s.koban) {
  return openForm(await s.visit(server.base + "/demo"), server);
}

/** Fills a valid "Nodes" ticket. */
async function fillNodesTicket(w, subject) {
  await w.field("Your name").fill("Ada Lovelace");
  await w.field("Email address for our reply").fill("ada@example.com");
  await w.field("Topic").selectOption("nodes");
  await w.field("Node ID").fill("nd_8f3k2m9q1x7z");
  await w.field("Operating system").selectOption("linux");
  await w.field("Subject").fill(subject);
  await w.field("Describe the problem").fill("My node went offline after the update.\nIt was fine yesterday.");
}

async function sendAndWaitForReference(w, timeout = 10000) {
  await w.sendButton.click();
  await w.heading("Message sent").waitFor({ timeout });
  const reference = (await w.reference.innerText()).trim();
  assert.match(reference, /^KB-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  return reference;
}

const kobanKeys = (page) => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("koban:")));

test("a ticket is created and the store holds every field and the page context", async () => {
  const w = await s.open("/demo");
  const { page, dialog } = w;
  await w.api("setContext", { route: "/nodes", page: "nodes", errors: ["E_NODE_OFFLINE"], nodeId: "nd_8f3k2m9q1x7z" });
  await openForm(w);
  await fillNodesTicket(w, "Node offline after update (create)");
  // The user can see what is sent along.
  await dialog.getByText("What is sent with your message").click();
  await assert.doesNotReject(dialog.getByText("nd_8f3k2m9q1x7z").first().waitFor());
  await sleep(MIN_FILL_MS);
  const reference = await sendAndWaitForReference(w);
  await dialog.getByText("We usually reply within 4 hours").waitFor();

  const t = storedTickets().find((x) => x.reference === reference);
  assert.ok(t, "the store has the ticket the widget showed");
  assert.equal(t.name, "Ada Lovelace");
  assert.equal(t.email, "ada@example.com");
  assert.equal(t.category, "nodes");
  assert.equal(t.subject, "Node offline after update (create)");
  assert.equal(t.description, "My node went offline after the update.\nIt was fine yesterday.");
  assert.deepEqual(t.fields, { node_id: "nd_8f3k2m9q1x7z", os: "linux" });
  assert.equal(t.context.route, "/demo");
  assert.equal(t.context.locale, "en");
  assert.match(t.context.widgetVersion, /^\d+\.\d+\.\d+$/);
  assert.match(t.context.userAgent, /Chrome/);
  assert.equal(t.context.context.nodeId, "nd_8f3k2m9q1x7z");
  assert.deepEqual(t.context.context.errors, ["E_NODE_OFFLINE"]);

  const ev = await w.events();
  assert.deepEqual(ev.filter((e) => e.name === "ticketCreated"), [{ name: "ticketCreated", reference }]);
  // The draft is deleted once the server has the ticket; what stays is the request, followed
  // with its access token ("Your requests", the unread badge).
  assert.deepEqual(await kobanKeys(page), [`koban:${s.koban.base}:requests`], "the draft is deleted once the server has the ticket");
  const followed = await page.evaluate((k) => JSON.parse(localStorage.getItem(k)).tickets, `koban:${s.koban.base}:requests`);
  assert.deepEqual(followed.map((f) => f.reference), [reference]);
  assert.match(followed[0].token, /^[0-9a-f]{64}$/);
  assert.equal(await w.field("Attach files").count(), 0, "no file picker: this server takes no attachments");
  // A way back.
  await w.button("Back to help").click();
  await w.searchBox.waitFor();
  await page.context().close();
});

test("typed text survives a reload and a closed-and-reopened page", async () => {
  let w = await form();
  const page = w.page;
  await w.field("Topic").selectOption("jobs");
  await w.field("Job ID").fill("job_77aa");
  await w.field("The job requested a GPU").check();
  await w.field("Subject").fill("Job stuck in queue — 日本語も");
  await w.field("Describe the problem").fill("Line one\nLine two");
  await sleep(600); // autosave is debounced by at most 500 ms

  const check = async (d) => {
    assert.equal(await d.field("Topic").inputValue(), "jobs");
    assert.equal(await d.field("Job ID").inputValue(), "job_77aa");
    assert.equal(await d.field("The job requested a GPU").isChecked(), true);
    assert.equal(await d.field("Subject").inputValue(), "Job stuck in queue — 日本語も");
    assert.equal(await d.field("Describe the problem").inputValue(), "Line one\nLine two");
  };
  await page.reload();
  await check(await openForm(w));

  const context = page.context();
  await page.close();
  const again = await context.newPage();
  w = new Widget(again);
  await check(await openForm(w));

  // Discarding is the other way a draft goes away.
  await w.button("Discard draft").click();
  assert.equal(await w.field("Subject").inputValue(), "");
  await sleep(100);
  assert.deepEqual(await kobanKeys(again), []);
  await context.close();
});

test("offline, the ticket waits in the outbox and is sent exactly once when back online", async () => {
  const w = await form();
  const { page, dialog } = w;
  const subject = "Offline ticket " + Date.now();
  await fillNodesTicket(w, subject);
  await sleep(MIN_FILL_MS);
  const before = storedTickets().length;
  await page.context().setOffline(true);
  await w.sendButton.click();
  const status = dialog.getByRole("status").filter({ hasText: "Saved — will be sent when you're back online." });
  await status.waitFor();
  await w.heading("Message saved").waitFor();
  assert.ok((await w.events()).some((e) => e.name === "ticketQueued" && e.subject === subject));
  assert.equal(storedTickets().length, before, "nothing reached the server while offline");

  await page.context().setOffline(false);
  const reference = await w.reference.innerText({ timeout: 15000 });
  const mine = storedTickets().filter((t) => t.subject === subject);
  assert.equal(mine.length, 1, "exactly one ticket");
  assert.equal(mine[0].reference, reference.trim());
  await page.context().close();
});

test("a queued ticket is sent on the next page load, and can be cancelled instead", async () => {
  const w = await form();
  const page = w.page;
  const subject = "Next load " + Date.now();
  await fillNodesTicket(w, subject);
  await sleep(MIN_FILL_MS);
  await page.context().setOffline(true);
  await w.sendButton.click();
  await w.heading("Message saved").waitFor();
  // Cancel: back to the form exactly as typed, nothing sent.
  await w.button("Cancel sending").click();
  assert.equal(await w.field("Subject").inputValue(), subject);
  await w.sendButton.click();
  await w.heading("Message saved").waitFor();
  // The tab is closed while offline; the next page load (back online) sends it.
  const context = page.context();
  await page.close();
  assert.equal(storedTickets().filter((t) => t.subject === subject).length, 0);
  await context.setOffline(false);
  const next = new Widget(await context.newPage());
  await next.page.goto(s.koban.base + "/demo");
  await next.api("open", "ticket");
  await next.heading("Message sent").waitFor({ timeout: 15000 });
  assert.equal(storedTickets().filter((t) => t.subject === subject).length, 1);
  await context.close();
});

test("the server fails twice, then drops the connection after committing: one ticket, success shown", async () => {
  const faulty = await startKoban({ bin: FAULTS_BIN, env: { KOBAN_MIN_FILL_MS: String(MIN_FILL_MS), KOBAN_FAULTS: "fail-first-2,drop-after-commit" } });
  try {
    const w = await s.visit(null);
    const page = w.page;
    const posts = [];
    page.on("request", (r) => { if (r.method() === "POST" && r.url().endsWith("/api/v1/tickets")) posts.push(r.headers()["idempotency-key"]); });
    await page.goto(faulty.base + "/demo");
    await openForm(w, faulty);
    await fillNodesTicket(w, "Faults");
    await sleep(MIN_FILL_MS);
    const reference = await sendAndWaitForReference(w, 30000);
    const all = storedTickets(faulty, FAULTS_BIN);
    assert.equal(all.length, 1, "exactly one ticket despite four requests");
    assert.equal(all[0].reference, reference);
    // 503, 503, committed then dropped, then the stored response replayed. Chromium may resend a
    // request that died on a reused keep-alive socket by itself (no new request event), so the
    // page sees three or four.
    assert.ok(posts.length >= 3 && posts.length <= 4, `retried after each failure (${posts.length} requests)`);
    assert.equal(new Set(posts).size, 1, "every retry reuses the Idempotency-Key");
    assert.match(posts[0], /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    await page.context().close();
  } finally {
    await faulty.stop();
  }
});

test("server-side 422 errors appear on the right fields, and a 4xx is not retried", async () => {
  const w = await s.visit(null);
  const { page, dialog } = w;
  let posts = 0;
  // The request is altered on its way out, standing in for a widget whose rules are older than
  // the server's: the server's own answer is what the test looks at.
  await page.route("**/api/v1/tickets", async (route) => {
    posts++;
    const body = JSON.parse(route.request().postData());
    body.subject = "x".repeat(300);
    body.email = "not-an-email";
    await route.continue({ postData: JSON.stringify(body) });
  });
  await openForm(w);
  await fillNodesTicket(w, "Server says no");
  await sleep(MIN_FILL_MS);
  await w.sendButton.click();
  await dialog.getByRole("alert").filter({ hasText: "Please correct the fields marked below." }).waitFor();
  const subject = w.field("Subject");
  assert.equal(await subject.getAttribute("aria-invalid"), "true");
  const subjectError = await subject.getAttribute("aria-describedby");
  assert.match(await dialog.locator(`[id="${subjectError}"]`).innerText(), /200 characters or fewer/);
  const email = w.field("Email address for our reply");
  assert.equal(await email.getAttribute("aria-invalid"), "true");
  assert.match(await dialog.locator(`[id="${await email.getAttribute("aria-describedby")}"]`).innerText(), /name@example\.com/);
  assert.equal(await w.field("Describe the problem").getAttribute("aria-invalid"), null, "valid fields are not flagged");
  await sleep(2500);
  assert.equal(posts, 1, "a 422 is not retried");
  assert.ok((await w.events()).some((e) => e.name === "error" && e.code === "validation_failed"));
  // Nothing typed was lost.
  assert.equal(await subject.inputValue(), "Server says no");
  await page.unroute("**/api/v1/tickets");

  // Too fast (another 4xx, no alteration): shown, not retried.
  let fastPosts = 0;
  page.on("request", (r) => { if (r.method() === "POST" && r.url().endsWith("/api/v1/tickets")) fastPosts++; });
  const w2 = await s.visit(null);
  w2.page.on("request", (r) => { if (r.method() === "POST" && r.url().endsWith("/api/v1/tickets")) fastPosts++; });
  await openForm(w2);
  await fillNodesTicket(w2, "Too fast");
  await w2.sendButton.click();
  await w2.dialog.getByRole("alert").filter({ hasText: "That was quick!" }).waitFor();
  await sleep(2500);
  assert.equal(fastPosts, 1, "too_fast is not retried");
  await w2.page.context().close();
  await page.context().close();
});

test("prefill, identify and a no-results search fill the form; identified fields are read-only", async () => {
  const w = await s.open("/demo");
  const { page, dialog } = w;
  await page.evaluate(() => {
    Koban("identify", { userId: "u_123", name: "Grace Hopper", email: "grace@example.com" });
    Koban("prefill", { category: "billing", subject: "Invoice question", fields: { amount: 12.5, invoice_url: "https://example.com/inv/1" } });
  });
  // A flow's ticket outcome hands over its transcript the same way (issue 6 wires the flows).
  await page.evaluate(() => Koban("prefill", { context: { transcript: { flow: "payout-missing", steps: [
    { text: "Is the payout older than 48 hours?", answer: "Yes" }, { text: "Check the wallet address" }] } } }));
  await openForm(w);
  await dialog.getByText("Is the payout older than 48 hours? → Yes").waitFor();
  assert.equal(await w.field("Your name").inputValue(), "Grace Hopper");
  assert.equal(await w.field("Your name").getAttribute("readonly"), "");
  assert.equal(await w.field("Email address for our reply").getAttribute("readonly"), "");
  assert.equal(await w.field("Topic").inputValue(), "billing");
  assert.equal(await w.field("Amount (USD)").inputValue(), "12.5");
  assert.equal(await w.field("Invoice link").inputValue(), "https://example.com/inv/1");
  await w.field("Describe the problem").fill("Charged twice.");
  // The user reads the transcript and takes it out of the message.
  await w.button("Remove the steps from the message").click();
  await w.button("Include the steps again").waitFor();
  await sleep(MIN_FILL_MS);
  const reference = await sendAndWaitForReference(w);
  const t = storedTickets().find((x) => x.reference === reference);
  assert.equal(t.context.transcript, undefined, "the removed transcript was not sent");
  assert.equal(t.email, "grace@example.com");
  assert.equal(t.context.context.userId, "u_123");
  assert.deepEqual(t.fields, { amount: 12.5, invoice_url: "https://example.com/inv/1" });

  // A search with no results offers the form with the query as its subject.
  await w.button("Back to help").click();
  await w.searchBox.fill("zqxv wobble");
  await w.button("Contact support").first().click();
  assert.equal(await w.field("Subject").inputValue(), "zqxv wobble");
  await page.context().close();
});

test("attachments: limits shown up front, bad files refused before upload, files kept across a reload", async () => {
  const withFiles = await startKoban({ env: { KOBAN_MIN_FILL_MS: String(MIN_FILL_MS), KOBAN_ATTACHMENTS_ENABLED: "true", KOBAN_ATTACHMENT_MAX_BYTES: "2000" } });
  try {
    const w = await s.visit(withFiles.base + "/demo");
    const { page, dialog } = w;
    let uploads = 0;
    page.on("request", (r) => { if (r.method() === "POST" && r.url().endsWith("/api/v1/attachments")) uploads++; });
    await openForm(w, withFiles);
    const picker = w.field("Attach files");
    await picker.waitFor();
    await dialog.getByText("PNG, JPG, JPEG, PDF, TXT, LOG; up to 2 kB each, 10 files at most.").waitFor();

    await picker.setInputFiles({ name: "node.log", mimeType: "text/plain", buffer: Buffer.from("node offline since 09:12\n") });
    await w.button("Remove node.log").waitFor();
    await picker.setInputFiles([
      { name: "big.log", mimeType: "text/plain", buffer: Buffer.alloc(3000, "a") },
      { name: "tool.exe", mimeType: "application/octet-stream", buffer: Buffer.from("MZ") },
    ]);
    const alert = dialog.getByRole("alert").filter({ hasText: "big.log" });
    await alert.waitFor();
    assert.match(await alert.innerText(), /“big\.log” is larger than 2 kB\. “tool\.exe” cannot be attached: only PNG, JPG, JPEG, PDF, TXT, LOG files\./);
    assert.equal(uploads, 1, "refused files are never uploaded");

    await fillNodesTicket(w, "With a log file");
    await sleep(600);
    await page.reload();
    await openForm(w, withFiles);
    await w.button("Remove node.log").waitFor();
    await sleep(MIN_FILL_MS);
    const reference = await sendAndWaitForReference(w);
    const shown = execFileSync(RELEASE_BIN, ["tickets", "show", reference], { cwd: withFiles.dataDir, encoding: "utf8" });
    assert.match(shown, /Attachment att_[0-9a-f]{32}: node\.log \(text\/plain; charset=utf-8, 25 bytes\)/);
    await page.context().close();
  } finally {
    await withFiles.stop();
  }
});
