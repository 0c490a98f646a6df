/* Koban loader. Plain JS, no dependencies, <= 2 KB gzip after minification (scripts/package.mjs).
 * It keeps the Koban(...) command queue, draws the launcher in an open shadow root at once, and
 * loads the wasm widget on idle, on first intent or eagerly (boot key `preload`). Nothing it does
 * touches the host page's styles, <html> attributes, URL or history, and nothing it runs throws
 * into the host page: problems become console warnings and `error` events.
 * __KOBAN_VERSION__ and __KOBAN_LABELS__ are filled in by scripts/package.mjs. */
((w, d) => {
  "use strict";
  const VERSION = "__KOBAN_VERSION__";
  const LABELS = __KOBAN_LABELS__;
  const prev = w.Koban;
  if (prev?.version) return; // loaded twice: the first copy stays in charge
  const queue = prev?.q || [];
  const script = d.currentScript || d.querySelector("script[src*='koban.js']");
  const src = new URL(script?.src || "koban.js", location.href);
  const assets = /\/v\/[^/]+\/koban\.js$/.test(src.pathname) ? new URL("./", src) : new URL(`v/${VERSION}/`, src);
  const listeners = {};
  // Verbs the wasm widget handles itself (`Widget::command`). The first three open the panel,
  // so they load the widget at once; until it is loaded, forwarded calls wait in order.
  const FORWARD = "showArticle search startFlow suggest prefill identify registerCheck".split(" ");
  let cfg, host, launcher, root, widget, loading, pendingOpen, context, locale, failed;
  const pending = [];

  const warn = (msg) => console.warn("Koban: " + msg);
  const isObj = (v) => v && typeof v == "object" && !Array.isArray(v);

  const emit = (name, detail) => {
    if (name == "open" || name == "close") launcher?.setAttribute("aria-expanded", name == "open");
    for (const fn of (listeners[name] || []).slice()) {
      try { fn(detail); } catch (e) { console.error(e); }
    }
  };

  const fail = (err) => {
    if (!failed) { failed = 1; warn("widget failed to load: " + err); emit("error", { code: "load_failed", message: "" + err }); }
  };

  const call = (method, ...args) => {
    if (widget) try { widget[method](...args); } catch (e) { fail(e); }
  };

  const load = () => {
    loading ||= import(assets + "koban-widget.js").then((m) => m.default({ module_or_path: assets + "koban-widget_bg.wasm" }).then(() => m));
    loading.then(start, fail);
  };

  const start = (m) => {
    if (!host || widget) return;
    try { widget = m.boot({ root, launcher, config: cfg, emit }); } catch (e) { return fail(e); }
    context && call("set_context", context);
    locale && call("set_locale", locale);
    pending.splice(0).forEach((c) => command(...c));
    pendingOpen && call("open", ...pendingOpen);
    pendingOpen = 0;
  };

  const command = (verb, args) => {
    if (widget) return call("command", verb, args);
    pending.push([verb, args]);
    if (host && FORWARD.indexOf(verb) < 3) load();
  };

  // Launcher styles. Token defaults sit on :host; a host overrides them with
  // `koban-widget { --koban-color-accent: ... }` or boot({ theme }).
  const css = ":host{all:initial;--koban-color-accent:#1f5fd6;--koban-color-on-accent:#fff;--koban-z-index:2147483000;--koban-offset-x:20px;--koban-offset-y:20px}.kb-launcher{position:fixed;z-index:var(--koban-z-index);inset-block-end:var(--koban-offset-y);inset-inline-end:var(--koban-offset-x);min-height:48px;padding:0 20px;border:0;border-radius:24px;background:var(--koban-color-accent);color:var(--koban-color-on-accent);font:600 16px/1 system-ui,sans-serif;box-shadow:0 4px 16px #0004;cursor:pointer}.kb-left{inset-inline-start:var(--koban-offset-x);inset-inline-end:auto}.kb-launcher:focus-visible{outline:3px solid var(--koban-color-accent);outline-offset:3px}";

  const api = {
    boot(c = {}) {
      if (!isObj(c)) return warn("boot expects an object");
      host && api.shutdown();
      cfg = { apiBase: src.origin };
      for (const k of ["apiBase", "locale", "preload", "mode", "mount", "position"]) if (script?.dataset[k]) cfg[k] = script.dataset[k];
      Object.assign(cfg, c);
      const inline = cfg.mode == "inline";
      const parent = inline ? cfg.mount && d.querySelector(cfg.mount) : d.body;
      if (!parent) return warn(`boot: mount \`${cfg.mount}\` not found`);
      host = d.createElement("koban-widget");
      const shadow = host.attachShadow({ mode: "open" });
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      shadow.adoptedStyleSheets = [sheet];
      if (!inline) {
        const lang = (cfg.locale && cfg.locale != "auto" ? cfg.locale : d.documentElement.lang || navigator.language || "en").split("-")[0];
        launcher = d.createElement("button");
        launcher.type = "button";
        launcher.className = "kb-launcher" + (cfg.position == "bottom-left" ? " kb-left" : "");
        launcher.setAttribute("aria-haspopup", "dialog");
        launcher.setAttribute("aria-expanded", false);
        launcher.append(LABELS[lang] || LABELS.en);
        launcher.onclick = api.toggle;
        if (cfg.preload == "intent") for (const e of ["pointerenter", "focus", "touchstart"]) launcher.addEventListener(e, load, { once: true });
        shadow.append(launcher);
      }
      root = d.createElement("div");
      root.className = "kb-root";
      shadow.append(root);
      parent.append(host);
      if (loading || inline || cfg.preload == "eager") load();
      else if (cfg.preload != "intent") (w.requestIdleCallback || setTimeout)(load, { timeout: 3000 });
    },
    shutdown() {
      call("shutdown");
      host?.remove();
      widget = host = launcher = root = null;
    },
    open(view) {
      if (!host) return warn("open before boot");
      widget ? call("open", view) : ((pendingOpen = [view]), load());
    },
    close() {
      pendingOpen = 0;
      call("close");
    },
    toggle: () => (widget ? call("toggle") : api.open()),
    setContext(o) {
      if (!isObj(o)) return warn("setContext expects a plain object");
      call("set_context", (context = o));
    },
    setLocale(tag) {
      if (typeof tag != "string") return warn("setLocale expects a language tag string");
      call("set_locale", (locale = tag));
    },
    on(name, fn) {
      if (typeof fn != "function") return warn("on expects (event name, function)");
      (listeners[name] ||= []).push(fn);
    },
    off(name, fn) {
      listeners[name] = (listeners[name] || []).filter((f) => f != fn);
    },
  };

  const Koban = (verb, ...args) => {
    if (FORWARD.includes(verb)) return command(verb, args);
    if (!Object.hasOwn(api, verb)) return warn(`unknown verb \`${verb}\``);
    try { api[verb](...args); } catch (e) { warn(verb + " failed: " + e); }
  };
  Koban.version = VERSION;
  w.Koban = Koban;

  if (!script?.hasAttribute("data-manual-boot") && !queue.some((a) => a[0] == "boot")) api.boot();
  for (const a of queue) Koban(...a);
})(window, document);
