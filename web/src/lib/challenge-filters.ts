import { publicListQuery, sortKeys } from '../../../shared/contracts/challenges';
import type { IndustryCode } from '../../../shared/taxonomy/industries';
import { pageFromQuery } from './paging';

export type SortKey = (typeof sortKeys)[number];
export const publicStatuses = ['published', 'closed', 'unfilled'] as const;
export type PublicStatus = (typeof publicStatuses)[number];

/**
 * The public list's search as it lives in the address bar, so a search can be shared and the
 * back button steps through searches. The URL uses the API's own parameter names (bounty in
 * yuan, dates as YYYY-MM-DD), so a shared link and the API call say the same thing.
 */
export interface ChallengeFilters {
  q: string;
  industry: IndustryCode | null;
  bountyMinYuan: number | null;
  bountyMaxYuan: number | null;
  deadlineFrom: string | null;
  deadlineTo: string | null;
  status: PublicStatus | null;
  batchId: string | null;
  /** Null: none chosen, so the effective sort depends on whether there is a search term. */
  sort: SortKey | null;
  page: number;
}

export const emptyFilters = (): ChallengeFilters => ({
  q: '',
  industry: null,
  bountyMinYuan: null,
  bountyMaxYuan: null,
  deadlineFrom: null,
  deadlineTo: null,
  status: null,
  batchId: null,
  sort: null,
  page: 1,
});

const shape = publicListQuery.shape;

/** One query value checked with the contract's own rule; anything it refuses is dropped. */
function valid<T>(schema: { safeParse: (v: unknown) => { success: true; data: T } | { success: false } }, raw: string | null): T | null {
  if (raw === null || raw.trim() === '') return null;
  const parsed = schema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** Filters from `?q=…&industry=…`; odd values (a hand-edited link) are ignored, not errors. */
export function filtersFromQuery(query: URLSearchParams): ChallengeFilters {
  const q = valid(shape.q, query.get('q'));
  return {
    q: q ?? '',
    industry: valid(shape.industry, query.get('industry')) ?? null,
    bountyMinYuan: valid(shape.bountyMinYuan, query.get('bountyMinYuan')) ?? null,
    bountyMaxYuan: valid(shape.bountyMaxYuan, query.get('bountyMaxYuan')) ?? null,
    deadlineFrom: valid(shape.deadlineFrom, query.get('deadlineFrom')) ?? null,
    deadlineTo: valid(shape.deadlineTo, query.get('deadlineTo')) ?? null,
    status: valid(shape.status, query.get('status')) ?? null,
    batchId: valid(shape.batchId, query.get('batchId')) ?? null,
    sort: (sortKeys as readonly string[]).includes(query.get('sort') ?? '') ? (query.get('sort') as SortKey) : null,
    page: pageFromQuery(query.get('page')),
  };
}

/** The search part of the URL for `filters`, in a fixed order, leaving out what is not set. */
export function filtersToQuery(filters: ChallengeFilters): string {
  const params = new URLSearchParams();
  const q = filters.q.trim();
  if (q) params.set('q', q);
  if (filters.industry) params.set('industry', filters.industry);
  if (filters.bountyMinYuan !== null) params.set('bountyMinYuan', String(filters.bountyMinYuan));
  if (filters.bountyMaxYuan !== null) params.set('bountyMaxYuan', String(filters.bountyMaxYuan));
  if (filters.deadlineFrom) params.set('deadlineFrom', filters.deadlineFrom);
  if (filters.deadlineTo) params.set('deadlineTo', filters.deadlineTo);
  if (filters.status) params.set('status', filters.status);
  if (filters.batchId) params.set('batchId', filters.batchId);
  if (filters.sort) params.set('sort', filters.sort);
  if (filters.page > 1) params.set('page', String(filters.page));
  return params.toString();
}

/** With a search term the best matches come first; without one, the newest. */
export function effectiveSort(filters: ChallengeFilters): SortKey {
  if (filters.sort && (filters.sort !== 'relevance' || filters.q.trim())) return filters.sort;
  return filters.q.trim() ? 'relevance' : 'published';
}

/** The GET /api/challenges query for `filters`. */
export function apiQuery(filters: ChallengeFilters, pageSize: number) {
  return {
    q: filters.q.trim() || undefined,
    industry: filters.industry ?? undefined,
    bountyMinYuan: filters.bountyMinYuan ?? undefined,
    bountyMaxYuan: filters.bountyMaxYuan ?? undefined,
    deadlineFrom: filters.deadlineFrom ?? undefined,
    deadlineTo: filters.deadlineTo ?? undefined,
    status: filters.status ?? undefined,
    batchId: filters.batchId ?? undefined,
    sort: effectiveSort(filters),
    page: filters.page,
    pageSize,
  };
}

/** Whether any filter narrows the list (for the empty state: "no match" vs "nothing published"). */
export function isFiltered(filters: ChallengeFilters): boolean {
  const { sort: _sort, page: _page, ...rest } = filters;
  return Object.values(rest).some((value) => value !== null && value !== '');
}
