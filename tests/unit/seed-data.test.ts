import { describe, it, expect } from 'vitest';
import { demoLogins, demoPassword } from '../../db/seed/data/accounts';
import { bureau, bureauPeople } from '../../db/seed/data/bureau';
import { enterprises } from '../../db/seed/data/enterprises';
import { teams } from '../../db/seed/data/teams';
import { yangzhouDistricts } from '../../db/seed/data/types';
import { creditCodeProblem } from '../../shared/credit-code';
import { institutionKinds } from '../../shared/roles';
import { industryCodes } from '../../shared/taxonomy/industries';

const people = [
  ...enterprises.flatMap((e) => e.members),
  ...teams.flatMap((t) => t.members),
  ...bureauPeople,
];
const emails = people.map((p) => p.email);
const duplicates = (values: readonly string[]) => values.filter((v, i) => values.indexOf(v) !== i);

describe('seed data', () => {
  it('has enough enterprises, teams and bureau people for a demo', () => {
    expect(enterprises.length).toBeGreaterThanOrEqual(10);
    expect(new Set(enterprises.map((e) => e.industry)).size).toBeGreaterThanOrEqual(6);
    expect(teams.length).toBeGreaterThanOrEqual(20);
    const count = (role: string) => bureauPeople.filter((p) => p.role === role).length;
    expect(count('official')).toBe(2);
    expect(count('expert')).toBe(5);
    expect(count('admin')).toBe(1);
    expect(bureau.name).toBe('扬州市科学技术局');
  });

  it('gives every enterprise a valid, unique credit code', () => {
    for (const e of enterprises) expect(creditCodeProblem(e.creditCode), `${e.key}: ${e.creditCode}`).toBeNull();
    expect(duplicates(enterprises.map((e) => e.creditCode))).toEqual([]);
  });

  it('registers every enterprise in a Yangzhou district and a known industry', () => {
    for (const e of enterprises) {
      expect(industryCodes, e.key).toContain(e.industry);
      expect(yangzhouDistricts, e.key).toContain(e.district);
      expect(e.members.length, e.key).toBeGreaterThanOrEqual(1);
      expect(e.members.length, e.key).toBeLessThanOrEqual(2);
    }
  });

  it('gives every team research fields, members and a known institution kind', () => {
    for (const t of teams) {
      expect(t.researchFields.length, t.key).toBeGreaterThanOrEqual(1);
      expect(t.members.length, t.key).toBeGreaterThanOrEqual(1);
      expect(institutionKinds, t.key).toContain(t.institutionKind);
      expect(t.name, t.key).toContain(t.institution);
    }
  });

  it('gives every person a unique, lower-case, well-formed e-mail', () => {
    expect(duplicates(emails)).toEqual([]);
    for (const email of emails) {
      expect(email).toBe(email.toLowerCase());
      expect(email).toMatch(/^[a-z0-9._-]+@[a-z0-9-]+(\.[a-z0-9-]+)+$/);
    }
  });

  it('gives phones only as 11-digit mainland mobile numbers', () => {
    for (const p of people) if (p.phone !== undefined) expect(p.phone, p.name).toMatch(/^1[3-9]\d{9}$/);
  });

  it('gives experts their expertise and affiliation, and some affiliations match team institutions', () => {
    const experts = bureauPeople.filter((p) => p.role === 'expert');
    for (const x of experts) {
      expect(x.expertise, x.name).toBeTruthy();
      expect(x.affiliation, x.name).toBeTruthy();
    }
    const institutions = new Set(teams.map((t) => t.institution));
    const overlapping = experts.filter((x) => [...institutions].some((i) => x.affiliation?.startsWith(i)));
    expect(overlapping.length).toBeGreaterThanOrEqual(2);
  });

  it('uses unique keys across enterprises, teams and the bureau', () => {
    const keys = [...enterprises.map((e) => e.key), ...teams.map((t) => t.key), bureau.key];
    expect(duplicates(keys)).toEqual([]);
    for (const key of keys) expect(key).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('uses unique organisation names', () => {
    const names = [...enterprises.map((e) => e.name), ...teams.map((t) => t.name), bureau.name];
    expect(duplicates(names)).toEqual([]);
  });

  it('contains no placeholder text', () => {
    const text = JSON.stringify({ enterprises, teams, bureau, bureauPeople }).toLowerCase();
    expect(text).not.toContain('lorem');
    expect(text).not.toContain('todo');
  });

  it('lists a demo log-in for every role, each an existing account', () => {
    expect(demoPassword).toBe('Jiebang2026');
    expect([...new Set(demoLogins.map((l) => l.role))].sort()).toEqual(
      ['admin', 'enterprise_member', 'expert', 'official', 'team_member'].sort(),
    );
    for (const login of demoLogins) expect(emails).toContain(login.email);
  });
});
