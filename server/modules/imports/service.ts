import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { importJob, rankChallengeJob } from '../../../jobs/contracts';
import { importColumns, importKind, rowProblem, type ImportKind, type ImportRowError, type ImportSummary, type ImportView } from '../../../shared/contracts/imports';
import type { Ctx } from '../../context';
import { requireActor } from '../../context';
import { Forbidden, NotFound, ValidationError } from '../../errors';
import { appendAudit } from '../../infra/audit';
import type { Clock } from '../../infra/clock';
import type { Db, Executor, Tx } from '../../infra/database';
import { enqueueJob } from '../../infra/outbox';
import { StoredFileMissing, type FileStorage } from '../../infra/storage';
import { isOfficial } from '../challenges/views';
import type { TeamProfiles } from '../matching/profiles';
import { detectImportFormat, formatOfFileName } from './file-format';
import { readTable, UnreadableFile } from './parse';
import type { ImportRow, ImportSummaryRow, ImportsRepository } from './repository';
import { buildTemplate, templateFileName } from './template';
import { checkRows, fileErrors, sortErrors, teamKey, type ImportRecords } from './rows';

export interface ImportsDeps {
  db: Db;
  clock: Clock;
  storage: FileStorage;
  imports: ImportsRepository;
  /** Writes a team's profile inside the import's transaction. */
  profiles: Pick<TeamProfiles, 'write'>;
  /** Published challenges still open for bids: each is re-ranked so imported teams appear. */
  openChallenges(ex: Executor, now: Date): Promise<{ id: string; revision: number }[]>;
}

const summaryOf = (r: ImportSummaryRow): ImportSummary => ({
  id: r.id,
  kind: r.kind,
  status: r.status,
  fileName: r.fileName,
  totalRows: r.totalRows,
  processedRows: r.processedRows,
  createdCount: r.createdCount,
  errorCount: r.errorCount,
  createdByName: r.createdByName,
  createdAt: r.createdAt.toISOString(),
  finishedAt: r.finishedAt?.toISOString() ?? null,
});
const viewOf = (r: ImportRow & { createdByName: string }): ImportView => ({ ...summaryOf({ ...r, errorCount: r.errors.length }), errors: r.errors });

async function readAll(content: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of content) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * 批量导入: officials import research teams or enterprises from an .xlsx or CSV file. The
 * upload is stored and queued; the job checks every row and, only if all are good, creates
 * them (verified) in one transaction, or else records every problem and creates nothing.
 */
