// @ts-check
// Times and durations as the command line prints them. Times are the core's
// epoch milliseconds (UTC); they are shown in the local zone with its offset
// (2024-05-13 16:21:07 +08:00), or in UTC with --utc (2024-05-13 08:21:07 UTC).
// The offset is always printed, so a pasted report means the same anywhere.

/** @param {number} n @param {number} [w] */
const two = (n, w = 2) => String(n).padStart(w, "0");

/**
 * The parts of an instant in the chosen zone.
 * @param {number} ms
 * @param {boolean} utc
 */
function parts(ms, utc) {
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return null;
  return utc
    ? { y: d.getUTCFullYear(), mo: d.getUTCMonth() + 1, d: d.getUTCDate(), h: d.getUTCHours(), mi: d.getUTCMinutes(), s: d.getUTCSeconds(), ms: d.getUTCMilliseconds(), off: 0 }
    : { y: d.getFullYear(), mo: d.getMonth() + 1, d: d.getDate(), h: d.getHours(), mi: d.getMinutes(), s: d.getSeconds(), ms: d.getMilliseconds(), off: -d.getTimezoneOffset() };
}

/** "+08:00", "-05:30", or "UTC". @param {number} off minutes east of UTC @param {boolean} utc */
function zone(off, utc) {
  if (utc) return "UTC";
  const sign = off < 0 ? "-" : "+";
  const a = Math.abs(off);
  return `${sign}${two(Math.floor(a / 60))}:${two(a % 60)}`;
}

/**
 * "2024-05-13 16:21:07 +08:00" (or "… UTC"); "—" for null.
 * @param {number | null | undefined} ms
 * @param {boolean} utc
 */
export function dateTime(ms, utc) {
  if (ms == null) return "—";
  const p = parts(ms, utc);
  if (!p) return "—";
  const year = p.y < 0 || p.y > 9999 ? String(p.y) : two(p.y, 4);
  return `${year}-${two(p.mo)}-${two(p.d)} ${two(p.h)}:${two(p.mi)}:${two(p.s)} ${zone(p.off, utc)}`;
}

/**
 * "16:21:07" when `ms` falls on the same day as `base` in the chosen zone, else
 * "05-14 16:21:07" (same year) or the full date and time without the zone.
 * @param {number | null | undefined} ms
 * @param {number | null | undefined} base
 * @param {boolean} utc
 */
export function clock(ms, base, utc) {
  if (ms == null) return "—";
  const p = parts(ms, utc);
  if (!p) return "—";
  const t = `${two(p.h)}:${two(p.mi)}:${two(p.s)}`;
  const b = base == null ? null : parts(base, utc);
  if (b && b.y === p.y && b.mo === p.mo && b.d === p.d) return t;
  if (b && b.y === p.y) return `${two(p.mo)}-${two(p.d)} ${t}`;
  return `${two(p.y, 4)}-${two(p.mo)}-${two(p.d)} ${t}`;
}

/** The zone label the report uses: "UTC" or "+08:00" (the zone at `ms`). @param {number | null} ms @param {boolean} utc */
export function zoneLabel(ms, utc) {
  const p = parts(ms ?? Date.now(), utc);
  return p ? zone(p.off, utc) : "UTC";
}

/**
 * "8m 38s", "1h 2m 5s", "2d 3h 4m", "15s", "450ms"; at most three units; "—" for null.
 * @param {number | null | undefined} ms
 */
export function duration(ms) {
  if (ms == null || !Number.isFinite(ms)) return "—";
  const neg = ms < 0;
  let v = Math.abs(ms);
  if (v < 1000) return `${neg ? "-" : ""}${Math.round(v)}ms`;
  v = Math.round(v / 1000);
  const units = [
    ["d", 86400],
    ["h", 3600],
    ["m", 60],
    ["s", 1],
  ];
  const out = [];
  for (const [name, size] of /** @type {[string, number][]} */ (units)) {
    const n = Math.floor(v / size);
    v -= n * size;
    if (n > 0 || out.length > 0) out.push(`${n}${name}`);
  }
  // Drop trailing zero units ("2h 0m 0s" -> "2h"), keep at most three.
  while (out.length > 1 && /^0/.test(out[out.length - 1])) out.pop();
  return (neg ? "-" : "") + out.slice(0, 3).join(" ");
}
