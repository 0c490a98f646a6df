/* Koban loader. Plain JS, no dependencies, <= 2 KB gzip after minification.
 * It keeps the Koban(...) command queue, draws the launcher in an open shadow root at once, and
 * loads the wasm widget on idle, on first intent or eagerly (boot key `preload`). Nothing it does
 * touches the host page's styles, <html> attributes, URL or history, and nothing it runs throws
 * into the host page: problems become console warnings and `error` events.
 * __KOBAN_VERSION__ and __KOBAN_LABELS__ are filled in by scripts/package.sh. */
(function (w, d) {
  "use strict";
  var VERSION = "__KOBAN_VERSION__";
  var LABELS = __KOBAN_LABELS__;
  var prev = w.Koban;
  if (prev && prev.version) return; // loaded twice: the first copy stays in charge
  var queue = (prev && prev.q) || [];
  var script = d.currentScript || d.querySelector("script[src*='koban.js']");
  var src = new URL(script ? script.src : "koban.js", location.href);
  var assets = /\/v\/[^/]+\/koban\.js$/.test(src.pathname) ? new URL("./", src) : new URL("v/" + VERSION + "/", src);
  var listeners = {};
  var cfg, host, launcher, root, widget, loading, pendingOpen, context, locale, failed;

  function warn(msg) { console.warn("Koban: " + msg); }
  function isObj(v) { return v !== null && typeof v === "object" && !Array.isArray(v); }

  function attrs() {
    var a = {}, ds = script ? script.dataset : {};
    ["apiBase", "locale", "preload", "mode", "mount", "position"].forEach(function (k) { if (ds[k] != null) a[k] = ds[k]; });
    if (!a.apiBase) a.apiBase = src.origin;
    return a;
  }

  function emit(name, detail) {
    if (name === "open" || name === "close") launcher && launcher.setAttribute("aria-expanded", name === "open");
    (listeners[name] || []).slice().forEach(function (fn) {
      try { fn(detail); } catch (e) { console.error(e); }
    });
  }

  function fail(err) {
    if (!failed) { failed = 1; warn("widget failed to load (" + err + ")"); emit("error", { code: "load_failed", message: String(err) }); }
  }

  function call(method, arg) {
    if (!widget) return;
    try { widget[method](arg); } catch (e) { fail(e); }
  }

  function load() {
    loading = loading || import(assets + "koban-widget.js").then(function (m) {
      return m.default({ module_or_path: assets + "koban-widget_bg.wasm" }).then(function () { return m; });
    });
    loading.then(start, fail);
    return loading;
  }

  function start(m) {
    if (!host || widget) return;
    try {
      widget = m.boot({ root: root, launcher: launcher, config: JSON.stringify(cfg), emit: emit });
    } catch (e) { return fail(e); }
    if (context) call("set_context", JSON.stringify(context));
    if (locale) call("set_locale", locale);
    if (pendingOpen) { pendingOpen = 0; call("open"); }
  }

  // Launcher styles. Token defaults sit on :host; a host overrides them with
  // `koban-widget { --koban-color-accent: ... }` or boot({ theme }).
  var css = ":host{all:initial;--koban-color-accent:#1f5fd6;--koban-color-on-accent:#fff;--koban-z-index:2147483000;--koban-offset-x:20px;--koban-offset-y:20px}.kb-launcher{position:fixed;z-index:var(--koban-z-index);inset-block-end:var(--koban-offset-y);inset-inline-end:var(--koban-offset-x);min-height:48px;padding:0 20px;border:0;border-radius:24px;background:var(--koban-color-accent);color:var(--koban-color-on-accent);font:600 16px/1 system-ui,sans-serif;box-shadow:0 4px 16px #0004;cursor:pointer}.kb-left{inset-inline-start:var(--koban-offset-x);inset-inline-end:auto}.kb-launcher:focus-visible{outline:3px solid var(--koban-color-accent);outline-offset:3px}";

  var api = {
    boot: function (c) {
      if (c !== undefined && !isObj(c)) return warn("boot expects an object");
      if (host) api.shutdown();
      cfg = Object.assign(attrs(), c || {});
      var inline = cfg.mode === "inline", parent = d.body;
      if (inline) {
        parent = cfg.mount && d.querySelector(cfg.mount);
        if (!parent) return warn("boot: mount `" + cfg.mount + "` not found");
      }
      host = d.createElement("koban-widget");
      var shadow = host.attachShadow({ mode: "open" });
      var sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      shadow.adoptedStyleSheets = [sheet];
      if (!inline) {
        var lang = (cfg.locale && cfg.locale !== "auto" ? cfg.locale : d.documentElement.lang || navigator.language || "en").split("-")[0];
        launcher = d.createElement("button");
        launcher.type = "button";
        launcher.className = "kb-launcher" + (cfg.position === "bottom-left" ? " kb-left" : "");
        launcher.setAttribute("aria-haspopup", "dialog");
        launcher.setAttribute("aria-expanded", "false");
        launcher.appendChild(d.createTextNode(LABELS[lang] || LABELS.en));
        launcher.addEventListener("click", function () { api.toggle(); });
        if (cfg.preload === "intent") ["pointerenter", "focus", "touchstart"].forEach(function (e) { launcher.addEventListener(e, load, { once: true, passive: true }); });
        shadow.appendChild(launcher);
      }
      root = d.createElement("div");
      root.className = "kb-root";
      shadow.appendChild(root);
      parent.appendChild(host);
      if (loading) loading.then(start, fail);
      else if (inline || cfg.preload === "eager") load();
      else if (cfg.preload !== "intent") (w.requestIdleCallback || setTimeout)(load, { timeout: 3000 });
    },
    shutdown: function () {
      call("shutdown");
      widget = null;
      host && host.remove();
      host = launcher = root = null;
    },
    open: function () {
      if (!host) return warn("open before boot");
      if (widget) call("open"); else { pendingOpen = 1; load(); }
    },
    close: function () { pendingOpen = 0; call("close"); },
    toggle: function () { widget ? call("toggle") : api.open(); },
    setContext: function (o) {
      if (!isObj(o)) return warn("setContext expects a plain object");
      context = o;
      call("set_context", JSON.stringify(o));
    },
    setLocale: function (tag) {
      if (typeof tag !== "string") return warn("setLocale expects a language tag string");
      locale = tag;
      call("set_locale", tag);
    },
    on: function (name, fn) {
      if (typeof name !== "string" || typeof fn !== "function") return warn("on expects (event name, function)");
      (listeners[name] = listeners[name] || []).push(fn);
    },
    off: function (name, fn) {
      listeners[name] = (listeners[name] || []).filter(function (f) { return f !== fn; });
    }
  };

  function Koban(verb) {
    var f = Object.prototype.hasOwnProperty.call(api, verb) && api[verb];
    if (!f) return warn("unknown verb `" + verb + "`");
    try { return f.apply(null, [].slice.call(arguments, 1)); } catch (e) { warn(verb + " failed: " + e); }
  }
  Koban.version = VERSION;
  w.Koban = Koban;

  var manual = script && script.hasAttribute("data-manual-boot");
  var hasBoot = queue.some(function (args) { return args[0] === "boot"; });
  if (!manual && !hasBoot) api.boot();
  queue.forEach(function (args) { Koban.apply(null, args); });
})(window, document);
