import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

export type ImportFormat = 'xlsx' | 'csv';

/** A data row as read: its spreadsheet line (the header is line 1) and its cells, trimmed. */
export interface TableRow {
  line: number;
  cells: string[];
}

export interface Table {
  header: string[];
  /** Non-empty data rows only; blank lines are skipped but keep their line numbers. */
  rows: TableRow[];
}

/** The file could not be read as its format; `line` is where a CSV broke, if known. */
export class UnreadableFile extends Error {
  constructor(
    message: string,
    readonly line = 0,
  ) {
    super(message);
  }
}

/**
 * CSV text: UTF-8 with or without a BOM, else GB18030 (what Excel on Chinese Windows writes
 * for "CSV", and a superset of GBK and GB2312). Valid UTF-8 is rarely also meaningful
 * GB18030 in practice, so a strict UTF-8 decode that fails decides it.
 */
export function decodeCsv(content: Buffer): string {
  const bytes = content[0] === 0xef && content[1] === 0xbb && content[2] === 0xbf ? content.subarray(3) : content;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

const clean = (s: string) => s.replace(/\r\n?/g, '\n').trim();

function toTable(records: { line: number; cells: string[] }[]): Table {
  const [first, ...rest] = records;
  const header = first?.line === 1 ? first.cells : [];
  const data = first?.line === 1 ? rest : records;
  return { header, rows: data.filter((r) => r.cells.some((c) => c !== '')) };
}

function readCsv(content: Buffer): Table {
  let records: string[][];
  try {
    // Lenient about a stray quote inside an unquoted cell (5" screen) and about rows with
    // fewer or more cells than the header, as Excel is when it opens the same file.
    records = parseCsv(decodeCsv(content), { relax_quotes: true, relax_column_count: true, skip_empty_lines: false });
  } catch (err) {
    const lines = (err as { lines?: number }).lines;
    throw new UnreadableFile((err as Error).message, typeof lines === 'number' ? lines : 0);
  }
  // A quoted cell may hold line breaks, but it is still one spreadsheet row: count records.
  return toTable(records.map((cells, i) => ({ line: i + 1, cells: cells.map(clean) })));
}

/** What a cell shows: rich text joined, a hyperlink's text, a formula's result, a date as YYYY-MM-DD. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value !== 'object') return String(value);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('hyperlink' in value) return String(value.text ?? '');
  if ('formula' in value || 'sharedFormula' in value) return value.result === undefined ? '' : cellText(value.result as ExcelJS.CellValue);
  if ('error' in value) return '';
  return '';
}

async function readXlsx(content: Buffer, expectedHeader: readonly string[]): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch (err) {
    throw new UnreadableFile((err as Error).message);
  }
  // The data sheet: the one whose first row names the most expected columns (so a workbook
  // whose 说明 sheet comes first still works), else the first.
  const sheets = workbook.worksheets;
  const score = (ws: ExcelJS.Worksheet) => {
    const first = ws.getRow(1);
    let n = 0;
    first.eachCell((c) => (n += expectedHeader.includes(normaliseHeader(cellText(c.value))) ? 1 : 0));
    return n;
  };
  const sheet = [...sheets].sort((a, b) => score(b) - score(a))[0];
  if (!sheet) throw new UnreadableFile('the workbook has no sheets');
  const records: { line: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => (cells[col - 1] = clean(cellText(cell.value))));
    records.push({ line, cells: Array.from(cells, (c) => c ?? '') });
  });
  return toTable(records);
}

/** A header as typed: trimmed, without a required-marker star or (必填). */
export function normaliseHeader(h: string): string {
  return h
    .trim()
    .replace(/[*＊]+$/, '')
    .replace(/[(（]必填[)）]$/, '')
    .trim();
}

export async function readTable(content: Buffer, format: ImportFormat, expectedHeader: readonly string[]): Promise<Table> {
  const table = format === 'csv' ? readCsv(content) : await readXlsx(content, expectedHeader);
  return { ...table, header: table.header.map(normaliseHeader) };
}
