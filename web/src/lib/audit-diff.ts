/**
 * What an audit entry changed: the keys whose value differs between `before` and `after`,
 * and how to show a recorded JSON value in one cell. Pure, so it is unit-tested.
 */
export interface AuditChange {
  /** '' when before/after are not objects (a scalar or a list was recorded). */
  key: string;
  before: unknown;
  after: unknown;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Deep equality of JSON values; absent and null count as the same (nothing recorded). */
function same(a: unknown, b: unknown): boolean {
  if ((a ?? null) === (b ?? null)) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => same(v, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => same(a[k], b[k]));
  }
  return false;
}

/**
 * The changed keys, in the order `before` then `after` lists them. A side that recorded
 * nothing (null) counts as an empty object, so a creation lists every key it set.
 */
export function auditChanges(before: unknown, after: unknown): AuditChange[] {
  const b = before ?? null;
  const a = after ?? null;
  if ((b === null || isRecord(b)) && (a === null || isRecord(a))) {
    const from = b ?? {};
    const to = a ?? {};
    const keys = [...new Set([...Object.keys(from), ...Object.keys(to)])];
    return keys.filter((k) => !same(from[k], to[k])).map((k) => ({ key: k, before: from[k] ?? null, after: to[k] ?? null }));
  }
  return same(b, a) ? [] : [{ key: '', before: b, after: a }];
}

/** Longest text one cell shows; the whole value stays available as the cell's title. */
export const maxCellLength = 300;

/** A recorded value as text: strings as they are, anything else as JSON; '' for nothing. */
export function auditValueText(v: unknown): string {
  if (v === null || v === undefined) return '';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

export function truncated(text: string, max = maxCellLength): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
