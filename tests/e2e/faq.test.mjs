// Contextual FAQ e2e (issue 3): real koban server with the shipped content, real bundle, Chromium.
import { test } from "node:test";
import assert from "node:assert/strict";
import { setup, report, eventually } from "./support.mjs";

const s = setup({
  // A third-party host page on another origin, in Japanese.
  pages: (koban) => ({
    "/ja.html": `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>ホスト</title>
<script async src="${koban.base}/koban.js" data-locale="ja" data-preload="eager"></script></head><body><h1>ダッシュボード</h1></body></html>`,
    "/no-nudges.html": `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
<script>window.Koban = window.Koban || function () { (Koban.q = Koban.q || []).push(arguments) };
Koban("boot", { nudges: false, preload: "eager" }); Koban("setContext", { errors: ["E_NODE_OFFLINE"] });</script>
<script async src="${koban.base}/koban.js"></script></head><body><h1>Host</h1></body></html>`,
  }),
});

/** The demo page with the panel open. */
async function openDemo() {
  const w = await s.open("/demo");
  return w.open();
}

test("suggested articles follow the page the dashboard shows", async () => {
  const w = await openDemo();
  const page = w.page;
  const nodes = w.suggestions;
  await nodes.first().waitFor();
  assert.match(await nodes.first().innerText(), /My node shows as offline/, "E_NODE_OFFLINE on the Nodes page ranks the offline article first");
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: "Earnings" }).click();
  await w.open();
  await page.waitForFunction(() => true);
  const titles = await w.suggestions.allInnerTexts();
  assert.ok(titles.some((t) => t.includes("How to make a withdrawal to your wallet")), titles.join("\n"));
  assert.ok(!titles.some((t) => t.includes("My node shows as offline")), "node article gone on Earnings");
  await page.context().close();
});

test("typo search finds the withdrawal article, highlights it and announces the count", async () => {
  const w = await openDemo();
  const page = w.page;
  const events = [];
  await page.exposeFunction("recordSearch", (d) => events.push(d));
  await page.evaluate(() => Koban("on", "search", (d) => window.recordSearch(d)));
  await w.search("withdrawl");
  const first = w.results.first();
  assert.match(await first.innerText(), /withdrawal/i);
  const top3 = (await w.resultTitles()).slice(0, 3);
  assert.ok(top3.includes("How to make a withdrawal to your wallet"), top3.join(" | "));
  assert.ok((await first.locator("mark").count()) > 0, "matched term highlighted");
  assert.match(await w.dialog.getByRole("status").first().innerText(), /^\d+ results$/);
  assert.ok(events.some((e) => e.query === "withdrawl" && e.results > 0), JSON.stringify(events));
  await page.context().close();
});

test("keyboard: arrows move through results, Enter opens, Back keeps the query", async () => {
  const w = await openDemo();
  const { page, searchBox: box } = w;
  await w.search("wallet");
  await box.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  const focused = await page.evaluate(() => document.querySelector("koban-widget").shadowRoot.activeElement.innerText);
  const second = await w.results.nth(1).innerText();
  assert.equal(focused, second);
  await page.keyboard.press("Enter");
  const title = w.articleTitle;
  await title.waitFor();
  assert.equal(await title.innerText(), second.split("\n")[0]);
  await w.button("Back").click();
  await w.results.first().waitFor();
  assert.equal(await box.inputValue(), "wallet", "query kept after Back");
  await page.context().close();
});

