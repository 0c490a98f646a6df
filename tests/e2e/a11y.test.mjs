// Accessibility e2e (a first part of issue 8): axe-core (@axe-core/playwright, tags wcag2a,
// wcag2aa, wcag21a, wcag21aa, wcag22aa) on the demo page, shadow DOM included, in the widget's
// states: closed, home, search results, no results, article, each flow step kind, ticket form
// with errors, ticket queued, ticket sent, and the home view in ja and ar. Zero violations.
import { test } from "node:test";
import assert from "node:assert/strict";
import { AxeBuilder } from "@axe-core/playwright";
import { setup } from "./support.mjs";
import { Widget } from "./widget.mjs";

const s = setup({ env: { KOBAN_MIN_FILL_MS: "0" } });

async function violations(page) {
  const result = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => `${n.target.join(" ")} (${n.any.map((a) => a.message).join("; ")})`).join(", ")}`);
}

test("zero axe violations in every state of the widget", async () => {
  const w = await s.open("/demo");
  const page = w.page;
  const seen = {};
  const check = async (state) => { seen[state] = await violations(page); };
  await w.ready();
  await check("closed");
  await w.open();
  await w.dialog.getByRole("region", { name: "Browse by topic" }).waitFor();
  await check("home");
  await w.searchBox.fill("wallet");
  await w.dialog.locator(".kb-results").waitFor();
  await check("search results");
  await w.searchBox.fill("zzqqxx wobble");
  await w.dialog.locator(".kb-no-results").waitFor();
  await check("no results");
  await w.api("showArticle", "node-offline");
  await w.articleTitle.waitFor();
  await check("article");

  // Flow step kinds: instruction (after the check), article, question, outcome.
  await w.api("startFlow", "node-offline");
  await w.button("This worked").waitFor();
  await check("flow instruction");
  await w.button("Still not working").click();
  await w.button("Continue").waitFor();
  await check("flow article");
  await w.button("Continue").click();
  await w.button("Something else, or no error at all").waitFor();
  await check("flow question");
  await w.button("Something else, or no error at all").click();
  await w.button("Contact support").waitFor();
  await check("flow outcome");

  // Ticket: errors, queued (offline), sent.
  await w.button("Contact support").click();
  await w.sendButton.click();
  await w.dialog.locator("[aria-invalid='true']").first().waitFor();
  await check("ticket form with errors");
  await w.fillRequired();
  await page.context().setOffline(true);
  await w.sendButton.click();
  await w.heading("Message saved").waitFor();
  await check("ticket queued");
  await page.context().setOffline(false);
  await w.heading("Message sent").waitFor({ timeout: 15000 });
  await check("ticket sent");

  for (const [locale, title] of [["ja", "ヘルプ"], ["ar", "المساعدة"]]) {
    await w.api("setLocale", locale);
    await new Widget(page, { title }).dialog.waitFor();
    await w.api("search", "");
    await page.waitForTimeout(300);
    await check(`home (${locale})`);
  }
  const failing = Object.entries(seen).filter(([, v]) => v.length);
  assert.deepEqual(failing, [], JSON.stringify(failing, null, 1));
  assert.equal(Object.keys(seen).length, 14);
  await page.context().close();
});
