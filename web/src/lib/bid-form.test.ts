import { describe, expect, it } from 'vitest';
import { bidContent, bidProblems, type BidContent } from '../../../shared/contracts/bids';
import {
  bidPaths,
  contentToSave,
  emptyMilestone,
  inputForBidPath,
  isTeamMember,
  parseWhole,
  pendingPartner,
  readBid,
  shareTotal,
  valuesFromBid,
  type BidValues,
} from './bid-form';

const partnerId = '0b7e6c1e-7a39-4d55-9d5b-2a3f3c9a1f10';
const teamId = 'a586a060-e549-4e03-9ac9-7be29a6a70c7';

const complete: BidContent = {
  technicalRoute: '固态电解质 + 原位监测',
  indicatorResponses: [
    { indicatorIndex: 0, approach: '多层复合隔膜', committedValue: '≥ 26' },
    { indicatorIndex: 1, approach: '光纤测温', committedValue: '5 s' },
  ],
  members: [
    { name: '王教授', title: '教授', role: 'lead' },
    { name: '李工', title: '高级工程师', role: 'core' },
  ],
  partnerIds: [partnerId],
  quotedPriceYuan: 1_505_000,
  durationMonths: 24,
  milestones: [
    { title: '样机', deliverable: '实验室样机', dueMonth: 12, sharePercent: 60 },
    { title: '验收', deliverable: '第三方检测报告', dueMonth: 24, sharePercent: 40 },
  ],
  attachments: [],
};

const empty = bidContent.parse({});

describe('valuesFromBid', () => {
  it('makes one block per challenge indicator and round-trips a complete proposal', () => {
    const values = valuesFromBid(complete, 3, [{ organisationId: partnerId, name: '扬州大学', confirmedAt: null }]);
    expect(values.indicatorResponses).toHaveLength(3);
    expect(values.indicatorResponses[2]).toEqual({ approach: '', committedValue: '' });
    expect(values.quotedPriceWan).toBe('150.5');
    expect(values.partners).toEqual([{ id: partnerId, name: '扬州大学' }]);
    const reading = readBid(values);
    expect(reading.problems).toEqual([]);
    expect(contentToSave(reading, complete)).toEqual(complete);
  });

  it('starts a new proposal with a lead row and one milestone row', () => {
    const values = valuesFromBid(empty, 2, []);
    expect(values.members.map((m) => m.role)).toEqual(['lead']);
    expect(values.milestones).toHaveLength(1);
    expect(contentToSave(readBid(values), empty)).toEqual(empty);
  });
});

describe('readBid and contentToSave', () => {
  function edited(change: (v: BidValues) => void): BidValues {
    const values = valuesFromBid(complete, 2, []);
    change(values);
    return values;
  }

  it('converts 万元 to yuan and digits to numbers, full-width included', () => {
    const values = edited((v) => {
      v.quotedPriceWan = '１２.５';
      v.durationMonths = '１８';
      v.milestones[0]!.sharePercent = '６０';
    });
    const saved = contentToSave(readBid(values), complete);
    expect(saved.quotedPriceYuan).toBe(125_000);
    expect(saved.durationMonths).toBe(18);
    expect(saved.milestones[0]!.sharePercent).toBe(60);
  });

  it('sends indicatorIndex = the block position and leaves unanswered blocks out', () => {
    const values = edited((v) => {
      v.indicatorResponses[0] = { approach: '', committedValue: '' };
    });
    const saved = contentToSave(readBid(values), complete);
    expect(saved.indicatorResponses.map((r) => r.indicatorIndex)).toEqual([1]);
  });

  it('keeps the saved response while a block is half typed, and says why at the field', () => {
    const values = edited((v) => {
      v.indicatorResponses[1] = { approach: '新的方式', committedValue: '' };
    });
    const reading = readBid(values);
    expect(reading.problems).toEqual([{ path: 'indicatorResponses.1.committedValue', kind: 'required', blank: true }]);
    expect(contentToSave(reading, complete).indicatorResponses[1]).toEqual(complete.indicatorResponses[1]);
  });

  it('holds back a committed value without a number', () => {
    const reading = readBid(edited((v) => (v.indicatorResponses[0]!.committedValue = '很高')));
    expect(reading.problems).toEqual([{ path: 'indicatorResponses.0.committedValue', kind: 'number', blank: false }]);
  });

  it('keeps the saved members and milestones while a row is unfinished', () => {
    const values = edited((v) => {
      v.members.push({ key: 999, name: '赵博士', title: '', role: 'member' });
      v.milestones.push({ ...emptyMilestone(), title: '中试', sharePercent: 'x' });
    });
    const reading = readBid(values);
    expect(reading.problems.map((p) => [p.path, p.kind])).toEqual([
      ['members.2.title', 'required'],
      ['milestones.2.deliverable', 'required'],
      ['milestones.2.dueMonth', 'required'],
      ['milestones.2.sharePercent', 'number'],
    ]);
    const saved = contentToSave(reading, complete);
    expect(saved.members).toEqual(complete.members);
    expect(saved.milestones).toEqual(complete.milestones);
  });

  it('ignores rows left blank', () => {
    const values = edited((v) => v.milestones.push(emptyMilestone()));
    expect(readBid(values).problems).toEqual([]);
    expect(contentToSave(readBid(values), complete).milestones).toHaveLength(2);
  });

  it('keeps the saved price while the typed one is not money, and clears it when emptied', () => {
    const bad = readBid(edited((v) => (v.quotedPriceWan = '12.34567')));
    expect(bad.problems).toEqual([{ path: 'quotedPriceWan', kind: 'money', problem: 'precision', blank: false }]);
    expect(contentToSave(bad, complete).quotedPriceYuan).toBe(complete.quotedPriceYuan);
    expect(contentToSave(readBid(edited((v) => (v.quotedPriceWan = ''))), complete).quotedPriceYuan).toBeNull();
  });

  it('produces what the shared bidProblems() reads the same way the server does', () => {
    const values = edited((v) => (v.milestones[1]!.sharePercent = '30'));
    const saved = contentToSave(readBid(values), complete);
    expect(bidProblems(saved, { indicatorCount: 2, bountyYuan: 2_000_000, deliveryMonths: 24 })).toEqual([
      { path: 'milestones', message: 'milestone shares must add up to 100 %' },
    ]);
  });
});

