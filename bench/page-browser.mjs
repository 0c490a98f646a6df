// Host-page and open-time benchmark (issue 9): the real bundle (dist/) on the real `koban`
// (target/server/koban), in headless Chromium (playwright-core + /usr/bin/chromium, e2e flags).
//
//   node bench/page-browser.mjs
//
// Measures:
//  1. loader: from koban.js's last byte (Resource Timing responseEnd) to the launcher in the DOM
//     (MutationObserver), and the long tasks (PerformanceObserver `longtask`) that overlap that
//     span; median of KOBAN_BENCH_RUNS (7) loads of /demo.
//  2. host page impact with `preload: "idle"` (the demo's default): the sum of long-task time in
//     the first 6 s of /demo, with Koban and with koban.js blocked (the page without Koban);
//     medians of KOBAN_BENCH_RUNS each, and the difference.
//  3. open: on a host page (another origin) with `data-preload="intent"`, a click on the launcher
//     (a script `click()`, so no hover preloads anything): click → dialog painted (first frame
//     after the dialog is in the DOM: rAF, then a MessageChannel task) cold (wasm not fetched),
//     then closed and clicked again: warm. Medians of KOBAN_BENCH_RUNS fresh contexts.
//     CDP Network events give the bytes on the wire of each file of the cold open.
//  4. Lighthouse 12.2.3 performance score of /demo (desktop preset) with and without Koban
//     (`blockedUrlPatterns`), median of KOBAN_BENCH_LH_RUNS (3) each.
//  5. content bundles: gzip -9 size of `GET /api/v1/content?locale=<l>` for en and ja.
//
// Prints `page-result name=... key=value` lines (read by bench/report.mjs).
import { gzip9 } from "../scripts/gzip9.mjs";
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";
import { startKoban, startHost, launchBrowser } from "../tests/e2e/support.mjs";

const RUNS = Number(process.env.KOBAN_BENCH_RUNS || 7);
const LH_RUNS = Number(process.env.KOBAN_BENCH_LH_RUNS || 3);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const median = (xs) => { const v = [...xs].sort((a, b) => a - b); return v.length ? v[Math.floor((v.length - 1) / 2)] : undefined; };
const round = (x) => (typeof x === "number" ? Math.round(x * 100) / 100 : x);
function emit(name, fields) {
  console.log(`page-result name=${name} ` + Object.entries(fields).map(([k, v]) => `${k}=${round(v)}`).join(" "));
}

/** Records long tasks and the moment the loader's `koban-widget` element enters the DOM. */
const OBSERVE = () => {
  window.__longtasks = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longtasks.push([e.startTime, e.duration]); })
    .observe({ type: "longtask", buffered: true });
  new MutationObserver((records, obs) => {
    for (const r of records) for (const n of r.addedNodes) if (n.tagName === "KOBAN-WIDGET") { window.__widgetAt = performance.now(); obs.disconnect(); }
  }).observe(document, { childList: true, subtree: true });
};

const koban = await startKoban();
const browser = await launchBrowser();
console.log(`Chromium ${browser.version()}`);

// 1 + 2: loader and host-page impact on /demo.
const loader = [], loaderLong = [], withKoban = [], withoutKoban = [];
for (let i = 0; i < RUNS; i++) {
  for (const blocked of [false, true]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(OBSERVE);
    if (blocked) await page.route("**/koban.js", (r) => r.abort());
    await page.goto(koban.base + "/demo");
    await sleep(6000);
    const r = await page.evaluate(() => {
      const res = performance.getEntriesByType("resource").find((e) => e.name.endsWith("/koban.js"));
      const nav = performance.getEntriesByType("navigation")[0];
      const lt = window.__longtasks.filter(([s]) => s < 6000);
      return {
        launcher: res && window.__widgetAt ? window.__widgetAt - res.responseEnd : undefined,
        loaderLong: res && window.__widgetAt ? lt.filter(([s, d]) => s < window.__widgetAt && s + d > res.responseEnd).reduce((a, [, d]) => a + d, 0) : undefined,
        total: lt.reduce((a, [, d]) => a + d, 0),
        load: nav.loadEventEnd,
      };
    });
    if (blocked) withoutKoban.push(r.total);
    else { withKoban.push(r.total); loader.push(r.launcher); loaderLong.push(r.loaderLong); }
    await context.close();
  }
}
emit("loader", { runs: RUNS, launcher_ms: median(loader), launcher_max_ms: Math.max(...loader), long_task_ms: Math.max(...loaderLong) });
emit("host-impact", { runs: RUNS, with_ms: median(withKoban), without_ms: median(withoutKoban), diff_ms: median(withKoban) - median(withoutKoban), with_max_ms: Math.max(...withKoban) });

