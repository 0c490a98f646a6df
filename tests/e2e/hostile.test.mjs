// Isolation (issue 8): the widget in a hostile host page looks and behaves as in a clean one.
// The hostile page resets every element (`* { all: unset !important }`), shrinks the root font,
// hides and restyles every button, puts a max z-index overlay over the launcher's corner, pollutes
// Object.prototype and Array.prototype, wraps window.fetch the way zone.js and analytics do, and
// defines a global AMD loader. Computed styles of the widget's parts are compared with a clean page.
import { test } from "node:test";
import assert from "node:assert/strict";
import { setup } from "./support.mjs";

const HOSTILE_HEAD = `<style>
* { all: unset !important; }
html { font-size: 10px; line-height: 3; letter-spacing: 2px; text-transform: uppercase; color: #0f0; }
button { font-size: 22px !important; display: none; }
#overlay { position: fixed; z-index: 2147483647; inset-inline-end: 0; bottom: 0; width: 320px; height: 140px; background: #f004; }
</style>
<script>
Object.prototype.polluted = "yes";
Object.prototype.error = "not a listener list";
Object.prototype.open = function () { throw new Error("polluted open"); };
Array.prototype.extra = function () { throw new Error("polluted array method"); };
Array.prototype.first = 1;
window.__fetches = 0;
const original = window.fetch;
window.fetch = function wrappedFetch(input, init) { window.__fetches++; return original.call(this, input, init); };
window.__amd = 0;
window.define = function () { window.__amd++; }; window.define.amd = { jQuery: true };
window.require = function () { window.__amd++; };
</script>`;

const page = (k, head, body = "") => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>${head}
<script async src="${k.base}/koban.js" data-preload="eager"></script></head><body><h1>Host page</h1><p>Dashboard text.</p>${body}</body></html>`;

const s = setup({ pages: (koban) => ({
  "/clean.html": page(koban, ""),
  "/hostile.html": page(koban, HOSTILE_HEAD, `<div id="overlay"></div>`),
}) });

const PROPS = ["display", "position", "font-family", "font-size", "font-weight", "line-height", "letter-spacing", "text-transform",
  "color", "background-color", "width", "height", "padding-top", "padding-left", "margin-top", "border-top-width", "border-top-style",
  "border-top-left-radius", "box-sizing", "z-index", "visibility", "opacity"];
const PARTS = { launcher: ".kb-launcher", panel: ".kb-panel", title: ".kb-title", search: "input[type=search]", row: ".kb-results a, .kb-results button", body: ".kb-body" };

/** Opens the panel, searches and reads the computed styles of the widget's parts. */
async function run(path) {
  const w = await s.visit(s.host.base + path, { page: { viewport: { width: 1280, height: 800 } } });
  const { page: p, dialog } = w;
  await w.launcher.click(); // fails if the host overlay or host CSS hides or covers the launcher
  await w.searchBox.fill("withdraw");
  await dialog.locator(".kb-results").waitFor();
  const styles = await p.evaluate(([parts, props]) => {
    const shadow = document.querySelector("koban-widget").shadowRoot;
    const out = {};
    for (const [name, sel] of Object.entries(parts)) {
      const el = shadow.querySelector(sel);
      const cs = getComputedStyle(el);
      out[name] = Object.fromEntries(props.map((k) => [k, cs.getPropertyValue(k)]));
    }
    return out;
  }, [PARTS, PROPS]);
  // Behaviour: an article opens from the results, Back returns, Escape closes to the launcher.
  await dialog.locator(".kb-results").getByRole("link").or(dialog.locator(".kb-results").getByRole("button")).first().click();
  await w.button("Back").click();
  await w.searchBox.waitFor();
  await p.keyboard.press("Escape");
  await dialog.waitFor({ state: "hidden" });
  const focused = await p.evaluate(() => document.querySelector("koban-widget").shadowRoot.activeElement?.className);
  return { p, styles, focused };
}

test("a hostile host page changes nothing in the widget's look or behaviour", async () => {
  const clean = await run("/clean.html");
  const hostile = await run("/hostile.html");
  for (const part of Object.keys(PARTS)) {
    assert.deepEqual(hostile.styles[part], clean.styles[part], `computed style of ${part}`);
  }
  assert.equal(hostile.focused, "kb-launcher");
  assert.equal(clean.focused, "kb-launcher");
  // The host's fetch wrapper carried the widget's requests, and the AMD loader was left alone.
  assert.ok(await hostile.p.evaluate(() => window.__fetches) > 0, "requests went through the host's fetch wrapper");
  assert.equal(await hostile.p.evaluate(() => window.__amd), 0);
  assert.deepEqual(hostile.p.errors, []);
  assert.deepEqual(clean.p.errors, []);
  // The widget's lang/dir stay on its own root: the host's <html> is untouched.
  assert.deepEqual(await hostile.p.evaluate(() => [document.documentElement.getAttribute("lang"), document.documentElement.getAttribute("dir"), document.documentElement.getAttribute("style")]), ["en", null, null]);
});
