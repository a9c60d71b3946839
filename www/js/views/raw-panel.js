// @ts-check
// A payload's "Raw payload" section: the whole payload as a lazy JSON tree, read
// from the engine the first time the section is opened (a warning's path opens
// it at that path).
import { h } from "../dom.js";
import { fmtBytes } from "../fmt.js";
import { renderRaw } from "../render/rawtree.js";
import { messages } from "../i18n/index.js";

/** @import { ViewContext, Doc } from "../types.js" */

export class RawPanel {
  /** @param {ViewContext} ctx @param {Doc} doc @param {() => boolean} dead whether the view is gone */
  constructor(ctx, doc, dead) {
    this.ctx = ctx;
    this.doc = doc;
    this.dead = dead;
    const m = messages(ctx.store.get().ui);
    this.m = m;
    this.body = h("div", { class: "panel-body" });
    this.el = h("details", { class: "panel raw-panel", id: "sec-raw", "data-testid": "raw", open: false },
      h("summary", { class: "panel-head" }, h("h3", null, m.t("raw.title")),
        h("span", { class: "muted small" }, m.t("raw.hint"))),
      this.body);
    /** The tree once drawn (false: the payload is no JSON tree). @type {ReturnType<typeof renderRaw> | false | null} */
    this.tree = null;
    /** @type {Promise<unknown> | null} */
    this.building = null;
    this.el.addEventListener("toggle", () => this.build());
  }

  /** Read and draw the tree (once), when the section is open. */
  build() {
    if (this.tree !== null || !this.el.open) return Promise.resolve(this.tree);
    if (this.building) return this.building;
    const reading = this.ctx.shell.busy(this.m.t("raw.reading"));
    this.building = this.ctx.docs.raw(this.doc).finally(reading).then((res) => {
      if (this.dead()) return null;
      this.tree = renderRaw(this.body, res, { size: fmtBytes(this.doc.size, this.m), m: this.m }) || false;
      return this.tree;
    });
    return this.building;
  }

  /** Open the section at a warning's path. @param {string} path */
  async reveal(path) {
    this.el.open = true;
    await this.build();
    if (this.tree) this.tree.reveal(path);
  }
}
