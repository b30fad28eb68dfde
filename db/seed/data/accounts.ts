import { bureau, bureauPeople } from './bureau';
import { enterprises } from './enterprises';
import { teams } from './teams';
import type { BureauRole, DemoLogin, SeedBureauPerson, SeedPerson } from './types';

/** Every seeded account gets this password; it is for local demos only. */
export const demoPassword = 'Jiebang2026';

function byKey<T extends { readonly key: string }>(list: readonly T[], key: string): T {
  const found = list.find((item) => item.key === key);
  if (!found) throw new Error(`no seeded organisation with key ${key}`);
  return found;
}

function manager(org: { readonly key: string; readonly members: readonly SeedPerson[] }): SeedPerson {
  const first = org.members[0];
  if (!first) throw new Error(`seeded organisation ${org.key} has no members`);
  return first;
}

function firstWithRole(role: BureauRole): SeedBureauPerson {
  const person = bureauPeople.find((p) => p.role === role);
  if (!person) throw new Error(`no seeded bureau person with role ${role}`);
  return person;
}

// Looked up rather than copied, so renaming a demo person cannot leave a stale log-in behind.
const enterprise = byKey(enterprises, 'hengyuan-storage');
const team = byKey(teams, 'yzu-energy-materials');
const official = firstWithRole('official');
const expert = firstWithRole('expert');
const admin = firstWithRole('admin');
const enterpriseManager = manager(enterprise);
const teamLead = manager(team);
// The review and award seed (db/seed/reviews.ts) leaves these two with something to do.
const proposingEnterprise = byKey(enterprises, 'tongchi-auto');
const losingTeam = byKey(teams, 'nuaa-machining');
// The contracts seed (db/seed/contracts.ts) leaves this team's evidence returned, to resubmit.
const contractedTeam = byKey(teams, 'xinrui-reliability');

/** The accounts the launcher prints at start-up: one per role first, then three that show review, award and a contract. */
export const demoLogins: readonly DemoLogin[] = [
  { role: 'official', label: '科技局工作人员', name: official.name, email: official.email, organisation: bureau.name },
  {
    role: 'enterprise_member',
    label: '发榜企业负责人',
    name: enterpriseManager.name,
    email: enterpriseManager.email,
    organisation: enterprise.name,
  },
  {
    role: 'team_member',
    label: '揭榜团队负责人',
    name: teamLead.name,
    email: teamLead.email,
    organisation: team.name,
  },
  { role: 'expert', label: '评审专家', name: expert.name, email: expert.email, organisation: bureau.name },
  {
    role: 'enterprise_member',
    label: '发榜企业（排名已定，待提名揭榜方）',
    name: manager(proposingEnterprise).name,
    email: manager(proposingEnterprise).email,
    organisation: proposingEnterprise.name,
  },
  {
    role: 'team_member',
    label: '未中榜团队（可查看评审反馈）',
    name: manager(losingTeam).name,
    email: manager(losingTeam).email,
    organisation: losingTeam.name,
  },
  {
    role: 'team_member',
    label: '履约团队（节点材料被退回，待补充）',
    name: manager(contractedTeam).name,
    email: manager(contractedTeam).email,
    organisation: contractedTeam.name,
  },
  { role: 'admin', label: '平台管理员', name: admin.name, email: admin.email, organisation: bureau.name },
];
