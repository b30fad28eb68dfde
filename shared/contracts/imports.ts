import { z } from 'zod';

/**
 * Imports of research teams and enterprises from an Excel (.xlsx) or CSV file (批量导入):
 * the columns of each kind, what the API says about an import, and the row problems a check
 * can report. The column headers are the file's (Chinese, as officials write them); messages
 * are English text built from `rowProblems`, so the web can recognise and translate them.
 */

export const importKind = z.enum(['teams', 'enterprises']);
export type ImportKind = z.infer<typeof importKind>;
export const importStatus = z.enum(['queued', 'running', 'failed', 'done']);
export type ImportStatus = z.infer<typeof importStatus>;

/** One import holds at most this many data rows: a city's teams fit, and the check stays in memory. */
export const maxImportRows = 20_000;

export interface ImportColumn {
  key: string;
  header: string;
  required: boolean;
}

const col = (key: string, header: string, required = false): ImportColumn => ({ key, header, required });

/** The data sheet's columns, in the template's order. */
export const importColumns = {
  teams: [
    col('name', '团队名称', true),
    col('institution', '依托单位', true),
    col('institutionKind', '单位类型', true),
    col('region', '所在地区', true),
    col('fields', '研究领域', true),
    col('keywords', '关键词', true),
    col('description', '团队简介'),
    col('capacity', '可承接合同数'),
    col('people', '团队成员'),
    col('results', '代表性成果'),
  ],
  enterprises: [col('name', '企业名称', true), col('creditCode', '统一社会信用代码', true), col('industry', '所属行业', true), col('region', '所在地区', true), col('description', '企业简介')],
} as const satisfies Record<ImportKind, readonly ImportColumn[]>;

/**
 * A problem with a row (or the file: line 0 means the file as a whole, line 1 its header).
 * `column` is the header as the template writes it, '' when no one column is at fault.
 */
export const importRowError = z.object({ line: z.number().int().min(0), column: z.string(), message: z.string() });
export type ImportRowError = z.infer<typeof importRowError>;

export const importSummary = z.object({
  id: z.uuid(),
  kind: importKind,
  status: importStatus,
  fileName: z.string(),
  totalRows: z.number().int(),
  processedRows: z.number().int(),
  createdCount: z.number().int(),
  errorCount: z.number().int(),
  createdByName: z.string(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportSummary = z.infer<typeof importSummary>;

/** An import with every problem found (empty unless it failed), sorted by line. */
export const importView = importSummary.extend({ errors: z.array(importRowError) });
export type ImportView = z.infer<typeof importView>;

export const importList = z.object({ items: z.array(importSummary) });
export const importTemplateQuery = z.object({ kind: importKind });

/**
 * What a check can say about a row, as English templates with {placeholders}. The server
 * fills them in (`rowProblem`); the web finds the template again (`matchRowProblem`) and shows
 * its own translation, falling back to the English text.
 */
export const rowProblems = {
  required: 'required',
  tooLong: 'at most {max} characters',
  tooMany: 'at most {max} entries',
  unitKind: 'unknown unit type "{value}"; use 高校, 科研院所 or 企业',
  unknownField: 'unknown field "{value}"; use a field from the 说明 sheet',
  unknownIndustry: 'unknown industry "{value}"; use an industry from the 说明 sheet',
  capacity: 'use a whole number from 0 to 50',
  person: 'entry {entry} "{value}": write a person as 姓名/职称/专长',
  personTooLong: 'entry {entry}: name and title at most 40 characters, expertise at most 200',
  result: 'entry {entry} "{value}": write a result as 类型/标题/年份 (类型 论文, 专利 or 产品; year {minYear} to {maxYear})',
  resultTooLong: 'entry {entry}: the title has at most 200 characters',
  creditCodeLength: 'a credit code has 18 characters; this one has {length}',
  creditCodeCharacter: 'a credit code has only digits and capital letters other than I, O, Z, S, V',
  creditCodeCheck: 'the check character does not match (GB 32100-2015); compare with the business licence',
  duplicateInFile: 'same as line {line}',
  teamExists: 'a team with this name and host institution is already registered',
  creditCodeExists: 'an organisation with this credit code is already registered',
  enterpriseExists: 'an enterprise with this name is already registered',
  missingColumn: 'this column is missing from the header row; start from the template',
  noRows: 'the file has no data rows',
  tooManyRows: 'the file has {count} data rows; import at most {max} at a time',
  unreadable: 'the file could not be read; save it again as .xlsx or as CSV and upload it again',
  invalid: 'invalid value',
} as const;
export type RowProblem = keyof typeof rowProblems;

export function rowProblem(problem: RowProblem, params: Record<string, string | number> = {}): string {
  return rowProblems[problem].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const matchers = (Object.entries(rowProblems) as [RowProblem, string][]).map(([problem, template]) => {
  const names: string[] = [];
  const pattern = template
    .split(/(\{\w+\})/)
    .map((part) => {
      const name = /^\{(\w+)\}$/.exec(part)?.[1];
      if (!name) return escapeRegExp(part);
      names.push(name);
      return '([\\s\\S]*?)';
    })
    .join('');
  return { problem, names, re: new RegExp(`^${pattern}$`) };
});

/** The problem and parameters a message was made from, or null for any other text. */
export function matchRowProblem(message: string): { problem: RowProblem; params: Record<string, string> } | null {
  for (const m of matchers) {
    const found = m.re.exec(message);
    if (found) return { problem: m.problem, params: Object.fromEntries(m.names.map((n, i) => [n, found[i + 1]!])) };
  }
  return null;
}
