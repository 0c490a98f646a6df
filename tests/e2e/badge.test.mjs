// The launcher's unread badge and the live connection (issue 17), drawn by the loader's
// koban-follow.js: the real koban server and its real store (SQLite; PostgreSQL with
// KOBAN_TEST_POSTGRES_URL), the real bundle, headless Chromium. Tickets are filed through the
// public API and followed the way the widget follows them (its `koban:<apiBase>:requests` entry,
// put in place before the page loads); support answers with the real CLI and the admin API.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { setup, startKoban, eventually, ROOT } from "./support.mjs";

const KOBAN = path.join(ROOT, "target/server/koban");
const ADMIN_TOKEN = "badge-e2e-admin-token-7c1f0a";
const PG = process.env.KOBAN_TEST_POSTGRES_URL;

const hostPage = (k, { lang = "en", boot = "" } = {}) => `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Host</title>
<script async src="${k.base}/koban.js"${boot ? " data-manual-boot" : ""}></script></head><body><h1>Host page</h1>${boot ? `<script>window.Koban = window.Koban || function () { (Koban.q = Koban.q || []).push(arguments) }; Koban('boot', ${boot});</script>` : ""}</body></html>`;

const s = setup({
  env: { KOBAN_ADMIN_TOKEN: ADMIN_TOKEN },
  pages: (k) => ({
    "/plain.html": hostPage(k),
    "/ar.html": hostPage(k, { lang: "ar" }),
    "/label.html": hostPage(k, { boot: "{ launcherLabel: 'Support', preload: 'eager' }" }),
  }),
});

let filed = 0;
/** Files a ticket through `POST /api/v1/tickets`: its reference and access token. */
async function fileTicket(base = s.koban.base) {
  filed++;
  const r = await fetch(base + "/api/v1/tickets", {
    method: "POST",
    headers: { "content-type": "application/json", "idempotency-key": randomUUID() },
    body: JSON.stringify({ name: "Ada Lovelace", email: `ada${filed}@example.com`, category: "billing", subject: `Invoice missing #${filed}`, description: "Where is my invoice for March?", fields: {}, context: {}, website: "", fillMs: 5000 }),
  });
  const body = await r.json();
  assert.equal(r.status, 201, JSON.stringify(body));
  return { reference: body.reference, token: body.accessToken };
}

/** A public reply with the real CLI against `server`'s own store (`env`: its database). */
function cliReply(reference, { cwd = s.koban.dataDir, env = {} } = {}) {
  execFileSync(KOBAN, ["tickets", "reply", reference, "--message", "Your invoice is on its way.", "--agent", "Aiko"], { cwd, env: { ...process.env, ...env }, encoding: "utf8" });
}

