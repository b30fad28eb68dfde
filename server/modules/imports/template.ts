import ExcelJS from 'exceljs';
import { importColumns, maxImportRows, type ImportKind } from '../../../shared/contracts/imports';
import { creditCodeCheckCharacter } from '../../../shared/credit-code';
import { industries } from '../../../shared/taxonomy/industries';
import { industryChains } from '../../../shared/taxonomy/industry-chains';

/**
 * The import template: a data sheet whose first row is the header, and a 说明 sheet that
 * explains every column with an example and lists the allowed values in full. The template is
 * a Chinese document for officials, so its text is Chinese only.
 */

export const dataSheetName: Record<ImportKind, string> = { teams: '团队信息', enterprises: '企业信息' };
export const templateFileName: Record<ImportKind, string> = { teams: '团队导入模板.xlsx', enterprises: '企业导入模板.xlsx' };

const exampleCode = (() => {
  const body = '91321002MA1N2P3Q4';
  return body + creditCodeCheckCharacter(body);
})();

/** Per column: how to fill it in, and an example. Keyed by column key. */
const help: Record<ImportKind, Record<string, [string, string]>> = {
  teams: {
    name: ['不超过 100 字。同一依托单位下的团队名称不能重复，也不能与已登记的团队重复。', '储能材料创新团队'],
    institution: ['团队所在的高校、科研院所或企业的全称，不超过 100 字。', '扬州大学'],
    institutionKind: ['填写“高校”“科研院所”“企业”之一。', '高校'],
    region: ['所在区（县），不超过 50 字。', '邗江区'],
    fields: ['1 至 6 个，取自下方“研究领域可选值”（填名称或代码均可），多个用“、”或“；”分隔。', '储能电池与系统、动力电池'],
    keywords: ['1 至 15 个，每个不超过 30 字，多个用“、”或“；”分隔。用于与榜单匹配。', '固态电解质、锂离子电池、热管理'],
    description: ['选填，不超过 3000 字。', '长期从事储能材料与电池安全研究，承担省部级项目十余项。'],
    capacity: ['选填，同时可承接的合同数，0 至 50 的整数；空白按 3 计。', '3'],
    people: ['选填，每人写作“姓名/职称/专长”，多人用“；”或换行分隔（不用“、”，专长中常有顿号），最多 50 人。', '王明/教授/固态电池、电解质；李华/副教授/电池热管理'],
    results: ['选填，每项写作“类型/标题/年份”，类型为“论文”“专利”或“产品”，年份为四位数字，多项用“；”或换行分隔，最多 100 项。', '专利/一种固态电解质的制备方法/2022；论文/锂电池热失控机理研究/2021'],
  },
  enterprises: {
    name: ['企业全称，不超过 100 字，不能与已登记的企业重名。', '扬州某某新能源科技有限公司'],
    creditCode: ['18 位统一社会信用代码（GB 32100-2015，含校验位），不能与已登记的代码重复。请将此列设为文本格式，以免 Excel 改写数字。', exampleCode],
    industry: ['取自下方“所属行业可选值”（填名称或代码均可）。', '新能源'],
    region: ['所在区（县），不超过 50 字。', '邗江区'],
    description: ['选填，不超过 2000 字。', '主营储能电池系统的研发与生产。'],
  },
};

const what: Record<ImportKind, string> = { teams: '团队', enterprises: '企业' };

function notes(kind: ImportKind): string[] {
  return [
    `在“${dataSheetName[kind]}”工作表中每行填写一个${what[kind]}。第一行是列名，请勿修改；列的顺序可以调整，多余的列会被忽略。`,
    `空行会被跳过。一次最多导入 ${maxImportRows} 行。`,
    '可直接上传本 Excel 文件（.xlsx），也可另存为 CSV 后上传（UTF-8 或 GBK/GB18030 编码均可）。',
    '上传后系统会逐行检查：只要有一行有误，就不会导入任何数据，并列出每个错误的行号、列和原因；改正后重新上传即可。',
    `导入的${what[kind]}直接视为已认证，认证人为上传文件的工作人员。`,
  ];
}

const bold = { bold: true } as const;

/** exceljs 4.4 writes range validations (one sqref) but leaves them out of its typings. */
const validations = (sheet: ExcelJS.Worksheet) => (sheet as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
const headerFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };

function addDataSheet(workbook: ExcelJS.Workbook, kind: ImportKind) {
  const sheet = workbook.addWorksheet(dataSheetName[kind], { views: [{ state: 'frozen', ySplit: 1 }] });
  const columns = importColumns[kind];
  sheet.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.key === 'description' || c.key === 'people' || c.key === 'results' ? 40 : 20 }));
  const header = sheet.getRow(1);
  header.font = bold;
  header.eachCell((cell) => (cell.fill = headerFill));
  const letter = (key: string) => sheet.getColumn(key).letter;
  const last = maxImportRows + 1;
  if (kind === 'teams') {
    validations(sheet).add(`${letter('institutionKind')}2:${letter('institutionKind')}${last}`, { type: 'list', allowBlank: true, formulae: ['"高校,科研院所,企业"'] });
  } else {
    // Text, so Excel keeps an all-digit code exactly instead of turning it into a number.
    sheet.getColumn('creditCode').numFmt = '@';
    validations(sheet).add(`${letter('industry')}2:${letter('industry')}${last}`, { type: 'list', allowBlank: true, formulae: [`"${industries.map((i) => i.zh).join(',')}"`] });
  }
}

function addInstructions(workbook: ExcelJS.Workbook, kind: ImportKind) {
  const sheet = workbook.addWorksheet('说明');
  sheet.columns = [{ width: 22 }, { width: 12 }, { width: 70 }, { width: 45 }];
  const title = sheet.addRow([`${what[kind]}批量导入说明`]);
  title.font = { bold: true, size: 14 };
  notes(kind).forEach((n, i) => sheet.addRow([`${i + 1}. ${n}`]));
  sheet.addRow([]);

  const heading = (cells: string[]) => {
    const row = sheet.addRow(cells);
    row.font = bold;
    row.eachCell((c) => (c.fill = headerFill));
  };
  heading(['列名', '是否必填', '填写说明', '示例']);
  for (const c of importColumns[kind]) {
    const [text, example] = help[kind][c.key]!;
    const row = sheet.addRow([c.header, c.required ? '必填' : '选填', text, example]);
    row.alignment = { wrapText: true, vertical: 'top' };
  }
  sheet.addRow([]);

  if (kind === 'teams') {
    heading(['单位类型可选值']);
    for (const v of ['高校', '科研院所', '企业']) sheet.addRow([v]);
    sheet.addRow([]);
    heading(['研究领域可选值', '代码', '所属行业']);
    for (const i of industries) for (const c of industryChains[i.code]) sheet.addRow([c.zh, c.code, i.zh]);
  } else {
    heading(['所属行业可选值', '代码']);
    for (const i of industries) sheet.addRow([i.zh, i.code]);
  }
}

export async function buildTemplate(kind: ImportKind): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Jiebang';
  addDataSheet(workbook, kind);
  addInstructions(workbook, kind);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
