import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import { periodLabel, type Period } from '../../../shared/analytics/periods';
import { addDays } from '../../../shared/calendar';
import type { Dashboard } from '../../../shared/contracts/analytics';
import type { ReportDeal, ReportOverdueItem, ReportPipelineItem, ReportPipelineStage } from '../../../shared/contracts/reports';
import { industries } from '../../../shared/taxonomy/industries';

/**
 * The quarterly report as an Excel workbook: 汇总 (every dashboard figure of the quarter), 合同
 * (the deals), 在途 (the pipeline) and 逾期 (overdue milestones). It is a Chinese document for
 * the bureau, like the import template, so its text is Chinese only. Written with exceljs's
 * streaming writer, row by row, so a province-sized quarter never sits in memory as a workbook.
 */

/** Who issues the report. One city today; a configuration key when a second bureau joins. */

export interface ReportData {
  issuer: string;
  figures: Dashboard;
  deals: ReportDeal[];
  pipeline: ReportPipelineItem[];
  overdue: ReportOverdueItem[];
}

export const sheetNames = { summary: '汇总', deals: '合同', pipeline: '在途', overdue: '逾期' } as const;

export const reportTitle = (p: Period, issuer: string) => `${issuer}揭榜挂帅工作季度通报（${periodLabel(p, 'zh-CN')}）`;
export const reportFileName = (p: Period) => `揭榜挂帅季度通报_${periodLabel(p, 'zh-CN')}.xlsx`;

const funnelLabels: Record<Dashboard['funnel'][number]['stage'], string> = {
  submitted: '需求提交',
  published: '榜单发布',
  bid: '收到揭榜申报',
  awarded: '确定揭榜方',
  signed: '签订合同',
  accepted: '通过验收',
};
const durationLabels: Record<Dashboard['medianDays'][number]['stage'], string> = {
  vetting: '需求审核（提交至发布）',
  bidding: '揭榜申报（发布至截止）',
  review: '评审遴选（截止至确定揭榜方）',
  signing: '合同签订（确定揭榜方至签约）',
  delivery: '项目实施（签约至验收）',
};
const stageLabels: Record<ReportPipelineStage, string> = { openForBids: '揭榜中', inReview: '评审中', inNotice: '公示中', awaitingSignature: '待签合同' };
const breakdownLabels: Record<keyof Dashboard['breakdowns'], [string, string]> = {
  industry: ['按行业', '行业'],
  district: ['按地区（发榜单位所在区县）', '区县'],
  institution: ['按依托单位', '依托单位'],
  broker: ['按技术经纪人', '技术经纪人'],
};
export const summaryLabels = {
  target: '年度成交目标（项）',
  deals: '本季度成交（项）',
  contractValue: '合同金额（万元）',
  subsidy: '财政补助（万元）',
  enterpriseFunds: '企业自筹（万元）',
  tranchesPaid: '本季度拨付（万元）',
  funnelLabels,
} as const;

const notRecorded = '未填写';
const industryName = (code: string | null) => (code ? (industries.find((i) => i.code === code)?.zh ?? code) : notRecorded);
const wan = (yuan: number | null) => (yuan == null ? null : yuan / 10_000);
const monthName = (month: string) => `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月`;
/** An instant as China time, "2026-11-21 12:00". */
const chinaTime = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

const moneyFormat = '#,##0.00';
const countFormat = '#,##0';
const bold = { bold: true } as const;
const headerFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
/** Landscape A4, as wide as the page, as long as it needs. */
const pageSetup: Partial<ExcelJS.PageSetup> = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };

/** Rows between yields: the export shares the API's event loop with every other request. */
const rowsPerSlice = 250;
const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

interface Column {
  header: string;
  width: number;
  format?: string;
}

/** Rows to write in all, for progress: the lists' rows plus the summary's (a few dozen, counted as one). */
export const rowsToWrite = (d: ReportData) => 1 + d.deals.length + d.pipeline.length + d.overdue.length;

