import { randomBytes } from 'node:crypto';
import { creditCodeCheckCharacter } from '../../shared/credit-code';
import type { OrganisationKind, Role, VerificationState } from '../../shared/roles';
import { memberships, organisations, users } from '../../db/schema';
import type { Db } from '../../server/infra/database';
import { argon2Hasher } from '../../server/infra/password-hasher';

export const testPassword = 'Test-password-1';
let hashed: Promise<string> | null = null;
const passwordHash = () => (hashed ??= argon2Hasher.hash(testPassword));

export const unique = (label = 'x') => `${label}-${randomBytes(4).toString('hex')}`;

const codeAlphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** A random, valid unified social credit code. */
export function validCreditCode(): string {
  let body = '91321002';
  for (let i = 0; i < 9; i++) body += codeAlphabet[randomBytes(1)[0]! % 31];
  return body + creditCodeCheckCharacter(body);
}

export async function makeOrganisation(db: Db, o: { kind: OrganisationKind; verification?: VerificationState; name?: string }) {
  const [row] = await db
    .insert(organisations)
    .values({
      kind: o.kind,
      name: o.name ?? unique(`${o.kind}-org`),
      verification: o.verification ?? 'verified',
      creditCode: o.kind === 'enterprise' ? validCreditCode() : null,
      district: '邗江区',
      ...(o.kind === 'team' ? { institution: '扬州大学', institutionKind: 'university' as const, researchFields: ['储能材料'] } : {}),
      ...(o.kind === 'enterprise' ? { industry: 'new_energy' } : {}),
    })
    .returning();
  return row!;
}

/** A user with one membership (and its organisation, made unless given). */
export async function makeUser(db: Db, o: { role: Role; organisationId?: string; verification?: VerificationState; canManage?: boolean; name?: string }) {
  const kind: OrganisationKind = o.role === 'enterprise_member' ? 'enterprise' : o.role === 'team_member' ? 'team' : 'bureau';
  const organisationId = o.organisationId ?? (await makeOrganisation(db, { kind, verification: o.verification ?? 'verified' })).id;
  const email = `${unique(o.role)}@example.test`;
  const [user] = await db.insert(users).values({ email, name: o.name ?? unique('用户'), passwordHash: await passwordHash() }).returning();
  await db.insert(memberships).values({ userId: user!.id, organisationId, role: o.role, canManage: o.canManage ?? true });
  return { ...user!, organisationId, password: testPassword };
}
