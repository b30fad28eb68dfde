import type { Role } from './roles';

/**
 * A lifecycle is data: one row per (state, event) with the next state and who may fire it.
 * The server enforces it (see server/lifecycle-guard.ts), the web asks it which buttons to
 * show, and tests enumerate it. Conditions that need data ("what must hold") are named in
 * `requires` and checked by the service that owns the record.
 */
export interface Transition<S extends string, E extends string> {
  from: S;
  event: E;
  to: S;
  by: readonly Role[] | 'system';
  /** Human-readable preconditions, enforced by the owning service. */
  requires?: readonly string[];
}

export interface Lifecycle<S extends string, E extends string> {
  name: string;
  states: readonly S[];
  events: readonly E[];
  transitions: readonly Transition<S, E>[];
}

export function defineLifecycle<S extends string, E extends string>(l: Lifecycle<S, E>): Lifecycle<S, E> {
  const seen = new Set<string>();
  for (const t of l.transitions) {
    const key = `${t.from}:${t.event}`;
    if (seen.has(key)) throw new Error(`${l.name}: duplicate transition ${key}`);
    seen.add(key);
  }
  return l;
}

export function findTransition<S extends string, E extends string>(
  l: Lifecycle<S, E>,
  from: S,
  event: E,
): Transition<S, E> | undefined {
  return l.transitions.find((t) => t.from === from && t.event === event);
}

/** Whether someone holding `roles` may fire `t`. System transitions are never allowed to people. */
export function mayFire(t: Transition<string, string>, roles: readonly Role[]): boolean {
  return t.by !== 'system' && t.by.some((r) => roles.includes(r));
}

/** The events a person with `roles` may fire from `state`: what the web shows as buttons. */
export function allowedEvents<S extends string, E extends string>(
  l: Lifecycle<S, E>,
  state: S,
  roles: readonly Role[],
): E[] {
  return l.transitions.filter((t) => t.from === state && mayFire(t, roles)).map((t) => t.event);
}
