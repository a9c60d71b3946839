// @ts-check
// A lazy, foldable JSON tree: children are built on first expand, big arrays and
// objects in pages. Values only ever reach the DOM as text.
import { h, clear } from "../dom.js";
import { EN } from "../i18n/index.js";

/** @import { Result } from "../types.js" */
/** @import { Messages } from "../i18n/index.js" */

const PAGE = 100;
const LONG = 400;
const IDENT = /^[A-Za-z_$][\w$-]*$/;

/** @param {string} parent @param {string} key @param {boolean} isIndex */
function childPath(parent, key, isIndex) {
  if (isIndex) return parent + "[" + key + "]";
  return IDENT.test(key) ? parent + "." + key : parent + "[" + JSON.stringify(key) + "]";
}

/** @param {unknown} v @returns {v is Record<string, unknown> | unknown[]} */
function isContainer(v) {
  return v !== null && typeof v === "object";
}

/** @param {Record<string, unknown> | unknown[]} v @param {Messages} m */
function preview(v, m) {
  if (Array.isArray(v)) return v.length ? "[…] " + m.t("tree.items", { n: v.length }) : "[]";
  const n = Object.keys(v).length;
  return n ? "{…} " + m.t("tree.keys", { n }) : "{}";
}

/** @param {unknown} v @param {Messages} m */
function primitive(v, m) {
  if (v === null) return h("span", { class: "jt-null" }, "null");
  switch (typeof v) {
    case "string": {
      if (v.length <= LONG) return h("span", { class: "jt-str" }, JSON.stringify(v));
      const span = h("span", { class: "jt-str" }, JSON.stringify(v.slice(0, LONG)).slice(0, -1) + "…\"");
      const more = h("button", { type: "button", class: "linkbtn small", onclick: (/** @type {Event} */ e) => {
        e.stopPropagation();
        span.textContent = JSON.stringify(v);
        more.remove();
      } }, m.t("tree.showAll", { n: v.length }));
      return h("span", null, span, " ", more);
    }
    case "number": return h("span", { class: "jt-num" }, String(v));
    case "boolean": return h("span", { class: "jt-bool" }, String(v));
    default: return h("span", { class: "jt-null" }, String(v));
  }
}

/** One value of the tree; its children are built when it is first opened, a page at a time. */
class TreeNode {
  /**
   * @param {{autoDepth: number, m: Messages}} tree @param {string | number | null} key @param {unknown} value
   * @param {string} path @param {number} depth @param {"index" | "key"} keyKind
   */
  constructor(tree, key, value, path, depth, keyKind) {
    this.tree = tree;
    this.value = value;
    this.path = path;
    this.depth = depth;
    this.open = false;
    /** @type {HTMLElement | null} */
    this.kidsEl = null;
    this.shown = 0;
    /** @type {string[] | null} */
    this.keys = null;
    /** @type {TreeNode[]} */
    this.children = [];
    const container = isContainer(value);
    const m = tree.m;
    this.toggle = container
      ? h("button", { type: "button", class: "jt-toggle", "aria-label": m.t("tree.expand"), "data-state": "closed", onclick: () => this.setOpen(!this.open) }, "▸")
      : h("span", { class: "jt-toggle jt-leaf" });
    const keyEl = key == null ? null
      : h("span", { class: keyKind === "index" ? "jt-idx" : "jt-key" }, keyKind === "index" ? String(key) : JSON.stringify(key));
    this.prev = container ? h("span", { class: "jt-prev", onclick: () => this.setOpen(!this.open) }, preview(value, m)) : null;
    this.row = h("div", { class: "jt-row", title: path },
      this.toggle, keyEl, keyEl ? h("span", { class: "jt-colon" }, ": ") : null,
      container ? this.prev : primitive(value, m));
    this.el = h("div", { class: "jt-node" }, this.row);
  }

  count() {
    if (Array.isArray(this.value)) return this.value.length;
    if (!this.keys) this.keys = Object.keys(/** @type {object} */ (this.value));
    return this.keys.length;
  }

  /** @param {boolean} open */
  setOpen(open) {
    if (!isContainer(this.value)) return;
    this.open = open;
    this.toggle.textContent = open ? "▾" : "▸";
    this.toggle.setAttribute("aria-label", this.tree.m.t(open ? "tree.collapse" : "tree.expand"));
    this.toggle.setAttribute("aria-expanded", String(open));
    this.toggle.dataset.state = open ? "open" : "closed";
    if (open && !this.kidsEl) {
      this.kidsEl = h("div", { class: "jt-kids" });
      this.el.appendChild(this.kidsEl);
      this.more = null;
      this.showMore(PAGE);
    }
    if (this.kidsEl) this.kidsEl.hidden = !open;
  }

