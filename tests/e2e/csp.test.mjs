// Strict CSP (issue 8): the demo dashboard served with
// `default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self';
// img-src 'self' data:` — the widget loads, searches, runs a flow and sends a ticket with zero
// securitypolicyviolation events.
import { test } from "node:test";
import assert from "node:assert/strict";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { setup, ROOT } from "./support.mjs";

const s = setup({ env: { KOBAN_MIN_FILL_MS: "0" } });

test("under a strict CSP the widget searches, runs a flow and sends a ticket with no violation", async () => {
  const w = await s.visit(null, { init: () => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  } });
  const page = w.page;
  const res = await page.goto(s.koban.base + "/demo/csp");
  assert.match(res.headers()["content-security-policy"], /script-src 'self' 'wasm-unsafe-eval'/);
  await w.launcher.click();
  await w.searchBox.fill("withdrawl");
  await w.dialog.locator(".kb-results").waitFor();
  await w.api("startFlow", "node-offline");
  await w.button("Still not working").click();
  await w.button("Continue").click();
  await w.button("Something else, or no error at all").click();
  await w.button("Contact support").click();
  await w.fillRequired({ description: "Offline under CSP." });
  await w.sendButton.click();
  await w.heading("Message sent").waitFor({ timeout: 15000 });
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("the shipped JavaScript has no eval and no new Function", () => {
  const dir = path.join(ROOT, "dist");
  const files = [path.join(dir, "koban.js"), ...fs.readdirSync(path.join(dir, "v")).flatMap((v) =>
    fs.readdirSync(path.join(dir, "v", v)).filter((f) => f.endsWith(".js")).map((f) => path.join(dir, "v", v, f)))];
  assert.ok(files.length >= 3);
  for (const f of files) assert.doesNotMatch(fs.readFileSync(f, "utf8"), /\beval\(|new Function\(/, f);
});

test("README publishes the SRI hash of the versioned loader as built", () => {
  const vdir = path.join(ROOT, "dist", "v");
  const version = fs.readdirSync(vdir)[0];
  const loader = fs.readFileSync(path.join(vdir, version, "koban.js"));
  const sri = "sha384-" + crypto.createHash("sha384").update(loader).digest("base64");
  const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
  assert.ok(readme.includes(`/v/${version}/koban.js`) && readme.includes(sri), `README must publish ${sri}`);
});
