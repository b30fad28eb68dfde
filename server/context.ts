import type { CurrentUser } from '../shared/contracts/auth';
import type { Role } from '../shared/roles';
import { Forbidden, Unauthenticated } from './errors';

/** Who is acting and under which request: passed from route to service for checks and audit. */
export interface Ctx {
  actor: CurrentUser | null;
  reqId: string | null;
}

export type Actor = CurrentUser;

export function requireActor(ctx: Ctx): Actor {
  if (!ctx.actor) throw new Unauthenticated();
  return ctx.actor;
}

export function requireRole(ctx: Ctx, ...roles: Role[]): Actor {
  const actor = requireActor(ctx);
  if (!roles.some((r) => actor.roles.includes(r))) throw new Forbidden(`requires role ${roles.join(' or ')}`);
  return actor;
}

/** A system actor for jobs: audited with actorId null. */
export const systemCtx: Ctx = { actor: null, reqId: null };
