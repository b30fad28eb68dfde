const dayMs = 24 * 60 * 60 * 1000;
const hourMs = 60 * 60 * 1000;

export type TimeLeft = { kind: 'days'; days: number } | { kind: 'hours'; hours: number } | { kind: 'passed' } | { kind: 'none' };

/**
 * How long until a deadline, for "还剩 N 天": whole days while a day or more is left (rounded
 * down, so "1 天" never means 3 hours), hours on the last day.
 */
export function timeLeft(deadline: string | null, now: Date): TimeLeft {
  if (!deadline) return { kind: 'none' };
  const at = new Date(deadline).getTime();
  if (Number.isNaN(at)) return { kind: 'none' };
  const left = at - now.getTime();
  if (left <= 0) return { kind: 'passed' };
  if (left >= dayMs) return { kind: 'days', days: Math.floor(left / dayMs) };
  return { kind: 'hours', hours: Math.max(1, Math.ceil(left / hourMs)) };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An ISO instant as the value of an `<input type="datetime-local">`, in the browser's time zone. */
export function toDateTimeLocal(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * A datetime-local value ("2026-05-31T17:00", the browser's time zone) as ISO 8601 with the
 * offset (the contract's `z.iso.datetime({ offset: true })`), e.g. "2026-05-31T17:00:00+08:00",
 * so the server stores the instant the user meant. Null when the value is not a date.
 */
export function fromDateTimeLocal(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi, s = '00'] = match;
  const date = new Date(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  // Reject 2026-02-30 and the like, which Date would roll over silently.
  if (Number.isNaN(date.getTime()) || date.getDate() !== Number(d) || date.getMonth() !== Number(mo) - 1) return null;
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return `${y}-${mo}-${d}T${h}:${mi}:${s}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** Today in the browser's time zone as YYYY-MM-DD, for date inputs' `min`. */
export function localDate(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
