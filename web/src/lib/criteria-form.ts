import type { z } from 'zod';
import { criteriaProblems, type criteriaBody } from '../../../shared/contracts/reviews';

/** The contract allows 1–10 criteria per challenge (shared/contracts/reviews.ts). */
export const maxCriteria = 10;

/** One row of the criteria editor, as typed; the weight (percent) stays text until it is read. */
export interface CriterionValues {
  /** Stable identity for keyed lists while rows are added and removed. */
  key: number;
  name: string;
  description: string;
  weight: string;
}

let nextKey = 1;

export const emptyCriterion = (): CriterionValues => ({ key: nextKey++, name: '', description: '', weight: '' });

/** The editor's rows for saved criteria; one empty row to type in when there are none. */
export function criteriaValues(criteria: readonly { name: string; description: string; weight: number }[]): CriterionValues[] {
  if (criteria.length === 0) return [emptyCriterion()];
  return criteria.map((c) => ({ key: nextKey++, name: c.name, description: c.description, weight: String(c.weight) }));
}

/**
 * A typed weight: a whole number, nothing (so the schema says it is required), or the text
 * itself, which the schema rejects as not a number; 40% or ４０ (full-width) are read too.
 */
export function parseWeight(text: string): number | string | undefined {
  const plain = text.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/\s*[%％]$/, '');
  if (plain === '') return undefined;
  return /^\d{1,3}$/.test(plain) ? Number(plain) : text;
}

function numericWeight(row: CriterionValues): number {
  const w = parseWeight(row.weight);
  return typeof w === 'number' ? w : 0;
}

/** The live sum of the weights that are whole numbers so far. */
export function weightSum(rows: readonly CriterionValues[]): number {
  return rows.reduce((sum, row) => sum + numericWeight(row), 0);
}

/** What to validate with `criteriaBody` (and then send): the rows as the contract names them. */
export function criteriaCandidate(rows: readonly CriterionValues[]): { criteria: { name: string; description: string; weight: number | string | undefined }[] } {
  return { criteria: rows.map((row) => ({ name: row.name, description: row.description, weight: parseWeight(row.weight) })) };
}

/** The shared sum rule (weights add up to 100) on the rows as typed; the server's message, in English. */
export function sumProblem(rows: readonly CriterionValues[]): string | null {
  return criteriaProblems(rows.map((row) => ({ weight: numericWeight(row) })))[0]?.message ?? null;
}

/**
 * The form's field paths, as the server names them in `fields[].path`. The list itself comes
 * last: FormErrors places an error at the first path that is it or its parent.
 */
export function criteriaPaths(rows: readonly CriterionValues[]): string[] {
  return [...rows.flatMap((_, i) => [`criteria.${i}.name`, `criteria.${i}.description`, `criteria.${i}.weight`]), 'criteria'];
}

/** Whether the rows differ from what is saved (to warn before leaving unsaved changes). */
export function criteriaChanged(rows: readonly CriterionValues[], saved: readonly z.input<typeof criteriaBody>['criteria'][number][]): boolean {
  if (rows.length !== Math.max(saved.length, 1)) return true;
  if (saved.length === 0) return rows.some((r) => r.name.trim() || r.description.trim() || r.weight.trim());
  return rows.some((row, i) => {
    const s = saved[i];
    return !s || row.name.trim() !== s.name || row.description.trim() !== (s.description ?? '') || parseWeight(row.weight) !== s.weight;
  });
}
