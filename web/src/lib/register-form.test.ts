import { describe, expect, it } from 'vitest';
import { registerBody } from '../../../shared/contracts/auth';
import { creditCodeCheckCharacter } from '../../../shared/credit-code';
import { emptyEnterprise, emptyPerson, emptyTeam, registerCandidate } from './register-form';

const first17 = '91321000MA1234567';
const creditCode = first17 + creditCodeCheckCharacter(first17);
const person = { name: '王工', email: 'Wang@Example.com ', phone: '', password: 'Abcdefgh12' };

describe('registerCandidate', () => {
  it('builds an enterprise registration the shared schema accepts', () => {
    const candidate = registerCandidate(null, 'enterprise', {
      person,
      enterprise: { name: '扬州某科技', creditCode: creditCode.toLowerCase(), industry: 'new_energy', district: '邗江区' },
      team: emptyTeam(),
    });
    const parsed = registerBody.parse(candidate);
    expect(parsed.person.phone).toBeUndefined();
    expect(parsed.person.email).toBe('wang@example.com');
    expect(parsed.mode === 'organisation' && parsed.organisation.kind === 'enterprise' && parsed.organisation.creditCode).toBe(creditCode);
  });

  it('splits a team’s research fields into tags', () => {
    const candidate = registerCandidate(null, 'team', {
      person,
      enterprise: emptyEnterprise(),
      team: { name: '课题组', institution: '扬州大学', institutionKind: 'university', district: '邗江区', researchFields: '储能、固态电池', description: '' },
    });
    const parsed = registerBody.parse(candidate);
    expect(parsed.mode === 'organisation' && parsed.organisation.kind === 'team' && parsed.organisation.researchFields).toEqual(['储能', '固态电池']);
  });

  it('sends only the person and the token for an invitation', () => {
    const token = 'x'.repeat(32);
    expect(registerCandidate(token, 'enterprise', { person, enterprise: emptyEnterprise(), team: emptyTeam() })).toEqual({
      mode: 'invitation',
      person: { ...person, phone: undefined },
      invitationToken: token,
    });
  });

  it('leaves empty fields for the schema to report by path', () => {
    const result = registerBody.safeParse(
      registerCandidate(null, 'enterprise', { person: emptyPerson(), enterprise: emptyEnterprise(), team: emptyTeam() }),
    );
    const paths = result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining(['person.name', 'person.email', 'person.password', 'organisation.creditCode', 'organisation.industry']),
    );
  });
});
