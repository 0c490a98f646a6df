/* Koban follow module (dist/v/<version>/koban-follow.js, minified by scripts/package.mjs): the
 * launcher's unread badge and the page's one live connection, imported by the loader at boot
 * before any wasm is fetched (public/koban.js).
 *
 * The requests this browser follows are the ones the widget created here, kept by the widget in
 * localStorage under `koban:<apiBase>:requests` as `{"tickets":[{"reference","token"}, ...]}`,
 * which is also the body of both endpoints (crates/koban-server/src/tickets/follow.rs):
 * `POST /api/v1/tickets/unread` counts the unread replies (the badge), `POST
 * /api/v1/tickets/live` is a Server-Sent Events stream read with fetch (its body carries the
 * access tokens, which never go into a URL). At most one live connection per page: closed while
 * the page is hidden or frozen (a fresh count when it shows again), reopened after an error with
 * exponential backoff and jitter (1 s doubling to 60 s, `Retry-After` honoured), and not reopened
 * after a 404 (no listed request exists) or another 4xx until the list changes. No polling.
 *
 * It also times the loader's idle preload: the wasm is fetched once the first count is drawn
 * (or failed, or after 1.5 s), so a reload shows the badge before any wasm request. It stops
 * (closes the connection, removes the badge) when the loader's `shutdown` removes the widget's
 * host element, or when the host page does.
 *
 * Nothing here throws into the host page: every failure is a `console.warn("Koban: …")`.
 * __KOBAN_UNREAD__ is filled in by scripts/package.mjs: message `launcher-unread` of every
 * locales/<locale>/widget.ftl as { locale: { variantKey: pattern, "*": defaultKey } }, where a
 * pattern's {l} is the launcher's visible label and {c} the count.
 *
 *   // In the loader (public/koban.js), at boot:
 *   import(assets + "koban-follow.js").then((m) => m.default(root, cfg, emit, api, call, load));
 *   // root: the render root in the shadow root (the launcher is next to it, none inline);
 *   // cfg: the boot config (apiBase, locale, preload); emit(name, detail): the public events;
 *   // api.on(name, fn): listens to the widget's events; call("command", "changed", [reference]): tells the
 *   // wasm widget (nothing until it is loaded); load(): loads the wasm.
 *   // → { ready: Promise (settles once the first count is drawn or failed), stop() }
 */
const UNREAD = __KOBAN_UNREAD__;
const API = "/api/v1/tickets/";
const MAX_DELAY = 60000;
const own = (o, k) => o != null && typeof o == "object" && Object.hasOwn(o, k);
const warn = (e) => console.warn("Koban: " + e);

// Badge styles until the widget's stylesheet (style/05-launcher.css) takes over with the same
// rule: the inverse of the launcher's own colours, so its contrast is the one `boot` checks.
const CSS = ".kb-launcher[data-count]::after{content:attr(data-count);position:absolute;inset-block-start:-8px;inset-inline-end:-6px;box-sizing:border-box;min-inline-size:22px;padding:0 5px;border:2px solid var(--koban-color-accent,#1f5fd6);border-radius:11px;background:var(--koban-color-on-accent,#fff);color:var(--koban-color-accent,#1f5fd6);font:700 12px/18px var(--koban-font,system-ui,sans-serif);text-align:center}";

/** The compiled `launcher-unread` table for `tag`: exact, else the first of its language, else en. */
function messages(tag) {
  // Traditional Chinese by script or region, as the widget negotiates it.
  const lower = (tag || "").toLowerCase().replace(/^zh-(hant|tw|hk|mo)\b.*/, "zh-hant");
  const keys = Object.keys(UNREAD);
  const pick = keys.find((k) => k.toLowerCase() == lower) || keys.find((k) => k.split("-")[0].toLowerCase() == lower.split("-")[0]) || "en";
  return [pick, UNREAD[pick]];
}

/** "Help, 2 unread replies" in `tag`, with `label` as the launcher's visible text. */
function unreadName(tag, label, count) {
  const [locale, table] = messages(tag);
  const key = own(table, "" + count) ? "" + count : new Intl.PluralRules(locale).select(count);
  const pattern = own(table, key) ? table[key] : table[table["*"]];
  const n = new Intl.NumberFormat(locale).format(count);
  return pattern.replace(/\{([lc])\}/g, (_, v) => (v == "l" ? label : n));
}

