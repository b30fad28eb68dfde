import {
  bidContent,
  bidMember,
  bidMilestone,
  indicatorResponse,
  type BidContent,
  type BidView,
} from '../../../shared/contracts/bids';
import { parseWan, wanInput, type WanProblem } from './money';

/**
 * The bid editor's values: text exactly as typed (price in 万元, months as digits), so a value
 * that is not valid yet is never lost. `key` keeps rows apart while they are added and removed.
 */
export interface BidMemberValues {
  key: number;
  name: string;
  title: string;
  role: string;
}

export interface BidMilestoneValues {
  key: number;
  title: string;
  deliverable: string;
  dueMonth: string;
  sharePercent: string;
}

/** One block per indicator of the challenge, in the challenge's order (index = indicatorIndex). */
export interface IndicatorResponseValues {
  approach: string;
  committedValue: string;
}

export interface PickedPartner {
  id: string;
  name: string;
}

export interface BidValues {
  technicalRoute: string;
  indicatorResponses: IndicatorResponseValues[];
  members: BidMemberValues[];
  partners: PickedPartner[];
  quotedPriceWan: string;
  durationMonths: string;
  milestones: BidMilestoneValues[];
}

let nextKey = 1;
export const emptyMember = (role = 'member'): BidMemberValues => ({ key: nextKey++, name: '', title: '', role });
export const emptyMilestone = (): BidMilestoneValues => ({ key: nextKey++, title: '', deliverable: '', dueMonth: '', sharePercent: '' });

/** The editor's values for a bid's content; `indicatorCount` blocks, whatever the content answers. */
export function valuesFromBid(content: BidContent, indicatorCount: number, partners: BidView['partners']): BidValues {
  const count = Math.max(indicatorCount, ...content.indicatorResponses.map((r) => r.indicatorIndex + 1), 0);
  const responses: IndicatorResponseValues[] = Array.from({ length: count }, (_, i) => {
    const r = content.indicatorResponses.find((x) => x.indicatorIndex === i);
    return { approach: r?.approach ?? '', committedValue: r?.committedValue ?? '' };
  });
  const names = new Map(partners.map((p) => [p.organisationId, p.name]));
  return {
    technicalRoute: content.technicalRoute,
    indicatorResponses: responses,
    // A new proposal starts with its lead's row: exactly one lead is required.
    members: content.members.length
      ? content.members.map((m) => ({ key: nextKey++, name: m.name, title: m.title, role: m.role }))
      : [emptyMember('lead')],
    partners: content.partnerIds.map((id) => ({ id, name: names.get(id) ?? id })),
    quotedPriceWan: wanInput(content.quotedPriceYuan),
    durationMonths: content.durationMonths === null ? '' : String(content.durationMonths),
    milestones: content.milestones.length
      ? content.milestones.map((m) => ({
          key: nextKey++,
          title: m.title,
          deliverable: m.deliverable,
          dueMonth: String(m.dueMonth),
          sharePercent: String(m.sharePercent),
        }))
      : [emptyMilestone()],
  };
}

/** A value the form cannot send yet; `blank` ones are parts of a row still being filled in. */
export type BidFieldProblem =
  | { path: string; kind: 'required' | 'invalid' | 'tooLong' | 'number' | 'range'; blank: boolean }
  | { path: string; kind: 'money'; problem: WanProblem; blank: false };

export interface BidReading {
  /** Every group that is valid as typed; a group left out keeps what was saved before. */
  content: Partial<Omit<BidContent, 'indicatorResponses'>> & { indicatorResponses: Map<number, BidContent['indicatorResponses'][number] | null> };
  problems: BidFieldProblem[];
}

const isBlank = (s: string) => s.trim() === '';
const digits = (s: string) =>
  s
    .trim()
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));

/** A whole number as typed ("12", "１２"), or why not. */
export function parseWhole(text: string, min: number, max: number): { ok: true; value: number } | { ok: false; kind: 'number' | 'range' } | null {
  const value = digits(text);
  if (value === '') return null;
  if (!/^\d+$/.test(value)) return { ok: false, kind: 'number' };
  const n = Number(value);
  if (n < min || n > max) return { ok: false, kind: 'range' };
  return { ok: true, value: n };
}

