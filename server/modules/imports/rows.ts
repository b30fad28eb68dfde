import { z } from 'zod';
import { importColumns, maxImportRows, rowProblem, type ImportKind, type ImportRowError } from '../../../shared/contracts/imports';
import { teamProfileBody } from '../../../shared/contracts/matching';
import { creditCodeProblem } from '../../../shared/credit-code';
import { industries, type IndustryCode } from '../../../shared/taxonomy/industries';
import { industryChains } from '../../../shared/taxonomy/industry-chains';
import type { InstitutionKind } from '../../../shared/roles';
import type { Table } from './parse';

/**
 * Checking an import's rows: each row through a zod schema keyed by column, then duplicates
 * within the file. Pure: what is already registered is the service's question.
 */

export type TeamProfileBody = z.infer<typeof teamProfileBody>;
export interface TeamRecord {
  line: number;
  name: string;
  institution: string;
  institutionKind: InstitutionKind;
  profile: TeamProfileBody;
}
export interface EnterpriseRecord {
  line: number;
  name: string;
  creditCode: string;
  industry: IndustryCode;
  district: string;
  description: string;
}
export type ImportRecords = { kind: 'teams'; records: TeamRecord[] } | { kind: 'enterprises'; records: EnterpriseRecord[] };

const lookup = (entries: [string[], string][]) => new Map(entries.flatMap(([names, code]) => names.map((n) => [n.toLowerCase(), code] as const)));
const unitKinds = lookup([
  [['高校', '大学', 'university'], 'university'],
  [['科研院所', '研究院所', 'institute'], 'institute'],
  [['企业', 'company'], 'company'],
]);
/** Fields (industry-chain segments) and industries by Chinese label, English label or code. */
const fieldCodes = lookup(Object.values(industryChains).flatMap((chains) => chains.map((c): [string[], string] => [[c.zh, c.en, c.code], c.code])));
const industryCodes = lookup(industries.map((i): [string[], string] => [[i.zh, i.en, i.code], i.code]));
const resultKinds = lookup([
  [['论文', 'paper'], 'paper'],
  [['专利', 'patent'], 'patent'],
  [['产品', 'product'], 'product'],
]);

/** Keywords and fields: 、 or ； (and their ASCII or full-width cousins, or line breaks). */
const splitList = (s: string) => s.split(/[、；;，,\n]/).map((v) => v.trim()).filter(Boolean);
/** People and results: entries by ； or line break only, since 、 appears inside an expertise. */
const splitEntries = (s: string) => s.split(/[；;\n]/).map((v) => v.trim()).filter(Boolean);
const splitParts = (s: string) => s.split(/[/／]/).map((v) => v.trim());

const text = (max: number) => z.string().min(1, rowProblem('required')).max(max, rowProblem('tooLong', { max }));
const optionalText = (max: number) => z.string().max(max, rowProblem('tooLong', { max }));

const oneOf = (names: Map<string, string>, problem: 'unitKind' | 'unknownIndustry') =>
  z
    .string()
    .min(1, rowProblem('required'))
    .transform((v, ctx) => {
      const code = names.get(v.toLowerCase());
      if (!code) ctx.addIssue({ code: 'custom', message: rowProblem(problem, { value: v }) });
      return code ?? '';
    });

const list = (max: number, itemMax: number, names?: Map<string, string>) =>
  z.string().transform((v, ctx) => {
    const items = splitList(v);
    if (items.length === 0) ctx.addIssue({ code: 'custom', message: rowProblem('required') });
    else if (items.length > max) ctx.addIssue({ code: 'custom', message: rowProblem('tooMany', { max }) });
    const out: string[] = [];
    for (const item of items) {
      const code = names ? names.get(item.toLowerCase()) : item;
      if (!code) ctx.addIssue({ code: 'custom', message: rowProblem('unknownField', { value: item }) });
      else if (code.length > itemMax) ctx.addIssue({ code: 'custom', message: rowProblem('tooLong', { max: itemMax }) });
      else if (!out.includes(code)) out.push(code);
    }
    return out;
  });

const capacity = z.string().transform((v, ctx) => {
  if (v === '') return 3;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 50) ctx.addIssue({ code: 'custom', message: rowProblem('capacity') });
  return n;
});

