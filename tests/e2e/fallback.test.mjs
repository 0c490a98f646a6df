// When the widget cannot run (issue 8): a host CSP that blocks WebAssembly, a wasm file that fails
// to load, or an error escaping the widget after it loaded (a host that breaks a built-in the widget
// uses). The launcher still opens a minimal panel with the support channels and the email within
// 3 s, the `error` event fires once, and nothing becomes an uncaught error on the host page.
import { test } from "node:test";
import assert from "node:assert/strict";
import { setup, eventually } from "./support.mjs";

const s = setup();

/** A widget whose `error` events are recorded from before the loader runs (command queue). */
function withErrorLog(options) {
  return s.visit(null, { ...options, init: () => {
    window.__errors = [];
    window.Koban = function () { (window.Koban.q = window.Koban.q || []).push(arguments); };
    window.Koban("on", "error", (d) => window.__errors.push(d));
  } });
}

/** Clicks the launcher and checks the fallback dialog: channels, email, Escape, focus. */
async function expectFallback(w, { click = true } = {}) {
  const { page, launcher, dialog } = w;
  const started = Date.now();
  if (click) await launcher.click();
  await dialog.waitFor({ timeout: 3000 });
  assert.ok(Date.now() - started <= 3000, "fallback within 3 s");
  await dialog.getByText("The help panel could not load").waitFor();
  assert.equal(await dialog.getByRole("link", { name: "Email support" }).getAttribute("href"), "mailto:support@gridshare.example");
  assert.equal(await dialog.getByRole("link", { name: "Community forum" }).getAttribute("href"), "https://forum.gridshare.example");
  assert.equal(await launcher.getAttribute("aria-expanded"), "true");
  // Focus moved in, Escape closes and gives focus back to the launcher.
  assert.equal(await page.evaluate(() => document.querySelector("koban-widget").shadowRoot.activeElement?.textContent), "Developer docs");
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "hidden" });
  assert.equal(await page.evaluate(() => document.querySelector("koban-widget").shadowRoot.activeElement?.className), "kb-launcher");
}

test("a host CSP without 'wasm-unsafe-eval': the launcher opens the fallback, one error event", async () => {
  const w = await withErrorLog();
  const page = w.page;
  const res = await page.goto(s.koban.base + "/demo/csp-no-wasm");
  assert.doesNotMatch(res.headers()["content-security-policy"], /wasm-unsafe-eval/);
  await expectFallback(w);
  const errors = await page.evaluate(() => window.__errors);
  assert.equal(errors.length, 1, JSON.stringify(errors));
  assert.equal(errors[0].code, "load_failed");
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("the wasm fails to download: the fallback opens in the user's language", async () => {
  const w = await withErrorLog({ title: "ヘルプ" });
  const page = w.page;
  await page.addInitScript(() => localStorage.setItem("koban:locale", "ja")); // the user's menu choice
  await page.route("**/*.wasm", (route) => route.abort("connectionfailed"));
  await page.goto(s.koban.base + "/demo");
  await w.launcher.click();
  const dialog = w.dialog;
  await dialog.waitFor({ timeout: 3000 }).catch(async (e) => { console.log(await page.evaluate(() => document.querySelector("koban-widget").shadowRoot.innerHTML)); throw e; });
  await dialog.getByText("ヘルプパネルを読み込めませんでした").waitFor();
  await dialog.getByRole("link", { name: "メールサポート" }).waitFor();
  assert.equal(await page.evaluate(() => window.__errors.length), 1);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("an error escaping the widget after it loaded stays off the host page and shows the fallback", async () => {
  const w = await withErrorLog();
  const { page, dialog } = w;
  await page.goto(s.koban.base + "/demo");
  await w.launcher.click();
  await w.searchBox.waitFor();
  // The host breaks a built-in the widget calls while rendering results (plural rules): the
  // exception unwinds through the wasm and out of the input event handler, exactly the path a
  // Rust panic (a wasm trap) takes.
  await page.evaluate(() => { Intl.PluralRules.prototype.select = () => { throw new Error("host broke Intl"); }; });
  await w.searchBox.fill("withdraw");
  await dialog.getByText("The help panel could not load").waitFor({ timeout: 3000 });
  await eventually(async () => assert.equal((await page.evaluate(() => window.__errors)).length, 1));
  const errors = await page.evaluate(() => window.__errors);
  assert.equal(errors[0].code, "crashed");
  assert.match(errors[0].message, /host broke Intl/);
  // More events reach the dead widget (typing, the online event): still nothing uncaught.
  await page.evaluate(() => window.dispatchEvent(new Event("online")));
  await page.keyboard.press("Escape");
  await w.launcher.click();
  await dialog.getByRole("link", { name: "Email support" }).waitFor();
  assert.deepEqual(page.errors, []);
  assert.equal((await page.evaluate(() => window.__errors)).length, 1);
  await page.context().close();
});
