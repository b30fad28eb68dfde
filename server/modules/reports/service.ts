import { randomUUID } from 'node:crypto';
import { PassThrough, type Readable } from 'node:stream';
import { periodBounds, type Period } from '../../../shared/analytics/periods';
import { chinaDate } from '../../../shared/calendar';
import type { QuarterlyReport, ReportExport } from '../../../shared/contracts/reports';
import type { Ctx } from '../../context';
import { requireRole } from '../../context';
import { AppError, Conflict, NotFound, ValidationError } from '../../errors';
import type { Clock } from '../../infra/clock';
import type { Executor } from '../../infra/database';
import { StoredFileMissing, type FileStorage } from '../../infra/storage';
import type { AnalyticsService } from '../analytics/service';
import type { ReportsRepository } from './repository';
import { reportFileName, rowsToWrite, writeReportWorkbook, type ReportData } from './workbook';

export interface ReportsDeps {
  clock: Clock;
  /** The dashboard's own computation and snapshot: the report's figures are the dashboard's. */
  analytics: Pick<AnalyticsService, 'figures' | 'snapshot'>;
  reports: ReportsRepository;
  storage: FileStorage;
  /** The bureau issuing the report (config BUREAU_NAME). */
  issuer: string;
}

/** Where a failed export is logged (its cause is not shown to the caller): the starting request's logger. */
export interface ExportLog {
  error(obj: object, msg: string): void;
}

export interface QuarterPeriod {
  year: number;
  quarter: 1 | 2 | 3 | 4;
}

/** Items per list on the printable page; the Excel export has every row. */
export const pageListLimit = 500;
/** Exports are kept this long, then deleted with their file. */
export const exportTtlMs = 60 * 60 * 1000;
/** Exports running at once in this process: each holds a database snapshot and CPU for zipping. */
export const maxRunningExports = 3;

interface ExportState {
  id: string;
  ownerId: string;
  period: QuarterPeriod;
  status: ReportExport['status'];
  progress: number;
  error: string | null;
  fileName: string | null;
  key: string | null;
  createdAt: number;
  log: ExportLog;
}

/**
 * 季度通报. The figures come only from the dashboard's `figures`, read in the same repeatable-
 * read snapshot as the report's lists, so the report and the dashboard cannot disagree.
 *
 * Excel exports run in this (API) process, not in the worker: the rows stream through exceljs's
 * writer into the file storage while an in-process map keeps each export's progress. With more
 * than one API process, polls and the download must reach the instance that started the export
 * (sticky sessions on the session cookie); elsewhere they answer 404. Exports are short: 30,000
 * contracts take about 1.5 s on two cores, the rows written in slices so that other requests
 * are served meanwhile.
 * The map does not survive the process: a graceful shutdown deletes the files (`discardAll`);
 * after a crash they stay in storage until cleaned up by hand.
 */
