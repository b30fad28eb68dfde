/**
 * Money is stored in yuan (integers) and shown in 万元 (10,000 yuan), as bureau documents
 * and enterprises quote bounties. Conversions work on the digits, never through floats, so
 * 0.0001 万元 is exactly 1 yuan and 150.5 万元 exactly 1,505,000.
 */
export const yuanPerWan = 10_000;
/** The contract's ceiling (shared/contracts/challenges.ts `yuan`): ¥1 bn = 100,000 万元. */
export const maxYuan = 1_000_000_000;

export type WanProblem = 'format' | 'precision' | 'range';
export type WanParse = { ok: true; yuan: number } | { ok: false; problem: WanProblem };

/** Full-width digits and separators, as a Chinese IME types them, become ASCII. */
function normalise(text: string): string {
  return text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, '.')
    .replace(/[,，\s]/g, '');
}

/** What the user typed in a 万元 field, as yuan; null when the field is empty. */
export function parseWan(text: string, max = maxYuan): WanParse | null {
  const value = normalise(text);
  if (value === '') return null;
  const match = /^(\d*)(?:\.(\d*))?$/.exec(value);
  if (!match) return { ok: false, problem: 'format' };
  const whole = (match[1] ?? '').replace(/^0+(?=\d)/, '');
  const fraction = match[2] ?? '';
  if (whole === '' && fraction === '') return { ok: false, problem: 'format' };
  if (fraction.length > 4) return { ok: false, problem: 'precision' };
  // More than 15 digits would lose precision as a number; it is far above the ceiling anyway.
  if (whole.length > 15) return { ok: false, problem: 'range' };
  const yuan = Number(whole || '0') * yuanPerWan + Number(fraction.padEnd(4, '0'));
  if (yuan > max) return { ok: false, problem: 'range' };
  return { ok: true, yuan };
}

function splitWan(yuan: number): { sign: string; whole: string; fraction: string } {
  const sign = yuan < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(yuan));
  const whole = String(Math.floor(abs / yuanPerWan));
  const fraction = String(abs % yuanPerWan).padStart(4, '0').replace(/0+$/, '');
  return { sign, whole, fraction };
}

/** 1500000 → "150", 12345 → "1.2345", 1e9 → "100,000": the number shown before "万元". */
export function formatWan(yuan: number): string {
  const { sign, whole, fraction } = splitWan(yuan);
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${grouped}${fraction ? `.${fraction}` : ''}`;
}

/** The value to put back in a 万元 input (no grouping, so it parses again); '' for none. */
export function wanInput(yuan: number | null | undefined): string {
  if (yuan === null || yuan === undefined) return '';
  const { sign, whole, fraction } = splitWan(yuan);
  return `${sign}${whole}${fraction ? `.${fraction}` : ''}`;
}