  /** @param {number} n */
  showMore(n) {
    const total = this.count();
    const end = Math.min(total, this.shown + n);
    const frag = document.createDocumentFragment();
    const value = /** @type {any} */ (this.value);
    const isArr = Array.isArray(value);
    /** @type {string[]} */
    const keys = this.keys || [];
    const kids = /** @type {HTMLElement} */ (this.kidsEl);
    for (let i = this.shown; i < end; i++) {
      const key = isArr ? i : keys[i];
      const v = value[key];
      const child = new TreeNode(this.tree, key, v, childPath(this.path, String(key), isArr), this.depth + 1, isArr ? "index" : "key");
      this.children.push(child);
      frag.appendChild(child.el);
      if (this.tree.autoDepth > this.depth + 1 && isContainer(v) && child.count() <= PAGE * 2) child.setOpen(true);
    }
    this.shown = end;
    if (this.more) { this.more.remove(); this.more = null; }
    kids.appendChild(frag);
    if (end < total) {
      const left = total - end;
      const m = this.tree.m;
      this.more = h("div", { class: "jt-more" },
        h("button", { type: "button", class: "linkbtn", "data-testid": "tree-more", onclick: () => this.showMore(PAGE) },
          m.t("tree.next", { k: Math.min(PAGE, left), shown: end, n: total })),
        left > PAGE ? h("button", { type: "button", class: "linkbtn", onclick: () => this.showMore(Math.min(left, 1000)) },
          m.t("tree.plus", { n: Math.min(left, 1000) })) : null);
      kids.appendChild(this.more);
    }
  }

  /** Child node for key (index or name), loading pages as needed. @param {string} key @returns {TreeNode | null} */
  child(key) {
    if (!isContainer(this.value)) return null;
    this.setOpen(true);
    let idx;
    if (Array.isArray(this.value)) {
      idx = Number(key);
      if (!Number.isInteger(idx) || idx < 0 || idx >= this.value.length) return null;
    } else {
      this.count();
      idx = (this.keys || []).indexOf(String(key));
      if (idx < 0) return null;
    }
    if (idx >= this.shown) this.showMore(idx - this.shown + 1);
    return this.children[idx] || null;
  }

  collapseAll() {
    for (const c of this.children) c.collapseAll();
    if (this.open) this.setOpen(false);
  }
}

/** Split a JSONPath-like path ("$.a.b[3]['x y']") into keys. @param {string} path @returns {string[]} */
export function parsePath(path) {
  /** @type {string[]} */
  const out = [];
  const re = /\.([^.[\]]+)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]|\['((?:[^'\\]|\\.)*)'\]/g;
  let s = String(path || "").trim();
  if (s.startsWith("$")) s = s.slice(1);
  let m;
  let at = 0;
  while ((m = re.exec(s))) {
    if (m.index !== at) break;
    at = re.lastIndex;
    out.push(m[1] ?? m[2] ?? (m[3] != null ? m[3].replace(/\\(.)/g, "$1") : m[4].replace(/\\(.)/g, "$1")));
  }
  return out;
}

/**
 * Build a tree for `value`. Returns {el, reveal(path), expand(depth), collapse()}.
 * opts: {rootLabel, openDepth (levels opened initially), testid, m (the interface's words), label (the tree's name)}
 * A disclosure tree: each container's toggle is a button with aria-expanded (Tab reaches them).
 * @param {unknown} value @param {{rootLabel?: string, openDepth?: number, testid?: string, m?: Messages, label?: string}} [opts]
 */
export function jsonTree(value, opts = {}) {
  const tree = { autoDepth: opts.openDepth ?? 1, m: opts.m || EN };
  const root = new TreeNode(tree, null, value, opts.rootLabel || "$", 0, "key");
  const el = h("div", { class: "jtree mono", "data-testid": opts.testid || null, role: "group", "aria-label": opts.label || null }, root.el);
  if (isContainer(value) && tree.autoDepth > 0) root.setOpen(true);
  return {
    el,
    /** Open the path and scroll it into view; true when found. @param {string} path */
    reveal(path) {
      let node = root;
      for (const k of parsePath(path)) {
        const next = node.child(k);
        if (!next) break;
        node = next;
      }
      node.row.scrollIntoView({ block: "center" });
      node.row.classList.remove("flash");
      void node.row.offsetWidth;
      node.row.classList.add("flash");
      return node !== root || parsePath(path).length === 0;
    },
    /** @param {number} depth */
    expand(depth) {
      tree.autoDepth = depth;
      const walk = (/** @type {TreeNode} */ n) => {
        if (n.depth >= depth || !isContainer(n.value)) return;
        n.setOpen(true);
        for (const c of n.children) walk(c);
      };
      walk(root);
      tree.autoDepth = opts.openDepth ?? 1;
    },
    collapse() {
      root.collapseAll();
      root.setOpen(true);
    },
  };
}

/** Render a whole-payload tree section body. @param {HTMLElement} container @param {Result<unknown>} raw @param {{size?: string, m: Messages}} opts */
export function renderRaw(container, raw, opts) {
  const m = opts.m;
  clear(container);
  if (raw.error) {
    container.appendChild(h("p", { class: "muted" }, m.t("raw.unreadable", { code: raw.error.code, detail: raw.error.message })));
    return null;
  }
  const t = jsonTree(raw.value, { openDepth: 1, testid: "raw-tree", m, label: m.t("raw.title") });
  const bar = h("div", { class: "sec-tools" },
    h("button", { type: "button", class: "btn small", onclick: () => t.expand(3) }, m.t("raw.expand3")),
    h("button", { type: "button", class: "btn small", onclick: () => t.collapse() }, m.t("raw.collapse")),
    opts.size != null ? h("span", { class: "muted small" }, opts.size) : null);
  container.append(bar, t.el);
  return t;
}
