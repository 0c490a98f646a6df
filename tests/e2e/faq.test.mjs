// Contextual FAQ e2e (issue 3): real koban server with the shipped content, real bundle, Chromium.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startKoban, startHost, launchBrowser, newPage, report, eventually } from "./support.mjs";

let koban, host, browser;

before(async () => {
  koban = await startKoban();
  // A third-party host page on another origin, in Japanese.
  host = await startHost({
    "/ja.html": `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>ホスト</title>
<script async src="${koban.base}/koban.js" data-locale="ja" data-preload="eager"></script></head><body><h1>ダッシュボード</h1></body></html>`,
    "/no-nudges.html": `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
<script>window.Koban = window.Koban || function () { (Koban.q = Koban.q || []).push(arguments) };
Koban("boot", { nudges: false, preload: "eager" }); Koban("setContext", { errors: ["E_NODE_OFFLINE"] });</script>
<script async src="${koban.base}/koban.js"></script></head><body><h1>Host</h1></body></html>`,
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await host?.close();
  await koban?.stop();
});

async function openDemo() {
  const page = await newPage(browser);
  await page.goto(koban.base + "/demo");
  await page.getByRole("button", { name: "Help", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Help" });
  await dialog.waitFor();
  return { page, dialog };
}

/** `koban report --json` on the e2e server's own store (the real CLI, the real database). */

const suggestions = (dialog) => dialog.getByRole("region", { name: "Suggested for this page" }).getByRole("button");

test("suggested articles follow the page the dashboard shows", async () => {
  const { page, dialog } = await openDemo();
  const nodes = suggestions(dialog);
  await nodes.first().waitFor();
  assert.match(await nodes.first().innerText(), /My node shows as offline/, "E_NODE_OFFLINE on the Nodes page ranks the offline article first");
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: "Earnings" }).click();
  await page.getByRole("button", { name: "Help", exact: true }).click();
  await dialog.waitFor();
  await page.waitForFunction(() => true);
  const titles = await suggestions(dialog).allInnerTexts();
  assert.ok(titles.some((t) => t.includes("How to make a withdrawal to your wallet")), titles.join("\n"));
  assert.ok(!titles.some((t) => t.includes("My node shows as offline")), "node article gone on Earnings");
  await page.context().close();
});

test("typo search finds the withdrawal article, highlights it and announces the count", async () => {
  const { page, dialog } = await openDemo();
  const events = [];
  await page.exposeFunction("recordSearch", (d) => events.push(d));
  await page.evaluate(() => Koban("on", "search", (d) => window.recordSearch(d)));
  await dialog.getByRole("searchbox", { name: "Search help" }).fill("withdrawl");
  const first = dialog.locator(".kb-result").first();
  await first.waitFor();
  assert.match(await first.innerText(), /withdrawal/i);
  const top3 = (await dialog.locator(".kb-result .kb-row-title").allInnerTexts()).slice(0, 3);
  assert.ok(top3.includes("How to make a withdrawal to your wallet"), top3.join(" | "));
  assert.ok((await first.locator("mark").count()) > 0, "matched term highlighted");
  assert.match(await dialog.getByRole("status").first().innerText(), /^\d+ results$/);
  assert.ok(events.some((e) => e.query === "withdrawl" && e.results > 0), JSON.stringify(events));
  await page.context().close();
});

test("keyboard: arrows move through results, Enter opens, Back keeps the query", async () => {
  const { page, dialog } = await openDemo();
  const box = dialog.getByRole("searchbox", { name: "Search help" });
  await box.fill("wallet");
  await dialog.locator(".kb-result").first().waitFor();
  await box.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  const focused = await page.evaluate(() => document.querySelector("koban-widget").shadowRoot.activeElement.innerText);
  const second = await dialog.locator(".kb-result").nth(1).innerText();
  assert.equal(focused, second);
  await page.keyboard.press("Enter");
  const title = dialog.locator("#kb-article-title");
  await title.waitFor();
  assert.equal(await title.innerText(), second.split("\n")[0]);
  await dialog.getByRole("button", { name: "Back" }).click();
  await dialog.locator(".kb-result").first().waitFor();
  assert.equal(await box.inputValue(), "wallet", "query kept after Back");
  await page.context().close();
});

test("article view: helpful yes/no emits articleRated; No offers support", async () => {
  const { page, dialog } = await openDemo();
  const rated = [];
  await page.exposeFunction("recordRated", (d) => rated.push(d));
  await page.evaluate(() => Koban("on", "articleRated", (d) => window.recordRated(d)));
  await suggestions(dialog).first().click();
  await dialog.locator("#kb-article-title").waitFor();
  assert.ok((await dialog.locator(".kb-prose p").count()) > 0, "body rendered from the block tree");
  await dialog.getByRole("button", { name: "No", exact: true }).click();
  await dialog.getByText("Thanks for your feedback!").waitFor();
  assert.deepEqual(rated, [{ id: "node-offline", helpful: false }]);
  await eventually(() => {
    const worst = report(koban).leastHelpfulArticles;
    assert.equal(worst[0]?.articleId, "node-offline", JSON.stringify(worst));
    assert.equal(worst[0].unhelpful, 1);
  });
  // "No" offers the ticket form, prefilled with the article's topic and title.
  await dialog.getByRole("button", { name: "Contact support" }).click();
  assert.equal(await dialog.getByLabel("Topic").inputValue(), "nodes");
  assert.match(await dialog.getByLabel("Subject").inputValue(), /My node shows as offline/);
  await page.context().close();
});

test("no results: says so and links to the forum search with the query", async () => {
  const { dialog, page } = await openDemo();
  await dialog.getByRole("searchbox", { name: "Search help" }).fill("zzqxv flurble");
  await dialog.getByText("No results for “zzqxv flurble”").waitFor();
  const forum = dialog.getByRole("link", { name: "Ask the community" });
  assert.equal(await forum.getAttribute("href"), "https://forum.gridshare.example/search?q=zzqxv%20flurble");
  assert.equal(await forum.getAttribute("target"), "_blank");
  assert.match(await dialog.getByRole("status").first().innerText(), /^0 results$/);
  // Recorded for authors once the query stays unchanged (koban report's content gaps).
  await eventually(() => {
    const gaps = report(koban).noResultQueries.map((q) => q.query);
    assert.ok(gaps.includes("zzqxv flurble"), JSON.stringify(gaps));
  });
  await page.context().close();
});

test("showArticle and search from the host page", async () => {
  const page = await newPage(browser);
  await page.goto(koban.base + "/demo");
  await page.waitForFunction(() => window.Koban && window.Koban.version);
  await page.evaluate(() => Koban("showArticle", "billing-invoices"));
  const title = page.getByRole("dialog").locator("#kb-article-title");
  await title.waitFor();
  assert.equal(await title.innerText(), "Download invoices and receipts");
  await page.evaluate(() => Koban("search", "invoice"));
  await page.getByRole("dialog").locator(".kb-result").first().waitFor();
  assert.equal(await page.getByRole("searchbox", { name: "Search help" }).inputValue(), "invoice");
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("Japanese: content in ja, and CJK queries find the node-offline article", async () => {
  const page = await newPage(browser);
  await page.goto(host.base + "/ja.html");
  await page.waitForFunction(() => window.Koban && window.Koban.version);
  await page.evaluate(() => Koban("open"));
  const dialog = page.getByRole("dialog");
  await dialog.waitFor();
  const box = dialog.getByRole("searchbox");
  for (const q of ["ノード オフライン", "ノードがオフライン", "オフライン"]) {
    await box.fill(q);
    await dialog.locator(".kb-result").first().waitFor();
    const titles = (await dialog.locator(".kb-result .kb-row-title").allInnerTexts()).slice(0, 3);
    assert.ok(titles.includes("ノードがオフラインと表示される"), `${q}: ${titles.join(" | ")}`);
  }
  await page.context().close();
});

test("proactive nudge: an error code in the context offers its article once, and opens it", async () => {
  const page = await newPage(browser);
  await page.goto(koban.base + "/demo");
  const nudge = page.getByRole("button", { name: "My node shows as offline? See how to fix it" });
  await nudge.waitFor();
  assert.equal(await page.locator("koban-widget").evaluate((h) => h.shadowRoot.querySelector(".kb-nudge").getAttribute("role")), "status");
  await nudge.click();
  const title = page.getByRole("dialog").locator("#kb-article-title");
  await title.waitFor();
  assert.equal(await title.innerText(), "My node shows as offline");
  await page.keyboard.press("Escape");
  await page.reload();
  await page.waitForFunction(() => window.Koban && window.Koban.version);
  await page.waitForTimeout(1500);
  assert.equal(await nudge.count(), 0, "at most once per error code per session");
  await page.context().close();
});

test("nudges: false turns nudges off", async () => {
  const page = await newPage(browser);
  await page.goto(host.base + "/no-nudges.html");
  await page.waitForFunction(() => window.Koban && window.Koban.version);
  await page.evaluate(() => Koban("open"));
  await page.getByRole("dialog").locator(".kb-home").waitFor();
  await page.keyboard.press("Escape");
  await page.waitForTimeout(800);
  assert.equal(await page.locator("koban-widget").evaluate((h) => h.shadowRoot.querySelectorAll(".kb-nudge").length), 0);
  await page.context().close();
});