function textProblem(path: string, value: string, max: number, rowStarted: boolean): BidFieldProblem | null {
  if (isBlank(value)) return { path, kind: 'required', blank: rowStarted };
  if (value.trim().length > max) return { path, kind: 'tooLong', blank: false };
  return null;
}

/**
 * Reads the form into what may be saved. The draft endpoint takes the whole content each time
 * and its schema takes only complete rows, so a row still being typed cannot be sent: its
 * group keeps the last saved value (per indicator for responses, whole list for members and
 * milestones) until it is complete, and the typed text stays in the form.
 */
export function readBid(values: BidValues): BidReading {
  const problems: BidFieldProblem[] = [];
  const content: BidReading['content'] = { indicatorResponses: new Map() };

  const route = values.technicalRoute;
  if (route.trim().length > 20_000) problems.push({ path: 'technicalRoute', kind: 'tooLong', blank: false });
  else content.technicalRoute = route.trim();

  values.indicatorResponses.forEach((r, i) => {
    if (isBlank(r.approach) && isBlank(r.committedValue)) {
      content.indicatorResponses.set(i, null);
      return;
    }
    const rowProblems = [
      textProblem(`indicatorResponses.${i}.approach`, r.approach, 2000, true),
      textProblem(`indicatorResponses.${i}.committedValue`, r.committedValue, 50, true),
    ].filter((p) => p !== null);
    if (!rowProblems.length && !/\d/.test(r.committedValue)) {
      rowProblems.push({ path: `indicatorResponses.${i}.committedValue`, kind: 'number', blank: false });
    }
    const parsed = indicatorResponse.safeParse({ indicatorIndex: i, approach: r.approach, committedValue: r.committedValue });
    if (rowProblems.length || !parsed.success) {
      problems.push(...(rowProblems.length ? rowProblems : [{ path: `indicatorResponses.${i}.approach`, kind: 'invalid' as const, blank: false }]));
      return;
    }
    content.indicatorResponses.set(i, parsed.data);
  });

  const members: BidContent['members'] = [];
  let membersOk = true;
  values.members.forEach((m, i) => {
    if (isBlank(m.name) && isBlank(m.title)) return;
    const rowProblems = [textProblem(`members.${i}.name`, m.name, 50, true), textProblem(`members.${i}.title`, m.title, 50, true)].filter((p) => p !== null);
    const parsed = bidMember.safeParse({ name: m.name, title: m.title, role: m.role });
    if (!parsed.success && !rowProblems.length) rowProblems.push({ path: `members.${i}.role`, kind: 'required', blank: false });
    if (rowProblems.length || !parsed.success) {
      membersOk = false;
      problems.push(...rowProblems);
    } else members.push(parsed.data);
  });
  if (membersOk) content.members = members;

  content.partnerIds = values.partners.map((p) => p.id);

  const price = parseWan(values.quotedPriceWan);
  if (price === null) content.quotedPriceYuan = null;
  else if (price.ok) content.quotedPriceYuan = price.yuan;
  else problems.push({ path: 'quotedPriceWan', kind: 'money', problem: price.problem, blank: false });

  const months = parseWhole(values.durationMonths, 1, 60);
  if (months === null) content.durationMonths = null;
  else if (months.ok) content.durationMonths = months.value;
  else problems.push({ path: 'durationMonths', kind: months.kind, blank: false });

  const milestones: BidContent['milestones'] = [];
  let milestonesOk = true;
  values.milestones.forEach((m, i) => {
    if ([m.title, m.deliverable, m.dueMonth, m.sharePercent].every(isBlank)) return;
    const rowProblems: BidFieldProblem[] = [
      textProblem(`milestones.${i}.title`, m.title, 100, true),
      textProblem(`milestones.${i}.deliverable`, m.deliverable, 500, true),
    ].filter((p) => p !== null);
    const due = parseWhole(m.dueMonth, 1, 60);
    const share = parseWhole(m.sharePercent, 1, 100);
    if (due === null) rowProblems.push({ path: `milestones.${i}.dueMonth`, kind: 'required', blank: true });
    else if (!due.ok) rowProblems.push({ path: `milestones.${i}.dueMonth`, kind: due.kind, blank: false });
    if (share === null) rowProblems.push({ path: `milestones.${i}.sharePercent`, kind: 'required', blank: true });
    else if (!share.ok) rowProblems.push({ path: `milestones.${i}.sharePercent`, kind: share.kind, blank: false });
    const parsed = bidMilestone.safeParse({
      title: m.title,
      deliverable: m.deliverable,
      dueMonth: due?.ok ? due.value : undefined,
      sharePercent: share?.ok ? share.value : undefined,
    });
    if (rowProblems.length || !parsed.success) {
      milestonesOk = false;
      problems.push(...rowProblems);
    } else milestones.push(parsed.data);
  });
  if (milestonesOk) content.milestones = milestones;

  return { content, problems };
}

