import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, count, eq, inArray, like } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, imports, organisations, outbox, teamPeople } from '../../db/schema';
import { importColumns, matchRowProblem, maxImportRows, rowProblem, rowProblems, type ImportKind } from '../../shared/contracts/imports';
import { industries } from '../../shared/taxonomy/industries';
import { industryChains } from '../../shared/taxonomy/industry-chains';
import { createTestApp, type TestApp } from '../helpers/app';
import { makeChallenge } from '../helpers/challenges';
import { logIn, type Client } from '../helpers/client';
import { makeOrganisation, makeUser, unique, validCreditCode } from '../helpers/factories';
import { multipart, pdf } from '../helpers/uploads';
import { encodeGb18030 } from '../fixtures/imports/gb18030';
import { importsEn, importsZhCN } from '../../web/src/i18n/parts/imports';

let t: TestApp;
let storageDir: string;
const db = () => t.rt.database.db;
let official: Client;
let officialId: string;
let teamMember: Client;
let enterpriseMember: Client;
let openChallenge: { id: string; revision: number };

beforeAll(async () => {
  storageDir = await mkdtemp(join(tmpdir(), 'jiebang-imports-'));
  t = await createTestApp({ STORAGE_DIR: storageDir });
  const o = await makeUser(db(), { role: 'official' });
  officialId = o.id;
  official = await logIn(t.app, o.email);
  teamMember = await logIn(t.app, (await makeUser(db(), { role: 'team_member' })).email);
  const publisher = await makeUser(db(), { role: 'enterprise_member' });
  enterpriseMember = await logIn(t.app, publisher.email);
  openChallenge = await makeChallenge(db(), { publisherId: publisher.organisationId, createdBy: publisher.id, status: 'published' });
});
afterAll(async () => {
  await t?.close();
  if (storageDir) await rm(storageDir, { recursive: true, force: true });
});

// ------------------------------------------------------------------ files

type Cells = Record<string, string | number>;
const headers = (kind: ImportKind) => importColumns[kind].map((c) => c.header);
/** A row in the template's column order, from values keyed by column key. */
const rowOf = (kind: ImportKind, cells: Cells) => importColumns[kind].map((c) => cells[c.key] ?? '');

