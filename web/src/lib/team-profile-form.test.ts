import { describe, expect, it } from 'vitest';
import { teamProfileBody, type TeamProfile } from '../../../shared/contracts/matching';
import { chainCodes } from '../../../shared/taxonomy/industry-chains';
import { industries } from '../../../shared/taxonomy/industries';
import {
  bodyFromValues,
  emptyPerson,
  emptyResult,
  fieldGroups,
  parseWhole,
  profileIssueMessage,
  profilePaths,
  spareCapacity,
  valuesFromProfile,
  type TeamProfileValues,
} from './team-profile-form';

const now = new Date('2026-03-10T08:00:00+08:00');

const profile: TeamProfile = {
  organisationId: '7f1c1a52-4d0b-4a7e-9d55-0b8c0a4f3e21',
  name: '扬州大学固态电池团队',
  institution: '扬州大学',
  institutionKind: 'university',
  region: '邗江区',
  fields: ['energy_storage', 'power_batteries'],
  keywords: ['固态电解质', '热失控'],
  description: '聚焦固态电池与储能安全。',
  capacity: 3,
  activeContracts: 1,
  people: [{ name: '王教授', title: '教授', expertise: '电化学' }],
  results: [{ kind: 'patent', title: '一种固态电解质膜的制备方法', year: 2024 }],
  version: 2,
  updatedAt: '2026-03-01T02:00:00.000Z',
  editable: true,
};

function issuesOf(values: TeamProfileValues) {
  const parsed = teamProfileBody.safeParse(bodyFromValues(values));
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: profileIssueMessage(issue, now) }));
}

describe('team profile form', () => {
  it('gives back the saved profile as a body the shared schema accepts unchanged', () => {
    const body = teamProfileBody.parse(bodyFromValues(valuesFromProfile(profile)));
    expect(body).toEqual({
      fields: profile.fields,
      keywords: profile.keywords,
      description: profile.description,
      region: profile.region,
      capacity: 3,
      people: profile.people,
      results: profile.results,
    });
  });

  it('keeps numbers as typed and reads them only for the body', () => {
    const values = valuesFromProfile(profile);
    expect(values.capacity).toBe('3');
    expect(values.results[0]?.year).toBe('2024');
    values.capacity = '５';
    expect(bodyFromValues(values).capacity).toBe(5);
  });

  it('reads blank as missing and anything but digits as not a number', () => {
    expect(parseWhole('  ')).toBeUndefined();
    expect(parseWhole('12')).toBe(12);
    expect(parseWhole('２０２４')).toBe(2024);
    expect(parseWhole('3.5')).toBeNaN();
    expect(parseWhole('abc')).toBeNaN();
  });

  it('keeps blank rows in place so an error path names the row on screen', () => {
    const values = valuesFromProfile(profile);
    values.people.unshift(emptyPerson());
    const issues = issuesOf(values);
    expect(issues.map((i) => i.path)).toEqual(['people.0.name']);
    // Errors go to the first path that is the error's or holds it (FormErrors): the row's input, not the list.
    const shownAt = (path: string) => profilePaths(values).find((p) => path === p || path.startsWith(`${p}.`));
    expect(shownAt('people.0.name')).toBe('people.0.name');
    expect(shownAt('people.1.expertise')).toBe('people.1.expertise');
    expect(shownAt('keywords.2')).toBe('keywords');
    expect(shownAt('results')).toBe('results');
  });

  it('says how many fields and keywords are needed instead of a vague message', () => {
    const values = valuesFromProfile(profile);
    values.fields = [];
    values.keywords = [];
    expect(issuesOf(values)).toEqual([
      { path: 'fields', message: { key: 'teamProfile.error.fieldsCount', params: { min: 1, max: 6 } } },
      { path: 'keywords', message: { key: 'teamProfile.error.keywordsCount', params: { min: 1, max: 15 } } },
    ]);
    values.fields = chainCodes.slice(0, 7);
    values.keywords = Array.from({ length: 16 }, (_, i) => `词${i}`);
    expect(issuesOf(values).map((i) => i.message?.key)).toEqual(['teamProfile.error.fieldsCount', 'teamProfile.error.keywordsCount']);
  });

  it('leaves the generic message for a keyword that is too long', () => {
    const values = valuesFromProfile(profile);
    values.keywords = ['长'.repeat(31)];
    expect(issuesOf(values)).toEqual([{ path: 'keywords.0', message: null }]);
  });

  it('names the rule for a field not in the taxonomy, the capacity and the year', () => {
    const values = valuesFromProfile(profile);
    values.fields = ['quantum_teleportation'];
    values.capacity = '51';
    const result = emptyResult();
    result.title = '论文';
    result.year = '1900';
    values.results.push(result);
    expect(issuesOf(values)).toEqual([
      { path: 'fields.0', message: { key: 'teamProfile.error.fieldUnknown' } },
      { path: 'capacity', message: { key: 'teamProfile.error.capacity', params: { max: 50 } } },
      { path: 'results.1.year', message: { key: 'teamProfile.error.year', params: { min: 1950, max: 2027 } } },
    ]);
  });

  it('asks for a capacity left blank or not a whole number', () => {
    const values = valuesFromProfile(profile);
    for (const capacity of ['', 'x', '2.5']) {
      values.capacity = capacity;
      expect(issuesOf(values).map((i) => i.path)).toEqual(['capacity']);
    }
  });

  it('groups every field code under its industry, labelled in the chosen language', () => {
    const zh = fieldGroups('zh-CN');
    expect(zh.map((g) => g.industry)).toEqual(industries.map((i) => i.code));
    expect(zh.flatMap((g) => g.chains.map((c) => c.code)).sort()).toEqual([...chainCodes].sort());
    expect(zh.find((g) => g.industry === 'hydrogen')?.chains.find((c) => c.code === 'fuel_cells')?.label).toBe('燃料电池');
    expect(fieldGroups('en').find((g) => g.industry === 'hydrogen')?.label).toBe('Hydrogen energy');
  });

  it('never reports negative spare capacity', () => {
    expect(spareCapacity(3, 1)).toBe(2);
    expect(spareCapacity(1, 4)).toBe(0);
  });
});
