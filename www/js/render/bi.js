// @ts-check
// A bilingual payload text in the DOM: the half (or both halves) the reader
// picked, each marked with the language the core split it into (lang="zh" /
// lang="en"), so that screen readers and fonts treat it right. The split is the
// core's (reasonBi, messageBi, Event.reason / message); this only places it.
import { h, clipped } from "../dom.js";
import { bilingual, bilingualLang } from "../fmt.js";

/** @import { Bilingual, Lang, Child } from "../types.js" */
/** @import { Messages } from "../i18n/index.js" */

/**
 * The children for a bilingual text and the `lang` of their container.
 * `fallback`: the payload's text when the core gave no split. With `max`, a long
 * text is cut (dom.js clipped(), its note in the language of `m`); both halves
 * are then one text without per-half languages.
 * @param {Bilingual | null | undefined} b @param {Lang} lang @param {string | null | undefined} fallback
 * @param {{max?: number, copy?: boolean, m?: Messages}} [o]
 * @returns {{lang: "zh" | "en" | null, children: Child}}
 */
export function biText(b, lang, fallback, o = {}) {
  const text = bilingual(b, lang) || fallback || "";
  const one = bilingualLang(b, lang);
  const fits = o.max == null || text.length <= o.max;
  if (!one && b && b.zh && b.en && b.raw.includes("##") && lang === "both" && fits) {
    return { lang: null, children: [h("span", { lang: "zh" }, b.zh), " · ", h("span", { lang: "en" }, b.en)] };
  }
  return { lang: one, children: o.max != null ? clipped(text, o.max, o.copy, o.m) : text };
}