async function xlsx(kind: ImportKind, rows: (Cells | null)[], header = headers(kind)): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('data');
  sheet.getRow(1).values = header;
  // null leaves a blank line: it is skipped but keeps the lines after it where they are.
  rows.forEach((r, i) => r && (sheet.getRow(i + 2).values = rowOf(kind, r)));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const csvCell = (v: string | number) => (/[",\n]/.test(String(v)) ? `"${String(v).replaceAll('"', '""')}"` : String(v));
const csv = (kind: ImportKind, rows: Cells[]) => [headers(kind), ...rows.map((r) => rowOf(kind, r))].map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
const bom = Buffer.from([0xef, 0xbb, 0xbf]);

function upload(client: Client, kind: string | null, data: Buffer, fileName: string, contentType = 'application/octet-stream') {
  const body = multipart([...(kind === null ? [] : [{ name: 'kind', data: kind }]), { name: 'file', fileName, data, contentType }]);
  return client.request('POST', '/api/imports', body.payload, body.headers);
}

/** Uploads, checks the 202, runs the job as the worker would, and returns the import as the page polls it. */
async function imported(kind: ImportKind, data: Buffer, fileName: string) {
  const res = await upload(official, kind, data, fileName);
  expect(res.statusCode, res.body).toBe(202);
  expect(res.json()).toMatchObject({ kind, status: 'queued', totalRows: 0, errors: [] });
  const id = res.json().id as string;
  await t.rt.services.imports.run(id);
  const view = await official.request('GET', `/api/imports/${id}`);
  expect(view.statusCode, view.body).toBe(200);
  return view.json();
}

function team(prefix: string, n: number, over: Cells = {}): Cells {
  return {
    name: `${prefix}团队${n}`,
    institution: '扬州大学',
    institutionKind: '高校',
    region: '邗江区',
    fields: '储能电池与系统',
    keywords: '固态电解质',
    description: '长期从事储能材料研究。',
    capacity: 3,
    people: `${prefix}成员${n}/教授/储能`,
    results: '',
    ...over,
  };
}

function enterprise(prefix: string, n: number, over: Cells = {}): Cells {
  return { name: `${prefix}企业${n}`, creditCode: validCreditCode(), industry: '新能源', region: '江都区', description: '储能系统集成。', ...over };
}

const orgsNamed = async (prefix: string) => db().select().from(organisations).where(like(organisations.name, `${prefix}%`));
const peopleNamed = async (prefix: string) => (await db().select({ n: count() }).from(teamPeople).where(like(teamPeople.name, `${prefix}%`)))[0]!.n;

// ------------------------------------------------------------------ the template

describe('the template', () => {
  for (const kind of ['teams', 'enterprises'] as const) {
    it(`downloads for ${kind} as an .xlsx with the header row and a 说明 sheet listing every allowed value`, async () => {
      const res = await official.request('GET', `/api/imports/template?kind=${kind}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(res.headers['content-disposition']).toContain("filename*=UTF-8''");
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const [data, help] = workbook.worksheets;
      expect((data!.getRow(1).values as unknown[]).slice(1)).toEqual(headers(kind));
      expect(data!.rowCount).toBe(1);
      expect(help!.name).toBe('说明');
      const text: string[] = [];
      help!.eachRow((row) => row.eachCell((c) => text.push(String(c.value))));
      for (const h of headers(kind)) expect(text).toContain(h);
      if (kind === 'teams') {
        for (const chain of Object.values(industryChains).flat()) expect(text).toContain(chain.zh);
        for (const unit of ['高校', '科研院所', '企业']) expect(text).toContain(unit);
      } else for (const i of industries) expect(text).toContain(i.zh);
    });
  }

  it('is for officials only, and names a wrong kind', async () => {
    expect((await teamMember.request('GET', '/api/imports/template?kind=teams')).statusCode).toBe(403);
    const bad = await official.request('GET', '/api/imports/template?kind=people');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].path).toBe('query.kind');
  });

  it('imports as it is once filled in', async () => {
    const prefix = unique('模板');
    const res = await official.request('GET', '/api/imports/template?kind=teams');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    workbook.worksheets[0]!.getRow(2).values = rowOf('teams', team(prefix, 1));
    const view = await imported('teams', Buffer.from(await workbook.xlsx.writeBuffer()), '团队导入模板.xlsx');
    expect(view).toMatchObject({ status: 'done', createdCount: 1, errors: [] });
  });
});

// ------------------------------------------------------------------ uploads

describe('uploading', () => {
  it('answers 202 with the queued import, and queues its job with the row, in one go', async () => {
    const res = await upload(official, 'teams', await xlsx('teams', [team(unique('排队'), 1)]), '团队.xlsx');
    expect(res.statusCode, res.body).toBe(202);
    const id = res.json().id;
    expect(res.json()).toMatchObject({ status: 'queued', fileName: '团队.xlsx', processedRows: 0, createdCount: 0, errorCount: 0, finishedAt: null });
    expect(await db().select().from(outbox).where(eq(outbox.jobId, `import.${id}`))).toHaveLength(1);
    expect(await db().select().from(auditLog).where(and(eq(auditLog.action, 'import.created'), eq(auditLog.entityId, id)))).toHaveLength(1);
    const list = await official.request('GET', '/api/imports');
    expect(list.json().items.map((i: { id: string }) => i.id)).toContain(id);
  });

  it('is for officials only', async () => {
    const data = await xlsx('teams', [team(unique('越权'), 1)]);
    for (const c of [teamMember, enterpriseMember]) {
      expect((await upload(c, 'teams', data, 'a.xlsx')).statusCode).toBe(403);
      expect((await c.request('GET', '/api/imports')).statusCode).toBe(403);
    }
    const mine = await upload(official, 'teams', data, 'a.xlsx');
    expect((await teamMember.request('GET', `/api/imports/${mine.json().id}`)).statusCode).toBe(403);
  });

  it('refuses a .txt, an image or a PDF with 415 naming the file', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a1e1b4a30000000049454e44ae426082', 'hex');
    for (const [name, data] of [['teams.txt', Buffer.from(csv('teams', [team('x', 1)]))], ['teams.png', png], ['teams.pdf', pdf()]] as const) {
      const res = await upload(official, 'teams', data, name);
      expect(res.statusCode, `${name}: ${res.body}`).toBe(415);
      expect(res.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', fields: [{ path: 'file' }] });
    }
  });

  it('names a missing or wrong kind, and an empty file', async () => {
    const data = Buffer.from(csv('teams', [team('x', 1)]));
    for (const kind of [null, 'people']) {
      const res = await upload(official, kind, data, 'a.csv');
      expect(res.statusCode).toBe(400);
      expect(res.json().fields[0].path).toBe('kind');
    }
    const empty = await upload(official, 'teams', Buffer.alloc(0), 'a.csv');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().fields[0].path).toBe('file');
  });
});

// ------------------------------------------------------------------ good files

describe('a good file', () => {
  it('creates the teams of an .xlsx, verified, with their profiles, and queues a ranking of open challenges', async () => {
    const prefix = unique('导入');
    const data = await xlsx('teams', [
      team(prefix, 1, {
        fields: '储能电池与系统、power_batteries',
        keywords: '固态电解质；锂离子电池',
        capacity: 5,
        people: `${prefix}王明/教授/固态电池、电解质；${prefix}李华/副教授/电池热管理`,
        results: '专利/一种固态电解质的制备方法/2022；论文/A/B 界面研究/2021',
      }),
      team(prefix, 2, { institution: '中科院某研究所', institutionKind: '科研院所', fields: 'fuel_cells', capacity: '', people: '', results: '' }),
    ]);
    const view = await imported('teams', data, '团队.xlsx');
    expect(view).toMatchObject({ status: 'done', totalRows: 2, processedRows: 2, createdCount: 2, errorCount: 0, errors: [] });
    expect(view.finishedAt).not.toBeNull();

    const orgs = await orgsNamed(prefix);
    expect(orgs).toHaveLength(2);
    for (const o of orgs) expect(o).toMatchObject({ kind: 'team', verification: 'verified', verifiedBy: officialId, verifiedAt: expect.any(Date) });
    const first = orgs.find((o) => o.name === `${prefix}团队1`)!;
    expect(first).toMatchObject({ institution: '扬州大学', institutionKind: 'university', district: '邗江区', researchFields: ['固态电解质', '锂离子电池'] });
    const profile = (await official.request('GET', `/api/teams/${first.id}/profile`)).json();
    expect(profile).toMatchObject({
      fields: ['energy_storage', 'power_batteries'],
      capacity: 5,
      people: [
        { name: `${prefix}王明`, title: '教授', expertise: '固态电池、电解质' },
        { name: `${prefix}李华`, title: '副教授', expertise: '电池热管理' },
      ],
      results: [
        { kind: 'patent', title: '一种固态电解质的制备方法', year: 2022 },
        { kind: 'paper', title: 'A/B 界面研究', year: 2021 },
      ],
    });
    const second = orgs.find((o) => o.name === `${prefix}团队2`)!;
    expect(second.institutionKind).toBe('institute');
    expect((await official.request('GET', `/api/teams/${second.id}/profile`)).json()).toMatchObject({ fields: ['fuel_cells'], capacity: 3, people: [], results: [] });
    // Any signed-in user finds them: they are verified.
    expect((await enterpriseMember.request('GET', `/api/teams/${second.id}/profile`)).statusCode).toBe(200);

    const audits = await db().select().from(auditLog).where(and(eq(auditLog.action, 'organisation.imported'), inArray(auditLog.entityId, orgs.map((o) => o.id))));
    expect(audits).toHaveLength(2);
    expect(audits[0]!.actorId).toBe(officialId);
    expect(await db().select().from(outbox).where(eq(outbox.jobId, `rank.${openChallenge.id}.${openChallenge.revision}.import${view.id}`))).toHaveLength(1);
  });

  it('does nothing the second time the job runs', async () => {
    const prefix = unique('重跑');
    const view = await imported('teams', await xlsx('teams', [team(prefix, 1), team(prefix, 2)]), 't.xlsx');
    expect(view.createdCount).toBe(2);
    await t.rt.services.imports.run(view.id);
    await Promise.all([t.rt.services.imports.run(view.id), t.rt.services.imports.run(view.id)]);
    expect(await orgsNamed(prefix)).toHaveLength(2);
    expect(await peopleNamed(prefix)).toBe(2);
    expect((await official.request('GET', `/api/imports/${view.id}`)).json()).toMatchObject({ status: 'done', createdCount: 2 });
  });

  it('creates a job run twice at once only once', async () => {
    const prefix = unique('并发');
    const res = await upload(official, 'enterprises', Buffer.from(csv('enterprises', [enterprise(prefix, 1), enterprise(prefix, 2)])), 'e.csv');
    await Promise.all([t.rt.services.imports.run(res.json().id), t.rt.services.imports.run(res.json().id)]);
    expect(await orgsNamed(prefix)).toHaveLength(2);
  });

  it('creates the enterprises of a UTF-8 CSV with a byte-order mark', async () => {
    const prefix = unique('优特');
    const rows = [enterprise(prefix, 1, { industry: 'hydrogen', creditCode: ` ${validCreditCode().toLowerCase()} ` }), enterprise(prefix, 2, { description: '含逗号, 和 "引号" 的\n多行简介' })];
    const view = await imported('enterprises', Buffer.concat([bom, Buffer.from(csv('enterprises', rows))]), '企业.csv');
    expect(view).toMatchObject({ status: 'done', createdCount: 2, totalRows: 2, processedRows: 2 });
    const orgs = await orgsNamed(prefix);
    expect(orgs.map((o) => o.name).sort()).toEqual([`${prefix}企业1`, `${prefix}企业2`]);
    const one = orgs.find((o) => o.name.endsWith('1'))!;
    expect(one).toMatchObject({ kind: 'enterprise', industry: 'hydrogen', district: '江都区', verification: 'verified', verifiedBy: officialId });
    expect(one.creditCode).toBe(String(rows[0]!.creditCode).trim().toUpperCase());
    expect(orgs.find((o) => o.name.endsWith('2'))!.description).toBe('含逗号, 和 "引号" 的\n多行简介');
  });

  it('creates the enterprises of a CSV saved by Excel on Chinese Windows (GB18030)', async () => {
    const prefix = unique('国标');
    const data = encodeGb18030(csv('enterprises', [enterprise(prefix, 1), enterprise(prefix, 2, { industry: '生物医药', region: '广陵区' })]));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(data)).toThrow();
    const view = await imported('enterprises', data, '企业.csv');
    expect(view).toMatchObject({ status: 'done', createdCount: 2 });
    const two = (await orgsNamed(prefix)).find((o) => o.name === `${prefix}企业2`);
    expect(two).toMatchObject({ industry: 'biomedicine', district: '广陵区' });
  });

  it('reports progress up to the last of several hundred rows', async () => {
    const prefix = unique('批量');
    const rows = Array.from({ length: 450 }, (_, i) => enterprise(prefix, i));
    const view = await imported('enterprises', Buffer.from(csv('enterprises', rows)), 'many.csv');
    expect(view).toMatchObject({ status: 'done', totalRows: 450, processedRows: 450, createdCount: 450 });
  });
});

// ------------------------------------------------------------------ bad files

describe('a file with bad rows', () => {
  it('reports every bad team row by line and column, and creates nothing', async () => {
    const prefix = unique('坏行');
    const existing = await makeOrganisation(db(), { kind: 'team', name: `${prefix}已有团队` });
    const orgsBefore = (await orgsNamed(prefix)).length;
    const peopleBefore = await peopleNamed(prefix);
    const data = await xlsx('teams', [
      team(prefix, 1),
      team(prefix, 2, { institutionKind: '研究所' }),
      team(prefix, 3, { fields: '储能电池与系统、量子计算' }),
      team(prefix, 1, { people: '' }),
      team(prefix, 4, { name: existing.name, institution: existing.institution! }),
      team(prefix, 5, { name: '' }),
      null,
      team(prefix, 6, { capacity: '很多', results: '专著/某书/2020' }),
    ]);
    const view = await imported('teams', data, 'bad.xlsx');
    expect(view.status).toBe('failed');
    expect(view.errors).toEqual([
      { line: 3, column: '单位类型', message: rowProblem('unitKind', { value: '研究所' }) },
      { line: 4, column: '研究领域', message: rowProblem('unknownField', { value: '量子计算' }) },
      { line: 5, column: '团队名称', message: rowProblem('duplicateInFile', { line: 2 }) },
      { line: 6, column: '团队名称', message: rowProblem('teamExists') },
      { line: 7, column: '团队名称', message: rowProblem('required') },
      { line: 9, column: '可承接合同数', message: rowProblem('capacity') },
      { line: 9, column: '代表性成果', message: rowProblem('result', { entry: 1, value: '专著/某书/2020', minYear: 1950, maxYear: new Date().getFullYear() + 1 }) },
    ]);
    expect(view).toMatchObject({ totalRows: 7, processedRows: 7, createdCount: 0, errorCount: 7 });
    expect((await orgsNamed(prefix)).length).toBe(orgsBefore);
    expect(await peopleNamed(prefix)).toBe(peopleBefore);
  });

  it('reports every bad enterprise row by line and column, and creates nothing', async () => {
    const prefix = unique('坏企');
    const existing = await makeOrganisation(db(), { kind: 'enterprise', name: `${prefix}已有企业` });
    const orgsBefore = (await orgsNamed(prefix)).length;
    const good = enterprise(prefix, 1);
    const code = validCreditCode();
    const wrongCheck = code.slice(0, 17) + (code[17] === '0' ? '1' : '0');
    const data = Buffer.from(
      csv('enterprises', [
        good,
        enterprise(prefix, 2, { creditCode: wrongCheck }),
        enterprise(prefix, 3, { creditCode: good.creditCode! }),
        enterprise(prefix, 4, { name: existing.name }),
        enterprise(prefix, 5, { creditCode: existing.creditCode! }),
        enterprise(prefix, 6, { industry: '元宇宙' }),
        enterprise(prefix, 7, { creditCode: '' }),
      ]),
    );
    const view = await imported('enterprises', data, 'bad.csv');
    expect(view.errors).toEqual([
      { line: 3, column: '统一社会信用代码', message: rowProblem('creditCodeCheck') },
      { line: 4, column: '统一社会信用代码', message: rowProblem('duplicateInFile', { line: 2 }) },
      { line: 5, column: '企业名称', message: rowProblem('enterpriseExists') },
      { line: 6, column: '统一社会信用代码', message: rowProblem('creditCodeExists') },
      { line: 7, column: '所属行业', message: rowProblem('unknownIndustry', { value: '元宇宙' }) },
      { line: 8, column: '统一社会信用代码', message: rowProblem('required') },
    ]);
    expect(view.status).toBe('failed');
    expect((await orgsNamed(prefix)).length).toBe(orgsBefore);
  });

  it('names a missing column on the header line', async () => {
    const header = headers('teams').filter((h) => h !== '研究领域');
    const view = await imported('teams', await xlsx('teams', [team('x', 1)], header), 'bad.xlsx');
    expect(view).toMatchObject({ status: 'failed', errors: [{ line: 1, column: '研究领域', message: rowProblem('missingColumn') }] });
  });

  it(`refuses more than ${maxImportRows} rows with one error`, async () => {
    const line = '某企业,91321002MA1N2P3Q4X,新能源,邗江区,\r\n';
    const data = Buffer.from(headers('enterprises').join(',') + '\r\n' + line.repeat(maxImportRows + 1));
    const view = await imported('enterprises', data, 'huge.csv');
    expect(view).toMatchObject({ status: 'failed', totalRows: maxImportRows + 1, errors: [{ line: 0, column: '', message: rowProblem('tooManyRows', { count: maxImportRows + 1, max: maxImportRows }) }] });
  });

  it('reports a file that is not a readable workbook', async () => {
    const res = await upload(official, 'teams', Buffer.from('a,b\n"unterminated'), 'broken.csv');
    expect(res.statusCode).toBe(202);
    await t.rt.services.imports.run(res.json().id);
    const [row] = await db().select().from(imports).where(eq(imports.id, res.json().id));
    expect(row).toMatchObject({ status: 'failed' });
    expect(row!.errors[0]!.message).toBe(rowProblem('unreadable'));
  });
});

describe('row problems', () => {
  const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  it('are recognised again from their text, and translated with the same placeholders in both languages', () => {
    for (const problem of Object.keys(rowProblems) as (keyof typeof rowProblems)[]) {
      const params = Object.fromEntries(placeholders(rowProblems[problem]).map((p, i) => [p!, `v${i}`]));
      expect(matchRowProblem(rowProblem(problem, params))).toEqual({ problem, params });
      const key = `imports.problem.${problem}` as keyof typeof importsZhCN;
      expect(placeholders(importsZhCN[key] ?? ''), key).toEqual(placeholders(rowProblems[problem]));
      expect(placeholders(importsEn[key] ?? ''), key).toEqual(placeholders(rowProblems[problem]));
    }
  });
});
