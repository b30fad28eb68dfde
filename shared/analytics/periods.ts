import { chinaInstant } from '../calendar';

/** A reporting period: a calendar year or one of its quarters, in China time. */
export interface Period {
  year: number;
  quarter: 1 | 2 | 3 | 4 | null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** [from, to) as instants: midnight China time at the start of the period and after it. */
export function periodBounds(p: Period): { from: Date; to: Date; fromDate: string; toDate: string } {
  const startMonth = p.quarter ? (p.quarter - 1) * 3 + 1 : 1;
  const endMonth = p.quarter ? startMonth + 3 : 13;
  const fromDate = `${p.year}-${pad(startMonth)}-01`;
  const toDate = endMonth === 13 ? `${p.year + 1}-01-01` : `${p.year}-${pad(endMonth)}-01`;
  return { from: chinaInstant(fromDate, 0), to: chinaInstant(toDate, 0), fromDate, toDate };
}

/** The months of a period as YYYY-MM. */
export function periodMonths(p: Period): string[] {
  const start = p.quarter ? (p.quarter - 1) * 3 + 1 : 1;
  const n = p.quarter ? 3 : 12;
  return Array.from({ length: n }, (_, i) => `${p.year}-${pad(start + i)}`);
}

export function periodLabel(p: Period, locale: 'zh-CN' | 'en'): string {
  if (locale === 'en') return p.quarter ? `Q${p.quarter} ${p.year}` : String(p.year);
  return p.quarter ? `${p.year}年第${'一二三四'[p.quarter - 1]}季度` : `${p.year}年`;
}
