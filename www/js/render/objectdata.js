// @ts-check
// spec.objectData / spec.changedObjectData of the selected run, decoded by the
// core (data/docs.js): a foldable tree for JSON, preformatted text for YAML/text, a
// hex dump for binary; size, copy and download.
import { h, copyText, downloadText } from "../dom.js";
import { fmtBytes } from "../fmt.js";
import { jsonTree } from "./rawtree.js";

/** @import { DecodedObjectData, Result } from "../types.js" */
/** @import { Messages } from "../i18n/index.js" */
/** One decoded field: its label, the payload's text (null: absent), what the core decoded, the JSON pretty-printed. @typedef {{label: string, raw: string | null, decoded?: Result<DecodedObjectData>, pretty?: string | null}} ObjectDataItem */

/** @param {string} hex @param {number} byteLength @param {Messages} m */
function hexDump(hex, byteLength, m) {
  const lines = [];
  const n = Math.floor(hex.length / 2);
  for (let off = 0; off < n; off += 16) {
    const bytes = [];
    let ascii = "";
    for (let i = off; i < Math.min(n, off + 16); i++) {
      const b = hex.slice(i * 2, i * 2 + 2);
      bytes.push(b);
      const c = parseInt(b, 16);
      ascii += c >= 0x20 && c < 0x7f ? String.fromCharCode(c) : ".";
    }
    lines.push(off.toString(16).padStart(8, "0") + "  " + bytes.join(" ").padEnd(47, " ") + "  " + ascii);
  }
  if (byteLength > n) lines.push(m.t("od.moreBytes", { more: byteLength - n, n }));
  return lines.join("\n");
}

/** @type {Record<string, string>} */
const EXT = { json: "json", yaml: "yaml", text: "txt", binary: "hex.txt" };

/**
 * items: [{label, raw (payload string or null), decoded: {value}|{error}, pretty (string for json)}]
 * o: {runName, m}
 */
/** @param {ObjectDataItem[]} items @param {{runName?: string, m: Messages}} o */
export function renderObjectData(items, o) {
  const wrap = h("div", { class: "od-list" });
  for (const it of items) wrap.appendChild(block(it, o));
  return wrap;
}

/** @param {ObjectDataItem} it @param {{runName?: string, m: Messages}} o */
function block(it, o) {
  const m = o.m;
  const head = h("div", { class: "od-head" }, h("h4", { class: "od-label mono" }, it.label));
  const card = h("div", { class: "od", "data-testid": "od-" + it.label }, head);
  if (it.raw == null || !it.decoded) {
    head.appendChild(h("span", { class: "pill" }, m.t("od.absent")));
    card.appendChild(h("p", { class: "muted small od-note" }, m.t("od.notIn")));
    return card;
  }
  if (it.decoded.error) {
    const e = it.decoded.error;
    head.appendChild(h("span", { class: "pill pill-bad" }, e.code));
    card.appendChild(h("p", { class: "od-note error-inline", "data-testid": "od-error" }, h("span", { lang: "en" }, e.message),
      e.offset != null ? m.t("od.atOffset", { offset: e.offset }) : ""));
    return card;
  }
  const d = it.decoded.value;
  if (d.status === "redacted") {
    head.appendChild(h("span", { class: "pill pill-warn" }, m.t("od.redacted")));
    card.appendChild(h("p", { class: "od-note", "data-testid": "od-redacted" },
      h("span", { class: "lock", "aria-hidden": "true" }, "🔒 "),
      m.tx("od.redactedText", { value: h("code", null, it.raw.length > 20 ? it.raw.slice(0, 20) + "…" : it.raw) })));
    return card;
  }
  if (d.status === "empty") {
    head.appendChild(h("span", { class: "pill" }, m.t("od.empty")));
    card.appendChild(h("p", { class: "muted small od-note" }, m.t("od.emptyText")));
    return card;
  }
  const isJson = d.format === "json";
  const text = (isJson ? it.pretty : d.text) || "";
  head.append(
    h("span", { class: "pill", "data-testid": "od-format" }, d.format || "text"),
    h("span", { class: "muted small", "data-testid": "od-size" }, d.byteLength >= 1024 ? m.t("od.bytes", { size: fmtBytes(d.byteLength, m), n: d.byteLength }) : fmtBytes(d.byteLength, m)),
    h("span", { class: "spacer" }));
  const status = h("span", { class: "muted small", "aria-live": "polite" });
  const copyBtn = h("button", { type: "button", class: "btn small", "data-testid": "od-copy", onclick: async () => {
    const ok = await copyText(text);
    status.textContent = m.t(ok ? "od.copied" : "od.copyFailed");
    setTimeout(() => { status.textContent = ""; }, 1500);
  } }, m.t("od.copy"));
  const fname = (o.runName || "run").replace(/[^\w.-]+/g, "_") + "-" + it.label + "." + ((d.format && EXT[d.format]) || "txt");
  const dlBtn = h("button", { type: "button", class: "btn small", "data-testid": "od-download",
    onclick: () => downloadText(text, fname, isJson ? "application/json" : "text/plain;charset=utf-8") }, m.t("od.download"));
  // A YAML template is shown as a tree too: the core parses it into the same
  // value a JSON one gives (`json`, null when it did not parse); Text shows the YAML as written.
  const hasTree = isJson || (d.format === "yaml" && d.json != null);
  let body;
  if (hasTree) {
    const tree = jsonTree(d.json, { openDepth: 3, rootLabel: it.label, m, label: it.label });
    const pre = h("pre", { class: "od-text mono", hidden: true, tabindex: "0" }, text);
    let asText = false;
    const viewBtn = h("button", { type: "button", class: "btn small", onclick: () => {
      asText = !asText;
      tree.el.hidden = asText;
      pre.hidden = !asText;
      viewBtn.textContent = m.t(asText ? "od.tree" : "od.text");
    } }, m.t("od.text"));
    head.append(status, viewBtn, copyBtn, dlBtn);
    body = h("div", { class: "od-body" }, tree.el, pre);
  } else {
    head.append(status, copyBtn, dlBtn);
    body = h("div", { class: "od-body" }, h("pre", { class: "od-text mono", tabindex: "0" }, d.format === "binary" ? hexDump(d.text, d.byteLength, m) : d.text));
  }
  card.appendChild(body);
  return card;
}
