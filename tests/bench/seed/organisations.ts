import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { memberships, organisations, teamPeople, teamProfiles, teamResults, users } from '../../../db/schema';
import { bureau, bureauPeople } from '../../../db/seed/data/bureau';
import { enterprises as demoEnterprises } from '../../../db/seed/data/enterprises';
import { historyTopics } from '../../../db/seed/data/history-topics';
import { teamProfiles as demoProfiles } from '../../../db/seed/data/team-profiles';
import { teams as demoTeams } from '../../../db/seed/data/teams';
import { yangzhouDistricts } from '../../../db/seed/data/types';
import type { Rng } from '../../../db/seed/history/random';
import { teamTokens } from '../../../server/modules/matching/documents';
import { creditCodeCheckCharacter } from '../../../shared/credit-code';
import type { Role } from '../../../shared/roles';
import { bulkInsert, timed, type BulkRow } from './bulk-insert';
import { academicTitles, cities, companyForms, institutions, personName, tradeName } from './vocabulary';
import { day, type Counts, type EnterpriseInfo, type Person, type StepLog, type TeamInfo, type World } from './world';

/** The e-mail domain of every bench account; the password is benchPassword. */
export const benchDomain = 'bench.jiebang.test';
export const benchPassword = 'Bench-2026-password';

/**
 * The bureau (two officials and an admin), the enterprises (each the copy of a demo enterprise
 * in another city, with one member) and the research teams (each built on a demo team, hosted
 * by an institution of the same kind, with a lead and a member, its matching profile, people
 * and results). About 3 % of each are still pending verification.
 */
