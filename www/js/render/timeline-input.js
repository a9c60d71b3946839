// @ts-check
// The lanes canvas's pointer and wheel: wheel zooms about the pointer (over the
// names, or with Shift, it scrolls; a sideways wheel pans), a drag pans in time
// and scrolls the lanes, a click selects, a double click zooms into a span, and
// a move hovers.

/** @import { Viewport } from "./timeline-viewport.js" */

/**
 * What the input drives.
 * @typedef {object} InputHost
 * @property {HTMLCanvasElement} canvas
 * @property {HTMLElement} scroll  the element that scrolls the lanes
 * @property {Viewport} vp
 * @property {(f: number, anchorX?: number) => void} zoomBy
 * @property {(fraction: number) => void} panBy
 * @property {(t0: number, t1: number) => void} setView
 * @property {(p: {x: number, y: number}) => void} hoverAt
 * @property {(p: {x: number, y: number}) => void} clickAt
 * @property {(p: {x: number, y: number}) => void} dblAt
 * @property {() => void} hideTip
 * @property {() => void} leave  the pointer left the canvas
 */

/** @param {InputHost} host */
export function installInput(host) {
  const { canvas, scroll, vp } = host;
  /** @type {{x: number, y: number, v0: number, v1: number, st: number, moved: boolean} | null} */
  let drag = null;
  /** @param {MouseEvent} e */
  const pos = (e) => {
    const r = canvas.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };

  canvas.addEventListener("wheel", (e) => {
    e.preventDefault();
    const { x } = pos(e);
    if (e.shiftKey || x < vp.plotX0) {
      scroll.scrollTop += (e.shiftKey && !e.deltaY ? e.deltaX : e.deltaY);
      return;
    }
    if (Math.abs(e.deltaX) > Math.abs(e.deltaY)) {
      host.panBy(e.deltaX / vp.plotW);
      return;
    }
    const dy = e.deltaMode === 1 ? e.deltaY * 16 : e.deltaMode === 2 ? e.deltaY * 400 : e.deltaY;
    host.zoomBy(Math.pow(1.0018, Math.max(-300, Math.min(300, dy))), x);
  }, { passive: false });

  canvas.addEventListener("pointerdown", (e) => {
    if (e.button !== 0) return;
    const p = pos(e);
    drag = { x: p.x, y: p.y, v0: vp.v0, v1: vp.v1, st: scroll.scrollTop, moved: false };
    try { canvas.setPointerCapture(e.pointerId); } catch (_) { /* synthetic */ }
  });

  canvas.addEventListener("pointermove", (e) => {
    const p = pos(e);
    if (!drag) { host.hoverAt(p); return; }
    const dx = p.x - drag.x, dy = p.y - drag.y;
    if (!drag.moved && Math.abs(dx) + Math.abs(dy) > 4) { drag.moved = true; host.hideTip(); canvas.classList.add("grabbing"); }
    if (drag.moved) {
      if (vp.hasTime && drag.x >= vp.plotX0) {
        const ms = (dx / vp.plotW) * (drag.v1 - drag.v0);
        host.setView(drag.v0 - ms, drag.v1 - ms);
      }
      scroll.scrollTop = drag.st - dy;
    }
  });

  canvas.addEventListener("pointerup", (e) => {
    const d = drag;
    drag = null;
    canvas.classList.remove("grabbing");
    if (!d || d.moved) return;
    host.clickAt(pos(e));
    canvas.focus({ preventScroll: true });
  });

  canvas.addEventListener("pointercancel", () => { drag = null; });
  canvas.addEventListener("pointerleave", () => { if (!drag) host.leave(); });
  canvas.addEventListener("dblclick", (e) => host.dblAt(pos(e)));

  return {
    /** Whether a drag is under way (no tooltip then). */
    get dragging() { return drag != null; },
  };
}
