import { describe, expect, it } from 'vitest';
import { findConflicts, type ExpertFacts, type Party } from '../../server/modules/reviews/conflicts';

/**
 * 回避 cases that tests/unit/conflicts.test.ts does not cover one by one: membership of the
 * team itself, brackets typed full- or half-width, a school of the university against a team
 * named by its school, ties and deals with the team and with a partner separately, and
 * several conflicts with several parties at once.
 */
const team: Party = { organisationId: 'team', name: '扬州大学 新能源材料与器件课题组', institution: '扬州大学' };
const partner: Party = { organisationId: 'partner', name: '江苏恒沅储能科技有限公司', institution: null };
const institute: Party = { organisationId: 'institute', name: '中国科学院（苏州）纳米所 先进材料团队', institution: '中国科学院（苏州）纳米技术与纳米仿生研究所' };
const expert = (o: Partial<ExpertFacts> = {}): ExpertFacts => ({ institution: '东南大学', memberOrganisationIds: [], tiedOrganisationIds: [], recentDealOrganisationIds: [], ...o });
const reasons = (e: ExpertFacts, parties: Party[]) => findConflicts(e, parties).map((c) => `${c.reason}: ${c.organisationName}`).sort();

describe('conflict of interest (回避): each rule on its own', () => {
  it('finds no conflict for an expert with no institution and no ties', () => {
    expect(findConflicts(expert({ institution: null }), [team, partner, institute])).toEqual([]);
  });

  it('finds a member of the bidding team itself', () => {
    expect(findConflicts(expert({ memberOrganisationIds: ['team'] }), [team, partner])).toEqual([{ reason: 'member_of_organisation', organisationName: team.name }]);
  });

  it('finds the same institution whichever brackets were typed', () => {
    for (const institution of ['中国科学院(苏州)纳米技术与纳米仿生研究所', '中国科学院（苏州）纳米技术与纳米仿生研究所', '中国科学院（苏州)纳米技术与纳米仿生研究所', '中国科学院 ( 苏州 ) 纳米技术与纳米仿生研究所']) {
      expect(findConflicts(expert({ institution }), [institute]), institution).toEqual([{ reason: 'same_institution', organisationName: institute.name }]);
    }
  });

  it('finds the same institution between a school of the university and the university, either way round', () => {
    expect(findConflicts(expert({ institution: '扬州大学机械工程学院' }), [team])).toEqual([{ reason: 'same_institution', organisationName: team.name }]);
    const schoolTeam: Party = { organisationId: 's', name: '扬州大学化学化工学院 催化课题组', institution: '扬州大学化学化工学院' };
    expect(findConflicts(expert({ institution: '扬州大学' }), [schoolTeam])).toEqual([{ reason: 'same_institution', organisationName: schoolTeam.name }]);
  });

  it('finds no same-institution conflict between different universities of one city', () => {
    expect(findConflicts(expert({ institution: '扬州市职业大学' }), [team])).toEqual([]);
  });

  it('finds a declared tie to the team and, separately, to a partner', () => {
    expect(findConflicts(expert({ tiedOrganisationIds: ['team'] }), [team, partner])).toEqual([{ reason: 'declared_tie', organisationName: team.name }]);
    expect(findConflicts(expert({ tiedOrganisationIds: ['partner'] }), [team, partner])).toEqual([{ reason: 'declared_tie', organisationName: partner.name }]);
  });

  it('finds a deal in the last three years with the team itself', () => {
    expect(findConflicts(expert({ recentDealOrganisationIds: ['team'] }), [team, partner])).toEqual([{ reason: 'recent_deal', organisationName: team.name }]);
  });

  it('ignores ties, memberships and deals with organisations that are not on the bid', () => {
    expect(findConflicts(expert({ memberOrganisationIds: ['other'], tiedOrganisationIds: ['other'], recentDealOrganisationIds: ['other'] }), [team, partner])).toEqual([]);
  });
});

describe('conflict of interest (回避): several at once', () => {
  it('names every conflict with every party', () => {
    const e = expert({ institution: '扬州大学', memberOrganisationIds: ['partner'], tiedOrganisationIds: ['team', 'partner'], recentDealOrganisationIds: ['partner'] });
    expect(reasons(e, [team, partner])).toEqual(
      [
        `same_institution: ${team.name}`,
        `declared_tie: ${team.name}`,
        `member_of_organisation: ${partner.name}`,
        `declared_tie: ${partner.name}`,
        `recent_deal: ${partner.name}`,
      ].sort(),
    );
  });

  it('names an enterprise partner by its own name when the expert works there, next to a tie with the team', () => {
    expect(reasons(expert({ institution: '江苏恒沅储能科技有限公司', tiedOrganisationIds: ['team'] }), [team, partner])).toEqual([`declared_tie: ${team.name}`, `same_institution: ${partner.name}`].sort());
  });
});
