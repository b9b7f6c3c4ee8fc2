// Number, time and duration formatting. Missing values show as a dash: no data is not zero.

export const DASH = '–';

export function num(value, digits = 0) {
  if (value === null || value === undefined || Number.isNaN(value)) return DASH;
  return Number(value).toLocaleString(undefined, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

export function ms(value) {
  if (value === null || value === undefined) return DASH;
  return value >= 10_000 ? `${num(value / 1000, 1)} s` : `${num(value, value < 10 ? 1 : 0)} ms`;
}

export function percent(fraction) {
  return fraction === null || fraction === undefined ? DASH : `${num(fraction * 100, 0)} %`;
}

function pad(n) {
  return String(n).padStart(2, '0');
}

/** Local date and time, e.g. 2026-11-25 14:03:07. */
export function time(iso) {
  if (!iso) return DASH;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ` +
    `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
  );
}

export function clock(date = new Date()) {
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/** Milliseconds as a short age: 850 ms, 12 s, 3 min, 2 h. */
export function age(millis) {
  if (millis === null || millis === undefined) return DASH;
  if (millis < 1000) return `${Math.round(millis)} ms`;
  if (millis < 60_000) return `${num(millis / 1000, millis < 10_000 ? 1 : 0)} s`;
  if (millis < 3_600_000) return `${num(millis / 60_000, 0)} min`;
  return `${num(millis / 3_600_000, 1)} h`;
}

/** ISO-8601 duration (as Java's Duration writes it, e.g. PT2M30S) to seconds; null if not one. */
export function durationSeconds(iso) {
  if (typeof iso === 'number') return iso;
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(String(iso ?? ''));
  if (!m || iso === 'P' || iso === 'PT') return null;
  const [, d = 0, h = 0, min = 0, s = 0] = m;
  return Number(d) * 86400 + Number(h) * 3600 + Number(min) * 60 + Number(s);
}

/** ISO-8601 duration as people read it: PT2M30S -> 2 min 30 s. */
export function duration(iso) {
  const total = durationSeconds(iso);
  if (total === null) return iso ? String(iso) : DASH;
  if (total === 0) return '0 s';
  const parts = [];
  let rest = total;
  for (const [unit, size] of [['d', 86400], ['h', 3600], ['min', 60]]) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)} ${unit}`);
      rest %= size;
    }
  }
  if (rest > 0) parts.push(`${num(rest, Number.isInteger(rest) ? 0 : 1)} s`);
  return parts.join(' ');
}
