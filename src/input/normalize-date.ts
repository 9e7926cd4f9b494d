/** A stated publication date as YYYY-MM-DD, or null when it is not a date. Timezone offsets are kept as written. */
export function normalizeDate(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) {
    const ms = Math.abs(value) < 1e11 ? value * 1000 : value; // seconds or milliseconds since 1970
    const d = new Date(ms);
    // Out of Date's range (1e20) or outside years 0000-9999 (+033658-09-...): not a publication date.
    if (Number.isNaN(d.getTime())) return null;
    const y = d.getUTCFullYear();
    return y >= 0 && y <= 9999 ? d.toISOString().slice(0, 10) : null;
  }
  if (typeof value !== 'string') return null;
  const s = value.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (iso) return validDate(+iso[1]!, +iso[2]!, +iso[3]!);
  const compact = /^(\d{4})(\d{2})(\d{2})(?:T|$)/.exec(s);
  if (compact) return validDate(+compact[1]!, +compact[2]!, +compact[3]!);
  const ms = Date.parse(s);
  if (Number.isNaN(ms)) return null;
  const d = new Date(ms);
  return validDate(d.getFullYear(), d.getMonth() + 1, d.getDate());
}

function validDate(y: number, m: number, d: number): string | null {
  if (!(y >= 1 && y <= 9999)) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
