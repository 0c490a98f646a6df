/* Koban loader. Plain JS, no dependencies, <= 2 KB gzip after minification (scripts/package.mjs).
 * It keeps the Koban(...) command queue, draws the launcher in an open shadow root at once, and
 * loads the wasm widget on idle, on first intent or eagerly (boot key `preload`); at boot it
 * imports koban-follow.js (the unread badge and the live connection). Nothing it does touches the
 * host page's styles, <html> attributes, URL or history, and nothing it runs throws into the host
 * page: problems become console warnings and `error` events.
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
  const listeners = { __proto__: null }; // no inherited keys: hosts pollute Object.prototype
  // Verbs the wasm widget handles itself (`Widget::command`). The first three open the panel,
  // so they load the widget at once; until it is loaded, forwarded calls wait in order.
  const FORWARD = "showArticle search startFlow suggest prefill identify registerCheck".split(" ");
  let cfg, host, launcher, root, widget, loading, pendingOpen, context, locale, failed;
  const pending = [];

  const warn = (msg) => console.warn("Koban: " + msg);
  const isObj = (v) => v && typeof v == "object" && !Array.isArray(v);

  const emit = (name, detail) => {
    // `off` replaces the array, so a listener removing itself does not disturb this loop.
    for (const fn of listeners[name] || []) {
      try { fn(detail); } catch (e) { warn(e); }
    }
  };

  // The widget could not load, or it crashed (the glue reports errors escaping the wasm through
  // `onCrash`): one `error` event, and the plain-JS fallback panel with the support channels.
  const fail = (err) => {
    if (!failed) {
      failed = 1;
      warn(err);
      emit("error", { code: widget ? "crashed" : "load_failed", message: "" + err });
      host && import(assets + "koban-fallback.js").then((m) => m.default(root, launcher, cfg, pendingOpen), warn);
    }
  };

  const call = (method, ...args) => {
    if (widget && !failed) try { widget[method](...args); } catch (e) { fail(e); }
  };

  const load = () => {
    loading ||= import(assets + "koban-widget.js").then((m) => m.default({ module_or_path: assets + "koban-widget_bg.wasm" }).then(() => m));
    loading.then(start, fail);
  };

  const start = (m) => {
    if (!host || widget) return;
    try { m.onCrash(fail); widget = m.boot({ root, launcher, config: cfg, emit }); } catch (e) { return fail(e); }
    context && call("set_context", context);
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
  const css = ":host{all:initial!important}.kb-launcher{position:fixed;z-index:2147483647;bottom:20px;inset-inline-end:20px;min-height:48px;padding:0 20px;border:0;border-radius:24px;background:var(--koban-color-accent,#1f5fd6);color:var(--koban-color-on-accent,#fff);font:600 16px system-ui,sans-serif}.kb-left{inset-inline:20px auto}.kb-launcher:focus-visible{outline:3px solid var(--koban-color-accent,#1f5fd6);outline-offset:3px}";

  const api = {
    boot(c = {}) {
      if (!isObj(c)) return warn("boot expects an object");
      host && api.shutdown();
      // Defaults, then the script tag's data-* attributes (data-api-base → apiBase), then an
      // earlier setLocale, then `c`: between setLocale and boot({ locale }) the later call wins
      // (a boot naming a locale replaces the earlier setLocale for later boots too).
      cfg = { apiBase: src.origin, ...script?.dataset, ...locale, ...c };
      c.locale && (locale = 0);
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
        launcher.ariaHasPopup = "dialog"; // ARIA reflection: every browser since 2023
        launcher.ariaExpanded = "false";
        launcher.append(LABELS.match(RegExp(`(^|\\|)${lang}:([^|]*)`))?.[2] || LABELS.split(":")[1].split("|")[0]);
        launcher.onclick = api.toggle;
        if (cfg.preload == "intent") for (const e of ["pointerenter", "focus", "touchstart"]) launcher.addEventListener(e, load, { once: true });
        shadow.append(launcher);
      }
      root = d.createElement("div");
      root.className = "kb-root";
      shadow.append(root);
      parent.append(host);
      // The unread badge and the live connection (public/koban-follow.js). Unless `preload` is
      // "intent", it loads the wasm on idle once its first count is drawn (at most 1.5 s), so the
      // badge comes before any wasm request (without the module, the wasm loads at once); it
      // stops itself when `shutdown` removes the host element.
      import(assets + "koban-follow.js").then((m) => m.default(root, cfg, emit, api, call, load), (e) => warn(e, cfg.preload != "intent" && load()));
      if (loading || inline || cfg.preload == "eager") load();
    },
    shutdown() {
      call("shutdown");
      host?.remove();
      widget = host = launcher = root = null;
    },
    open(view) {
      widget ? call("open", view) : host ? ((pendingOpen = [view]), load()) : warn("boot first");
    },
    close() {
      pendingOpen = 0;
      call("close");
    },
    toggle: () => (widget ? call("toggle") : api.open()),
    // Checked by the widget (it warns about anything but a plain object), also when replayed.
    setContext: (o) => call("set_context", (context = o)),
    setLocale(tag) {
      if (typeof tag != "string") return warn("setLocale expects a string");
      // The config the widget boots with (now, or once loaded) and the next boot's default.
      locale = { locale: tag };
      cfg && (cfg.locale = tag);
      call("set_locale", tag);
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
    try { api[verb](...args); } catch (e) { warn(e); }
  };
  Koban.version = VERSION;
  w.Koban = Koban;

  if (!script?.hasAttribute("data-manual-boot") && !queue.some((a) => a[0] == "boot")) api.boot();
  for (const a of queue) Koban(...a);
})(window, document);