export default function follow(root, cfg, emit, api, call, load) {
  let host, stop = () => {}, ready;
  try {
    host = root.getRootNode().host;
    // Shut down before this module arrived: nothing to do (another boot has its own).
    if (!host.isConnected) return { ready: Promise.resolve(), stop };
    ({ stop, ready } = start(root, host, cfg, emit, api, call));
  } catch (e) {
    warn(e);
  }
  ready = Promise.resolve(ready).catch(warn);
  // The idle preload (the loader does eager and inline itself; intent waits for the user).
  Promise.race([ready, new Promise((r) => setTimeout(r, 1500))])
    .then(() => host?.isConnected && cfg.preload != "intent" && (window.requestIdleCallback || setTimeout)(load, { timeout: 3000 }))
    .catch(warn);
  return { ready, stop };
}

function start(root, host, cfg, emit, api, call) {
  // The same API base the widget keys its storage with (koban_core::boot: an absolute http(s)
  // URL without trailing slashes, else the page's origin).
  const base = typeof cfg.apiBase == "string" && /^https?:\/\//.test(cfg.apiBase) ? cfg.apiBase.replace(/\/+$/, "") : location.origin;
  const key = `koban:${base}:requests`;
  const shadow = root.getRootNode();
  const launcher = shadow.querySelector(".kb-launcher");
  // The loader's own guess until the widget marks the host with the locale it negotiated.
  const lang = cfg.locale && cfg.locale != "auto" ? cfg.locale : document.documentElement.lang || navigator.language;
  const changed = (reference) => call("command", "changed", [reference]);
  let list = [], listed = "", known = null, count = 0, named = false, stopped = false;
  let ctrl = null, timer = 0, delay = 1000, gone = false, reading = null, again = false;
  const touched = new Set();
  const off = [];
  const listen = (target, type, fn) => {
    target.addEventListener(type, fn);
    off.push(() => target.removeEventListener(type, fn));
  };
  const guard = (fn) => (...a) => {
    if (!stopped) try { fn(...a); } catch (e) { warn(e); }
  };
  const watch = (node, fn) => {
    const o = new MutationObserver(guard(fn));
    o.observe(node, { childList: true });
    off.push(() => o.disconnect());
  };

  /** The followed requests in storage (nothing, if storage is missing or holds junk). */
  const readList = () => {
    let v;
    try { v = JSON.parse(localStorage.getItem(key)); } catch { v = null; }
    const tickets = own(v, "tickets") && Array.isArray(v.tickets) ? v.tickets : [];
    return tickets.filter((t) => own(t, "reference") && own(t, "token") && typeof t.reference == "string" && typeof t.token == "string")
      .slice(0, 50).map(({ reference, token }) => ({ reference, token }));
  };

  const post = (path, signal) => fetch(base + API + path, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ tickets: list }),
    cache: "no-store",
    credentials: "omit",
    signal,
  });

  /** The launcher's visible text (its label; the count is CSS generated content). */
  const label = () => launcher.textContent.trim();

  /** The badge and the launcher's accessible name for `count`. */
  const draw = () => {
    if (!launcher || stopped) return;
    if (count > 0) {
      const tag = host.getAttribute("lang") || lang;
      // The count is drawn by CSS (`::after { content: attr(data-count) }`), not as a child: the
      // launcher's visible text stays its label, which its accessible name contains (WCAG 2.5.3),
      // and the widget's relabelling cannot wipe it.
      launcher.dataset.count = new Intl.NumberFormat(messages(tag)[0]).format(count);
      launcher.setAttribute("aria-label", unreadName(tag, label(), count));
      named = true;
    } else if (named) {
      delete launcher.dataset.count;
      launcher.removeAttribute("aria-label");
      named = false;
    }
  };

  /** Re-reads the counts (one request at a time; a request made meanwhile runs once after). */
  const refresh = (reference) => {
    if (reference) touched.add(reference);
    if (reading) return (again = true), reading;
    return (reading = (async () => {
      try {
        do {
          again = false;
          await readOnce();
        } while (again && !stopped);
      } catch (e) {
        warn(e);
      }
      reading = null;
    })());
  };

  const readOnce = async () => {
    let requests = [], total = 0;
    if (list.length) {
      try {
        const r = await post("unread");
        if (!r.ok) throw new Error(`unread replies: HTTP ${r.status}`);
        const body = await r.json();
        requests = own(body, "requests") && Array.isArray(body.requests) ? body.requests : [];
        total = own(body, "count") && Number.isInteger(body.count) ? body.count : 0;
      } catch (e) {
        touched.clear();
        return warn(e);
      }
    }
    if (stopped) return;
    const before = known;
    known = new Map();
    for (const s of requests) if (typeof s?.reference == "string") known.set(s.reference, s);
    const previous = count;
    count = total;
    draw();
    if (count != previous) emit("unreadChanged", { count });
    // What changed since the last count: the widget re-reads those (and those the stream named).
    if (before) {
      for (const [ref, s] of known) {
        const b = before.get(ref);
        if (!b || b.updatedAt != s.updatedAt || b.status != s.status || b.unread != s.unread) touched.add(ref);
        if ((s.unread || 0) > (b?.unread || 0)) emit("replyReceived", { reference: ref });
      }
    }
    for (const ref of touched) try { changed(ref); } catch (e) { warn(e); }
    touched.clear();
  };

  /** Closes the live connection (no reconnect) and forgets a pending reconnect. */
  const disconnect = () => {
    clearTimeout(timer);
    timer = 0;
    const c = ctrl;
    ctrl = null;
    c?.abort();
  };

  /** Opens the live connection, unless one is open, the page is hidden or nothing is followed. */
  const connect = async () => {
    if (stopped || ctrl || timer || gone || !list.length || document.hidden) return;
    const c = (ctrl = new AbortController());
    let opened = 0, wait = 0;
    try {
      const r = await post("live", c.signal);
      if (r.status >= 400 && r.status < 500 && r.status != 408 && r.status != 429) {
        // 404: none of the listed requests exists (any more); other 4xx: a retry would not help.
        gone = true;
        return;
      }
      if (!r.ok || !r.body) {
        wait = 1000 * (Number(r.headers.get("retry-after")) || 0);
        throw new Error(`live updates: HTTP ${r.status}`);
      }
      const reader = r.body.getReader();
      const text = new TextDecoder();
      let buf = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        // The widget is gone (its element removed with its parent): stop.
        if (!host.isConnected) return stop();
        buf += text.decode(value, { stream: true }).replace(/\r\n?/g, "\n");
        let end;
        while ((end = buf.indexOf("\n\n")) >= 0) {
          const block = buf.slice(0, end);
          buf = buf.slice(end + 2);
          let event = "message", data = "";
          for (const line of block.split("\n")) {
            const m = /^(event|data): ?(.*)$/.exec(line);
            if (m) m[1] == "event" ? (event = m[2]) : (data += (data ? "\n" : "") + m[2]);
          }
          if (event == "ready") {
            // Caught up: what changed while no connection was open (before this one, while
            // hidden, after an error) comes with a fresh count.
            opened = Date.now();
            refresh();
          } else if (event == "changed") {
            let ref;
            try {
              const d = JSON.parse(data);
              if (own(d, "reference")) ref = d.reference;
            } catch { /* junk: re-read all */ }
            refresh(typeof ref == "string" ? ref : undefined);
          }
        }
      }
      throw new Error("live updates: the connection closed");
    } catch (e) {
      if (c.signal.aborted || stopped) return;
      // A connection that stayed up a minute was a good one: start the backoff over.
      if (opened && Date.now() - opened > MAX_DELAY) delay = 1000;
      const next = Math.max(wait, delay / 2 + Math.random() * delay / 2);
      delay = Math.min(delay * 2, MAX_DELAY);
      if (!opened) warn(e.message || e);
      if (ctrl == c) ctrl = null;
      timer = setTimeout(() => { timer = 0; connect(); }, next);
    } finally {
      if (ctrl == c) ctrl = null;
    }
  };

  /** The list in storage changed (a new ticket, another tab): count and reconnect. */
  const reload = () => {
    const fresh = readList();
    const s = JSON.stringify(fresh);
    if (s == listed) return refresh();
    list = fresh;
    listed = s;
    gone = false;
    delay = 1000;
    disconnect();
    return refresh().then(connect);
  };

  const visibility = guard(() => {
    if (document.hidden) return disconnect();
    if (!ctrl && !timer) connect();
  });

  const stop = () => {
    if (stopped) return;
    try {
      disconnect();
      stopped = true;
      for (const f of off) f();
      if (named) {
        delete launcher.dataset.count;
        launcher.removeAttribute("aria-label");
      }
    } catch (e) {
      warn(e);
    }
  };

  const sheet = new CSSStyleSheet();
  sheet.replaceSync(CSS);
  shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet];
  // The widget relabels the launcher (a locale change, the host's label): the badge and the
  // accessible name follow.
  if (launcher) watch(launcher, draw);
  // `shutdown` (or the host page) removed the widget: stop.
  watch(host.parentNode, () => host.isConnected || stop());
  listen(document, "visibilitychange", visibility);
  listen(document, "freeze", guard(disconnect));
  listen(document, "resume", visibility);
  listen(window, "online", guard(() => { if (timer) { disconnect(); connect(); } }));
  listen(window, "storage", guard((e) => (e.key == key || e.key == null) && reload()));
  // The widget saved a new request, or the user read one: later, so its storage write is done.
  const later = guard(() => setTimeout(guard(reload)));
  api.on("ticketCreated", later);
  api.on("requestRead", later);
  list = readList();
  listed = JSON.stringify(list);
  return { ready: refresh().then(guard(connect)), stop };
}
