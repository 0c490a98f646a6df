// Shared e2e support: starts the real `koban` server (release build, real bundle in dist/), a
// plain static server for third-party host pages on another origin, and headless Chromium.
import { execFileSync, spawn } from "node:child_process";
import http from "node:http";
import net from "node:net";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { before, after } from "node:test";
import { chromium } from "playwright-core";
import { Widget } from "./widget.mjs";

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
export const ARTIFACTS = path.join(ROOT, "tests/e2e/artifacts");

export async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => { const { port } = srv.address(); srv.close(() => resolve(port)); });
    srv.on("error", reject);
  });
}

/** Starts `koban serve` on a free port with a fresh data directory. Its output (log at info) is kept;
 * warnings and errors are shown; `stop()` fails if the value of a variable of its environment whose
 * name holds TOKEN or SECRET is anywhere in that output. */
export async function startKoban({ env = {}, args = [], bin = path.join(ROOT, "target/server/koban") } = {}) {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "koban-e2e-"));
  const fullEnv = { ...process.env, RUST_LOG: "warn,koban_server=info", ...env };
  const proc = spawn(bin, ["serve", "--port", String(port), "--assets", path.join(ROOT, "dist"), "--content", path.join(ROOT, "content"), "--locales", path.join(ROOT, "locales"), ...args], {
    cwd: dataDir,
    env: fullEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  proc.stdout.on("data", (d) => { output += d; for (const l of String(d).split("\n")) if (/\b(WARN|ERROR)\b/.test(l)) console.log(l); });
  proc.stderr.on("data", (d) => { output += d; process.stderr.write(d); });
  const secrets = Object.entries(fullEnv).filter(([k, v]) => /TOKEN|SECRET/.test(k) && v && v.length >= 8);
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    try { const r = await fetch(base + "/healthz"); if (r.ok) break; } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 50));
    if (proc.exitCode !== null) throw new Error("koban exited with " + proc.exitCode + ":\n" + output);
  }
  const stop = async () => {
    if (proc.exitCode === null && proc.signalCode === null) await new Promise((r) => { proc.once("close", r); proc.kill("SIGTERM"); });
    const leaked = secrets.filter(([, v]) => output.includes(v)).map(([k]) => k);
    if (leaked.length) throw new Error(`koban's log holds the value of ${leaked.join(", ")}`);
  };
  return { base, port, dataDir, proc, stop };
}

/** A static server for host pages: `pages` maps a path to HTML. Another origin than koban's. */
export async function startHost(pages) {
  const port = await freePort();
  const srv = http.createServer((req, res) => {
    const page = pages[req.url.split("?")[0]];
    if (!page) { res.writeHead(404); return res.end("not found"); }
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(page);
  });
  await new Promise((r) => srv.listen(port, "127.0.0.1", r));
  return { base: `http://127.0.0.1:${port}`, close: () => new Promise((r) => srv.close(r)) };
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  });
}

/** A new page that records console warnings and uncaught page errors. */
export async function newPage(browser, options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  page.warnings = [];
  page.errors = [];
  page.on("console", (m) => { if (m.type() === "warning") page.warnings.push(m.text()); });
  page.on("pageerror", (e) => page.errors.push(e));
  return page;
}

/** `koban report --json` on a server's own store (the real CLI, the real database). */
export function report(server) {
  const out = execFileSync(path.join(ROOT, "target/server/koban"), ["report", "--json"], { cwd: server.dataDir, encoding: "utf8" });
  return JSON.parse(out);
}

/** Retries `fn` (sync or async) until it stops throwing, for at most `ms`. */
export async function eventually(fn, ms = 5000) {
  const end = Date.now() + ms;
  for (;;) {
    try { return await fn(); } catch (e) { if (Date.now() > end) throw e; }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * The shared before/after of a test file: `koban serve` (with `env`), host pages on another
 * origin (`pages(koban)`, a map for `startHost`, if given) and Chromium (unless `browser` is
 * false), started once before the file's tests and stopped after them. The returned object's
 * `koban`, `host` and `browser` are set once started; `open(path)` is a new page at koban's
 * `path` with its widget (tests/e2e/widget.mjs), `visit(url)` the same at any URL.
 */
export function setup({ env = {}, pages, browser = true } = {}) {
  const ctx = {
    visit(url, options) {
      return Widget.visit(ctx.browser, url, options);
    },
    open(pathname = "/demo", options) {
      return ctx.visit(ctx.koban.base + pathname, options);
    },
  };
  before(async () => {
    ctx.koban = await startKoban({ env });
    if (pages) ctx.host = await startHost(pages(ctx.koban));
    if (browser) ctx.browser = await launchBrowser();
  });
  after(async () => {
    await ctx.browser?.close();
    await ctx.host?.close();
    await ctx.koban?.stop();
  });
  return ctx;
}
