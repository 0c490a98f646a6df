// Foundation e2e: the real koban server serving the real release bundle, in headless Chromium.
import { test } from "node:test";
import assert from "node:assert/strict";
import { setup } from "./support.mjs";

const hostPage = (k, { head = "", body = "", attrs = "" } = {}) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>${head}
<script async src="${k.base}/koban.js" ${attrs}></script></head><body><h1>Host page</h1><button id="host-button">Host button</button>${body}</body></html>`;

const s = setup({ pages: (koban) => {
  const snippet = `<script>window.Koban = window.Koban || function () { (Koban.q = Koban.q || []).push(arguments) };
window.seen = [];
Koban('on', 'ready', function () { seen.push('ready'); });
Koban('on', 'open', function () { seen.push('open'); });
Koban('setContext', { route: '/nodes' });
Koban('boot', { position: 'bottom-left', preload: 'eager' });
Koban('open');</script>`;
  return {
    "/plain.html": hostPage(koban),
    "/queued.html": hostPage(koban, { head: snippet }),
    "/manual.html": hostPage(koban, { attrs: "data-manual-boot" }),
    "/hostile.html": hostPage(koban, { head: `<style>* { all: unset !important; } html { font-size: 10px; } button { font-size: 22px !important; }</style>` }),
  };
} });

test("launcher is visible, click opens the dialog, Escape closes it and focus returns", async () => {
  const w = await s.open("/demo");
  const { page, launcher } = w;
  await launcher.waitFor();
  assert.equal(await launcher.getAttribute("aria-expanded"), "false");
  await w.open();
  assert.equal(await launcher.getAttribute("aria-expanded"), "true");
  await page.keyboard.press("Escape");
  await w.dialog.waitFor({ state: "detached" });
  assert.equal(await launcher.evaluate((el) => el.getRootNode().activeElement === el), true, "focus back on the launcher");
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("the close button closes the dialog; the host page keeps its URL, <html> and styles", async () => {
  const w = await s.open("/demo");
  const page = w.page;
  const before = await page.evaluate(() => ({ url: location.href, html: document.documentElement.outerHTML.slice(0, 40), sheets: document.styleSheets.length, histLen: history.length }));
  await w.open();
  await w.button("Close help").click();
  await w.dialog.waitFor({ state: "detached" });
  const afterState = await page.evaluate(() => ({ url: location.href, html: document.documentElement.outerHTML.slice(0, 40), sheets: document.styleSheets.length, histLen: history.length }));
  assert.deepEqual(afterState, before);
  await page.context().close();
});

test("cross-origin host: queued calls run in order and the queued boot config wins", async () => {
  const w = await s.visit(s.host.base + "/queued.html");
  const page = w.page;
  await w.dialog.waitFor();
  assert.deepEqual(await page.evaluate(() => window.seen), ["ready", "open"]);
  const side = await w.launcher.evaluate((el) => el.getBoundingClientRect().left < window.innerWidth / 2);
  assert.equal(side, true, "position: bottom-left from the queued boot");
  assert.equal(await w.host.count(), 1);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("data-manual-boot waits for boot; a second boot reconfigures instead of duplicating", async () => {
  const w = await s.visit(s.host.base + "/manual.html");
  const page = w.page;
  await w.ready();
  assert.equal(await w.host.count(), 0);
  await w.api("boot", { preload: "eager" });
  await w.launcher.waitFor();
  await w.api("boot", { position: "bottom-left" });
  assert.equal(await w.host.count(), 1);
  await w.api("open");
  await w.dialog.waitFor();
  await w.api("shutdown");
  assert.equal(await w.host.count(), 0);
  await page.context().close();
});

test("unknown verbs and bad arguments warn and never throw into the host page", async () => {
  const w = await s.visit(s.host.base + "/plain.html");
  const page = w.page;
  await w.ready();
  const threw = await page.evaluate(() => {
    try {
      Koban("fly");
      Koban("setContext", "not an object");
      Koban("on", "open", 42);
      Koban("setLocale", 7);
      Koban("boot", { preload: "soonish", colour: "red" });
      return false;
    } catch (e) { return String(e); }
  });
  assert.equal(threw, false);
  await w.api("open");
  await w.dialog.waitFor();
  const warnings = page.warnings.join("\n");
  for (const needle of ["unknown verb `fly`", "setContext expects a plain object", "on expects", "setLocale expects", "`preload`", "unknown boot key `colour`"]) {
    assert.ok(warnings.includes(needle), `warning about ${needle} in:\n${warnings}`);
  }
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("inline mode renders a labelled region without launcher or modal", async () => {
  const w = await s.open("/demo/inline", { title: null });
  const page = w.page;
  const region = page.getByRole("region", { name: "Help", exact: true });
  await region.waitFor();
  assert.equal(await w.launcher.count(), 0, "no launcher inline");
  assert.equal(await w.dialog.count(), 0);
  const inside = await page.evaluate(() => document.querySelector("#help koban-widget") !== null);
  assert.equal(inside, true, "rendered inside the mount element");
  await page.context().close();
});

test("hostile host CSS (* { all: unset }, html { font-size: 10px }) does not break the widget", async () => {
  const measure = async (path) => {
    const w = await s.visit(s.host.base + path);
    const { page, launcher } = w;
    await launcher.waitFor();
    const l = await launcher.evaluate((el) => { const s = getComputedStyle(el); const r = el.getBoundingClientRect(); return { font: s.fontSize, pos: s.position, h: Math.round(r.height), visible: r.width > 0 }; });
    await launcher.click();
    const title = w.dialog.locator("h2");
    await title.waitFor();
    const t = await title.evaluate((el) => { const s = getComputedStyle(el); return { font: s.fontSize, family: s.fontFamily, color: s.color }; });
    const panel = await w.dialog.evaluate((el) => { const r = el.getBoundingClientRect(); return { w: Math.round(r.width), h: Math.round(r.height) }; });
    await page.context().close();
    return { l, t, panel };
  };
  const clean = await measure("/plain.html");
  const hostile = await measure("/hostile.html");
  assert.equal(clean.l.visible, true);
  assert.equal(clean.l.font, "16px");
  assert.deepEqual(hostile, clean);
});
