import { describe, expect, it } from 'vitest';
import { challengeDraft, type ChallengeDetail } from '../../../shared/contracts/challenges';
import {
  changedFields,
  contractPath,
  displayPath,
  emptyChallengeValues,
  emptyIndicator,
  readDraft,
  submissionChecklist,
  valuesFromDetail,
  type ChallengeValues,
} from './challenge-form';

const partner = { id: 'a586a060-e549-4e03-9ac9-7be29a6a70c7', name: '扬州恒远储能' };
const now = new Date('2026-04-01T00:00:00Z');

function complete(): ChallengeValues {
  return {
    ...emptyChallengeValues(),
    title: '大容量储能电池热失控预警',
    summary: '需要一套早期预警方法',
    description: '详细描述',
    descriptionVisibility: 'restricted',
    industry: 'new_energy',
    industryChain: 'energy_storage',
    indicators: [{ ...emptyIndicator(), name: '预警提前量', targetValue: '≥ 30', unit: 'min', verification: '第三方检测' }],
    bountyWan: '150',
    enterpriseFundsWan: '100',
    subsidyWan: '50',
    deliveryMonths: '18',
    deadline: '2026-05-31T17:00',
    ipTerms: 'joint',
    contact: { name: '陈立新', phone: '13912345678', email: 'chen@example.com' },
  };
}

describe('readDraft', () => {
  it('turns complete values into a draft the contract accepts, with money in yuan', () => {
    const { draft, problems } = readDraft(complete());
    expect(problems).toEqual([]);
    expect(challengeDraft.safeParse(draft).success).toBe(true);
    expect(draft).toMatchObject({ bountyYuan: 1_500_000, enterpriseFundsYuan: 1_000_000, subsidyYuan: 500_000, deliveryMonths: 18 });
    expect(draft.deadline).toMatch(/^2026-05-31T17:00:00[+-]\d{2}:\d{2}$/);
  });

  it('reads blank inputs as cleared (null), so emptying a field on screen empties it on the server', () => {
    const { draft, problems } = readDraft(emptyChallengeValues());
    expect(problems).toEqual([]);
    expect(draft).toEqual({
      title: null,
      summary: '',
      description: '',
      descriptionVisibility: null,
      industry: null,
      industryChain: null,
      bountyYuan: null,
      enterpriseFundsYuan: null,
      subsidyYuan: null,
      deliveryMonths: null,
      deadline: null,
      ipTerms: null,
      contact: null,
      indicators: [],
      requirements: { text: '', institutionKinds: [], regions: [] },
      jointPublisherIds: [],
      directed: false,
      invitedTeamIds: [],
      allowsHorseRace: false,
    });
  });

  it('holds back a bad value without holding back the rest', () => {
    const values = { ...complete(), bountyWan: '150.12345', deliveryMonths: '48', contact: { name: '陈立新', phone: '123', email: 'chen@example.com' } };
    const { draft, problems } = readDraft(values);
    expect(problems.map((p) => p.path).sort()).toEqual(['bountyWan', 'contact.phone', 'deliveryMonths']);
    expect(draft.bountyYuan).toBeUndefined();
    expect(draft.contact).toBeUndefined();
    expect(draft.title).toBe(values.title);
    expect(challengeDraft.safeParse(draft).success).toBe(true);
  });

  it('saves the indicators only when every started row is complete', () => {
    const values = complete();
    values.indicators.push({ ...emptyIndicator(), name: '循环寿命' }, emptyIndicator());
    const reading = readDraft(values);
    expect(reading.draft.indicators).toBeUndefined();
    expect(reading.indicators).toHaveLength(1);
    const paths = reading.problems.map((p) => [p.path, p.blank]);
    expect(paths).toEqual([
      ['indicators.1.targetValue', true],
      ['indicators.1.verification', true],
    ]);
  });

  it('refuses a target value without a number', () => {
    const values = complete();
    values.indicators[0]!.targetValue = '尽量高';
    const problem = readDraft(values).problems[0];
    expect(problem).toMatchObject({ path: 'indicators.0.targetValue', blank: false });
  });

  it('clears an industry chain that belongs to another industry', () => {
    expect(readDraft({ ...complete(), industry: 'hydrogen' }).draft.industryChain).toBeNull();
  });

  it('sends a cleared title as null, which the server stores as empty', () => {
    const before = readDraft(complete()).draft;
    const after = readDraft({ ...complete(), title: '  ' }).draft;
    expect(changedFields(before, after)).toEqual({ title: null });
  });
});

