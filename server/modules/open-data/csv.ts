import { chinaDate } from '../../../shared/calendar';
import type { OcdsRelease } from '../../../shared/contracts/open-data';

/**
 * The CSV downloads, flattened from the same OCDS releases as the JSON, so a CSV can never
 * hold more than the JSON does. RFC 4180: comma-separated, CRLF line ends, a field quoted when
 * it holds a comma, quote, CR or LF (quotes doubled). UTF-8 with a byte-order mark, without
 * which Excel reads UTF-8 as the local code page and garbles the Chinese.
 */

export type Cell = string | number | null | undefined;

/** Characters that make Excel read a text cell as a formula (CSV injection). */
const formulaStart = /^[=+\-@\t\r]/;

export function csvField(v: Cell): string {
  if (v === null || v === undefined) return '';
  // A title typed as "=HYPERLINK(…)" must stay text in a spreadsheet: a leading apostrophe
  // is how spreadsheets mark text, so the cell shows the title instead of running it.
  const s = typeof v === 'number' ? String(v) : formulaStart.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function toCsv(header: readonly string[], rows: readonly Cell[][]): string {
  return '\uFEFF' + [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** The day in China of an ISO date-time (an instant in UTC or a day at 00:00 +08:00). */
const dayOf = (iso: string | undefined) => (iso ? chinaDate(new Date(iso)) : undefined);
const join = (xs: readonly string[]) => xs.join('; ');

/** releases.csv: one row per challenge. */
export const releaseColumns = [
  'ocid',
  'challenge_id',
  'title',
  'summary',
  'description',
  'description_visibility',
  'status',
  'tender_status',
  'industry',
  'industry_chain',
  'bounty_yuan',
  'delivery_months',
  'batch',
  'published_at',
  'deadline',
  'publisher',
  'publisher_uscc',
  'joint_publishers',
  'indicators',
  'award_status',
  'award_date',
  'winners',
  'contracts',
  'contract_amount_yuan',
  'contract_statuses',
  'date_signed',
  'registration_numbers',
  'milestones',
  'milestones_met',
  'paid_yuan',
  'last_changed',
] as const;

/** The award a row reports: the standing one (in notice or final), else the latest revoked one. */
const reportedAward = (r: OcdsRelease) => r.awards.find((a) => a.status !== 'cancelled') ?? r.awards.at(-1);

export function releaseRow(r: OcdsRelease): Cell[] {
  const t = r.tender;
  const publisher = r.parties.find((p) => p.id === r.buyer.id);
  const award = reportedAward(r);
  const milestones = r.contracts.flatMap((c) => c.implementation.milestones);
  const sum = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) : null);
  return [
    r.ocid,
    t.id,
    t.title,
    t.summary,
    t.descriptionVisibility === 'public' ? t.description : '',
    t.descriptionVisibility,
    t.statusDetails,
    t.status,
    t.items[0]?.classification?.description,
    t.items[0]?.additionalClassifications[0]?.description,
    t.value?.amount,
    t.deliveryMonths,
    t.batch?.title,
    t.tenderPeriod.startDate,
    t.tenderPeriod.endDate,
    r.buyer.name,
    publisher?.identifier?.id,
    join(r.parties.filter((p) => p.id !== r.buyer.id && p.roles.includes('buyer')).map((p) => p.name)),
    join(t.indicators.map((i) => `${i.name} ${i.targetValue}${i.unit ? ` ${i.unit}` : ''}`)),
    award?.status,
    award?.date,
    join(award?.suppliers.map((s) => s.name) ?? []),
    r.contracts.length,
    sum(r.contracts.map((c) => c.value.amount)),
    join(r.contracts.map((c) => c.statusDetails)),
    join(r.contracts.map((c) => dayOf(c.dateSigned)).filter((d): d is string => !!d)),
    join(r.contracts.map((c) => c.registration?.id).filter((d): d is string => !!d)),
    milestones.length,
    milestones.filter((m) => m.status === 'met').length,
    sum(r.contracts.flatMap((c) => c.implementation.transactions.map((x) => x.value.amount))),
    r.date,
  ];
}

/** milestones.csv: one row per milestone of a published contract. */
export const milestoneColumns = [
  'ocid',
  'challenge_id',
  'challenge_title',
  'contract_id',
  'contract_status',
  'supplier',
  'milestone_id',
  'position',
  'title',
  'due_date',
  'status',
  'date_met',
  'tranche_yuan',
  'last_changed',
] as const;

export function milestoneRows(r: OcdsRelease): Cell[][] {
  return r.contracts.flatMap((c) => {
    const supplier = join(c.suppliers.map((s) => s.name));
    return c.implementation.milestones.map((m, i) => [
      r.ocid,
      r.tender.id,
      r.tender.title,
      c.id,
      c.statusDetails,
      supplier,
      m.id,
      i + 1,
      m.title,
      dayOf(m.dueDate),
      m.status,
      dayOf(m.dateMet),
      m.value.amount,
      m.dateModified,
    ]);
  });
}