export async function writeReportWorkbook(data: ReportData, out: Writable, onRows: (written: number) => void): Promise<void> {
  const p = data.figures.period;
  const period: Period = { year: p.year, quarter: p.quarter as Period['quarter'] };
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = data.issuer;
  workbook.created = new Date(data.figures.asOf);
  const title = reportTitle(period, data.issuer);
  const periodLine = `统计期间：${p.from} 至 ${addDays(p.to, -1)}；数据截至 ${chinaTime(data.figures.asOf)}（北京时间）`;
  let written = 0;

  writeSummary(workbook, data.figures, title, periodLine);
  onRows(++written);

  /** A list sheet: title, period, header (frozen), then one row per item. */
  const list = async <T>(name: string, note: string, columns: Column[], items: T[], row: (item: T, i: number) => unknown[]) => {
    const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 3 }], pageSetup });
    sheet.columns = columns.map((c) => ({ width: c.width, style: c.format ? { numFmt: c.format } : {} }));
    heading(sheet, title, columns.length);
    sheet.addRow([`${periodLine}${note}`]).commit();
    const header = sheet.addRow(columns.map((c) => c.header));
    header.font = bold;
    header.alignment = { vertical: 'middle', wrapText: true };
    header.eachCell((cell) => (cell.fill = headerFill));
    header.commit();
    for (const [i, item] of items.entries()) {
      sheet.addRow(row(item, i)).commit();
      onRows(++written);
      if (i % rowsPerSlice === rowsPerSlice - 1) await yieldToOthers();
    }
    sheet.commit();
  };

  await list(
    sheetNames.deals,
    '；本季度签订的全部合同',
    [
      { header: '序号', width: 7 },
      { header: '签订日期', width: 12 },
      { header: '合同名称', width: 36 },
      { header: '发榜单位', width: 28 },
      { header: '所在区县', width: 12 },
      { header: '揭榜团队', width: 24 },
      { header: '依托单位', width: 24 },
      { header: '所属行业', width: 14 },
      { header: '合同金额（万元）', width: 14, format: moneyFormat },
      { header: '财政补助（万元）', width: 14, format: moneyFormat },
      { header: '企业自筹（万元）', width: 14, format: moneyFormat },
      { header: '已拨付（万元）', width: 14, format: moneyFormat },
      { header: '技术合同登记号', width: 20 },
      { header: '技术经纪人', width: 12 },
    ],
    data.deals,
    (d, i) => [i + 1, d.signedOn, d.title, d.publisher, d.district || notRecorded, d.team, d.institution, industryName(d.industry), wan(d.amountYuan), wan(d.subsidyYuan), wan(d.enterpriseFundsYuan), wan(d.paidYuan), d.registrationNo ?? '未登记', d.broker ?? ''],
  );
  await list(
    sheetNames.pipeline,
    '；在途事项为数据截至时的状态',
    [
      { header: '序号', width: 7 },
      { header: '阶段', width: 10 },
      { header: '榜单或合同名称', width: 36 },
      { header: '发榜单位', width: 28 },
      { header: '揭榜团队', width: 24 },
      { header: '进入本阶段', width: 12 },
      { header: '截止日期', width: 12 },
      { header: '揭榜申报（份）', width: 10, format: countFormat },
      { header: '榜额或合同金额（万元）', width: 16, format: moneyFormat },
    ],
    data.pipeline,
    (x, i) => [i + 1, stageLabels[x.stage], x.title, x.publisher, x.team ?? '', x.since, x.deadline ?? '', x.bids, wan(x.amountYuan)],
  );
  await list(
    sheetNames.overdue,
    '；逾期节点为数据截至时的状态',
    [
      { header: '序号', width: 7 },
      { header: '合同名称', width: 36 },
      { header: '揭榜团队', width: 24 },
      { header: '节点', width: 28 },
      { header: '到期日期', width: 12 },
      { header: '逾期起始', width: 12 },
      { header: '逾期（周）', width: 10, format: countFormat },
      { header: '节点拨付（万元）', width: 14, format: moneyFormat },
    ],
    data.overdue,
    (m, i) => [i + 1, m.contractTitle, m.team, m.milestone, m.dueOn ?? '', m.overdueSince, m.weeksOverdue, wan(m.trancheYuan)],
  );
  await workbook.commit();
}

