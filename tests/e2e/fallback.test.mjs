// When the widget cannot run (issue 8): a host CSP that blocks WebAssembly, a wasm file that fails
// to load, or an error escaping the widget after it loaded (a host that breaks a built-in the widget
// uses). The launcher still opens a minimal panel with the support channels and the email within
// 3 s, the `error` event fires once, and nothing becomes an uncaught error on the host page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startKoban, launchBrowser, newPage, eventually } from "./support.mjs";

let koban, browser;

before(async () => {
  koban = await startKoban();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await koban?.stop();
});

/** A page whose `error` events are recorded from before the loader runs (command queue). */
async function pageWithErrorLog(options) {
  const page = await newPage(browser, options);
  await page.addInitScript(() => {
    window.__errors = [];
    window.Koban = function () { (window.Koban.q = window.Koban.q || []).push(arguments); };
    window.Koban("on", "error", (d) => window.__errors.push(d));
  });
  return page;
}

/** Clicks the launcher and checks the fallback dialog: channels, email, Escape, focus. */
async function expectFallback(page, { click = true } = {}) {
  const launcher = page.getByRole("button", { name: "Help", exact: true });
  const started = Date.now();
  if (click) await launcher.click();
  const dialog = page.getByRole("dialog", { name: "Help" });
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
  const page = await pageWithErrorLog();
  const res = await page.goto(koban.base + "/demo/csp-no-wasm");
  assert.doesNotMatch(res.headers()["content-security-policy"], /wasm-unsafe-eval/);
  await expectFallback(page);
  const errors = await page.evaluate(() => window.__errors);
  assert.equal(errors.length, 1, JSON.stringify(errors));
  assert.equal(errors[0].code, "load_failed");
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("the wasm fails to download: the fallback opens in the user's language", async () => {
  const page = await pageWithErrorLog();
  await page.addInitScript(() => localStorage.setItem("koban:locale", "ja")); // the user's menu choice
  await page.route("**/*.wasm", (route) => route.abort("connectionfailed"));
  await page.goto(koban.base + "/demo");
  await page.getByRole("button", { name: "Help", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "ヘルプ" });
  await dialog.waitFor({ timeout: 3000 }).catch(async (e) => { console.log(await page.evaluate(() => document.querySelector("koban-widget").shadowRoot.innerHTML)); throw e; });
  await dialog.getByText("ヘルプパネルを読み込めませんでした").waitFor();
  await dialog.getByRole("link", { name: "メールサポート" }).waitFor();
  assert.equal(await page.evaluate(() => window.__errors.length), 1);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("an error escaping the widget after it loaded stays off the host page and shows the fallback", async () => {
  const page = await pageWithErrorLog();
  await page.goto(koban.base + "/demo");
  await page.getByRole("button", { name: "Help", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Help" });
  await dialog.getByRole("searchbox").waitFor();
  // The host breaks a built-in the widget calls while rendering results (plural rules): the
  // exception unwinds through the wasm and out of the input event handler, exactly the path a
  // Rust panic (a wasm trap) takes.
  await page.evaluate(() => { Intl.PluralRules.prototype.select = () => { throw new Error("host broke Intl"); }; });
  await dialog.getByRole("searchbox").fill("withdraw");
  await dialog.getByText("The help panel could not load").waitFor({ timeout: 3000 });
  await eventually(async () => assert.equal((await page.evaluate(() => window.__errors)).length, 1));
  const errors = await page.evaluate(() => window.__errors);
  assert.equal(errors[0].code, "crashed");
  assert.match(errors[0].message, /host broke Intl/);
  // More events reach the dead widget (typing, the online event): still nothing uncaught.
  await page.evaluate(() => window.dispatchEvent(new Event("online")));
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: "Help", exact: true }).click();
  await dialog.getByRole("link", { name: "Email support" }).waitFor();
  assert.deepEqual(page.errors, []);
  assert.equal((await page.evaluate(() => window.__errors)).length, 1);
  await page.context().close();
});