export async function seedOrganisations(client: pg.ClientBase, rnd: Rng, counts: Counts, world: Pick<World, 'now' | 'passwordHash'>, log: StepLog): Promise<Pick<World, 'bureauId' | 'officials' | 'enterprises' | 'teams'>> {
  const established = new Date(world.now.getTime() - 1200 * day);
  const userRows: BulkRow<typeof users>[] = [];
  const memberRows: BulkRow<typeof memberships>[] = [];
  const orgRows: BulkRow<typeof organisations>[] = [];
  const person = (orgId: string, role: Role, email: string, name: string, title: string, manager: boolean): Person => {
    const userId = randomUUID();
    userRows.push({ id: userId, email, name, phone: null, passwordHash: world.passwordHash, createdAt: established });
    memberRows.push({ userId, organisationId: orgId, role, canManage: manager, createdAt: established });
    return { userId, name, title, email };
  };
  const org = (row: Omit<BulkRow<typeof organisations>, 'verifiedAt' | 'createdAt' | 'updatedAt' | 'creditCode' | 'industry' | 'institution' | 'institutionKind' | 'researchFields'> & Partial<BulkRow<typeof organisations>>, verified: boolean) => {
    orgRows.push({
      creditCode: null,
      industry: null,
      institution: null,
      institutionKind: null,
      researchFields: [],
      ...row,
      verification: verified ? 'verified' : 'pending',
      verifiedAt: verified ? established : null,
      createdAt: verified ? established : new Date(world.now.getTime() - rnd.int(1, 20) * day),
      updatedAt: established,
    });
  };

  const bureauId = randomUUID();
  org({ id: bureauId, kind: 'bureau', name: bureau.name, district: bureau.district, description: bureau.description }, true);
  const officials = bureauPeople
    .filter((p) => p.role === 'official')
    .slice(0, 2)
    .map((p, i) => person(bureauId, 'official', `official${i + 1}@${benchDomain}`, p.name, p.title, true));
  person(bureauId, 'admin', `admin@${benchDomain}`, '平台管理员', '', true);

  const templates = demoEnterprises.filter((e) => historyTopics[e.key]?.length);
  const enterprises: EnterpriseInfo[] = [];
  for (let j = 0; j < counts.enterprises; j++) {
    const t = templates[j % templates.length]!;
    const id = randomUUID();
    const city = cities[Math.floor(j / templates.length) % cities.length]!;
    const name = `${city}${tradeName(t.name)}${companyForms[Math.floor(j / (templates.length * cities.length)) % companyForms.length]}`;
    const prefix = `913210${String(j % 10)}0MA${String(j).padStart(7, '0')}`;
    const verified = !rnd.chance(0.03);
    const district = rnd.pick(yangzhouDistricts);
    org({ id, kind: 'enterprise', name, creditCode: prefix + creditCodeCheckCharacter(prefix), industry: t.industry, district, description: t.description }, verified);
    const member = person(id, 'enterprise_member', `e${j}@${benchDomain}`, personName(rnd.int(0, 1499)), '研发负责人', true);
    enterprises.push({ id, name, template: t.key, description: t.description, district, member, verified });
  }

  const teams: TeamInfo[] = [];
  const profileRows: BulkRow<typeof teamProfiles>[] = [];
  const peopleRows: BulkRow<typeof teamPeople>[] = [];
  const resultRows: BulkRow<typeof teamResults>[] = [];
  for (let i = 0; i < counts.teams; i++) {
    const t = demoTeams[i % demoTeams.length]!;
    const profile = demoProfiles[t.key]!;
    const host = t.institutionKind === 'company' ? { name: t.institution, kind: t.institutionKind } : rnd.pick(institutions.filter((x) => x.kind === t.institutionKind));
    const label = t.name.slice(t.name.indexOf(' ') + 1);
    const lead = personName(rnd.int(0, 1499));
    const id = randomUUID();
    const name = `${host.name} ${label}（${lead}）`;
    const keywords = rnd.shuffle([...t.researchFields]).slice(0, rnd.int(3, t.researchFields.length));
    const description = t.description.replaceAll(t.institution, host.name);
    const verified = !rnd.chance(0.03);
    org({ id, kind: 'team', name, institution: host.name, institutionKind: host.kind, district: host.name.startsWith('扬州') ? rnd.pick(yangzhouDistricts) : null, researchFields: keywords, description }, verified);
    const expertise = Object.values(profile.expertise);
    const members = [
      person(id, 'team_member', `t${i}.a@${benchDomain}`, lead, academicTitles[rnd.int(0, 2)]!, true),
      person(id, 'team_member', `t${i}.b@${benchDomain}`, personName(rnd.int(0, 1499)), academicTitles[rnd.int(3, academicTitles.length - 1)]!, false),
    ];
    const people = members.map((m, k) => ({ title: m.title, expertise: expertise[k % Math.max(1, expertise.length)] ?? '' }));
    const results = profile.results.slice(0, rnd.int(1, profile.results.length));
    const capacity = rnd.int(1, 5);
    people.forEach((p, k) => peopleRows.push({ organisationId: id, position: k + 1, name: members[k]!.name, title: p.title, expertise: p.expertise }));
    results.forEach((r, k) => resultRows.push({ organisationId: id, position: k + 1, kind: r.kind, title: r.title, year: r.year }));
    // The same function the app runs when a profile is saved (server/modules/matching/profiles.ts).
    const tokens = teamTokens({ name, keywords, description, people, results }).join(' ');
    profileRows.push({ organisationId: id, fields: [...profile.fields], capacity, tokens, version: 1, updatedAt: established });
    teams.push({ id, name, institution: host.name, institutionKind: host.kind, fields: profile.fields, keywords, members, verified, capacity });
  }

  await timed(client, log, 'users', () => bulkInsert(client, users, userRows));
  await timed(client, log, 'organisations', () => bulkInsert(client, organisations, orgRows));
  await timed(client, log, 'memberships', () => bulkInsert(client, memberships, memberRows));
  await timed(client, log, 'team_profiles', () => bulkInsert(client, teamProfiles, profileRows, 2000));
  await timed(client, log, 'team_people', () => bulkInsert(client, teamPeople, peopleRows));
  await timed(client, log, 'team_results', () => bulkInsert(client, teamResults, resultRows));
  return { bureauId, officials, enterprises, teams };
}
