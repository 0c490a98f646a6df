// Keyboard-only journey (issue 8): Tab to the launcher, open, search, open an article, rate it,
// start a guided flow, finish it into a ticket, submit, close — never touching the mouse.
import { test } from "node:test";
import assert from "node:assert/strict";
import { setup } from "./support.mjs";

const s = setup({ env: { KOBAN_MIN_FILL_MS: "0" } });

test("the whole journey by keyboard alone", async () => {
  const w = await s.open("/demo");
  const { page, dialog } = w;
  const focused = async () => (await w.focused())?.text;
  const tabTo = (pattern) => w.tabTo(pattern);
  await w.ready();
  await page.locator("body").focus();
  await tabTo(/^Help$/);
  await page.keyboard.press("Enter");
  await dialog.waitFor();
  assert.equal(await focused(), "Close help", "focus moves into the dialog");

  // Search and open the first result with the arrow keys.
  await page.keyboard.press("Tab");
  await tabTo(/^INPUT$|^$/);
  await page.keyboard.type("withdrawl");
  await dialog.locator(".kb-results").waitFor();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await w.articleTitle.waitFor();

  // Rate it: "No".
  await tabTo(/^No$/);
  await page.keyboard.press("Enter");
  await w.thanks.waitFor();

  // Back home, find the guide, run it into a ticket.
  await tabTo(/Back$/);
  await page.keyboard.press("Enter");
  await tabTo(/^INPUT$|^withdrawl$/);
  await page.keyboard.press("Control+A");
  await page.keyboard.type("node offline guide");
  await dialog.locator(".kb-results").waitFor();
  await w.button(/^Guide\s*Fix a node that is offline/).waitFor();
  await tabTo(/^Guide\s*Fix a node that is offline/);
  await page.keyboard.press("Enter");
  await w.button("Still not working").waitFor();
  await tabTo(/^Still not working$/);
  await page.keyboard.press("Enter");
  await tabTo(/^Continue$/);
  await page.keyboard.press("Enter");
  await tabTo(/^Something else, or no error at all$/);
  await page.keyboard.press("Enter");
  await tabTo(/^Contact support$/);
  await page.keyboard.press("Enter");
  await w.heading("Contact support").waitFor();

  // Fill in the required fields and send.
  await tabTo(/^INPUT$|^$/); // name
  await page.keyboard.type("Ada");
  await page.keyboard.press("Tab");
  await page.keyboard.type("ada@example.com");
  await tabTo(/^INPUT$|^$/); // the next empty input: Node ID
  await page.keyboard.type("nd_8f3k");
  await tabTo(/^TEXTAREA$|^$/);
  await page.keyboard.type("It is still offline after the restart.");
  await tabTo(/^Send message$/);
  await page.keyboard.press("Enter");
  await w.heading("Message sent").waitFor({ timeout: 15000 });

  // Close; focus returns to the launcher.
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "detached" });
  assert.equal(await focused(), "Help");
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("the launcher never covers focused host content on the demo pages (WCAG 2.4.11)", async () => {
  for (const [path, viewport] of [["/demo", { width: 1280, height: 800 }], ["/demo", { width: 800, height: 600 }], ["/demo/csp", { width: 640, height: 480 }]]) {
    const { page } = await (await s.open(path, { page: { viewport } })).ready();
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