// 3: open cold and warm, on a host page that preloads nothing before the click.
const host = await startHost({
  "/intent.html": `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
<script async src="${koban.base}/koban.js" data-preload="intent"></script></head><body><h1>Host</h1></body></html>`,
});
const OPEN = () => new Promise((resolve) => {
  const shadow = document.querySelector("koban-widget").shadowRoot;
  const t0 = performance.now();
  const done = () => requestAnimationFrame(() => { const ch = new MessageChannel(); ch.port1.onmessage = () => resolve(performance.now() - t0); ch.port2.postMessage(0); });
  if (shadow.querySelector("[role=dialog]")) return done();
  const obs = new MutationObserver(() => { if (shadow.querySelector("[role=dialog]")) { obs.disconnect(); done(); } });
  obs.observe(shadow, { childList: true, subtree: true });
  shadow.querySelector(".kb-launcher").click();
});
const cold = [], warm = [], wire = {};
for (let i = 0; i < RUNS; i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  const urls = {};
  cdp.on("Network.responseReceived", (e) => { urls[e.requestId] = e.response.url; });
  cdp.on("Network.loadingFinished", (e) => {
    const url = urls[e.requestId];
    if (url && i === 0) {
      const key = url.replace(koban.base, "").replace(/\?.*$/, (q) => (q.includes("locale") ? q : ""));
      wire[key] = (wire[key] || 0) + e.encodedDataLength;
    }
  });
  await page.goto(host.base + "/intent.html");
  await page.waitForFunction(() => document.querySelector("koban-widget")?.shadowRoot?.querySelector(".kb-launcher"));
  await sleep(500);
  cold.push(await page.evaluate(OPEN));
  await page.getByRole("dialog", { name: "Help" }).getByRole("searchbox").waitFor();
  await sleep(500);
  await page.evaluate(() => Koban("close"));
  await sleep(300);
  warm.push(await page.evaluate(OPEN));
  await context.close();
}
emit("open", { runs: RUNS, cold_ms: median(cold), cold_max_ms: Math.max(...cold), warm_ms: median(warm), warm_max_ms: Math.max(...warm) });
for (const [url, bytes] of Object.entries(wire)) {
  if (/koban|api\/v1/.test(url)) emit("wire", { url: encodeURIComponent(url), bytes });
}
await browser.close();
await host.close();

// 4: Lighthouse performance with and without Koban.
const chrome = await chromeLauncher.launch({
  chromePath: "/usr/bin/chromium",
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
});
const lh = { with: [], without: [] };
for (let i = 0; i < LH_RUNS; i++) {
  for (const [key, blocked] of [["with", []], ["without", ["*koban.js*"]]]) {
    const r = await lighthouse(koban.base + "/demo", { port: chrome.port, onlyCategories: ["performance"], output: "json", logLevel: "error", blockedUrlPatterns: blocked },
      { extends: "lighthouse:default", settings: { formFactor: "desktop", screenEmulation: { mobile: false, width: 1350, height: 940, deviceScaleFactor: 1, disabled: false }, throttlingMethod: "simulate", onlyCategories: ["performance"] } });
    lh[key].push(r.lhr.categories.performance.score * 100);
  }
}
await chrome.kill();
emit("lighthouse", { runs: LH_RUNS, with: median(lh.with), without: median(lh.without), diff: median(lh.without) - median(lh.with) });

// 5: content bundles.
for (const locale of ["en", "ja"]) {
  const text = await (await fetch(`${koban.base}/api/v1/content?locale=${locale}`)).text();
  const { flows, ...rest } = JSON.parse(text);
  emit("content", { locale, raw: Buffer.byteLength(text), gzip: gzip9(text).length,
    flows: flows.length, without_flows_gzip: gzip9(JSON.stringify(rest)).length });
}
await koban.stop();
