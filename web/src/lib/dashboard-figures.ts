import type { Dashboard } from '../../../shared/contracts/analytics';
import type { Locale } from '../../../shared/roles';
import { periodEnded } from './dashboard-period';

/**
 * How the year stands against its target. While the year runs the server's forecast decides
 * (on track / at risk, with the deals still missing); a finished year either reached the target
 * or did not. A quarter, or a year not yet begun, has no verdict: the target is a year's.
 */
export type Verdict = 'on_track' | 'at_risk' | 'achieved' | 'missed';
export interface Standing {
  verdict: Verdict;
  /** Deals still missing (0 when on track or achieved), to one decimal. */
  gap: number;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

export function standing(d: Dashboard): Standing | null {
  if (d.period.quarter !== null) return null;
  if (d.forecast) return { verdict: d.forecast.verdict, gap: d.forecast.gap };
  if (periodEnded(d.period.to, d.asOf)) {
    const gap = Math.max(0, round1(d.target.deals - d.dealsSigned));
    return { verdict: gap === 0 ? 'achieved' : 'missed', gap };
  }
  // A year not begun yet: only its target to set.
  return null;
}

/** A verdict is good news or a warning; colours and icons follow this, never the verdict alone. */
export const verdictTone = (v: Verdict): 'good' | 'bad' => (v === 'on_track' || v === 'achieved' ? 'good' : 'bad');

export interface Progress {
  /** Signed deals as a share of the target, 0–100 for the bar. */
  signed: number;
  /** What the pipeline is expected to add on top, 0–(100 − signed). */
  pipeline: number;
  /** Signed as a whole percentage of the target, uncapped (a year may pass 100 %). */
  percent: number;
}

/** The bar under "38 / 50": signed deals, then the forecast's expected rest, both capped at the target. */
export function progress(signed: number, target: number, expected: number | null): Progress {
  if (target <= 0) return { signed: 0, pipeline: 0, percent: 0 };
  const signedShare = Math.min(100, (signed / target) * 100);
  const expectedShare = expected === null ? signedShare : Math.min(100, Math.max(signedShare, (expected / target) * 100));
  return { signed: round1(signedShare), pipeline: round1(expectedShare - signedShare), percent: Math.floor((signed / target) * 100) };
}

/** Counts and averages as people read them: grouped, at most one decimal (46.2, 1,204). */
export function formatCount(n: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(n);
}

/** A share 0–1 as "62.5%". */
export function formatShare(fraction: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(fraction);
}

/** A forecast rate (deals per item; may pass 1 where one award yields several contracts), as "0.85". */
export function formatRate(rate: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(rate);
}

export const moneyKinds = ['contractValueYuan', 'subsidyYuan', 'enterpriseFundsYuan', 'tranchesPaidYuan'] as const;

export type BreakdownRow = Dashboard['breakdowns']['industry'][number];
export const breakdownKinds = ['industry', 'district', 'institution', 'broker'] as const;
export type BreakdownKind = (typeof breakdownKinds)[number];

export interface TopRows {
  shown: BreakdownRow[];
  /** Rows left out, and their deals, so the chart says what it does not show. */
  rest: { rows: number; deals: number; amountYuan: number };
}

/** The `n` largest rows (the server sorts by deals, then key); the rest summed. */
export function topRows(rows: readonly BreakdownRow[], n = 10): TopRows {
  const shown = rows.slice(0, n);
  const left = rows.slice(n);
  return {
    shown,
    rest: { rows: left.length, deals: left.reduce((s, r) => s + r.deals, 0), amountYuan: left.reduce((s, r) => s + r.amountYuan, 0) },
  };
}
