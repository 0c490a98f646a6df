/* Koban fallback panel (dist/v/<version>/koban-fallback.js, minified by scripts/package.mjs).
 *
 * The loader imports this module when the wasm widget cannot run: the host's CSP blocks
 * WebAssembly, the wasm or its glue failed to load, or the widget crashed (a panic or a JS error
 * inside it, caught in the glue). It is plain JS on purpose: it must work exactly when the wasm
 * does not. It shows the site's support channels (from the content API) and the support email,
 * in the user's language (the server's message tables), as an APG dialog behind the launcher
 * (or a region in inline mode). Everything stays in the loader's shadow root; nothing throws.
 *
 *   import("./koban-fallback.js").then((m) => m.default(root, launcher, config, openNow));
 */
const CSS =
  ".kb-root{all:initial;font:15px/1.45 var(--koban-font,system-ui,sans-serif);color:var(--koban-color-text,#1a1f2b)}" +
  ".kb-fb{display:flex;flex-direction:column;gap:8px;padding:16px;background:var(--koban-color-bg,#fff);border:1px solid var(--koban-color-border,#c9d0dc);border-radius:var(--koban-radius,12px);box-sizing:border-box}" +
  ".kb-fb.kb-float{position:fixed;z-index:var(--koban-z-index,2147483647);bottom:84px;inset-inline-end:20px;inline-size:min(360px,calc(100vw - 40px));box-shadow:0 12px 40px #0003}" +
  ".kb-fb[hidden]{display:none}.kb-fb h2{margin:0;font-size:18px}.kb-fb p{margin:0}.kb-fb ul{margin:0;padding-inline-start:20px}" +
  ".kb-fb a{color:var(--koban-color-accent,#1f5fd6);display:inline-block;min-block-size:24px;padding-block:4px}" +
  ".kb-fb button{align-self:flex-end;min-block-size:32px;padding:4px 12px;font:inherit;border:1px solid currentColor;border-radius:6px;background:none;color:inherit;cursor:pointer}" +
  ".kb-fb :focus-visible{outline:3px solid var(--koban-color-focus,#1f5fd6);outline-offset:2px}";

const EN = {
  "panel-title": "Help",
  "panel-close": "Close help",
  "fallback-text": "The help panel could not load. You can still reach us here:",
};

/** The user's saved language (the widget's menu), the host's choice, the page's, the browser's. */
function wantedLocale(cfg) {
  try {
    const saved = localStorage.getItem("koban:locale");
    if (saved) return saved;
  } catch { /* storage blocked: ignore */ }
  const l = cfg.locale && cfg.locale != "auto" ? cfg.locale : document.documentElement.lang || navigator.language;
  return l || "en";
}

async function getJson(url) {
  const res = await fetch(url);
  if (!res.ok) throw new Error(res.status);
  return res.json();
}

/** Texts and channels in the best locale the server has; English and no channels if it is down. */
async function load(cfg) {
  const base = cfg.apiBase;
  let messages = {}, channels = [], locale = "en";
  try {
    const content = await getJson(`${base}/api/v1/content?locale=${encodeURIComponent(wantedLocale(cfg))}`);
    locale = content.locale || "en";
    channels = content.site?.channels || [];
    messages = await getJson(`${base}/api/v1/locales/${encodeURIComponent(locale)}`);
  } catch { /* the server is unreachable too: English text, the panel still opens */ }
  const t = (id) => {
    const parts = messages[id];
    return Array.isArray(parts) && parts.every((p) => typeof p == "string") ? parts.join("") : EN[id];
  };
  return { t, channels, locale };
}

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...children);
  return e;
}

export default async function fallback(root, launcher, cfg, openNow) {
  const shadow = root.getRootNode();
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(CSS);
  shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet];
  // What a crashed widget left goes; if its panel was open, the fallback opens in its place.
  openNow ||= launcher?.getAttribute("aria-expanded") == "true";
  root.replaceChildren();
  // A click while the texts load is remembered, not lost.
  let panel, close;
  const show = (open) => {
    panel.hidden = !open;
    launcher.setAttribute("aria-expanded", "" + open);
    if (open) (panel.querySelector("a") || close).focus();
    else launcher.focus();
  };
  if (launcher) launcher.onclick = () => (close ? show(panel.hidden) : (openNow = 1));
  const { t, channels, locale } = await load(cfg);
  root.lang = locale;
  root.dir = /^(ar|he|fa|ur)\b/.test(locale) ? "rtl" : "ltr";
  const inline = !launcher;
  const title = el("h2", { id: "kb-fb-title" }, t("panel-title"));
  const links = channels
    .filter((c) => /^(https?:|mailto:)/.test(c.url))
    // A label site.toml has only in the default locale says so (`lang`, WCAG 3.1.2).
    .map((c) => el("li", {}, el("a", { ...(c.url.startsWith("mailto:") ? { href: c.url } : { href: c.url, target: "_blank", rel: "noopener" }), ...(c.lang && { lang: c.lang }) }, c.label || c.id)));
  panel = el("div", { class: "kb-fb", role: inline ? "region" : "dialog", "aria-labelledby": "kb-fb-title" }, title, el("p", {}, t("fallback-text")), el("ul", {}, ...links));
  root.append(panel);
  if (inline) return;

  panel.classList.add("kb-float");
  panel.setAttribute("aria-modal", "true");
  panel.hidden = true;
  close = el("button", { type: "button" }, t("panel-close"));
  panel.append(close);
  close.onclick = () => show(false);
  panel.onkeydown = (e) => {
    if (e.key == "Escape") show(false);
    if (e.key != "Tab") return;
    // Focus stays in the dialog (APG): wrap from the last control to the first and back.
    const items = [...panel.querySelectorAll("a,button")];
    const edge = e.shiftKey ? items[0] : items[items.length - 1];
    if (shadow.activeElement == edge) {
      e.preventDefault();
      (e.shiftKey ? items[items.length - 1] : items[0]).focus();
    }
  };
  if (openNow) show(true);
}