describe('shareTotal', () => {
  it('adds the whole numbers typed so far and skips the rest', () => {
    const rows = [emptyMilestone(), emptyMilestone(), emptyMilestone(), emptyMilestone()];
    rows[0]!.sharePercent = '60';
    rows[1]!.sharePercent = '３０';
    rows[2]!.sharePercent = 'abc';
    expect(shareTotal(rows)).toBe(90);
    rows[3]!.sharePercent = '10';
    expect(shareTotal(rows)).toBe(100);
  });
});

describe('parseWhole', () => {
  it('tells empty, not a number and out of range apart', () => {
    expect(parseWhole('', 1, 60)).toBeNull();
    expect(parseWhole('1.5', 1, 60)).toEqual({ ok: false, kind: 'number' });
    expect(parseWhole('61', 1, 60)).toEqual({ ok: false, kind: 'range' });
    expect(parseWhole(' 7 ', 1, 60)).toEqual({ ok: true, value: 7 });
  });
});

describe('inputForBidPath and bidPaths', () => {
  it('puts server paths at the inputs that show them', () => {
    expect(inputForBidPath('quotedPriceYuan')).toBe('quotedPriceWan');
    expect(inputForBidPath('indicatorResponses.2')).toBe('indicatorResponses.2.approach');
    expect(inputForBidPath('indicatorResponses.1.committedValue')).toBe('indicatorResponses.1.committedValue');
    expect(inputForBidPath('partnerIds.0')).toBe('partnerIds');
    expect(inputForBidPath('milestones')).toBe('milestones');
  });

  it('lists row inputs before the groups that contain them', () => {
    const paths = bidPaths(valuesFromBid(complete, 2, []));
    expect(paths.indexOf('members.0.name')).toBeLessThan(paths.indexOf('members'));
    expect(paths.indexOf('milestones.1.sharePercent')).toBeLessThan(paths.indexOf('milestones'));
  });
});

describe('who the viewer is', () => {
  const bid = { teamId, partners: [{ organisationId: partnerId, name: '扬州大学', confirmedAt: null }] };

  it('knows the team by membership and finds an unconfirmed partner invitation', () => {
    expect(isTeamMember(bid, [{ organisationId: teamId }])).toBe(true);
    expect(isTeamMember(bid, [{ organisationId: partnerId }])).toBe(false);
    expect(pendingPartner(bid, [{ organisationId: partnerId }])?.name).toBe('扬州大学');
    expect(pendingPartner({ partners: [{ ...bid.partners[0]!, confirmedAt: '2026-01-01T00:00:00Z' }] }, [{ organisationId: partnerId }])).toBeUndefined();
  });
});