export function createImportsService(d: ImportsDeps) {
  const requireOfficial = (ctx: Ctx) => {
    const actor = requireActor(ctx);
    if (!isOfficial(actor)) throw new Forbidden('only officials import teams and enterprises');
    return actor;
  };

  function parseKind(kind: unknown): ImportKind {
    const parsed = importKind.safeParse(kind);
    if (!parsed.success) throw ValidationError.field('kind', 'choose "teams" or "enterprises", sent before the file');
    return parsed.data;
  }

  /** Stores the upload, records the import and queues its job, in one transaction; a refusal deletes the file. */
  async function create(kind: unknown, upload: { fileName: string; content: Readable }, ctx: Ctx): Promise<ImportView> {
    const actor = requireOfficial(ctx);
    const k = parseKind(kind);
    const stored = await d.storage.put(upload.content);
    try {
      if (stored.sizeBytes === 0) throw ValidationError.field('file', 'the file is empty');
      const { fileName } = await detectImportFormat(d.storage, stored.key, upload.fileName);
      const now = d.clock.now();
      const row = await d.db.transaction(async (tx) => {
        const row = await d.imports.insert(tx, { kind: k, status: 'queued', fileName, storageKey: stored.key, createdBy: actor.id, createdAt: now });
        await enqueueJob(tx, importJob(row.id));
        await appendAudit(tx, { at: now, actorId: actor.id, reqId: ctx.reqId, action: 'import.created', entityType: 'import', entityId: row.id, after: { kind: k, fileName, sizeBytes: stored.sizeBytes, sha256: stored.sha256 } });
        return row;
      });
      return viewOf({ ...row, createdByName: actor.name });
    } catch (err) {
      await d.storage.delete(stored.key).catch(() => undefined);
      throw err;
    }
  }

  async function list(ctx: Ctx): Promise<{ items: ImportSummary[] }> {
    requireOfficial(ctx);
    return { items: (await d.imports.recent(d.db, 30)).map(summaryOf) };
  }

  async function get(id: string, ctx: Ctx): Promise<ImportView> {
    requireOfficial(ctx);
    const row = await d.imports.find(d.db, id);
    if (!row) throw new NotFound('import');
    return viewOf(row);
  }

  async function template(kind: ImportKind, ctx: Ctx): Promise<{ fileName: string; content: Buffer }> {
    requireOfficial(ctx);
    return { fileName: templateFileName[kind], content: await buildTemplate(kind) };
  }

  /** Rows that name an organisation already registered. */
  async function registeredErrors(ex: Executor, records: ImportRecords): Promise<ImportRowError[]> {
    const errors: ImportRowError[] = [];
    if (records.kind === 'teams') {
      const header = importColumns.teams[0].header;
      const existing = new Set((await d.imports.existingTeams(ex, records.records.map((r) => r.name))).map((t) => teamKey(t.name, t.institution ?? '')));
      for (const r of records.records) if (existing.has(teamKey(r.name, r.institution))) errors.push({ line: r.line, column: header, message: rowProblem('teamExists') });
    } else {
      const [nameHeader, codeHeader] = [importColumns.enterprises[0].header, importColumns.enterprises[1].header];
      const codes = await d.imports.existingCreditCodes(ex, records.records.map((r) => r.creditCode));
      const names = await d.imports.existingEnterpriseNames(ex, records.records.map((r) => r.name));
      for (const r of records.records) {
        if (names.has(r.name)) errors.push({ line: r.line, column: nameHeader, message: rowProblem('enterpriseExists') });
        if (codes.has(r.creditCode)) errors.push({ line: r.line, column: codeHeader, message: rowProblem('creditCodeExists') });
      }
    }
    return errors;
  }

  async function fail(row: ImportRow, errors: ImportRowError[], totals: { totalRows?: number; processedRows?: number } = {}) {
    await d.imports.finish(d.db, row.id, { status: 'failed', errors: sortErrors(row.kind, errors), ...totals, finishedAt: d.clock.now() });
  }

  /** Creates every record, verified by the importing official; audits each; re-ranks open challenges for new teams. */
  async function write(tx: Tx, row: ImportRow, records: ImportRecords, now: Date): Promise<number> {
    const verified = { verification: 'verified' as const, verifiedAt: now, verifiedBy: row.createdBy, createdAt: now, updatedAt: now };
    // Ids chosen here, so each record meets its row without relying on RETURNING's order.
    const created: { id: string; line: number; after: unknown }[] = [];
    if (records.kind === 'teams') {
      const values = records.records.map((r) => ({ id: randomUUID(), kind: 'team' as const, name: r.name, institution: r.institution, institutionKind: r.institutionKind, district: r.profile.region, ...verified }));
      await d.imports.insertOrganisations(tx, values);
      for (const [i, r] of records.records.entries()) {
        await d.profiles.write(tx, values[i]!.id, r.profile, now);
        created.push({ id: values[i]!.id, line: r.line, after: { ...values[i], profile: r.profile } });
      }
    } else {
      const values = records.records.map((r) => ({ id: randomUUID(), kind: 'enterprise' as const, name: r.name, creditCode: r.creditCode, industry: r.industry, district: r.district, description: r.description, ...verified }));
      await d.imports.insertOrganisations(tx, values);
      records.records.forEach((r, i) => created.push({ id: values[i]!.id, line: r.line, after: values[i] }));
    }
    // Audited last: appendAudit holds the audit log's lock until commit, so every other
    // audited write in the system waits for it; taking it late keeps that wait short.
    for (const c of created) {
      await appendAudit(tx, { at: now, actorId: row.createdBy, action: 'organisation.imported', entityType: 'organisation', entityId: c.id, after: { importId: row.id, line: c.line, organisation: c.after } });
    }
    if (records.kind === 'teams') {
      for (const c of await d.openChallenges(tx, now)) await enqueueJob(tx, rankChallengeJob(c.id, c.revision, `import${row.id}`));
    }
    return created.length;
  }

  /**
   * The job: check every row, then create all or nothing. Idempotent: a finished import does
   * nothing, and a run that died half-way starts over (nothing was written unless it finished).
   */
  async function run(importId: string): Promise<void> {
    const row = await d.imports.find(d.db, importId);
    if (!row || row.status === 'done' || row.status === 'failed') return;
    await d.imports.update(d.db, row.id, { status: 'running', processedRows: 0, totalRows: 0 });

    let table;
    try {
      const content = await readAll(await d.storage.get(row.storageKey));
      table = await readTable(content, formatOfFileName(row.fileName), importColumns[row.kind].map((c) => c.header));
    } catch (err) {
      if (err instanceof UnreadableFile || err instanceof StoredFileMissing) return fail(row, [{ line: err instanceof UnreadableFile ? err.line : 0, column: '', message: rowProblem('unreadable') }]);
      throw err;
    }
    const totalRows = table.rows.length;
    const whole = fileErrors(row.kind, table);
    if (whole.length) return fail(row, whole, { totalRows });
    await d.imports.update(d.db, row.id, { totalRows });

    const checked = await checkRows(row.kind, table, (done) => d.imports.update(d.db, row.id, { processedRows: done }));
    const errors = [...checked.errors, ...(await registeredErrors(d.db, checked.records))];
    if (errors.length) return fail(row, errors, { totalRows, processedRows: totalRows });

    await d.db.transaction(async (tx) => {
      await d.imports.lockRun(tx, row.id);
      const current = await d.imports.find(tx, row.id);
      if (current?.status !== 'running') return;
      // Registered meanwhile (a registration, or another import committing while this one
      // checked): the unique credit code would refuse it anyway; report it like any other row.
      const late = await registeredErrors(tx, checked.records);
      if (late.length) {
        await d.imports.finish(tx, row.id, { status: 'failed', errors: sortErrors(row.kind, late), finishedAt: d.clock.now() });
        return;
      }
      const now = d.clock.now();
      const createdCount = await write(tx, row, checked.records, now);
      await d.imports.finish(tx, row.id, { status: 'done', createdCount, processedRows: totalRows, finishedAt: now });
    });
  }

  return { create, list, get, template, run };
}
export type ImportsService = ReturnType<typeof createImportsService>;
