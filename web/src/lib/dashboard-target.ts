import { targetBody } from '../../../shared/contracts/analytics';

/**
 * What an official typed as the year's deal target, checked with the API's own bounds
 * (`targetBody`: a whole number of deals, 1–100,000) before it is sent.
 */
export type TargetProblem = 'required' | 'whole' | 'range';
export type TargetParse = { ok: true; deals: number } | { ok: false; problem: TargetProblem };

const dealsSchema = targetBody.shape.deals;

/** The bounds, for the input's min/max and the message. */
export const targetMin = dealsSchema.minValue ?? 1;
export const targetMax = dealsSchema.maxValue ?? Number.MAX_SAFE_INTEGER;

export function parseTarget(text: string): TargetParse {
  // Full-width digits as a Chinese IME types them; thousands separators people add.
  const value = text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[,，\s]/g, '');
  if (value === '') return { ok: false, problem: 'required' };
  if (!/^\d+$/.test(value)) return { ok: false, problem: 'whole' };
  const parsed = dealsSchema.safeParse(Number(value));
  return parsed.success ? { ok: true, deals: parsed.data } : { ok: false, problem: 'range' };
}
