// The widget as the e2e tests see it (a page object): the launcher, the Help dialog and what is
// in it (search box, result rows, article and its rating, ticket form, guide), the JS API, and
// where the focus is. Names are the English UI's unless a test passes its locale's.
import assert from "node:assert/strict";
import { newPage } from "./support.mjs";

/** A role query's name filter: none for `null`. */
const named = (name) => (name === null ? {} : { name });

/** The Koban widget on one page. */
export class Widget {
  /**
   * @param page a Playwright page with the widget's loader
   * @param options the accessible names of the dialog (`title`), the launcher (`launcher`) and
   *   the search box (`search`), the English UI's unless given; `null`: any name
   */
  constructor(page, { title = "Help", launcher = "Help", search = "Search help" } = {}) {
    this.page = page;
    /** The launcher button. */
    this.launcher = page.getByRole("button", { ...named(launcher), exact: true });
    /** The floating panel (a modal dialog). */
    this.dialog = page.getByRole("dialog", named(title));
    /** The search box. */
    this.searchBox = this.dialog.getByRole("searchbox", named(search));
  }

  /**
   * A new page (support.mjs `newPage`, with `page` options) at `url` (`null`: not yet), with
   * its widget; `init` runs in the page before its own scripts.
   */
  static async visit(browser, url, { page: pageOptions, init, ...options } = {}) {
    const page = await newPage(browser, pageOptions);
    if (init) await page.addInitScript(init);
    if (url) await page.goto(url);
    return new Widget(page, options);
  }

  /** Waits until the loader's API is there (`Koban.version`). */
  async ready() {
    await this.page.waitForFunction(() => window.Koban?.version);
    return this;
  }

  /** Clicks the launcher and waits for the dialog. */
  async open() {
    await this.launcher.click();
    await this.dialog.waitFor();
    return this;
  }

  /** `Koban(...args)` on the page. */
  api(...args) {
    return this.page.evaluate((a) => window.Koban(...a), args);
  }

  /** Records the widget's public events `names` in `window.__events` (from now on). */
  record(...names) {
    return this.page.evaluate((names) => {
      window.__events = [];
      for (const name of names) window.Koban("on", name, (d) => window.__events.push({ name, ...d }));
    }, names);
  }

  /** The events recorded since `record`. */
  events() {
    return this.page.evaluate(() => window.__events);
  }

  /** The widget's host element (`<koban-widget>`, its shadow root holds the rest). */
  get host() {
    return this.page.locator("koban-widget");
  }

  /** A button in the dialog by its accessible name. */
  button(name, options = {}) {
    return this.dialog.getByRole("button", { name, ...options });
  }

  /** A heading in the dialog by its accessible name (and `level`). */
  heading(name, level) {
    return this.dialog.getByRole("heading", level ? { name, level } : { name });
  }

  /** A form control in the dialog by its label. */
  field(label) {
    return this.dialog.getByLabel(label);
  }

  // Search and results.

  /** The result rows. */
  get results() {
    return this.dialog.locator(".kb-result");
  }

  /** Types `query` into the search box and waits for the first result. */
  async search(query) {
    await this.searchBox.fill(query);
    await this.results.first().waitFor();
  }

  /** The titles of the result rows, in order. */
  resultTitles() {
    return this.dialog.locator(".kb-result .kb-row-title").allInnerTexts();
  }

  /** The region "Suggested for this page" and its rows. */
  get suggestions() {
    return this.dialog.getByRole("region", { name: "Suggested for this page" }).getByRole("button");
  }

  // Article.

  /** The open article's title. */
  get articleTitle() {
    return this.dialog.locator("#kb-article-title");
  }

  /** "Was this helpful?": the `Yes` or `No` button. */
  rate(answer) {
    return this.button(answer, { exact: true });
  }

  /** What replaces the rating buttons. */
  get thanks() {
    return this.dialog.getByText("Thanks for your feedback!");
  }

  // Ticket form.

  /** `Koban('open', 'ticket')`, waiting for the form. */
  async openForm() {
    await this.api("open", "ticket");
    await this.heading("Contact support").waitFor();
    return this;
  }

  /** The form's send button. */
  get sendButton() {
    return this.button("Send message");
  }

  /** Fills the required fields of a "Nodes" ticket (after a guide, or with the topic chosen). */
  async fillRequired({ email = "ada@example.com", node = "nd_1", description = "Still offline." } = {}) {
    await this.field("Email address for our reply").fill(email);
    await this.field("Node ID").fill(node);
    await this.field("Describe the problem").fill(description);
  }

  /** The reference shown once the server has the ticket. */
  get reference() {
    return this.dialog.locator(".kb-reference");
  }

  // Guides.

  /** `Koban('startFlow', id)`, waiting for the guide's title. */
  async startFlow(id, title = "Fix a node that is offline") {
    await this.api("startFlow", id);
    await this.heading(title).waitFor();
    return this;
  }

  /** A step's heading (level 4). */
  step(name) {
    return this.heading(name, 4);
  }

  /** A button of the guide's own navigation (`Back`, `Start over`), not the panel's Back. */
  guideButton(name) {
    return this.dialog.locator(".kb-flow-nav").getByRole("button", { name, exact: true });
  }

  /** The current step's heading. */
  get stepTitle() {
    return this.dialog.locator(".kb-step-title");
  }

  // Focus and keyboard.

  /**
   * The focused element, looked for through shadow roots (`document.body` when none is):
   * `inDialog` (inside the widget's dialog, in its shadow root), `tag`, `id`, `text` (its label,
   * text or value, else its tag name), `visible` (a box in the viewport, not hidden) and `ring`
   * (a focus outline drawn).
   */
  focused() {
    return this.page.evaluate(() => {
      let el = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      if (!el) return null;
      const root = document.querySelector("koban-widget")?.shadowRoot;
      const dialog = root?.querySelector("[role=dialog]");
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      return {
        inDialog: el.getRootNode() === root && !!dialog?.contains(el),
        tag: el.tagName.toLowerCase(),
        id: el.id,
        text: (el.getAttribute("aria-label") || el.innerText || el.value || el.tagName).trim(),
        visible: box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < innerHeight && (el.checkVisibility?.({ visibilityProperty: true, opacityProperty: true }) ?? true),
        ring: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0,
      };
    });
  }

  /** Presses Tab until the focused element's text matches `pattern` (at most 80 times). */
  async tabTo(pattern) {
    for (let i = 0; i < 80; i++) {
      if (pattern.test((await this.focused())?.text ?? "")) return;
      await this.page.keyboard.press("Tab");
    }
    assert.fail(`never reached ${pattern} by Tab (last: ${(await this.focused())?.text})`);
  }
}