function heading(sheet: ExcelJS.Worksheet, title: string, width: number) {
  const row = sheet.addRow([title]);
  row.font = { bold: true, size: 14 };
  row.height = 24;
  sheet.mergeCells(1, 1, 1, Math.max(width, 4));
  row.commit();
}

/** 汇总: every figure the dashboard shows for the quarter, section by section. */
function writeSummary(workbook: ExcelJS.stream.xlsx.WorkbookWriter, f: Dashboard, title: string, periodLine: string) {
  const sheet = workbook.addWorksheet(sheetNames.summary, { views: [{ state: 'frozen', ySplit: 2 }], pageSetup: { ...pageSetup, orientation: 'portrait' } });
  sheet.columns = [{ width: 36 }, { width: 16 }, { width: 16 }, { width: 16 }];
  heading(sheet, title, 4);
  sheet.addRow([periodLine]).commit();
  const add = (cells: unknown[], formats: (string | undefined)[] = []) => {
    const row = sheet.addRow(cells);
    formats.forEach((fmt, i) => fmt && (row.getCell(i + 1).numFmt = fmt));
    row.commit();
  };
  const section = (name: string, headers: string[] = []) => {
    sheet.addRow([]).commit();
    const row = sheet.addRow([name, ...headers]);
    row.font = bold;
    row.eachCell((cell) => (cell.fill = headerFill));
    row.commit();
  };

  section('一、成交与目标', ['数值']);
  add([summaryLabels.target, f.target.deals, f.target.isDefault ? '（默认目标）' : ''], [undefined, countFormat]);
  add([summaryLabels.deals, f.dealsSigned], [undefined, countFormat]);
  for (const m of f.dealsByMonth) add([`其中 ${monthName(m.month)}（项）`, m.deals], [undefined, countFormat]);

  section('二、资金', ['数值']);
  add([summaryLabels.contractValue, wan(f.money.contractValueYuan)], [undefined, moneyFormat]);
  add([summaryLabels.subsidy, wan(f.money.subsidyYuan)], [undefined, moneyFormat]);
  add([summaryLabels.enterpriseFunds, wan(f.money.enterpriseFundsYuan)], [undefined, moneyFormat]);
  add([summaryLabels.tranchesPaid, wan(f.money.tranchesPaidYuan)], [undefined, moneyFormat]);

  section('三、需求转化（本季度提交的需求走到了哪一步）', ['数量（项）', '环节转化率']);
  for (const s of f.funnel) add([funnelLabels[s.stage], s.count, s.conversion], [undefined, countFormat, '0.0%']);

  section('四、各环节用时（本季度完成该环节的事项）', ['中位天数', '事项数']);
  for (const s of f.medianDays) add([durationLabels[s.stage], s.days, s.cases], [undefined, '0.0', countFormat]);

  section('五、成交分布（本季度签订的合同）');
  for (const [by, [name, keyHeader]] of Object.entries(breakdownLabels) as [keyof Dashboard['breakdowns'], [string, string]][]) {
    section(name, []);
    const header = sheet.addRow([keyHeader, '成交（项）', '金额（万元）']);
    header.font = bold;
    header.commit();
    const rows = f.breakdowns[by];
    if (rows.length === 0) add(['（无）']);
    for (const r of rows) add([by === 'industry' ? industryName(r.key || null) : r.key || notRecorded, r.deals, wan(r.amountYuan)], [undefined, countFormat, moneyFormat]);
  }
  sheet.commit();
}