const people = z.string().transform((v, ctx) => {
  const entries = splitEntries(v);
  if (entries.length > 50) ctx.addIssue({ code: 'custom', message: rowProblem('tooMany', { max: 50 }) });
  return entries.map((entry, i) => {
    const [name = '', title = '', ...rest] = splitParts(entry);
    const expertise = rest.join('/');
    if (!name) ctx.addIssue({ code: 'custom', message: rowProblem('person', { entry: i + 1, value: entry }) });
    else if (name.length > 40 || title.length > 40 || expertise.length > 200) ctx.addIssue({ code: 'custom', message: rowProblem('personTooLong', { entry: i + 1 }) });
    return { name, title, expertise };
  });
});

const minYear = 1950;
const results = z.string().transform((v, ctx) => {
  const maxYear = new Date().getFullYear() + 1;
  const entries = splitEntries(v);
  if (entries.length > 100) ctx.addIssue({ code: 'custom', message: rowProblem('tooMany', { max: 100 }) });
  return entries.map((entry, i) => {
    const parts = splitParts(entry);
    // The title may itself hold a slash: the type is the first part, the year the last.
    const kind = resultKinds.get((parts[0] ?? '').toLowerCase());
    const year = parts.length >= 3 && /^\d{4}$/.test(parts.at(-1)!) ? Number(parts.at(-1)) : NaN;
    const title = parts.slice(1, -1).join('/').trim();
    if (!kind || !title || !(year >= minYear && year <= maxYear)) ctx.addIssue({ code: 'custom', message: rowProblem('result', { entry: i + 1, value: entry, minYear, maxYear }) });
    else if (title.length > 200) ctx.addIssue({ code: 'custom', message: rowProblem('resultTooLong', { entry: i + 1 }) });
    return { kind: (kind ?? 'paper') as 'paper' | 'patent' | 'product', title, year };
  });
});

/** Full-width letters and digits (typed with a Chinese IME) become ASCII; spaces go. */
const normaliseCode = (v: string) => v.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
const creditCode = z
  .string()
  .min(1, rowProblem('required'))
  .transform(normaliseCode)
  .superRefine((v, ctx) => {
    const problem = creditCodeProblem(v);
    if (problem === 'length') ctx.addIssue({ code: 'custom', message: rowProblem('creditCodeLength', { length: Array.from(v).length }) });
    else if (problem === 'character') ctx.addIssue({ code: 'custom', message: rowProblem('creditCodeCharacter') });
    else if (problem === 'check') ctx.addIssue({ code: 'custom', message: rowProblem('creditCodeCheck') });
  });

const teamRow = z.object({
  name: text(100),
  institution: text(100),
  institutionKind: oneOf(unitKinds, 'unitKind'),
  region: text(50),
  fields: list(6, 30, fieldCodes),
  keywords: list(15, 30),
  description: optionalText(3000),
  capacity,
  people,
  results,
});

const enterpriseRow = z.object({
  name: text(100),
  creditCode,
  industry: oneOf(industryCodes, 'unknownIndustry'),
  region: text(50),
  description: optionalText(2000),
});

const headerOf = (kind: ImportKind, key: PropertyKey | undefined) => importColumns[kind].find((c) => c.key === key)?.header ?? '';

/** The row's cells by column key, using the header's order (extra columns are ignored). */
function cellsByKey(kind: ImportKind, header: string[], cells: string[]): Record<string, string> {
  return Object.fromEntries(importColumns[kind].map((c) => [c.key, cells[header.indexOf(c.header)] ?? '']));
}