/**
 * The whole content to PUT: what the form holds where it is valid, the last saved value where
 * a group is still being typed. Parsed by the contract, so it is what the server accepts.
 */
export function contentToSave(reading: BidReading, saved: BidContent): BidContent {
  const responses = new Map(saved.indicatorResponses.map((r) => [r.indicatorIndex, r]));
  for (const [index, response] of reading.content.indicatorResponses) {
    if (response) responses.set(index, response);
    else responses.delete(index);
  }
  const { indicatorResponses: _ignored, ...rest } = reading.content;
  return bidContent.parse({
    ...saved,
    ...rest,
    indicatorResponses: [...responses.values()].sort((a, b) => a.indicatorIndex - b.indicatorIndex),
  });
}

/** The milestone shares typed so far, for the running total that must reach 100 %. */
export function shareTotal(rows: readonly BidMilestoneValues[]): number {
  let total = 0;
  for (const row of rows) {
    const share = parseWhole(row.sharePercent, 0, 100);
    if (share?.ok) total += share.value;
  }
  return total;
}

/** The contract keeps the price in yuan; the form's input holds 万元. */
export function inputForBidPath(path: string): string {
  if (path === 'quotedPriceYuan' || path.startsWith('quotedPriceYuan.')) return 'quotedPriceWan';
  // "indicatorResponses.2" (not answered) or its indicatorIndex: the block's first input.
  const response = /^indicatorResponses\.(\d+)(?:\.(\w+))?/.exec(path);
  if (response) {
    const part = response[2] === 'committedValue' ? 'committedValue' : 'approach';
    return `indicatorResponses.${response[1]}.${part}`;
  }
  if (path.startsWith('partnerIds')) return 'partnerIds';
  return path;
}

/** The inputs the form shows, specific ones before the groups they belong to. */
export function bidPaths(values: BidValues): string[] {
  const paths = ['technicalRoute'];
  values.indicatorResponses.forEach((_, i) => paths.push(`indicatorResponses.${i}.approach`, `indicatorResponses.${i}.committedValue`));
  values.members.forEach((_, i) => paths.push(`members.${i}.name`, `members.${i}.title`, `members.${i}.role`));
  values.milestones.forEach((_, i) =>
    paths.push(`milestones.${i}.title`, `milestones.${i}.deliverable`, `milestones.${i}.dueMonth`, `milestones.${i}.sharePercent`),
  );
  paths.push('partnerIds', 'quotedPriceWan', 'durationMonths', 'indicatorResponses', 'members', 'milestones');
  return paths;
}

/** Whether the viewer works for the bidding team (and so may edit, submit, withdraw). */
export function isTeamMember(bid: Pick<BidView, 'teamId'>, memberships: readonly { organisationId: string }[]): boolean {
  return memberships.some((m) => m.organisationId === bid.teamId);
}

/** The partner invitation the viewer's organisation has not confirmed yet, if any. */
export function pendingPartner(bid: Pick<BidView, 'partners'>, memberships: readonly { organisationId: string }[]): BidView['partners'][number] | undefined {
  return bid.partners.find((p) => !p.confirmedAt && memberships.some((m) => m.organisationId === p.organisationId));
}
