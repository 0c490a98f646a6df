// Accessibility e2e (a first part of issue 8): axe-core (@axe-core/playwright, tags wcag2a,
// wcag2aa, wcag21a, wcag21aa, wcag22aa) on the demo page, shadow DOM included, in the widget's
// states: closed, home, search results, no results, article, each flow step kind, ticket form
// with errors, ticket queued, ticket sent, and the home view in ja and ar. Zero violations.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { AxeBuilder } from "@axe-core/playwright";
import { startKoban, launchBrowser, newPage } from "./support.mjs";

let koban, browser;

before(async () => {
  koban = await startKoban({ env: { KOBAN_MIN_FILL_MS: "0" } });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await koban?.stop();
});

async function violations(page) {
  const result = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => `${n.target.join(" ")} (${n.any.map((a) => a.message).join("; ")})`).join(", ")}`);
}

test("zero axe violations in every state of the widget", async () => {
  const page = await newPage(browser);
  await page.goto(koban.base + "/demo");
  const seen = {};
  const check = async (state) => { seen[state] = await violations(page); };
  await page.waitForFunction(() => window.Koban?.version);
  await check("closed");
  await page.getByRole("button", { name: "Help", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Help" });
  await dialog.getByRole("region", { name: "Browse by topic" }).waitFor();
  await check("home");
  await dialog.getByRole("searchbox").fill("wallet");
  await dialog.locator(".kb-results").waitFor();
  await check("search results");
  await dialog.getByRole("searchbox").fill("zzqqxx wobble");
  await dialog.locator(".kb-no-results").waitFor();
  await check("no results");
  await page.evaluate(() => Koban("showArticle", "node-offline"));
  await dialog.locator("#kb-article-title").waitFor();
  await check("article");

  // Flow step kinds: instruction (after the check), article, question, outcome.
  await page.evaluate(() => Koban("startFlow", "node-offline"));
  await dialog.getByRole("button", { name: "This worked" }).waitFor();
  await check("flow instruction");
  await dialog.getByRole("button", { name: "Still not working" }).click();
  await dialog.getByRole("button", { name: "Continue" }).waitFor();
  await check("flow article");
  await dialog.getByRole("button", { name: "Continue" }).click();
  await dialog.getByRole("button", { name: "Something else, or no error at all" }).waitFor();
  await check("flow question");
  await dialog.getByRole("button", { name: "Something else, or no error at all" }).click();
  await dialog.getByRole("button", { name: "Contact support" }).waitFor();
  await check("flow outcome");

  // Ticket: errors, queued (offline), sent.
  await dialog.getByRole("button", { name: "Contact support" }).click();
  await dialog.getByRole("button", { name: "Send message" }).click();
  await dialog.locator("[aria-invalid='true']").first().waitFor();
  await check("ticket form with errors");
  await dialog.getByLabel("Email address for our reply").fill("ada@example.com");
  await dialog.getByLabel("Node ID").fill("nd_1");
  await dialog.getByLabel("Describe the problem").fill("Still offline.");
  await page.context().setOffline(true);
  await dialog.getByRole("button", { name: "Send message" }).click();
  await dialog.getByRole("heading", { name: "Message saved" }).waitFor();
  await check("ticket queued");
  await page.context().setOffline(false);
  await dialog.getByRole("heading", { name: "Message sent" }).waitFor({ timeout: 15000 });
  await check("ticket sent");

  for (const [locale, title] of [["ja", "ヘルプ"], ["ar", "المساعدة"]]) {
    await page.evaluate((l) => Koban("setLocale", l), locale);
    await page.getByRole("dialog", { name: title }).waitFor();
    await page.evaluate(() => Koban("search", ""));
    await page.waitForTimeout(300);
    await check(`home (${locale})`);
  }
  const failing = Object.entries(seen).filter(([, v]) => v.length);
  assert.deepEqual(failing, [], JSON.stringify(failing, null, 1));
  assert.equal(Object.keys(seen).length, 14);
  await page.context().close();
});