/** A public reply through the admin API of `base`. */
async function adminReply(reference, base = s.koban.base) {
  const r = await fetch(`${base}/api/v1/admin/tickets/${reference}/replies`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${ADMIN_TOKEN}` },
    body: JSON.stringify({ body: "Your invoice is on its way.", agent: "Aiko" }),
  });
  assert.ok(r.ok, `admin reply: HTTP ${r.status} ${await r.text()}`);
}

/**
 * A new page that follows `tickets` (in the widget's storage for `apiBase`, on every load), with
 * the badge events recorded from before the loader runs, and a network log: `log` lists, in
 * order, `unread` (a finished /unread response), `wasm` (a .wasm request), `live` (a /live
 * request) and `live-end` (a /live connection closed or aborted); `live()` says how many /live
 * connections are open.
 */
async function followingPage(apiBase, tickets) {
  const w = await s.visit(null);
  const { page } = w;
  await page.addInitScript(([key, value]) => {
    if (value) localStorage.setItem(key, value);
    window.__events = [];
    window.Koban = window.Koban || function () { (window.Koban.q = window.Koban.q || []).push(arguments); };
    for (const name of ["replyReceived", "unreadChanged", "ready"]) window.Koban("on", name, (d) => window.__events.push({ name, ...d }));
  }, [`koban:${apiBase}:requests`, tickets && JSON.stringify({ tickets })]);
  w.log = [];
  let open = 0;
  const isLive = (r) => r.method() === "POST" && r.url().endsWith("/api/v1/tickets/live");
  page.on("request", (r) => {
    if (r.url().endsWith(".wasm")) w.log.push("wasm");
    if (isLive(r)) { open++; w.log.push("live"); }
  });
  page.on("requestfinished", (r) => {
    if (r.url().endsWith("/api/v1/tickets/unread")) w.log.push("unread");
    if (isLive(r)) { open--; w.log.push("live-end"); }
  });
  page.on("requestfailed", (r) => { if (isLive(r)) { open--; w.log.push("live-end"); } });
  w.live = () => open;
  w.events = (name) => page.evaluate((n) => window.__events.filter((e) => e.name === n), name);
  return w;
}

/** The launcher by its accessible name. */
const launcherNamed = (page, name) => page.getByRole("button", { name, exact: true });

/** The count the launcher shows (its `data-count`, drawn by CSS; null: none). */
const badge = (page) => page.evaluate(() => {
  const l = document.querySelector("koban-widget")?.shadowRoot.querySelector(".kb-launcher[data-count]");
  return l && { text: l.dataset.count };
});

/** Waits until the page has an open live connection (its response headers arrived). */
function liveOpen(page) {
  return page.waitForResponse((r) => r.url().endsWith("/api/v1/tickets/live") && r.status() === 200);
}

test("a reply through `koban tickets reply` shows the badge with its accessible name within 2 s, and replyReceived fires", async () => {
  const t = await fileTicket();
  const w = await followingPage(s.koban.base, [t]);
  const { page } = w;
  const connected = liveOpen(page);
  await page.goto(s.host.base + "/plain.html");
  await connected;
  // Nothing unread yet: the plain launcher, no badge.
  await launcherNamed(page, "Help").waitFor();
  assert.equal(await badge(page), null);
  // The widget loads (and relabels the launcher) meanwhile; the badge must survive that.
  await eventually(async () => assert.equal((await w.events("ready")).length, 1));

  const started = Date.now();
  cliReply(t.reference);
  await launcherNamed(page, "Help, 1 unread reply").waitFor({ timeout: 2000 });
  assert.ok(Date.now() - started <= 2000, `badge after ${Date.now() - started} ms`);
  assert.deepEqual(await badge(page), { text: "1" });
  await eventually(async () => assert.deepEqual(await w.events("replyReceived"), [{ name: "replyReceived", reference: t.reference }]), 2000);
  assert.deepEqual(await w.events("unreadChanged"), [{ name: "unreadChanged", count: 1 }]);
  assert.equal(w.live(), 1, "one live connection");
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("a reply through the admin API: live badge, and a second one counts the same request once", async () => {
  const t = await fileTicket();
  const w = await followingPage(s.koban.base, [t]);
  const { page } = w;
  const connected = liveOpen(page);
  await page.goto(s.host.base + "/plain.html");
  await connected;
  const started = Date.now();
  await adminReply(t.reference);
  await launcherNamed(page, "Help, 1 unread reply").waitFor({ timeout: 2000 });
  assert.ok(Date.now() - started <= 2000);
  await eventually(async () => assert.equal((await w.events("replyReceived")).length, 1), 2000);
  // A second reply on the same request: still one request with unread replies, but a new reply.
  await adminReply(t.reference);
  await eventually(async () => assert.equal((await w.events("replyReceived")).length, 2), 2000);
  assert.equal((await w.events("unreadChanged")).length, 1, "the count did not change");
  await launcherNamed(page, "Help, 1 unread reply").waitFor();
  assert.equal(w.live(), 1, "still one live connection");
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("after a reload the badge is there before any wasm request (network log), with two unread", async () => {
  const [a, b] = [await fileTicket(), await fileTicket()];
  await adminReply(a.reference);
  await adminReply(b.reference);
  const w = await followingPage(s.koban.base, [a, b]);
  const { page } = w;
  await page.goto(s.host.base + "/plain.html");
  await launcherNamed(page, "Help, 2 unread replies").waitFor();
  await eventually(() => assert.ok(w.log.includes("wasm")));
  w.log.length = 0;
  await page.reload();
  await launcherNamed(page, "Help, 2 unread replies").waitFor();
  assert.deepEqual(await badge(page), { text: "2" });
  await eventually(() => assert.ok(w.log.includes("wasm"), JSON.stringify(w.log)));
  const firstUnread = w.log.indexOf("unread");
  assert.ok(firstUnread >= 0 && firstUnread < w.log.indexOf("wasm"), `the /unread response comes before any wasm request: ${JSON.stringify(w.log)}`);
  // No replies were new to this page: no replyReceived; the count showed once.
  assert.deepEqual(await w.events("replyReceived"), []);
  assert.deepEqual(await w.events("unreadChanged"), [{ name: "unreadChanged", count: 2 }]);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("while the page is hidden no live connection is open; shown again, it reconnects and counts afresh", async () => {
  const t = await fileTicket();
  const w = await followingPage(s.koban.base, [t]);
  const { page } = w;
  const connected = liveOpen(page);
  await page.goto(s.host.base + "/plain.html");
  await connected;
  assert.equal(w.live(), 1);
  const setHidden = (hidden) => page.evaluate((h) => {
    if (h) {
      Object.defineProperty(document, "hidden", { configurable: true, get: () => true });
      Object.defineProperty(document, "visibilityState", { configurable: true, get: () => "hidden" });
    } else {
      delete document.hidden;
      delete document.visibilityState;
    }
    document.dispatchEvent(new Event("visibilitychange"));
  }, hidden);
  await setHidden(true);
  await eventually(() => assert.equal(w.live(), 0), 2000);
  const opened = w.log.filter((e) => e === "live").length;
  await adminReply(t.reference);
  await page.waitForTimeout(1500);
  assert.equal(w.live(), 0, "no live connection while hidden");
  assert.equal(w.log.filter((e) => e === "live").length, opened, "no connection attempt while hidden");
  await launcherNamed(page, "Help").waitFor();

  const reconnected = liveOpen(page);
  await setHidden(false);
  await reconnected;
  // The reply that came while hidden is counted once the page shows again.
  await launcherNamed(page, "Help, 1 unread reply").waitFor({ timeout: 2000 });
  assert.equal(w.live(), 1);
  assert.deepEqual(await w.events("replyReceived"), [{ name: "replyReceived", reference: t.reference }]);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("right to left and plural-correct: Arabic, two unread replies", async () => {
  const [a, b] = [await fileTicket(), await fileTicket()];
  await adminReply(a.reference);
  await adminReply(b.reference);
  const w = await followingPage(s.koban.base, [a, b]);
  const { page } = w;
  await page.goto(s.host.base + "/ar.html");
  await launcherNamed(page, "مساعدة، ردّان غير مقروءين").waitFor();
  assert.deepEqual(await badge(page), { text: await page.evaluate(() => new Intl.NumberFormat("ar").format(2)) });
  // The badge sits on the launcher's top end corner: its left in right-to-left (once the widget has
  // marked the host `dir=rtl`).
  await eventually(async () => assert.equal((await w.events("ready")).length, 1));
  await eventually(async () => {
    // The count is the launcher's ::after (no box to measure): its resolved offsets say where.
    const at = await page.evaluate(() => {
      const l = document.querySelector("koban-widget").shadowRoot.querySelector(".kb-launcher");
      const c = getComputedStyle(l, "::after");
      return { content: c.content, position: c.position, left: c.left, top: c.top, right: c.right };
    });
    assert.equal(at.position, "absolute");
    assert.ok(parseFloat(at.left) < 0 && parseFloat(at.top) < 0, `badge ${JSON.stringify(at)} on the top left`);
  });
  await launcherNamed(page, "مساعدة، ردّان غير مقروءين").waitFor();
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("a host's launcher label stays in the accessible name", async () => {
  const t = await fileTicket();
  await adminReply(t.reference);
  const w = await followingPage(s.koban.base, [t]);
  const { page } = w;
  await page.goto(s.host.base + "/label.html");
  await eventually(async () => assert.equal((await w.events("ready")).length, 1));
  await launcherNamed(page, "Support, 1 unread reply").waitFor();
  assert.deepEqual(await badge(page), { text: "1" });
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("nothing followed: no request; a wrong token: a count of 0 and one /live attempt (404), no retry", async () => {
  const none = await followingPage(s.koban.base, null);
  let calls = 0;
  none.page.on("request", (r) => { if (r.url().includes("/api/v1/tickets/")) calls++; });
  await none.page.goto(s.host.base + "/plain.html");
  await eventually(async () => assert.equal((await none.events("ready")).length, 1));
  assert.equal(calls, 0, "no badge or live request when nothing is followed");
  await none.page.context().close();

  const t = await fileTicket();
  const w = await followingPage(s.koban.base, [{ reference: t.reference, token: "0".repeat(64) }]);
  const { page } = w;
  const refused = page.waitForResponse((r) => r.url().endsWith("/api/v1/tickets/live"));
  await page.goto(s.host.base + "/plain.html");
  assert.equal((await refused).status(), 404);
  await page.waitForTimeout(3000);
  assert.equal(w.log.filter((e) => e === "live").length, 1, "no retry after a 404");
  await launcherNamed(page, "Help").waitFor();
  assert.equal(await badge(page), null);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("shutdown closes the live connection and removes the badge; a newly followed request joins the one connection", async () => {
  const t = await fileTicket();
  await adminReply(t.reference);
  const w = await followingPage(s.koban.base, [t]);
  const { page } = w;
  const connected = liveOpen(page);
  await page.goto(s.host.base + "/plain.html");
  await connected;
  await launcherNamed(page, "Help, 1 unread reply").waitFor();
  await page.evaluate(() => window.Koban("shutdown"));
  await eventually(() => assert.equal(w.live(), 0), 2000);
  await page.evaluate(() => window.Koban("boot"));
  await launcherNamed(page, "Help, 1 unread reply").waitFor();
  await eventually(() => assert.equal(w.live(), 1), 2000);

  // Another tab saves a new request (the storage event; in this tab the widget's ticketCreated
  // does the same): the list is read again and the one connection follows both.
  const n = await fileTicket();
  await page.evaluate(([key, tickets]) => localStorage.setItem(key, JSON.stringify({ tickets })), [`koban:${s.koban.base}:requests`, [n, t]]);
  const both = liveOpen(page);
  await page.evaluate((key) => window.dispatchEvent(new StorageEvent("storage", { key })), `koban:${s.koban.base}:requests`);
  await both;
  await adminReply(n.reference);
  await launcherNamed(page, "Help, 2 unread replies").waitFor({ timeout: 2000 });
  assert.equal(w.live(), 1, "one live connection");
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

/** A fresh PostgreSQL database next to KOBAN_TEST_POSTGRES_URL's: its URL, and a drop. */
function freshDatabase(admin) {
  const name = `koban_e2e_badge_${process.pid}_${Date.now()}`;
  execFileSync("psql", [admin, "-qc", `CREATE DATABASE ${name}`]);
  const [base, query] = admin.split("?");
  return {
    url: base.replace(/\/[^/]*$/, "/" + name) + (query ? "?" + query : ""),
    drop: () => execFileSync("psql", [admin, "-qc", `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`]),
  };
}

test("two koban processes on one PostgreSQL: a reply through A reaches a page connected to B within 2 s", { skip: !PG && "KOBAN_TEST_POSTGRES_URL is not set" }, async () => {
  const db = freshDatabase(PG);
  const servers = [];
  after(async () => {
    for (const k of servers) await k.stop();
    db.drop();
  });
  const env = { KOBAN_DATABASE_URL: db.url, KOBAN_ADMIN_TOKEN: ADMIN_TOKEN };
  // One after the other: the first runs the migrations.
  const a = await startKoban({ env });
  servers.push(a);
  const b = await startKoban({ env });
  servers.push(b);
  const t = await fileTicket(a.base);
  const w = await followingPage(b.base, [t]);
  const { page } = w;
  const connected = liveOpen(page);
  await page.goto(b.base + "/demo");
  await connected;
  await launcherNamed(page, "Help").waitFor();

  let started = Date.now();
  await adminReply(t.reference, a.base);
  await launcherNamed(page, "Help, 1 unread reply").waitFor({ timeout: 2000 });
  assert.ok(Date.now() - started <= 2000);
  await eventually(async () => assert.deepEqual(await w.events("replyReceived"), [{ name: "replyReceived", reference: t.reference }]), 2000);

  // The CLI, a third process on the same database, reaches B too.
  const u = await fileTicket(a.base);
  await page.evaluate(([key, tickets]) => localStorage.setItem(key, JSON.stringify({ tickets })), [`koban:${b.base}:requests`, [u, t]]);
  const again = liveOpen(page);
  await page.evaluate(() => window.dispatchEvent(new StorageEvent("storage", { key: null })));
  await again;
  started = Date.now();
  cliReply(u.reference, { cwd: a.dataDir, env: { KOBAN_DATABASE_URL: db.url } });
  await launcherNamed(page, "Help, 2 unread replies").waitFor({ timeout: 2000 });
  assert.ok(Date.now() - started <= 2000);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
