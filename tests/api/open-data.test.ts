import { randomInt } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { challenges, contracts as contractsTable, organisations } from '../../db/schema';
import { addDays, chinaDate } from '../../shared/calendar';
import type { ChallengeDraft } from '../../shared/contracts/challenges';
import { releasePackage, type OcdsRelease } from '../../shared/contracts/open-data';
import { csvField, toCsv } from '../../server/modules/open-data/csv';
import { createTestApp, type TestApp } from '../helpers/app';
import { makeChallenge } from '../helpers/challenges';
import { logIn, type Client } from '../helpers/client';
import { finalAward } from '../helpers/contract-fixture';
import { makeOrganisation, makeUser, unique } from '../helpers/factories';
import { proposalContent } from '../helpers/review-fixture';

let t: TestApp;
const db = () => t.rt.database.db;
let official: Client;
let publisher: Client;

/** Strings that must never appear anywhere in the open data, each with why. */
const secrets: { what: string; value: string }[] = [];
const secret = (what: string, value: string) => {
  secrets.push({ what, value });
  return value;
};
/** A contact person nobody else has, so finding it anywhere means this export leaked it. */
const contact = (label: string) => ({
  name: secret(`${label} contact name`, unique('联系人')),
  phone: secret(`${label} contact phone`, `139${String(randomInt(10_000_000, 99_999_999))}`),
  email: secret(`${label} contact e-mail`, `${unique('contact')}@example.test`),
});

const ids = {} as { public: string; restricted: string; directed: string; sealed: string; draft: string; deal: string; contract: string; milestone: string; sealedBid: string };
const text = {} as { publicDescription: string; restrictedTitle: string; restrictedSummary: string; winner: string; registrationNo: string; paidOn: string };

beforeAll(async () => {
  t = await createTestApp();
  // A bureau organisation: it becomes a party of contracts with a subsidy.
  await makeOrganisation(db(), { kind: 'bureau' });
  const enterpriseId = (await makeOrganisation(db(), { kind: 'enterprise' })).id;
  const author = await makeUser(db(), { role: 'enterprise_member', organisationId: enterpriseId });
  secret('publisher e-mail', author.email);
  secret('publisher user name', author.name);
  publisher = await logIn(t.app, author.email);
  const officialUser = await makeUser(db(), { role: 'official' });
  secret('official e-mail', officialUser.email);
  official = await logIn(t.app, officialUser.email);
  const make = (draft: Partial<ChallengeDraft>, o: { status?: 'published' | 'draft'; invitedTeamIds?: string[] } = {}) =>
    makeChallenge(db(), { publisherId: enterpriseId, createdBy: author.id, status: o.status ?? 'published', draft, invitedTeamIds: o.invitedTeamIds });

  text.publicDescription = unique('公开的需求描述');
  ids.public = (await make({ description: text.publicDescription, descriptionVisibility: 'public', contact: contact('public challenge') })).id;

  const restricted = await make({ description: secret('restricted description', unique('仅向认证团队公开的工艺参数')), descriptionVisibility: 'restricted', summary: unique('公开摘要'), contact: contact('restricted challenge') });
  ids.restricted = restricted.id;
  text.restrictedTitle = restricted.title;
  text.restrictedSummary = restricted.summary;

  const invited = await makeOrganisation(db(), { kind: 'team', name: secret('invited team name', unique('受邀团队')) });
  const directed = await make(
    { directed: true, title: secret('directed title', unique('定向榜单')), description: secret('directed description', unique('定向描述')), contact: contact('directed challenge') },
    { invitedTeamIds: [invited.id] },
  );
  ids.directed = secret('directed challenge id', directed.id);

  ids.draft = (await make({ title: secret('draft title', unique('草稿榜单')), contact: contact('draft') }, { status: 'draft' })).id;
  secret('draft challenge id', ids.draft);

  // Sealed: a submitted bid before the deadline.
  ids.sealed = (await make({ contact: contact('sealed challenge') })).id;
  const bidder = await makeOrganisation(db(), { kind: 'team', name: secret('sealed bidder team', unique('投标团队')) });
  const bidderUser = await makeUser(db(), { role: 'team_member', organisationId: bidder.id, name: secret('sealed bidder name', unique('投标人')) });
  secret('sealed bidder e-mail', bidderUser.email);
  const bidderClient = await logIn(t.app, bidderUser.email);
  ids.sealedBid = secret('sealed bid id', (await bidderClient.request('POST', '/api/bids', { challengeId: ids.sealed })).json().id);
  const content = { ...proposalContent, technicalRoute: secret('sealed technical route', unique('密封的技术路线')), members: [{ name: secret('sealed member', unique('课题组长')), title: '教授', role: 'lead' }], quotedPriceYuan: 2_345_678 };
  expect((await bidderClient.request('PUT', `/api/bids/${ids.sealedBid}/draft`, content)).statusCode).toBe(200);
  expect((await bidderClient.request('POST', `/api/bids/${ids.sealedBid}/submit`)).statusCode).toBe(200);
  secret('sealed quoted price', '2345678');

  // A deal: final award (two bids, one loses), signed contract, first tranche, a paid milestone.
  const deal = await finalAward(t.app, db(), t.rt.services, { publisherId: enterpriseId, authorId: author.id, publisher, official, n: 2 });
  ids.deal = deal.challenge.id;
  const c = contact('deal challenge');
  await db().update(challenges).set({ contactName: c.name, contactPhone: c.phone, contactEmail: c.email }).where(eq(challenges.id, ids.deal));
  const [winner, loser] = deal.bids;
  for (const b of deal.bids) secret('bidder e-mail', b.email);
  secret('losing bid id', loser!.id);
  secret('losing team', await orgName(loser!.teamId));
  text.winner = await orgName(winner!.teamId);
  ids.contract = deal.contracts[0]!.id;
  const funded = await official.request('PUT', `/api/contracts/${ids.contract}/funding`, { enterpriseFundsYuan: 1_250_000, subsidyYuan: 1_250_000, firstTrancheYuan: 1_500_000 });
  expect(funded.statusCode, funded.body).toBe(200);
  for (const signer of [publisher, winner!.client, official]) await signer.request('POST', `/api/contracts/${ids.contract}/sign`);
  const [signed] = await db().select().from(contractsTable).where(eq(contractsTable.id, ids.contract));
  expect(signed!.status).toBe('signed');
  ids.milestone = (await official.request('GET', `/api/contracts/${ids.contract}`)).json().milestones[0].id;
  const evidence = secret('milestone evidence', unique('中试报告'));
  expect((await winner!.client.request('POST', `/api/milestones/${ids.milestone}/evidence`, { text: evidence })).statusCode).toBe(200);
  expect((await publisher.request('POST', `/api/milestones/${ids.milestone}/approve`)).statusCode).toBe(200);
  expect((await official.request('POST', `/api/milestones/${ids.milestone}/confirm`)).statusCode).toBe(200);
  text.paidOn = chinaDate(new Date());
  text.registrationNo = String(randomInt(10_000_000, 99_999_999)) + '0000';
  expect((await official.request('POST', `/api/contracts/${ids.contract}/registration`, { registrationNo: text.registrationNo, registeredOn: text.paidOn })).statusCode).toBe(200);
});
afterAll(async () => t?.close());

