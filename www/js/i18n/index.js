// @ts-check
// The interface's languages: one message catalog per language (en.js,
// zh-CN.js: the same keys, checked by tsc and by tests/page/i18n.test.mjs) and
// Messages, what the page formats its words and numbers with. Hand-written:
// what a library such as intl-messageformat adds (ICU syntax: select, nested
// plurals) is not needed by these messages, and the browser's Intl does the
// hard parts (plural rules, numbers, dates, zone names); this file is
// placeholders and a cache.
//
//   const m = messages("zh-CN");
//   m.t("events.count", { n: 61 })      // "61 个事件" (en: "61 events"; plural forms by Intl.PluralRules)
//   m.num(100000)                       // "100,000"
//   m.tx("replay.empty", { play: h("kbd", null, "Space") })  // text and nodes
//
// Which language: the header's switch (kept in localStorage), else the first
// of navigator.languages the page has a catalog for, else English.
import en from "./en.js";
import zhCN from "./zh-CN.js";

/** @import { Locale, MessageKey, Message, Catalog, Child } from "../types.js" */

/**
 * The languages of the interface: their names (each in its own language), their
 * catalogs, and how they write a point in time: "iso" keeps the ISO 8601 layout
 * (2024-05-13 08:21:07Z, unambiguous to every English reader), "intl" is the
 * language's own numeric date and time from Intl.DateTimeFormat (2024/05/13 08:21:07).
 * @type {Record<Locale, {name: string, catalog: Catalog, dates: "iso" | "intl"}>}
 */
export const LOCALES = {
  en: { name: "English", catalog: en, dates: "iso" },
  "zh-CN": { name: "简体中文", catalog: zhCN, dates: "intl" },
};

/** @type {Locale[]} */
export const LOCALE_IDS = ["en", "zh-CN"];

/** @param {unknown} x @returns {x is Locale} */
export function isLocale(x) {
  return typeof x === "string" && Object.prototype.hasOwnProperty.call(LOCALES, x);
}

/**
 * The language a browser asks for: the first of `languages` (navigator.languages)
 * that has a catalog — exactly, or by its language ("zh-Hans-CN", "zh-SG", "zh" → zh-CN;
 * "en-GB" → en) — else English. Traditional Chinese (zh-TW, zh-HK, zh-Hant) has no
 * catalog and is passed over.
 * @param {readonly string[] | null | undefined} languages @returns {Locale}
 */
export function negotiate(languages) {
  for (const raw of languages || []) {
    const tag = String(raw || "").toLowerCase();
    if (!tag) continue;
    if (isLocale(raw)) return raw;
    const base = tag.split("-")[0];
    if (base === "zh") {
      if (/-(tw|hk|mo|hant)\b/.test(tag) && !/-hans\b/.test(tag)) continue;
      return "zh-CN";
    }
    if (base === "en") return "en";
  }
  return "en";
}

const STORE_KEY = "execscope.locale";

/** The language the reader chose in the header, if any (localStorage; nothing when storage is off). @returns {Locale | null} */
export function savedLocale() {
  try {
    const v = localStorage.getItem(STORE_KEY);
    return isLocale(v) ? v : null;
  } catch (_) {
    return null;
  }
}

/** Keep the reader's choice. @param {Locale} locale */
export function saveLocale(locale) {
  try { localStorage.setItem(STORE_KEY, locale); } catch (_) { /* storage off: the choice lasts this page */ }
}

/** The language the page starts in: the reader's choice, else the browser's. @returns {Locale} */
export function startLocale() {
  return savedLocale() || negotiate(typeof navigator === "object" ? navigator.languages || [navigator.language] : []);
}

/** Text or a node: what tx() fills placeholders with. @typedef {string | number | Node | null | undefined} Param */

const PLACEHOLDER = /\{(\w+)\}/g;

/** The formatted messages and numbers of one language. Immutable; one per language (messages()). */
export class Messages {
  /** @param {Locale} locale */
  constructor(locale) {
    this.locale = locale;
    /** The `lang` of the page in this language. */
    this.htmlLang = locale;
    /** @type {Catalog} */
    this.catalog = LOCALES[locale].catalog;
    this.plurals = new Intl.PluralRules(locale);
    this.dates = LOCALES[locale].dates;
    this.numbers = new Intl.NumberFormat(locale === "en" ? "en-US" : locale);
    /** @type {Map<number, Intl.NumberFormat>} */
    this.fixed = new Map();
  }

  /** The message's text for a count n (plural forms). @param {MessageKey} key @param {number | undefined} n */
  pick(key, n) {
    /** @type {Message | undefined} */
    const msg = this.catalog[key] ?? en[key];
    if (msg == null) return key;
    if (typeof msg === "string") return msg;
    const form = n == null ? "other" : this.plurals.select(n);
    return msg[form] ?? msg.other;
  }

  /**
   * A message with its placeholders filled: {name} takes params.name (numbers
   * formatted in this language). A param `n` also picks the plural form.
   * @param {MessageKey} key @param {Record<string, string | number | null | undefined>} [params]
   */
  t(key, params) {
    const n = params && typeof params.n === "number" ? params.n : undefined;
    const text = this.pick(key, n);
    if (!params) return text;
    return text.replace(PLACEHOLDER, (all, name) => {
      const v = params[name];
      return v == null ? all : typeof v === "number" ? this.num(v) : v;
    });
  }

  /**
   * A message as text and nodes: a placeholder whose param is a Node is that node
   * (a <kbd>, a link), never markup from the message.
   * @param {MessageKey} key @param {Record<string, Param>} params @returns {Child[]}
   */
  tx(key, params) {
    const n = typeof params.n === "number" ? params.n : undefined;
    const text = this.pick(key, n);
    /** @type {Child[]} */
    const out = [];
    let at = 0;
    for (const m of text.matchAll(PLACEHOLDER)) {
      const i = m.index ?? 0;
      if (i > at) out.push(text.slice(at, i));
      const v = params[m[1]];
      out.push(v == null ? m[0] : typeof v === "number" ? this.num(v) : v);
      at = i + m[0].length;
    }
    if (at < text.length) out.push(text.slice(at));
    return out;
  }

  /** A number in this language ("—" for none). @param {number | null | undefined} n */
  num(n) {
    if (n == null || !isFinite(n)) return "—";
    return this.numbers.format(n);
  }

  /** A number with exactly `digits` decimals. @param {number} n @param {number} digits */
  dec(n, digits) {
    let f = this.fixed.get(digits);
    if (!f) {
      f = new Intl.NumberFormat(this.locale === "en" ? "en-US" : this.locale, { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false });
      this.fixed.set(digits, f);
    }
    return f.format(n);
  }

  /** A list ("a, b and c" / "a、b和c"). @param {readonly string[]} items */
  list(items) {
    return new Intl.ListFormat(this.locale, { type: "conjunction" }).format(items);
  }
}

/** @type {Map<Locale, Messages>} */
const made = new Map();

/** The messages of a language (made once; the same object after). @param {Locale} locale */
export function messages(locale) {
  let m = made.get(locale);
  if (!m) { m = new Messages(isLocale(locale) ? locale : "en"); made.set(locale, m); }
  return m;
}

/** English: what modules fall back to when no language is handed to them (the timeline and the graph until their words move to the catalogs). */
export const EN = messages("en");
