/* Koban loader. Plain JS, no dependencies, <= 2 KB gzip after minification (scripts/package.mjs).
 * It keeps the Koban(...) command queue, draws the launcher in an open shadow root at once, and
 * loads the wasm widget on idle, on first intent or eagerly (boot key `preload`). Nothing it does
 * touches the host page's styles, <html> attributes, URL or history, and nothing it runs throws
 * into the host page: problems become console warnings and `error` events.
 * __KOBAN_VERSION__ and __KOBAN_LABELS__ are filled in by scripts/package.mjs. */
((w, d) => {
  const VERSION = "__KOBAN_VERSION__";
  const LABELS = __KOBAN_LABELS__;
  const prev = w.Koban;
  if (prev?.version) return; // loaded twice: the first copy stays in charge
  const queue = prev?.q || [];
  const script = d.currentScript;
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
    for (const fn of (listeners[name] || []).slice()) {
      try { fn(detail); } catch (e) { console.error(e); }
    }
  };

  const fail = (err) => {
    if (!failed) { failed = 1; warn("load failed: " + err); emit("error", { code: "load_failed", message: "" + err }); }
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

  // Launcher styles until the widget loads: the default place and the accent colour (a host's
  // `--koban-color-*` applies at once). The widget's stylesheet (style/05-launcher.css) then
  // takes over with every token (offsets, z-index, shadow).
  const css = ":host{all:initial}.kb-launcher{position:fixed;z-index:2147483000;bottom:20px;inset-inline-end:20px;min-height:48px;padding:0 20px;border:0;border-radius:24px;background:var(--koban-color-accent,#1f5fd6);color:var(--koban-color-on-accent,#fff);font:600 16px system-ui,sans-serif}.kb-left{inset-inline:20px auto}.kb-launcher:focus-visible{outline:3px solid var(--koban-color-accent,#1f5fd6);outline-offset:3px}";

  const api = {
    boot(c = {}) {
      if (!isObj(c)) return warn("boot expects an object");
      host && api.shutdown();
      cfg = { apiBase: src.origin };
      for (const k of ["apiBase", "locale", "preload", "mode", "mount", "position"]) if (script?.dataset[k]) cfg[k] = script.dataset[k];
      Object.assign(cfg, c);
      const inline = cfg.mode == "inline";
      const parent = inline ? cfg.mount && d.querySelector(cfg.mount) : d.body;
      if (!parent) return warn("mount not found: " + cfg.mount);
      host = d.createElement("koban-widget");
      const shadow = host.attachShadow({ mode: "open" });
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      shadow.adoptedStyleSheets = [sheet];
      if (!inline) {
        const lang = (cfg.locale && cfg.locale != "auto" ? cfg.locale : d.documentElement.lang || navigator.language || "").split("-")[0];
        launcher = d.createElement("button");
        launcher.type = "button";
        launcher.className = "kb-launcher" + (cfg.position == "bottom-left" ? " kb-left" : "");
        launcher.setAttribute("aria-haspopup", "dialog");
        launcher.setAttribute("aria-expanded", "false");
        launcher.append(LABELS.match(RegExp(`(^|\\|)${lang}:([^|]*)`))?.[2] || LABELS.split(":")[1].split("|")[0]);
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
      if (!host) return warn("boot first");
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
      if (typeof tag != "string") return warn("setLocale expects a string");
      call("set_locale", (locale = tag));
    },
    on(name, fn) {
      if (typeof fn != "function") return warn("on expects (name, function)");
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