function issuesToErrors(kind: ImportKind, line: number, issues: z.core.$ZodIssue[]): ImportRowError[] {
  const seen = new Set<string>();
  const out: ImportRowError[] = [];
  for (const issue of issues) {
    const column = headerOf(kind, issue.path[0]);
    // One message per column and text: a list with three unknown fields says so three times
    // (each names its value), but a repeated identical complaint is noise.
    const key = `${column}\u0000${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ line, column, message: issue.message });
  }
  return out;
}

/** The header's problems: a missing required column, once each, on line 1. */
export function headerErrors(kind: ImportKind, header: string[]): ImportRowError[] {
  return importColumns[kind].filter((c) => c.required && !header.includes(c.header)).map((c) => ({ line: 1, column: c.header, message: rowProblem('missingColumn') }));
}

/** Whole-file problems that stop before any row is checked. */
export function fileErrors(kind: ImportKind, table: Table): ImportRowError[] {
  const header = headerErrors(kind, table.header);
  if (header.length) return header;
  if (table.rows.length === 0) return [{ line: 0, column: '', message: rowProblem('noRows') }];
  if (table.rows.length > maxImportRows) return [{ line: 0, column: '', message: rowProblem('tooManyRows', { count: table.rows.length, max: maxImportRows }) }];
  return [];
}

type Checked<R> = { ok: true; record: R } | { ok: false; errors: ImportRowError[] };

function checkTeam(header: string[], line: number, cells: string[]): Checked<TeamRecord> {
  const parsed = teamRow.safeParse(cellsByKey('teams', header, cells));
  if (!parsed.success) return { ok: false, errors: issuesToErrors('teams', line, parsed.error.issues) };
  const r = parsed.data;
  // The profile is what profiles.write takes: checked against its own contract as well.
  const profile = teamProfileBody.safeParse({ fields: r.fields, keywords: r.keywords, description: r.description, region: r.region, capacity: r.capacity, people: r.people, results: r.results });
  if (!profile.success) return { ok: false, errors: issuesToErrors('teams', line, profile.error.issues.map((i) => ({ ...i, message: rowProblem('invalid') }))) };
  return { ok: true, record: { line, name: r.name, institution: r.institution, institutionKind: r.institutionKind as InstitutionKind, profile: profile.data } };
}

function checkEnterprise(header: string[], line: number, cells: string[]): Checked<EnterpriseRecord> {
  const parsed = enterpriseRow.safeParse(cellsByKey('enterprises', header, cells));
  if (!parsed.success) return { ok: false, errors: issuesToErrors('enterprises', line, parsed.error.issues) };
  const r = parsed.data;
  return { ok: true, record: { line, name: r.name, creditCode: r.creditCode, industry: r.industry as IndustryCode, district: r.region, description: r.description } };
}

/** Identity keys of a row within a file: a team by name and host institution; an enterprise by credit code, and by name. */
export const teamKey = (name: string, institution: string) => `${name}\u0000${institution}`;

/**
 * Checks every row (after `fileErrors` found none), reporting progress every `every` rows.
 * Duplicates within the file are reported on the later line, naming the earlier one.
 */
export async function checkRows(kind: ImportKind, table: Table, onProgress: (done: number) => Promise<void>, every = 200): Promise<{ errors: ImportRowError[]; records: ImportRecords }> {
  const errors: ImportRowError[] = [];
  const teams: TeamRecord[] = [];
  const enterprises: EnterpriseRecord[] = [];
  const firstLine = new Map<string, number>();
  const duplicate = (key: string, line: number, column: string) => {
    const earlier = firstLine.get(key);
    if (earlier === undefined) firstLine.set(key, line);
    else errors.push({ line, column, message: rowProblem('duplicateInFile', { line: earlier }) });
    return earlier !== undefined;
  };
  const cols = importColumns[kind];
  const pick = (cells: string[], key: string) => cells[table.header.indexOf(cols.find((c) => c.key === key)!.header)] ?? '';

  for (const [i, row] of table.rows.entries()) {
    if (kind === 'teams') {
      const checked = checkTeam(table.header, row.line, row.cells);
      if (checked.ok) teams.push(checked.record);
      else errors.push(...checked.errors);
      const name = pick(row.cells, 'name');
      const institution = pick(row.cells, 'institution');
      if (name && institution) duplicate(`team\u0000${teamKey(name, institution)}`, row.line, headerOf(kind, 'name'));
    } else {
      const checked = checkEnterprise(table.header, row.line, row.cells);
      if (checked.ok) enterprises.push(checked.record);
      else errors.push(...checked.errors);
      const code = normaliseCode(pick(row.cells, 'creditCode'));
      if (code) duplicate(`code\u0000${code}`, row.line, headerOf(kind, 'creditCode'));
      const name = pick(row.cells, 'name');
      if (name) duplicate(`name\u0000${name}`, row.line, headerOf(kind, 'name'));
    }
    if ((i + 1) % every === 0) await onProgress(i + 1);
  }
  await onProgress(table.rows.length);
  return { errors, records: kind === 'teams' ? { kind, records: teams } : { kind, records: enterprises } };
}

/** Errors in reading order: by line, then by the column's place in the template. */
export function sortErrors(kind: ImportKind, errors: ImportRowError[]): ImportRowError[] {
  const order = (column: string) => {
    const i = importColumns[kind].findIndex((c) => c.header === column);
    return i < 0 ? -1 : i;
  };
  return [...errors].sort((a, b) => a.line - b.line || order(a.column) - order(b.column));
}
