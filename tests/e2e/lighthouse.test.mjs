// Lighthouse (issue 8): accessibility score 100 on /demo with the panel open, in the Chromium of
// this machine (lighthouse 12.2.3, the last line that runs on Node 20).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";
import { setup, ARTIFACTS } from "./support.mjs";

// Lighthouse drives its own Chrome (chrome-launcher), not Playwright's.
const s = setup({ browser: false });
let chrome;

before(async () => {
  chrome = await chromeLauncher.launch({
    chromePath: "/usr/bin/chromium",
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  });
});

after(async () => {
  await chrome?.kill();
});

test("Lighthouse accessibility score is 100 on /demo with the panel open", async () => {
  const result = await lighthouse(s.koban.base + "/demo?help=open", {
    port: chrome.port, onlyCategories: ["accessibility"], output: "json", logLevel: "error",
  });
  const lhr = result.lhr;
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  fs.writeFileSync(path.join(ARTIFACTS, "lighthouse-a11y.json"), result.report);
  const failing = Object.values(lhr.audits).filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== "informative" && a.scoreDisplayMode !== "notApplicable");
  assert.equal(lhr.runtimeError, undefined, JSON.stringify(lhr.runtimeError));
  assert.equal(lhr.categories.accessibility.score, 1, failing.map((a) => `${a.id}: ${a.title}`).join("\n"));
  const dialog = lhr.audits["aria-dialog-name"];
  assert.equal(dialog.scoreDisplayMode, "binary", "a dialog was on the page when audited");
  assert.equal(dialog.score, 1);
});