export function createReportsService(d: ReportsDeps) {
  const exports = new Map<string, ExportState>();

  /** A quarter that has begun (one ahead of today has nothing to report). */
  function checkQuarter(period: QuarterPeriod) {
    const { fromDate } = periodBounds(period);
    if (fromDate > chinaDate(d.clock.now())) throw ValidationError.field('quarter', `${period.year} Q${period.quarter} has not begun yet; pick a quarter up to the current one`);
  }

  /** Figures and lists of a quarter, in one snapshot; the lists as of the figures' `asOf`. */
  const read = (period: QuarterPeriod, limit?: number) =>
    d.analytics.snapshot(async (ex: Executor) => {
      const figures = await d.analytics.figures(ex, period);
      const { from, to } = periodBounds(period);
      const deals = await d.reports.deals(ex, from, to, limit);
      const pipeline = await d.reports.pipeline(ex, new Date(figures.asOf), limit);
      const overdue = await d.reports.overdue(ex, chinaDate(new Date(figures.asOf)), limit);
      return { figures, deals, pipeline, overdue };
    });

  async function quarterly(period: QuarterPeriod, ctx: Ctx): Promise<QuarterlyReport> {
    requireRole(ctx, 'official');
    checkQuarter(period);
    const r = await read(period, pageListLimit);
    return {
      issuer: d.issuer,
      figures: r.figures,
      deals: r.deals.items,
      pipeline: r.pipeline.items,
      overdue: r.overdue.items,
      totals: { deals: r.deals.total, pipeline: r.pipeline.total, overdue: r.overdue.total },
      listLimit: pageListLimit,
    };
  }

  const view = (e: ExportState): ReportExport => ({ id: e.id, year: e.period.year, quarter: e.period.quarter, status: e.status, progress: e.progress, error: e.error, fileName: e.fileName });

  /** Deletes an export and its file; a file that is already gone is no error. */
  async function expire(e: ExportState) {
    exports.delete(e.id);
    if (e.key) await d.storage.delete(e.key).catch((err: unknown) => e.log.error({ err, exportId: e.id }, 'could not delete an expired report export'));
  }

  /** Exports past their hour go, on every call; a timer also catches those nobody asks about again. */
  function sweep() {
    const now = d.clock.now().getTime();
    for (const e of exports.values()) if (e.status !== 'running' && now - e.createdAt > exportTtlMs) void expire(e);
  }

  async function run(e: ExportState) {
    const data: ReportData = await read(e.period).then((r) => ({ issuer: d.issuer, figures: r.figures, deals: r.deals.items, pipeline: r.pipeline.items, overdue: r.overdue.items }));
    // Reading is the first tenth; writing the rows the rest, up to 0.99 until the file is stored.
    e.progress = 0.1;
    const total = rowsToWrite(data);
    const out = new PassThrough();
    const stored = d.storage.put(out);
    try {
      await writeReportWorkbook(data, out, (written) => (e.progress = Math.min(0.99, 0.1 + (0.89 * written) / total)));
    } catch (err) {
      out.destroy(err as Error);
      await stored.catch(() => undefined);
      throw err;
    }
    e.key = (await stored).key;
    // Expired while running (an hour is far beyond any export): nobody can fetch the file.
    if (exports.get(e.id) !== e) return expire(e);
    e.fileName = reportFileName(e.period);
    e.status = 'done';
    e.progress = 1;
  }

  async function startExport(period: QuarterPeriod, ctx: Ctx, log: ExportLog): Promise<ReportExport> {
    const actor = requireRole(ctx, 'official');
    checkQuarter(period);
    sweep();
    // Pressing the button twice gives the same export, not a second one.
    for (const e of exports.values()) {
      if (e.ownerId === actor.id && e.status === 'running' && e.period.year === period.year && e.period.quarter === period.quarter) return view(e);
    }
    if ([...exports.values()].filter((e) => e.status === 'running').length >= maxRunningExports) {
      throw new AppError(429, 'RATE_LIMITED', 'other exports are still running; try again in a minute');
    }
    const e: ExportState = { id: randomUUID(), ownerId: actor.id, period, status: 'running', progress: 0, error: null, fileName: null, key: null, createdAt: d.clock.now().getTime(), log };
    exports.set(e.id, e);
    void run(e).catch((err) => {
      e.status = 'failed';
      e.error = 'the export failed; please start it again';
      log.error({ err, exportId: e.id }, 'quarterly report export failed');
    });
    setTimeout(() => void (exports.get(e.id) === e && expire(e)), exportTtlMs).unref();
    return view(e);
  }

  /** An export of the caller's own: another official's looks missing. */
  function own(id: string, ctx: Ctx): ExportState {
    const actor = requireRole(ctx, 'official');
    sweep();
    const e = exports.get(id);
    if (!e || e.ownerId !== actor.id) throw new NotFound('export');
    return e;
  }

  async function exportStatus(id: string, ctx: Ctx): Promise<ReportExport> {
    return view(own(id, ctx));
  }

  async function exportFile(id: string, ctx: Ctx): Promise<{ fileName: string; content: Readable }> {
    const e = own(id, ctx);
    if (e.status !== 'done' || !e.key || !e.fileName) throw new Conflict(e.status === 'failed' ? 'the export failed; start a new one' : 'the export is still running');
    const content = await d.storage.get(e.key).catch((err: unknown) => {
      throw err instanceof StoredFileMissing ? new NotFound('export file') : err;
    });
    return { fileName: e.fileName, content };
  }

  /**
   * On shutdown: nobody can reach an export once this process is gone, so its file goes now.
   * A running export finds itself discarded when it ends and deletes its own file.
   */
  async function discardAll() {
    await Promise.all([...exports.values()].map((e) => expire(e)));
  }

  return { quarterly, startExport, exportStatus, exportFile, discardAll };
}
export type ReportsService = ReturnType<typeof createReportsService>;