async function orgName(id: string): Promise<string> {
  const [row] = await db().select({ name: organisations.name }).from(organisations).where(eq(organisations.id, id));
  return row!.name;
}

const get = (url: string, client?: Client) => (client ? client.request('GET', url) : t.app.inject({ method: 'GET', url }));

function expectNoSecrets(res: LightMyRequestResponse) {
  for (const s of secrets) expect(res.body.includes(s.value), `${s.what} (${s.value}) appears in the response`).toBe(false);
}

async function releases(client?: Client, query = '') {
  const res = await get(`/api/open-data/releases.json${query}`, client);
  expect(res.statusCode, res.body).toBe(200);
  return { res, body: releasePackage.parse(res.json()) };
}
const releaseOf = (rs: OcdsRelease[], challengeId: string) => rs.find((r) => r.tender.id === challengeId);

function csvRows(res: LightMyRequestResponse): Record<string, string>[] {
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
  expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return parse(res.rawPayload, { bom: true, columns: true, skip_empty_lines: true }) as Record<string, string>[];
}

describe('GET /api/open-data/releases.json', () => {
  it('is an OCDS release package anyone may read, cacheable and without cookies', async () => {
    for (const cookie of [undefined, 'jb_session=not-a-session']) {
      const res = await t.app.inject({ method: 'GET', url: '/api/open-data/releases.json', headers: cookie ? { cookie } : {} });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['cache-control']).toBe('public, max-age=300');
      expect(res.headers['set-cookie']).toBeUndefined();
      const body = releasePackage.parse(res.json());
      expect(body).toMatchObject({ version: '1.1', license: 'https://creativecommons.org/licenses/by/4.0/', publisher: { name: expect.any(String) } });
      expect(body.uri).toMatch(/\/api\/open-data\/releases\.json$/);
      // Every ocid is unique and carries the (provisional) prefix.
      expect(new Set(body.releases.map((r) => r.ocid)).size).toBe(body.releases.length);
      for (const r of body.releases) expect(r.ocid).toBe(`ocds-jiebang-${r.tender.id}`);
    }
  });

  it('publishes a public challenge with its description, bounty, period, classification and publisher', async () => {
    const { body } = await releases();
    const r = releaseOf(body.releases, ids.public)!;
    expect(r).toBeDefined();
    expect(r.tag).toEqual(['tender']);
    expect(r.tender).toMatchObject({
      description: text.publicDescription,
      descriptionVisibility: 'public',
      status: 'active',
      statusDetails: 'published',
      value: { amount: 3_000_000, currency: 'CNY' },
      procurementMethod: 'open',
      items: [{ classification: { scheme: 'JIEBANG-INDUSTRY', id: 'hydrogen', description: '氢能' }, additionalClassifications: [{ id: 'electrolysis' }] }],
      indicators: [{ name: '析氢过电位', targetValue: '≤ 120', unit: 'mV' }],
    });
    expect(r.tender.tenderPeriod.startDate).toBeDefined();
    expect(r.tender.tenderPeriod.endDate).toBeDefined();
    const buyer = r.parties.find((p) => p.id === r.buyer.id)!;
    expect(buyer.roles).toEqual(['buyer', 'procuringEntity']);
    expect(buyer.identifier).toMatchObject({ scheme: 'CN-USCC', id: expect.stringMatching(/^[0-9A-Z]{18}$/) });
    expect(r.awards).toEqual([]);
    expect(r.contracts).toEqual([]);
  });

  it('gives the title and summary of a restricted challenge, never its description', async () => {
    const { res, body } = await releases();
    const r = releaseOf(body.releases, ids.restricted)!;
    expect(r.tender).toMatchObject({ title: text.restrictedTitle, description: text.restrictedSummary, summary: text.restrictedSummary, descriptionVisibility: 'restricted' });
    expectNoSecrets(res);
  });

  it('leaves out directed challenges and drafts entirely', async () => {
    const { res, body } = await releases();
    expect(releaseOf(body.releases, ids.directed)).toBeUndefined();
    expect(releaseOf(body.releases, ids.draft)).toBeUndefined();
    expect(res.body).not.toContain(ids.directed);
    expect(res.body).not.toContain(ids.draft);
  });

  it('says nothing of bids on an open challenge: no content, no bidder, no count', async () => {
    const { res, body } = await releases();
    const r = releaseOf(body.releases, ids.sealed)!;
    expect(r.tag).toEqual(['tender']);
    expect(r.parties.map((p) => p.roles)).toEqual([['buyer', 'procuringEntity']]);
    expect(JSON.stringify(r)).not.toMatch(/tenderer|numberOf|bid/i);
    expectNoSecrets(res);
  });

  it('publishes a deal: the award and its winner, the signed contract, the paid milestone and the ledger', async () => {
    const { res, body } = await releases();
    const r = releaseOf(body.releases, ids.deal)!;
    expect(r.tag).toEqual(['tender', 'award', 'contract', 'implementation']);
    expect(r.tender.status).toBe('complete');
    expect(r.awards).toHaveLength(1);
    expect(r.awards[0]).toMatchObject({ status: 'active', suppliers: [{ name: text.winner }], value: { amount: 2_500_000, currency: 'CNY' } });
    const team = r.parties.find((p) => p.name === text.winner)!;
    expect(team.roles).toEqual(['supplier', 'payee']);
    expect(team.identifier).toBeUndefined();
    expect(r.contracts).toHaveLength(1);
    const c = r.contracts[0]!;
    expect(c).toMatchObject({ id: ids.contract, awardID: r.awards[0]!.id, status: 'active', statusDetails: 'signed', suppliers: [{ id: team.id }], value: { amount: 2_500_000 }, registration: { id: text.registrationNo } });
    expect(c.dateSigned).toBeDefined();
    expect(c.implementation.milestones).toEqual([
      expect.objectContaining({ id: ids.milestone, title: '交付', type: 'delivery', status: 'met', dateMet: `${text.paidOn}T00:00:00+08:00`, value: { amount: 1_000_000, currency: 'CNY' } }),
    ]);
    expect(c.implementation.transactions.map((x) => x.value.amount).sort()).toEqual([1_000_000, 1_500_000]);
    expect(c.implementation.transactions.every((x) => x.payee.id === team.id)).toBe(true);
    // The losing bid, the bids' content, the scores and the experts' comments stay private.
    const own = JSON.stringify(r);
    for (const s of ['镍基涂层路线', '张教授', '技术路线意见', '仅供内部参考', '≤ 110']) expect(own).not.toContain(s);
    expectNoSecrets(res);
  });

  it('is the same for a logged-in official as for an anonymous visitor', async () => {
    const anonymous = (await releases()).body.releases.filter((r) => Object.values(ids).includes(r.tender.id));
    const asOfficial = await releases(official);
    expectNoSecrets(asOfficial.res);
    expect(asOfficial.body.releases.filter((r) => Object.values(ids).includes(r.tender.id))).toEqual(anonymous);
  });

  it('filters on the day of the last change with ?since, and names a bad date', async () => {
    await db().update(challenges).set({ updatedAt: new Date('2020-06-01T00:00:00Z') }).where(eq(challenges.id, ids.public));
    const today = chinaDate(new Date());
    const recent = (await releases(undefined, `?since=${today}`)).body;
    expect(recent.uri).toMatch(new RegExp(`\\?since=${today}$`));
    expect(releaseOf(recent.releases, ids.public)).toBeUndefined();
    expect(releaseOf(recent.releases, ids.deal)).toBeDefined();
    expect(releaseOf((await releases(undefined, '?since=2020-05-31')).body.releases, ids.public)).toBeDefined();
    expect(releaseOf((await releases(undefined, `?since=${addDays(today, 2)}`)).body.releases, ids.deal)).toBeUndefined();
    for (const bad of ['2020-13-01', 'yesterday', '2020-1-1']) {
      const res = await get(`/api/open-data/releases.json?since=${bad}`);
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().fields.map((f: { path: string }) => f.path)).toContain('query.since');
    }
  });
});

