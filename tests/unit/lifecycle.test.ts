import { describe, expect, it } from 'vitest';
import { allowedEvents, defineLifecycle, findTransition } from '../../shared/lifecycle';
import { organisationVerificationLifecycle as l } from '../../shared/lifecycles/organisation-verification';
import { roles, type Role } from '../../shared/roles';
import { guardTransition } from '../../server/lifecycle-guard';
import { AppError } from '../../server/errors';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return 'OK';
  } catch (e) {
    return (e as AppError).code;
  }
};

describe('lifecycle tables', () => {
  it('refuses a table with two rows for one state and event', () => {
    expect(() =>
      defineLifecycle({ name: 'x', states: ['a', 'b'], events: ['go'], transitions: [{ from: 'a', event: 'go', to: 'b', by: ['admin'] }, { from: 'a', event: 'go', to: 'a', by: ['admin'] }] }),
    ).toThrow(/duplicate/);
  });

  it('shows officials verify and reject on a pending organisation, and members nothing', () => {
    expect(allowedEvents(l, 'pending', ['official'])).toEqual(['verify', 'reject']);
    expect(allowedEvents(l, 'pending', ['enterprise_member'])).toEqual([]);
    expect(allowedEvents(l, 'rejected', ['team_member'])).toEqual(['resubmit']);
    expect(allowedEvents(l, 'verified', [...roles])).toEqual([]);
  });

  // Every (state, event, role) combination: allowed exactly when the table says so.
  const cases = l.states.flatMap((s) => l.events.flatMap((e) => roles.map((r) => [s, e, r] as const)));
  it.each(cases)('from %s, %s by %s follows the table', (state, event, role) => {
    const t = findTransition(l, state, event);
    const expected = !t ? 'INVALID_TRANSITION' : t.by !== 'system' && t.by.includes(role as Role) ? 'OK' : 'FORBIDDEN';
    expect(codeOf(() => guardTransition(l, state, event, [role]))).toBe(expected);
  });
});
