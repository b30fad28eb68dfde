import { findTransition, mayFire, type Lifecycle, type Transition } from '../shared/lifecycle';
import type { Role } from '../shared/roles';
import { Forbidden, InvalidTransition } from './errors';

/**
 * The server's one enforcement point for lifecycle tables: an event that the table does not
 * allow from the current state is a 409 INVALID_TRANSITION; one the actor's roles may not
 * fire is a 403. Data preconditions (`requires`) stay with the owning service.
 */
export function guardTransition<S extends string, E extends string>(
  lifecycle: Lifecycle<S, E>,
  from: S,
  event: E,
  roles: readonly Role[] | 'system',
): Transition<S, E> {
  const t = findTransition(lifecycle, from, event);
  if (!t) throw new InvalidTransition(lifecycle.name, from, event);
  const allowed = roles === 'system' ? t.by === 'system' : mayFire(t, roles);
  if (!allowed) throw new Forbidden(`${lifecycle.name}: your role may not ${event}`);
  return t;
}
