// Type declarations for the Koban help widget's JS API (window.Koban).
// Usage: /// <reference path="koban.d.ts" /> or copy into your project's types.

export type KobanEvent =
  | "ready" | "open" | "close" | "error"
  | "articleRated" | "ticketQueued" | "ticketCreated"
  | "flowStarted" | "flowStepViewed" | "flowCompleted"
  | "replyReceived" | "unreadChanged" | "requestRead";

/** Fields for `Koban("prefill", ...)`: only fields still empty are filled (typing wins). */
export interface KobanPrefill {
  name?: string;
  email?: string;
  /** A ticket category id from site.toml. */
  category?: string;
  subject?: string;
  description?: string;
  /** Custom fields of the category: text, number, or true/false for a checkbox. */
  fields?: Record<string, string | number | boolean>;
}

/** The signed-in user, for `Koban("identify", ...)`. Name and email become read-only. */
export interface KobanIdentity {
  userId?: string;
  email?: string;
  name?: string;
  /** A JWT (HS256) from your backend whose `email` claim vouches for the sender. */
  token?: string;
}

export interface KobanBootConfig {
  /** Base URL of the Koban API. Default: the origin koban.js was loaded from. */
  apiBase?: string;
  /** "floating" (launcher + dialog, default) or "inline" (panel inside `mount`). */
  mode?: "floating" | "inline";
  /** CSS selector of the element the inline panel renders into. Required for inline mode. */
  mount?: string;
  /** "auto" (default: negotiated) or a BCP 47 tag such as "ja" or "pt-BR". Between this and
   *  `setLocale`, the later call wins; the user's pick in the language menu beats both. */
  locale?: string;
  /** When the wasm bundle loads: on idle (default), on first intent, or at once. */
  preload?: "idle" | "intent" | "eager";
  /** Launcher corner (mirrored in right-to-left locales). */
  position?: "bottom-right" | "bottom-left";
  /** Proactive nudges on the launcher (default true). */
  nudges?: boolean;
  /** Design tokens (`--koban-*`); a colour below WCAG AA contrast is refused with a warning. */
  theme?: KobanTheme;
  /** The launcher's text instead of the localized "Help". */
  launcherLabel?: string;
  /** An image shown before the launcher's text (https:, http:, /path or data:image/). */
  launcherIcon?: string;
}

/** Colours as "#rrggbb", "#rgb" or "rgb(r, g, b)"; lengths in px ("12px"). */
export interface KobanTheme {
  /** "light" (default), "dark" or "auto" (follows prefers-color-scheme). */
  scheme?: "light" | "dark" | "auto";
  colorAccent?: string;
  colorOnAccent?: string;
  colorBg?: string;
  colorSurface?: string;
  colorText?: string;
  colorMuted?: string;
  colorBorder?: string;
  colorFocus?: string;
  colorDanger?: string;
  colorMark?: string;
  colorOnline?: string;
  radius?: string;
  radiusSmall?: string;
  /** A font-family list. */
  font?: string;
  fontSize?: string;
  space?: string;
  /** A non-negative integer, as a string. */
  zIndex?: string;
  panelWidth?: string;
  panelHeight?: string;
  offsetX?: string;
  offsetY?: string;
}

export interface KobanErrorDetail {
  /** "load_failed" (the wasm could not load or start) or "crashed" (it failed after loading). */
  code: string;
  message?: string;
}

export interface KobanFunction {
  (verb: "boot", config?: KobanBootConfig): void;
  (verb: "shutdown" | "open" | "close" | "toggle"): void;
  /** Opens the panel on the ticket form, or on "Your requests". */
  (verb: "open", view: "ticket" | "requests"): void;
  (verb: "prefill", fields: KobanPrefill): void;
  /** Opens a guided flow (resumes an unfinished run of it). */
  (verb: "startFlow", id: string): void;
  /** A live diagnostic for flow `check` steps; throw or reject to take the step's fallback. */
  (verb: "registerCheck", name: string, check: (context: Record<string, unknown>) => string | boolean | Promise<string | boolean>): void;
  (verb: "identify", user: KobanIdentity): void;
  (verb: "setContext", context: Record<string, unknown>): void;
  /** The host's language (a BCP 47 tag); it holds for later boots that name no `locale`. */
  (verb: "setLocale", tag: string): void;
  (verb: "on" | "off", event: "error", fn: (detail: KobanErrorDetail) => void): void;
  (verb: "on" | "off", event: "ticketCreated", fn: (detail: { reference: string }) => void): void;
  (verb: "on" | "off", event: "ticketQueued", fn: (detail: { subject: string }) => void): void;
  (verb: "on" | "off", event: "flowCompleted", fn: (detail: { id: string; outcome: "resolved" | "ticket" | "link" }) => void): void;
  /** Support answered a request this browser follows (seen live, while the page is open). */
  (verb: "on" | "off", event: "replyReceived", fn: (detail: { reference: string }) => void): void;
  /** The launcher badge's count changed: how many followed requests have unread replies. */
  (verb: "on" | "off", event: "unreadChanged", fn: (detail: { count: number }) => void): void;
  /** The user read a request's thread in the widget. */
  (verb: "on" | "off", event: "requestRead", fn: (detail: { reference: string }) => void): void;
  (verb: "on" | "off", event: KobanEvent, fn: (detail?: unknown) => void): void;
  /** Present once the loader has run. */
  version?: string;
  /** Command queue used by the embed snippet before the loader arrives. */
  q?: IArguments[];
}

declare global {
  interface Window {
    Koban: KobanFunction;
  }
}
