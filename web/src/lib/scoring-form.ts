import { z } from 'zod';
import { expertTotal, maxCriterionScore, scoreBody } from '../../../shared/contracts/reviews';
import type { AssignmentState } from '../../../shared/lifecycles/review-assignment';

/** The longest comment `scoreBody` accepts (after trimming). */
export const commentMax = 1000;

export interface ScoringCriterion {
  id: string;
  name: string;
  weight: number;
}

/** One criterion's inputs as typed: the score stays text so a half-typed value is not lost. */
export interface ScoreRow {
  score: string;
  comment: string;
  shareable: boolean;
}

export const emptyRow = (): ScoreRow => ({ score: '', comment: '', shareable: false });

/** A typed score as the whole number 0–10 it stands for, else null ('', '7.5', '11', '-1'). */
export function parseScore(text: string): number | null {
  const s = text.trim();
  if (!/^\d{1,2}$/.test(s)) return null;
  const n = Number(s);
  return n <= maxCriterionScore ? n : null;
}

export type ScoringField = 'score' | 'comment';

/** The input path of a criterion's field: the body path, so server errors land on it. */
export const scorePath = (index: number, field: ScoringField) => `scores.${index}.${field}`;

/** Every path the form shows, most specific first (a server error finds its own input before the list). */
export function scoringPaths(count: number): string[] {
  const paths: string[] = [];
  for (let i = 0; i < count; i++) paths.push(scorePath(i, 'score'), scorePath(i, 'comment'));
  return [...paths, 'scores'];
}

export interface ScoringProblem {
  index: number;
  field: ScoringField;
  kind: 'required' | 'range' | 'tooLong';
}

/** What stops the form from being sent: a missing or out-of-range score, an over-long comment. */
export function scoringProblems(rows: readonly ScoreRow[]): ScoringProblem[] {
  const problems: ScoringProblem[] = [];
  rows.forEach((row, index) => {
    if (row.score.trim() === '') problems.push({ index, field: 'score', kind: 'required' });
    else if (parseScore(row.score) === null) problems.push({ index, field: 'score', kind: 'range' });
    if (row.comment.trim().length > commentMax) problems.push({ index, field: 'comment', kind: 'tooLong' });
  });
  return problems;
}

export type ScoreBody = z.output<typeof scoreBody>;

/**
 * The request body, one entry per criterion in the criteria's order (so `scores.N` in a server
 * error is criterion N on screen); null while anything is missing or invalid.
 */
export function scoreBodyFrom(criteria: readonly ScoringCriterion[], rows: readonly ScoreRow[]): ScoreBody | null {
  if (criteria.length === 0 || rows.length !== criteria.length || scoringProblems(rows).length) return null;
  const parsed = scoreBody.safeParse({
    scores: criteria.map((c, i) => ({ criterionId: c.id, score: parseScore(rows[i]!.score), comment: rows[i]!.comment, shareable: rows[i]!.shareable })),
  });
  return parsed.success ? parsed.data : null;
}

/** A total on 0–100 to one decimal (score × weight / 10 is always a multiple of 0.1; this drops float noise). */
export const roundTotal = (total: number) => Math.round(total * 10) / 10;

/** The weighted total of the scores typed so far, and how many criteria have a valid score. */
export function liveTotal(criteria: readonly ScoringCriterion[], rows: readonly ScoreRow[]): { total: number; scored: number } {
  const given: { score: number; weight: number }[] = [];
  criteria.forEach((c, i) => {
    const score = parseScore(rows[i]?.score ?? '');
    if (score !== null) given.push({ score, weight: c.weight });
  });
  return { total: roundTotal(expertTotal(given)), scored: given.length };
}

/** One criterion's share of the total for a typed score (null when the score is not valid). */
export function weighted(weight: number, score: string): number | null {
  const n = parseScore(score);
  return n === null ? null : roundTotal(expertTotal([{ score: n, weight }]));
}

// Drafts ------------------------------------------------------------------
// An expert may fill the form over an evening; what they typed is kept on the device, keyed by
// the assignment, so a reload or a closed tab loses nothing. Rows are keyed by criterion id, not
// position, so a draft stays right even if the officials reorder the criteria before scoring starts.

const draftSchema = z.object({
  v: z.literal(1),
  savedAt: z.string(),
  rows: z.record(z.string(), z.object({ score: z.string().max(10), comment: z.string().max(20_000), shareable: z.boolean() })),
});
export type ScoringDraft = z.output<typeof draftSchema>;

/** The subset of `Storage` drafts use (localStorage in the browser, a Map in tests). */
export type DraftStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export const draftKey = (assignmentId: string) => `jiebang.scoring.${assignmentId}`;

export function isBlank(rows: readonly ScoreRow[]): boolean {
  return rows.every((r) => r.score.trim() === '' && r.comment.trim() === '' && !r.shareable);
}

export function serialiseDraft(criteria: readonly ScoringCriterion[], rows: readonly ScoreRow[], now: Date): string {
  const byId: ScoringDraft['rows'] = {};
  criteria.forEach((c, i) => {
    const row = rows[i];
    if (row) byId[c.id] = { score: row.score, comment: row.comment, shareable: row.shareable };
  });
  return JSON.stringify({ v: 1, savedAt: now.toISOString(), rows: byId } satisfies ScoringDraft);
}

/** A stored draft, or null when there is none or it is not one (another version, hand-edited). */
export function parseDraft(text: string | null): ScoringDraft | null {
  if (!text) return null;
  try {
    const parsed = draftSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The form's rows for these criteria, from the draft where it has one. */
export function rowsFor(criteria: readonly ScoringCriterion[], draft: ScoringDraft | null): ScoreRow[] {
  return criteria.map((c) => {
    const saved = draft?.rows[c.id];
    return saved ? { ...saved } : emptyRow();
  });
}

/** Whether a draft holds anything for these criteria (a draft for criteria since replaced does not). */
export function draftApplies(criteria: readonly ScoringCriterion[], draft: ScoringDraft | null): draft is ScoringDraft {
  return !!draft && !isBlank(rowsFor(criteria, draft));
}

// Storage can throw (private browsing, quota): the form keeps working, only the draft is not kept.

export function loadDraft(store: DraftStore, assignmentId: string): ScoringDraft | null {
  try {
    return parseDraft(store.getItem(draftKey(assignmentId)));
  } catch {
    return null;
  }
}

/** Keeps the rows on the device (a blank form removes the draft); false when storage refused. */
export function storeDraft(store: DraftStore, assignmentId: string, criteria: readonly ScoringCriterion[], rows: readonly ScoreRow[], now: Date): boolean {
  try {
    if (isBlank(rows)) store.removeItem(draftKey(assignmentId));
    else store.setItem(draftKey(assignmentId), serialiseDraft(criteria, rows, now));
    return true;
  } catch {
    return false;
  }
}

export function clearDraft(store: DraftStore, assignmentId: string): void {
  try {
    store.removeItem(draftKey(assignmentId));
  } catch {
    // Nothing to do: a draft that cannot be removed could not have been stored either.
  }
}

// The list of assignments ----------------------------------------------------

const stateOrder: Record<AssignmentState, number> = { assigned: 0, scored: 1, recused: 2 };

/** Open assignments first (they need the expert), then scored, then recused; newest first within each. */
export function sortAssignments<T extends { status: AssignmentState; assignedAt: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => stateOrder[a.status] - stateOrder[b.status] || (Date.parse(b.assignedAt) || 0) - (Date.parse(a.assignedAt) || 0));
}