describe('GET /api/open-data/releases.csv', () => {
  it('is UTF-8 CSV with a BOM, one row per published challenge, without anything confidential', async () => {
    const res = await get('/api/open-data/releases.csv');
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    const rows = csvRows(res);
    const row = (id: string) => rows.find((r) => r.challenge_id === id);
    expect(row(ids.public)).toMatchObject({ ocid: `ocds-jiebang-${ids.public}`, description: text.publicDescription, description_visibility: 'public', bounty_yuan: '3000000', industry: '氢能' });
    expect(row(ids.restricted)).toMatchObject({ title: text.restrictedTitle, summary: text.restrictedSummary, description: '', description_visibility: 'restricted' });
    expect(row(ids.directed)).toBeUndefined();
    expect(row(ids.draft)).toBeUndefined();
    expect(row(ids.sealed)).toMatchObject({ award_status: '', winners: '', contracts: '0' });
    expect(row(ids.deal)).toMatchObject({
      tender_status: 'complete',
      award_status: 'active',
      winners: text.winner,
      contracts: '1',
      contract_amount_yuan: '2500000',
      contract_statuses: 'signed',
      registration_numbers: text.registrationNo,
      milestones: '1',
      milestones_met: '1',
      paid_yuan: '2500000',
    });
    expectNoSecrets(res);
  });
});

