// Focus is never lost (issue 16): wherever the control that has the focus goes away (the
// article's rating, a sent or queued ticket, a removed attachment, a finished guide step, Back
// and Start over in a guide, leaving a view), the focus moves to what replaced it or to the
// view's heading, inside the dialog's shadow root, visibly (a focus ring). Keyboard only, as a
// keyboard user would: Tab or a focused control, then Enter.
import { test } from "node:test";
import assert from "node:assert/strict";
import { setup, startKoban, eventually } from "./support.mjs";

const s = setup({ env: { KOBAN_MIN_FILL_MS: "0" } });

/**
 * Waits until the focus is on the element `expected` describes (`text`: a string or pattern,
 * and `tag`, `id`), then checks that it is in the dialog, visible and shows its focus ring.
 */
async function expectFocus(w, expected, where) {
  const matches = (f) => (expected.text === undefined || (expected.text instanceof RegExp ? expected.text.test(f.text) : f.text === expected.text))
    && (expected.tag === undefined || f.tag === expected.tag) && (expected.id === undefined || f.id === expected.id);
  let f;
  try {
    await eventually(async () => { f = await w.focused(); assert.ok(f && matches(f)); }, 3000);
  } catch {
    const shown = f && { ...f, text: f.text.slice(0, 60) };
    assert.fail(`${where}: the focus is on ${JSON.stringify(shown)}, expected ${JSON.stringify({ ...expected, text: String(expected.text) })}`);
  }
  assert.ok(f.inDialog, `${where}: the focus is inside the dialog's shadow root`);
  assert.ok(f.visible, `${where}: the focused element is visible`);
  assert.ok(f.ring, `${where}: the focused element shows a focus ring`);
}

/** Focuses `locator` and presses Enter on it (a keyboard user's activation). */
async function press(w, locator) {
  await locator.focus();
  await w.page.keyboard.press("Enter");
}

/** Back to help: the home view, whose heading is the panel's title, takes the focus. */
async function backToHelp(w, where) {
  await press(w, w.button("Back to help"));
  await w.searchBox.waitFor();
  await expectFocus(w, { id: "kb-title" }, where);
}

/** No error reached the page; closes it. */
async function done(w) {
  assert.deepEqual(w.page.errors, []);
  await w.page.context().close();
}

test("the article's rating: Yes by Tab and Enter gives the focus to the thanks that replaced it", async () => {
  const w = await (await s.open("/demo")).ready();
  await w.api("showArticle", "node-offline");
  await w.articleTitle.waitFor();
  await w.tabTo(/^Yes$/);
  await w.page.keyboard.press("Enter");
  await w.thanks.waitFor();
  await expectFocus(w, { tag: "p", text: "Thanks for your feedback!" }, "after Yes");
  await done(w);
});

test("leaving a view: a topic's heading takes the focus from its row, the panel title from Back (first download)", async () => {
  const w = await (await s.open("/demo")).open();
  const topic = w.dialog.getByRole("region", { name: "Browse by topic" }).getByRole("button").first();
  const name = (await topic.locator(".kb-row-title").innerText()).trim();
  await press(w, topic);
  await expectFocus(w, { tag: "h3", id: "kb-category-title", text: name }, "the topic opened");
  await press(w, w.button("Back", { exact: true }));
  await w.searchBox.waitFor();
  await expectFocus(w, { id: "kb-title" }, "back to the first view");
  await done(w);
});

test("a guide: each new step, Back, Start over and the end put the focus on the step's heading", async () => {
  const w = await (await s.open("/demo")).ready();
  await w.startFlow("node-offline");
  // The live check ran (nas-home is offline): the restart step.
  await expectFocus(w, { tag: "h4", text: "Try this" }, "the guide opened");
  await press(w, w.button("Still not working"));
  await w.dialog.getByText("Step 3").waitFor();
  await expectFocus(w, { tag: "h4", text: await w.stepTitle.innerText() }, "step 3 (an article)");
  await press(w, w.button("Continue"));
  await w.dialog.getByText("Step 4").waitFor();
  const question = await w.stepTitle.innerText();
  await expectFocus(w, { tag: "h4", text: question }, "step 4 (a question)");
  await press(w, w.button("Something else, or no error at all"));
  await expectFocus(w, { tag: "h4", text: /^Our team will take it from here/ }, "the outcome");

  await press(w, w.guideButton("Back"));
  await expectFocus(w, { tag: "h4", text: question }, "after the guide's Back");
  await press(w, w.guideButton("Start over"));
  await w.dialog.getByText("Step 2").waitFor();
  await expectFocus(w, { tag: "h4", text: "Try this" }, "after Start over (the check ran again)");

  // Resolved: Back to help leaves the guide for the home view, whose heading is the panel's.
  await press(w, w.button("This worked"));
  await expectFocus(w, { tag: "h4", text: /^Great, your node is back online/ }, "the resolved outcome");
  await backToHelp(w, "back home from the guide");
  await done(w);
});

test("a ticket: the guide's Contact support, the transcript toggle, queued, Cancel, sent and Back to help keep the focus", async () => {
  const w = await (await s.open("/demo")).ready();
  await w.startFlow("node-offline");
  await press(w, w.button("Still not working"));
  await press(w, w.button("Continue"));
  await press(w, w.button("Something else, or no error at all"));
  await press(w, w.button("Contact support"));
  await expectFocus(w, { tag: "h3", id: "kb-ticket-title" }, "the form opened from the guide");

  // The transcript's button flips between remove and include, and keeps the focus.
  await press(w, w.button("Remove the steps from the message"));
  await expectFocus(w, { tag: "button", text: "Include the steps again" }, "after removing the steps");

  await w.fillRequired();
  await w.page.context().setOffline(true);
  await press(w, w.sendButton);
  await expectFocus(w, { tag: "h3", text: "Message saved" }, "the ticket queued");
  await press(w, w.button("Cancel sending"));
  await expectFocus(w, { tag: "h3", id: "kb-ticket-title" }, "the form again after Cancel sending");

  await w.page.context().setOffline(false);
  await press(w, w.sendButton);
  await w.heading("Message sent").waitFor({ timeout: 15000 });
  await expectFocus(w, { tag: "h3", text: "Message sent" }, "the ticket sent");
  await backToHelp(w, "back home from the confirmation");
  await done(w);
});

test("attachments: a removed file's button hands the focus to the next file's, then to the picker", async () => {
  const withFiles = await startKoban({ env: { KOBAN_MIN_FILL_MS: "0", KOBAN_ATTACHMENTS_ENABLED: "true" } });
  try {
    const w = await s.visit(withFiles.base + "/demo");
    await w.ready();
    await w.openForm();
    const picker = w.field("Attach files");
    await picker.setInputFiles([
      { name: "first.log", mimeType: "text/plain", buffer: Buffer.from("one\n") },
      { name: "second.log", mimeType: "text/plain", buffer: Buffer.from("two\n") },
    ]);
    await w.button("Remove second.log").waitFor();
    await press(w, w.button("Remove first.log"));
    await expectFocus(w, { tag: "button", text: "Remove second.log" }, "after removing the first file");
    await w.page.keyboard.press("Enter");
    await expectFocus(w, { tag: "input", id: "kb-f-files" }, "after removing the last file");
    assert.equal(await w.dialog.locator(".kb-file").count(), 0);
    await done(w);
  } finally {
    await withFiles.stop();
  }
});
