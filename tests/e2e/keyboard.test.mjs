// Keyboard-only journey (issue 8): Tab to the launcher, open, search, open an article, rate it,
// start a guided flow, finish it into a ticket, submit, close — never touching the mouse.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
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

/** The focused element's text or label, looking into the widget's shadow root. */
const focused = (page) => page.evaluate(() => {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return (el?.getAttribute("aria-label") || el?.innerText || el?.value || el?.tagName || "").trim();
});

/** Presses Tab until the focused element's text matches `pattern` (at most 80 times). */
async function tabTo(page, pattern) {
  for (let i = 0; i < 80; i++) {
    if (pattern.test(await focused(page))) return;
    await page.keyboard.press("Tab");
  }
  assert.fail(`never reached ${pattern} by Tab (last: ${await focused(page)})`);
}

test("the whole journey by keyboard alone", async () => {
  const page = await newPage(browser);
  await page.goto(koban.base + "/demo");
  await page.waitForFunction(() => window.Koban?.version);
  await page.locator("body").focus();
  await tabTo(page, /^Help$/);
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Help" });
  await dialog.waitFor();
  assert.equal(await focused(page), "Close help", "focus moves into the dialog");

  // Search and open the first result with the arrow keys.
  await page.keyboard.press("Tab");
  await tabTo(page, /^INPUT$|^$/);
  await page.keyboard.type("withdrawl");
  await dialog.locator(".kb-results").waitFor();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await dialog.locator("#kb-article-title").waitFor();

  // Rate it: "No".
  await tabTo(page, /^No$/);
  await page.keyboard.press("Enter");
  await dialog.getByText("Thanks for your feedback!").waitFor();

  // Back home, find the guide, run it into a ticket.
  await tabTo(page, /Back$/);
  await page.keyboard.press("Enter");
  await tabTo(page, /^INPUT$|^withdrawl$/);
  await page.keyboard.press("Control+A");
  await page.keyboard.type("node offline guide");
  await dialog.locator(".kb-results").waitFor();
  await dialog.getByRole("button", { name: /^Guide\s*Fix a node that is offline/ }).waitFor();
  await tabTo(page, /^Guide\s*Fix a node that is offline/);
  await page.keyboard.press("Enter");
  await dialog.getByRole("button", { name: "Still not working" }).waitFor();
  await tabTo(page, /^Still not working$/);
  await page.keyboard.press("Enter");
  await tabTo(page, /^Continue$/);
  await page.keyboard.press("Enter");
  await tabTo(page, /^Something else, or no error at all$/);
  await page.keyboard.press("Enter");
  await tabTo(page, /^Contact support$/);
  await page.keyboard.press("Enter");
  await dialog.getByRole("heading", { name: "Contact support" }).waitFor();

  // Fill in the required fields and send.
  await tabTo(page, /^INPUT$|^$/); // name
  await page.keyboard.type("Ada");
  await page.keyboard.press("Tab");
  await page.keyboard.type("ada@example.com");
  await tabTo(page, /^INPUT$|^$/); // the next empty input: Node ID
  await page.keyboard.type("nd_8f3k");
  await tabTo(page, /^TEXTAREA$|^$/);
  await page.keyboard.type("It is still offline after the restart.");
  await tabTo(page, /^Send message$/);
  await page.keyboard.press("Enter");
  await dialog.getByRole("heading", { name: "Message sent" }).waitFor({ timeout: 15000 });

  // Close; focus returns to the launcher.
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "detached" });
  assert.equal(await focused(page), "Help");
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("the launcher never covers focused host content on the demo pages (WCAG 2.4.11)", async () => {
  for (const [path, viewport] of [["/demo", { width: 1280, height: 800 }], ["/demo", { width: 800, height: 600 }], ["/demo/csp", { width: 640, height: 480 }]]) {
    const page = await newPage(browser, { viewport });
    await page.goto(koban.base + path);
    await page.waitForFunction(() => window.Koban?.version);
    await page.locator("body").focus();
    const seen = new Set();
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press("Tab");
      const r = await page.evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body || el.tagName === "KOBAN-WIDGET") return null;
        const b = el.getBoundingClientRect();
        const l = document.querySelector("koban-widget")?.shadowRoot?.querySelector(".kb-launcher")?.getBoundingClientRect();
        const overlap = l && b.right > l.left && b.left < l.right && b.bottom > l.top && b.top < l.bottom;
        return { id: el.id || el.textContent.trim().slice(0, 30), overlap: !!overlap };
      });
      if (!r) continue;
      seen.add(r.id);
      assert.equal(r.overlap, false, `${path} at ${viewport.width}px: the launcher covers focused "${r.id}"`);
    }
    assert.ok(seen.size >= 3, `tabbed through the host page (${[...seen].join(", ")})`);
    await page.context().close();
  }
});