describe('GET /api/open-data/milestones.csv', () => {
  it('has one row per milestone of a published contract', async () => {
    const res = await get('/api/open-data/milestones.csv');
    const rows = csvRows(res).filter((r) => r.challenge_id === ids.deal);
    expect(rows).toEqual([
      expect.objectContaining({ contract_id: ids.contract, contract_status: 'signed', supplier: text.winner, milestone_id: ids.milestone, position: '1', title: '交付', status: 'met', date_met: text.paidOn, tranche_yuan: '1000000' }),
    ]);
    expectNoSecrets(res);
  });
});

describe('GET /api/open-data/policy', () => {
  it('serves the field guide and licence to anyone', async () => {
    const res = await get('/api/open-data/policy');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(res.body).toContain('CC BY 4.0');
  });
});

describe('the CSV writer', () => {
  it('quotes what RFC 4180 says to quote and round-trips through a parser', () => {
    expect(csvField('plain 文本')).toBe('plain 文本');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
    expect(csvField(-5)).toBe('-5');
    const tricky = ['逗号,引号"和\r\n换行', '', ' 前后空格 ', '"'];
    const csv = toCsv(['a', 'b', 'c', 'd'], [tricky]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(parse(csv, { bom: true })).toEqual([['a', 'b', 'c', 'd'], tricky]);
  });

  it('keeps a text cell that looks like a formula as text', () => {
    for (const v of ['=HYPERLINK("http://x")', '+1', '-1+2', '@SUM(A1)', '\tx']) expect(csvField(v).replace(/^"/, '').startsWith("'")).toBe(true);
    expect(parse(toCsv(['t'], [['=1+1']]), { bom: true, columns: true })).toEqual([{ t: "'=1+1" }]);
  });
});
