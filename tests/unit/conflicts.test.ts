import { describe, expect, it } from 'vitest';
import { findConflicts, type ExpertFacts, type Party } from '../../server/modules/reviews/conflicts';

const team: Party = { organisationId: 'team', name: '扬州大学 新能源材料与器件课题组', institution: '扬州大学' };
const partner: Party = { organisationId: 'partner', name: '扬州恒沅储能科技有限公司', institution: null };
const expert = (o: Partial<ExpertFacts> = {}): ExpertFacts => ({ institution: '东南大学', memberOrganisationIds: [], tiedOrganisationIds: [], recentDealOrganisationIds: [], ...o });

describe('conflict of interest (回避)', () => {
  it('finds none for an expert from elsewhere with no ties', () => {
    expect(findConflicts(expert(), [team, partner])).toEqual([]);
  });

  it('finds the same institution, also from a school of it and with stray spaces or brackets', () => {
    expect(findConflicts(expert({ institution: '扬州大学' }), [team])).toEqual([{ reason: 'same_institution', organisationName: team.name }]);
    expect(findConflicts(expert({ institution: '扬州大学化学化工学院' }), [team])).toHaveLength(1);
    expect(findConflicts(expert({ institution: ' 扬州 大学 ' }), [team])).toHaveLength(1);
  });

  it('finds an enterprise partner the expert works at, by its name', () => {
    expect(findConflicts(expert({ institution: '扬州恒沅储能科技有限公司' }), [team, partner])).toEqual([{ reason: 'same_institution', organisationName: partner.name }]);
  });

  it('finds membership in the bidding team or a partner', () => {
    expect(findConflicts(expert({ memberOrganisationIds: ['partner'] }), [team, partner])).toEqual([{ reason: 'member_of_organisation', organisationName: partner.name }]);
  });

  it('finds a declared tie', () => {
    expect(findConflicts(expert({ tiedOrganisationIds: ['team'] }), [team, partner])).toEqual([{ reason: 'declared_tie', organisationName: team.name }]);
  });

  it('does not confuse unrelated institutions that share words', () => {
    expect(findConflicts(expert({ institution: '南京大学' }), [{ organisationId: 'x', name: '南京理工大学 精密制造团队', institution: '南京理工大学' }])).toEqual([]);
  });

  it('blocks an expert whose organisation shared a deal with a partner in the last three years', () => {
    expect(findConflicts(expert({ recentDealOrganisationIds: ['partner'] }), [team, partner])).toEqual([{ reason: 'recent_deal', organisationName: partner.name }]);
  });

  it('lists every conflict when several apply', () => {
    const found = findConflicts(expert({ institution: '扬州大学', tiedOrganisationIds: ['team'], memberOrganisationIds: ['partner'], recentDealOrganisationIds: ['team'] }), [team, partner]);
    expect(found.map((c) => c.reason).sort()).toEqual(['declared_tie', 'member_of_organisation', 'recent_deal', 'same_institution']);
  });
});