test("article view: helpful yes/no emits articleRated; No offers support", async () => {
  const w = await openDemo();
  const { page, dialog } = w;
  const rated = [];
  await page.exposeFunction("recordRated", (d) => rated.push(d));
  await page.evaluate(() => Koban("on", "articleRated", (d) => window.recordRated(d)));
  await w.suggestions.first().click();
  await w.articleTitle.waitFor();
  assert.ok((await dialog.locator(".kb-prose p").count()) > 0, "body rendered from the block tree");
  await w.rate("No").click();
  await w.thanks.waitFor();
  assert.deepEqual(rated, [{ id: "node-offline", helpful: false }]);
  await eventually(() => {
    const worst = report(s.koban).leastHelpfulArticles;
    assert.equal(worst[0]?.articleId, "node-offline", JSON.stringify(worst));
    assert.equal(worst[0].unhelpful, 1);
  });
  // "No" offers the ticket form, prefilled with the article's topic and title.
  await w.button("Contact support").click();
  assert.equal(await w.field("Topic").inputValue(), "nodes");
  assert.match(await w.field("Subject").inputValue(), /My node shows as offline/);
  await page.context().close();
});

test("no results: says so and links to the forum search with the query", async () => {
  const w = await openDemo();
  const { dialog, page } = w;
  await w.searchBox.fill("zzqxv flurble");
  await dialog.getByText("No results for “zzqxv flurble”").waitFor();
  const forum = dialog.getByRole("link", { name: "Ask the community" });
  assert.equal(await forum.getAttribute("href"), "https://forum.gridshare.example/search?q=zzqxv%20flurble");
  assert.equal(await forum.getAttribute("target"), "_blank");
  assert.match(await dialog.getByRole("status").first().innerText(), /^0 results$/);
  // Recorded for authors once the query stays unchanged (koban report's content gaps).
  await eventually(() => {
    const gaps = report(s.koban).noResultQueries.map((q) => q.query);
    assert.ok(gaps.includes("zzqxv flurble"), JSON.stringify(gaps));
  });
  await page.context().close();
});

test("showArticle and search from the host page", async () => {
  const w = await s.open("/demo");
  const page = w.page;
  await w.ready();
  await w.api("showArticle", "billing-invoices");
  const title = w.articleTitle;
  await title.waitFor();
  assert.equal(await title.innerText(), "Download invoices and receipts");
  await w.api("search", "invoice");
  await w.results.first().waitFor();
  assert.equal(await w.searchBox.inputValue(), "invoice");
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("Japanese: content in ja, and CJK queries find the node-offline article", async () => {
  const w = await s.visit(s.host.base + "/ja.html", { title: null, search: null });
  const page = w.page;
  await w.ready();
  await w.api("open");
  await w.dialog.waitFor();
  for (const q of ["ノード オフライン", "ノードがオフライン", "オフライン"]) {
    await w.search(q);
    const titles = (await w.resultTitles()).slice(0, 3);
    assert.ok(titles.includes("ノードがオフラインと表示される"), `${q}: ${titles.join(" | ")}`);
  }
  await page.context().close();
});

test("proactive nudge: an error code in the context offers its article once, and opens it", async () => {
  const w = await s.open("/demo");
  const page = w.page;
  const nudge = page.getByRole("button", { name: "My node shows as offline? See how to fix it" });
  await nudge.waitFor();
  assert.equal(await w.host.evaluate((h) => h.shadowRoot.querySelector(".kb-nudge").getAttribute("role")), "status");
  await nudge.click();
  const title = w.articleTitle;
  await title.waitFor();
  assert.equal(await title.innerText(), "My node shows as offline");
  await page.keyboard.press("Escape");
  await page.reload();
  await w.ready();
  await page.waitForTimeout(1500);
  assert.equal(await nudge.count(), 0, "at most once per error code per session");
  await page.context().close();
});

test("nudges: false turns nudges off", async () => {
  const w = await s.visit(s.host.base + "/no-nudges.html");
  const page = w.page;
  await w.ready();
  await w.api("open");
  await w.dialog.locator(".kb-home").waitFor();
  await page.keyboard.press("Escape");
  await page.waitForTimeout(800);
  assert.equal(await w.host.evaluate((h) => h.shadowRoot.querySelectorAll(".kb-nudge").length), 0);
  await page.context().close();
});
