// @ts-check
// The page's inputs: the Open… file picker, the paste panel, a paste anywhere
// on the page, and files dropped anywhere (an overlay shows while dragging).
// Wired at once, before the engine is ready, so that a drop never leaves the
// page; what is given is handed on when it is.

/** @param {string} id */
const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));

/** Whether a key event comes from a text field (the page's shortcuts stay out of it). @param {EventTarget | null} t */
export function isTyping(t) {
  const el = /** @type {HTMLElement | null} */ (t);
  return !!el && (el.tagName === "INPUT" || el.tagName === "TEXTAREA" || el.tagName === "SELECT" || el.isContentEditable);
}

/** Show (true), hide (false) or toggle (undefined) the paste panel. @param {boolean} [show] */
export function togglePaste(show) {
  const p = $("paste-panel");
  p.hidden = show === undefined ? !p.hidden : !show;
  if (!p.hidden) $("paste-input").focus();
}

/**
 * @param {{onFiles: (files: File[]) => void, onText: (text: string) => void}} on
 */
export function installInputs(on) {
  const input = /** @type {HTMLInputElement} */ ($("file-input"));
  const pasteBox = /** @type {HTMLTextAreaElement} */ ($("paste-input"));
  /** Pasted text (from the box or anywhere on the page): the box closes and empties. @param {string} text */
  const openText = (text) => {
    if (text && text.trim()) { $("paste-panel").hidden = true; pasteBox.value = ""; }
    on.onText(text);
  };
  const pasted = () => openText(pasteBox.value);
  input.addEventListener("change", () => {
    const files = Array.from(input.files || []);
    input.value = "";
    if (files.length) on.onFiles(files);
  });
  $("paste-toggle").addEventListener("click", () => togglePaste());
  $("paste-cancel").addEventListener("click", () => togglePaste(false));
  $("paste-open").addEventListener("click", pasted);
  pasteBox.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { e.preventDefault(); pasted(); }
  });
  document.addEventListener("paste", (e) => {
    if (isTyping(e.target)) return;
    const dt = e.clipboardData;
    if (!dt) return;
    const files = Array.from(dt.files || []);
    if (files.length) { e.preventDefault(); on.onFiles(files); return; }
    const text = dt.getData("text/plain");
    if (text && text.trim()) { e.preventDefault(); openText(text); }
  });
  installDrop(document.body, $("drop-overlay"), on.onFiles);
}

/**
 * Calls onFiles(File[]) for drops on `target`; shows `overlay` while dragging files.
 * @param {HTMLElement} target @param {HTMLElement} overlay @param {(files: File[]) => void} onFiles
 */
function installDrop(target, overlay, onFiles) {
  let depth = 0;
  /** @param {DragEvent} e */
  const hasFiles = (e) => !!e.dataTransfer && Array.from(e.dataTransfer.types || []).includes("Files");
  target.addEventListener("dragenter", (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    depth++;
    overlay.hidden = false;
  });
  target.addEventListener("dragover", (e) => {
    if (!hasFiles(e) || !e.dataTransfer) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = "copy";
  });
  target.addEventListener("dragleave", (e) => {
    if (!hasFiles(e)) return;
    depth = Math.max(0, depth - 1);
    if (!depth) overlay.hidden = true;
  });
  target.addEventListener("drop", (e) => {
    if (!hasFiles(e) || !e.dataTransfer) return;
    e.preventDefault();
    depth = 0;
    overlay.hidden = true;
    const files = Array.from(e.dataTransfer.files || []);
    if (files.length) onFiles(files);
  });
}