describe('changedFields', () => {
  it('is empty when nothing changed, whatever the key order', () => {
    const { draft } = readDraft(complete());
    const reordered = JSON.parse(JSON.stringify({ contact: draft.contact, ...draft }));
    expect(changedFields(draft, reordered)).toEqual({});
  });

  it('sends only what changed', () => {
    const before = readDraft(complete()).draft;
    const after = readDraft({ ...complete(), title: '新标题', bountyWan: '200', subsidyWan: '100' }).draft;
    expect(changedFields(before, after)).toEqual({ title: '新标题', bountyYuan: 2_000_000, subsidyYuan: 1_000_000 });
  });

  it('sends everything for a challenge not saved yet', () => {
    const { draft } = readDraft(complete());
    expect(changedFields({}, draft)).toEqual(draft);
  });
});

describe('submissionChecklist', () => {
  it('is empty for a complete challenge whose joint publishers confirmed', () => {
    const values = { ...complete(), jointPublishers: [partner] };
    expect(submissionChecklist(values, readDraft(values), new Set([partner.id]), now)).toEqual([]);
  });

  it('lists what missingForSubmission lists, at the inputs that answer it', () => {
    const values = emptyChallengeValues();
    const items = submissionChecklist(values, readDraft(values), new Set(), now);
    expect(items.map((i) => [i.path, i.field])).toEqual([
      ['title', 'title'],
      ['summary', 'summary'],
      ['description', 'description'],
      ['descriptionVisibility', 'descriptionVisibility'],
      ['industry', 'industry'],
      ['industryChain', 'industryChain'],
      ['indicators', 'indicators.0.name'],
      ['bountyYuan', 'bountyWan'],
      ['enterpriseFundsYuan', 'enterpriseFundsWan'],
      ['subsidyYuan', 'subsidyWan'],
      ['deliveryMonths', 'deliveryMonths'],
      ['deadline', 'deadline'],
      ['ipTerms', 'ipTerms'],
      ['contact', 'contact.name'],
    ]);
  });

  it('checks the funding, invited teams, confirmations and the deadline', () => {
    const values = { ...complete(), subsidyWan: '40', directed: true, deadline: '2026-03-01T10:00', jointPublishers: [partner] };
    const items = submissionChecklist(values, readDraft(values), new Set(), now);
    expect(items.map((i) => i.kind + ':' + i.path)).toEqual([
      'missing:invitedTeamIds',
      'funding:subsidyYuan',
      'deadlineTooSoon:deadline',
      'unconfirmed:jointPublisherIds',
    ]);
  });

  it('lists an unfinished indicator row rather than "no indicators"', () => {
    const values = { ...complete(), indicators: [{ ...emptyIndicator(), name: '响应时间' }] };
    const items = submissionChecklist(values, readDraft(values), new Set(), now);
    expect(items.map((i) => i.field)).toEqual(['indicators.0.targetValue', 'indicators.0.verification']);
  });
});

describe('paths', () => {
  it('shows yuan fields at their 万元 inputs and back', () => {
    expect(displayPath('bountyYuan')).toBe('bountyWan');
    expect(displayPath('subsidyYuan')).toBe('subsidyWan');
    expect(displayPath('indicators.0.name')).toBe('indicators.0.name');
    expect(contractPath('enterpriseFundsWan')).toBe('enterpriseFundsYuan');
    expect(contractPath('title')).toBe('title');
  });
});

describe('valuesFromDetail', () => {
  it('reads a saved challenge back into the same draft', () => {
    const { draft } = readDraft(complete());
    const detail = {
      title: draft.title!,
      summary: draft.summary!,
      description: draft.description!,
      descriptionVisibility: draft.descriptionVisibility!,
      industry: draft.industry!,
      industryChain: draft.industryChain!,
      indicators: draft.indicators!,
      bountyYuan: draft.bountyYuan!,
      enterpriseFundsYuan: draft.enterpriseFundsYuan!,
      subsidyYuan: draft.subsidyYuan!,
      deliveryMonths: draft.deliveryMonths!,
      deadline: draft.deadline!,
      ipTerms: draft.ipTerms!,
      requirements: draft.requirements!,
      contact: draft.contact!,
      jointPublishers: [],
      directed: false,
      invitedTeams: [],
    } as unknown as ChallengeDetail;
    expect(changedFields(draft, readDraft(valuesFromDetail(detail)).draft)).toEqual({});
  });
});
