import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { organisations, teamPeople, teamProfiles, teamResults } from '../../../db/schema';
import { rerankTeamJob } from '../../../jobs/contracts';
import type { TeamProfile, teamProfileBody } from '../../../shared/contracts/matching';
import type { Ctx } from '../../context';
import { requireActor } from '../../context';
import { Forbidden, NotFound } from '../../errors';
import { appendAudit } from '../../infra/audit';
import type { Clock } from '../../infra/clock';
import type { Db, Executor, Tx } from '../../infra/database';
import { enqueueJob } from '../../infra/outbox';
import { isOfficial } from '../challenges/views';
import { teamTokens } from './documents';
import type { MatchingRepository } from './repository';

type ProfileBody = z.infer<typeof teamProfileBody>;

/**
 * Team profiles (团队画像): fields, keywords, description, people, results, capacity, region.
 * A team's managers (and officials) edit it; saving recomputes its matching tokens and queues
 * a re-rank of the open challenges for it, in the same transaction.
 */
export function createTeamProfiles(d: { db: Db; clock: Clock; matching: MatchingRepository }) {
  async function read(ex: Executor, id: string, editable: boolean): Promise<TeamProfile | null> {
    const [row] = await ex.select({ org: organisations, profile: teamProfiles }).from(organisations).leftJoin(teamProfiles, eq(teamProfiles.organisationId, organisations.id)).where(eq(organisations.id, id));
    if (!row || row.org.kind !== 'team') return null;
    const { people, results } = (await d.matching.withPeopleAndResults(ex, [{ id }]))[0]!;
    const active = await ex.execute<{ n: number }>(sql`select count(*)::int as n from contracts where team_id = ${id} and status in ('drafted', 'signed')`);
    return {
      organisationId: id,
      name: row.org.name,
      institution: row.org.institution,
      institutionKind: row.org.institutionKind,
      region: row.org.district ?? '',
      fields: row.profile?.fields ?? [],
      keywords: row.org.researchFields,
      description: row.org.description,
      capacity: row.profile?.capacity ?? 3,
      activeContracts: active.rows[0]?.n ?? 0,
      people: people.map((p) => ({ name: p.name, title: p.title, expertise: p.expertise })),
      results: results.map((r) => ({ kind: r.kind, title: r.title, year: r.year })),
      version: row.profile?.version ?? 0,
      updatedAt: row.profile?.updatedAt.toISOString() ?? null,
      editable,
    };
  }

  const canEdit = (ctx: Ctx, id: string) => {
    const actor = ctx.actor;
    return !!actor && (isOfficial(actor) || actor.memberships.some((m) => m.organisationId === id && m.canManage));
  };

  /** Any signed-in user may read a verified team's profile; its own members and officials any team's. */
  async function get(id: string, ctx: Ctx): Promise<TeamProfile> {
    const actor = requireActor(ctx);
    const p = await read(d.db, id, canEdit(ctx, id));
    const [org] = await d.db.select({ verification: organisations.verification }).from(organisations).where(eq(organisations.id, id));
    const own = actor.memberships.some((m) => m.organisationId === id);
    if (!p || (org?.verification !== 'verified' && !own && !isOfficial(actor))) throw new NotFound('team');
    return p;
  }

  /** Writes a profile inside `tx` (also used by the import): organisation text, profile row, people, results, tokens. */
  async function write(tx: Tx, id: string, body: ProfileBody, now: Date): Promise<number> {
    await tx.update(organisations).set({ researchFields: body.keywords, description: body.description, district: body.region || null, updatedAt: now }).where(eq(organisations.id, id));
    await tx.delete(teamPeople).where(eq(teamPeople.organisationId, id));
    await tx.delete(teamResults).where(eq(teamResults.organisationId, id));
    if (body.people.length) await tx.insert(teamPeople).values(body.people.map((p, i) => ({ organisationId: id, position: i, ...p })));
    if (body.results.length) await tx.insert(teamResults).values(body.results.map((r, i) => ({ organisationId: id, position: i, ...r })));
    const [org] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, id));
    const tokens = teamTokens({ name: org!.name, keywords: body.keywords, description: body.description, people: body.people, results: body.results }).join(' ') || ' ';
    const [row] = await tx
      .insert(teamProfiles)
      .values({ organisationId: id, fields: body.fields, capacity: body.capacity, tokens, version: 1, updatedAt: now })
      .onConflictDoUpdate({ target: teamProfiles.organisationId, set: { fields: body.fields, capacity: body.capacity, tokens, version: sql`${teamProfiles.version} + 1`, updatedAt: now } })
      .returning({ version: teamProfiles.version });
    return row!.version;
  }

  async function update(id: string, body: ProfileBody, ctx: Ctx): Promise<TeamProfile> {
    const actor = requireActor(ctx);
    const before = await read(d.db, id, true);
    if (!before) throw new NotFound('team');
    if (!canEdit(ctx, id)) throw new Forbidden('a manager of the team edits its profile');
    const now = d.clock.now();
    return d.db.transaction(async (tx) => {
      const version = await write(tx, id, body, now);
      await appendAudit(tx, { at: now, actorId: actor.id, reqId: ctx.reqId, action: 'team.profile_updated', entityType: 'organisation', entityId: id, before: { ...before, editable: undefined }, after: body });
      await enqueueJob(tx, rerankTeamJob(id, version));
      return (await read(tx, id, true))!;
    });
  }

  return { get, update, write };
}
export type TeamProfiles = ReturnType<typeof createTeamProfiles>;
