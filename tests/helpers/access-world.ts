import { randomBytes, randomInt } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { expect, vi } from 'vitest';
import {
  awardDecisions,
  batches,
  bidPartners,
  bids,
  bidVersions,
  challengeJointPublishers,
  challengeQuestions,
  challenges,
  contractParties,
  contracts,
  expertProfiles,
  mails,
  milestones,
  notifications,
  objections,
  organisations,
  outcomeReports,
  reviewAssignments,
  reviewCriteria,
  reviewScores,
} from '../../db/schema';
import type { ChallengeDraft } from '../../shared/contracts/challenges';
import { bidContent } from '../../shared/contracts/bids';
import type { AwardState } from '../../shared/lifecycles/award';
import type { BidState } from '../../shared/lifecycles/bid';
import type { ChallengeState } from '../../shared/lifecycles/challenge';
import type { ContractState } from '../../shared/lifecycles/contract';
import type { MilestoneState } from '../../shared/lifecycles/milestone';
import { bidDigest } from '../../server/modules/bids/service';
import type { TestApp } from './app';
import { makeChallenge } from './challenges';
import { clientFor, logIn, sessionCookieFrom, type Client } from './client';
import { makeOrganisation, makeUser, testPassword, unique } from './factories';
import { proposalContent } from './review-fixture';
import { multipart, pdf } from './uploads';

/**
 * One "world" for the access matrix (tests/api/access-matrix.test.ts): the ten actors, the
 * records they stand in some relation to, and for every documented operation the request to
 * send (which records its path names, which body), so that each cell asks the real question.
 *
 * The actors, as the issue names them:
 * - anonymous: no session.
 * - owner: a managing member of the enterprise that publishes the challenges below.
 * - otherEnterprise: a managing member of another verified enterprise. For the joint-publisher
 *   confirmation only, its enterprise is the one invited to publish jointly (nobody else could).
 * - bidder: a managing member of the verified team that bids.
 * - otherTeam: a managing member of another verified team. For partner confirmation only, it
 *   is the partner the bid names (nobody else could confirm).
 * - assignedExpert: the expert assigned to review the bid; unassignedExpert: in the pool,
 *   assigned to nothing. Like officials and admins they are members of the one bureau
 *   organisation, as in a deployment (db/seed/demo.ts).
 * - official, admin: bureau members with those roles.
 * - unverified: a managing member of a research team still pending verification.
 *
 * Reads use records built once. A write names records of its own, in the state in which its
 * allowed actors succeed: built afresh for each cell that may change them, and once per route
 * for the cells that must be refused (`write`), so no cell depends on another. Records are
 * mostly written straight to the database (the states' own paths are tested through the API
 * elsewhere); the bid under review, the uploaded files, the invitation, the import and the
 * report export go through the API.
 *
 * Where a route works in several states, the most telling one is asked about:
 * - a challenge and its awards: published and directed to the bidding team (hidden from
 *   everyone else, visitors included);
 * - a challenge's attachment: published with a restricted description (visible challenge,
 *   refused file); a draft's attachments for adding and removing; suggested teams on a draft;
 * - a bid, its receipt and its files: after the deadline, eligible, the expert assigned (the
 *   widest set of readers; bid-sealing.test.ts asks every phase); the bid count before the
 *   deadline (officials only); the list of bids after it;
 * - feedback: on an award that became final, which the bidding team lost;
 * - contracts: the bureau a party (a subsidy), signed; each write in the state it needs;
 * - a team profile: the unverified team's (its members and officials only).
 */

export const actors = ['anonymous', 'owner', 'otherEnterprise', 'bidder', 'otherTeam', 'assignedExpert', 'unassignedExpert', 'official', 'admin', 'unverified'] as const;
export type ActorKey = (typeof actors)[number];
export type SignedIn = Exclude<ActorKey, 'anonymous'>;

/** What one cell sends, besides the operation's method and path. */
export interface CellRequest {
  params?: Record<string, string>;
  /** Merged over the operation's required query parameters (sampled from the schema). */
  query?: Record<string, string>;
  /** The JSON body; the schema's minimal sample when left out. */
  body?: unknown;
  /** A multipart upload instead of a JSON body. */
  upload?: { payload: Buffer; headers: Record<string, string> };
  /** Runs before each request that uses this one. */
  before?: () => Promise<void>;
  /** Runs after the response, e.g. to open a new session when the route ended the actor's. */
  after?: (res: LightMyRequestResponse) => Promise<void>;
}
/** `refused`: the table says this actor must be refused (deny or hidden), so the cell must change nothing. */
export type RouteRequest = (actor: ActorKey, refused: boolean) => Promise<CellRequest> | CellRequest;

export interface World {
  clients: Record<SignedIn, Client>;
  /** For each documented operation, what a cell sends: the table of the matrix's columns. */
  requests: Record<string, RouteRequest>;
}

const day = 86_400_000;
const content = bidContent.parse(proposalContent);
const csv = (name: string) => multipart([{ name: 'kind', data: 'teams' }, { name: 'file', fileName: name, data: '团队名称,依托单位\n测试团队,扬州大学\n', contentType: 'text/csv' }]);
const pdfUpload = () => multipart([{ name: 'file', fileName: '说明.pdf', data: pdf(), contentType: 'application/pdf' }]);

export async function buildWorld(t: TestApp): Promise<World> {
  const db = t.rt.database.db;
  const now = () => new Date();

  // ——— organisations and people ———
  const bureau = await makeOrganisation(db, { kind: 'bureau' });
  const orgs = {
    owner: await makeOrganisation(db, { kind: 'enterprise' }),
    otherEnterprise: await makeOrganisation(db, { kind: 'enterprise' }),
    bidder: await makeOrganisation(db, { kind: 'team' }),
    otherTeam: await makeOrganisation(db, { kind: 'team' }),
    unverified: await makeOrganisation(db, { kind: 'team', verification: 'pending' }),
    /** Wins the award that the bidding team loses (feedback). */
    winner: await makeOrganisation(db, { kind: 'team' }),
    /** An organisation experts declare ties to (not a party to anything here). */
    tie: await makeOrganisation(db, { kind: 'enterprise' }),
  };
  const users = {
    owner: await makeUser(db, { role: 'enterprise_member', organisationId: orgs.owner.id }),
    otherEnterprise: await makeUser(db, { role: 'enterprise_member', organisationId: orgs.otherEnterprise.id }),
    bidder: await makeUser(db, { role: 'team_member', organisationId: orgs.bidder.id }),
    otherTeam: await makeUser(db, { role: 'team_member', organisationId: orgs.otherTeam.id }),
    assignedExpert: await makeUser(db, { role: 'expert', organisationId: bureau.id, canManage: false }),
    unassignedExpert: await makeUser(db, { role: 'expert', organisationId: bureau.id, canManage: false }),
    official: await makeUser(db, { role: 'official', organisationId: bureau.id, canManage: false }),
    admin: await makeUser(db, { role: 'admin', organisationId: bureau.id, canManage: false }),
    unverified: await makeUser(db, { role: 'team_member', organisationId: orgs.unverified.id }),
  } satisfies Record<SignedIn, unknown>;
  /** Scores the bids of ranked challenges; never logs in. */
  const scorer = await makeUser(db, { role: 'expert', organisationId: bureau.id, canManage: false });
  /** Whose credentials an anonymous visitor logs in with. */
  const visitor = await makeUser(db, { role: 'team_member', organisationId: orgs.otherTeam.id, canManage: false });
  const profiles = { assignedExpert: '东南大学', unassignedExpert: '浙江大学' } as const;
  await db.insert(expertProfiles).values([
    { userId: users.assignedExpert.id, institution: profiles.assignedExpert, expertise: '电化学' },
    { userId: users.unassignedExpert.id, institution: profiles.unassignedExpert, expertise: '材料' },
    { userId: scorer.id, institution: '南京大学', expertise: '储能' },
  ]);

  const clients = {} as Record<SignedIn, Client>;
  await Promise.all((Object.keys(users) as SignedIn[]).map(async (a) => (clients[a] = await logIn(t.app, users[a].email))));
  const relogin = async (a: SignedIn) => {
    clients[a] = await logIn(t.app, users[a].email);
  };
  const ok = (res: LightMyRequestResponse, status = 200) => {
    expect(res.statusCode, res.body).toBe(status);
    return res.json();
  };

  // ——— records written straight to the database, in any state ———
  const challenge = (status: ChallengeState, draft: Partial<ChallengeDraft> = {}, invitedTeamIds?: string[]) =>
    makeChallenge(db, { publisherId: orgs.owner.id, createdBy: users.owner.id, status, draft, invitedTeamIds });
  /** Published, before the deadline. */
  const open = () => challenge('published');
  /** Past its deadline, closed. */
  const closed = () => challenge('closed', { deadline: new Date(Date.now() - day).toISOString() });

  /** A complete bid of the bidding team (or `teamId`); from `submitted` on with its version 1. */
  async function bid(challengeId: string, o: { status?: BidState; teamId?: string; needsReconfirmation?: boolean; partnerIds?: string[] } = {}) {
    const status = o.status ?? 'draft';
    const submitted = status !== 'draft';
    const draft = { ...content, partnerIds: o.partnerIds ?? [] };
    const [row] = await db
      .insert(bids)
      .values({ challengeId, teamId: o.teamId ?? orgs.bidder.id, status, draft, challengeRevision: 1, needsReconfirmation: o.needsReconfirmation ?? false, latestVersion: submitted ? 1 : null, submittedAt: submitted ? now() : null, createdBy: users.bidder.id })
      .returning();
    if (submitted) await db.insert(bidVersions).values({ bidId: row!.id, version: 1, content: draft, sha256: bidDigest(draft), challengeRevision: 1, submittedBy: users.bidder.id, submittedAt: now() });
    if (o.partnerIds?.length) await db.insert(bidPartners).values(o.partnerIds.map((organisationId) => ({ bidId: row!.id, organisationId })));
    return row!.id;
  }

  async function criteria(challengeId: string) {
    const rows = await db
      .insert(reviewCriteria)
      .values([
        { challengeId, position: 1, name: '技术路线', weight: 70 },
        { challengeId, position: 2, name: '团队实力', weight: 30 },
      ])
      .returning();
    return rows.map((r) => r.id);
  }

  async function assignment(bidId: string, expertId: string, status: 'assigned' | 'scored' = 'assigned') {
    const [row] = await db.insert(reviewAssignments).values({ bidId, expertId, status, assignedBy: users.official.id, scoredAt: status === 'scored' ? now() : null }).returning();
    return row!.id;
  }

  /** Closed, one eligible bid of the bidding team scored by an expert on every criterion: the ranking is final. */
  async function ranked() {
    const c = await closed();
    const bidId = await bid(c.id, { status: 'eligible' });
    const criterionIds = await criteria(c.id);
    const a = await assignment(bidId, scorer.id, 'scored');
    await db.insert(reviewScores).values(criterionIds.map((criterionId) => ({ assignmentId: a, criterionId, score: 8, comment: '', shareable: false })));
    return { challengeId: c.id, bidId };
  }

  /** An award on a closed challenge whose one eligible bid (the bidding team's) wins. */
  async function award(status: AwardState) {
    const c = await closed();
    const bidId = await bid(c.id, { status: 'eligible' });
    const at = now();
    const [row] = await db
      .insert(awardDecisions)
      .values({
        challengeId: c.id,
        status,
        winnerBidIds: [bidId],
        proposedBy: users.owner.id,
        proposedAt: at,
        ...(status === 'proposed' ? {} : { confirmedBy: users.official.id, confirmedAt: at, noticeEndsAt: new Date(at.getTime() + (status === 'in_notice' ? 7 * day : -day)) }),
        ...(status === 'final' ? { finalAt: at } : {}),
      })
      .returning();
    return { challengeId: c.id, bidId, awardId: row!.id };
  }

  /**
   * A contract from a final award: the publisher, the bidding team as lead and the bureau as
   * parties (a subsidy makes the bureau one), one milestone. Signed means every party signed and
   * the milestone has its due date.
   */
  async function contract(status: ContractState, m: { status?: MilestoneState; extensionRequestedOn?: string } = {}, outcomePromptMonths?: 6 | 12) {
    const a = await award('final');
    const signed = status !== 'drafted';
    const at = now();
    const [c] = await db
      .insert(contracts)
      .values({
        awardId: a.awardId,
        bidId: a.bidId,
        challengeId: a.challengeId,
        publisherId: orgs.owner.id,
        teamId: orgs.bidder.id,
        status,
        title: unique('准入矩阵合同'),
        amountYuan: 2_000_000,
        enterpriseFundsYuan: 1_200_000,
        subsidyYuan: 800_000,
        criteria: [],
        signedAt: signed ? at : null,
        completedAt: status === 'completed' ? at : null,
      })
      .returning();
    const signature = (userId: string) => (signed ? { signedBy: userId, signedAt: at } : {});
    await db.insert(contractParties).values([
      { contractId: c!.id, organisationId: orgs.owner.id, role: 'publisher', ...signature(users.owner.id) },
      { contractId: c!.id, organisationId: orgs.bidder.id, role: 'lead', ...signature(users.bidder.id) },
      { contractId: c!.id, organisationId: bureau.id, role: 'bureau', ...signature(users.official.id) },
    ]);
    const [milestone] = await db
      .insert(milestones)
      .values({
        contractId: c!.id,
        position: 1,
        title: '中试验证',
        deliverable: '中试报告',
        dueMonth: 12,
        dueOn: signed ? '2031-06-01' : null,
        trancheYuan: 2_000_000,
        status: m.status ?? (status === 'completed' ? 'confirmed' : 'pending'),
        extensionRequestedOn: m.extensionRequestedOn ?? null,
        extensionRequestReason: m.extensionRequestedOn ? '设备到货延迟' : null,
        extensionRequestedBy: m.extensionRequestedOn ? users.bidder.id : null,
      })
      .returning();
    if (outcomePromptMonths) await db.insert(outcomeReports).values({ contractId: c!.id, months: outcomePromptMonths, promptedAt: at });
    return { contractId: c!.id, milestoneId: milestone!.id };
  }

  const pendingOrganisation = async () => (await makeOrganisation(db, { kind: 'enterprise', verification: 'pending' })).id;

  // ——— records built once, through the API where the path matters ———

  /** Published and directed to the bidding team: visible to it, the publisher side and staff only. */
  const directed = await challenge('published', { directed: true }, [orgs.bidder.id]);
  /** A draft: between the publisher and the bureau. */
  const draft = await challenge('draft');
  /** Published with a restricted description and an attachment (added while it was a draft). */
  const restricted = await challenge('draft', { descriptionVisibility: 'restricted' });
  const restrictedUpload = pdfUpload();
  const restrictedFile = ok(await clients.owner.request('POST', `/api/challenges/${restricted.id}/attachments`, restrictedUpload.payload, restrictedUpload.headers), 201).id as string;
  await db.update(challenges).set({ status: 'published', publishedAt: now() }).where(eq(challenges.id, restricted.id));
  /** Open, with the bidding team's bid submitted: sealed. */
  const sealed = await open();
  await bid(sealed.id, { status: 'submitted' });

  // The bid under review, as the API makes it: drafted with a file, submitted, closed at the
  // deadline, found eligible, criteria set, the expert assigned (who has not scored yet).
  const review = await open();
  const reviewBid = ok(await clients.bidder.request('POST', '/api/bids', { challengeId: review.id }), 201).id as string;
  ok(await clients.bidder.request('PUT', `/api/bids/${reviewBid}/draft`, proposalContent));
  const upload = pdfUpload();
  const reviewFile = ok(await clients.bidder.request('POST', `/api/bids/${reviewBid}/attachments`, upload.payload, upload.headers), 201).id as string;
  const receipt = ok(await clients.bidder.request('POST', `/api/bids/${reviewBid}/submit`)).receipts[0].sha256 as string;
  await db.update(challenges).set({ deadline: new Date(Date.now() - 1000) }).where(eq(challenges.id, review.id));
  expect(await t.rt.services.challenges.closeAtDeadline(review.id)).toBe('closed');
  ok(await clients.official.request('POST', `/api/bids/${reviewBid}/eligibility`, { decision: 'eligible' }));
  ok(await clients.official.request('PUT', `/api/challenges/${review.id}/criteria`, { criteria: [{ name: '技术路线', weight: 70 }, { name: '团队实力', weight: 30 }] }));
  const reviewAssignment = ok(await clients.official.request('POST', `/api/bids/${reviewBid}/assignments`, { expertId: users.assignedExpert.id }), 201).id as string;

  // The bidding team lost an award that became final: its feedback is due.
  const lost = await closed();
  const lostBid = await bid(lost.id, { status: 'eligible' });
  const winningBid = await bid(lost.id, { status: 'eligible', teamId: orgs.winner.id });
  await db.insert(awardDecisions).values({ challengeId: lost.id, status: 'final', winnerBidIds: [winningBid], proposedBy: users.owner.id, proposedAt: now(), confirmedBy: users.official.id, confirmedAt: now(), noticeEndsAt: now(), finalAt: now() });

  // A signed contract, and an evidence file the team uploaded for its milestone.
  const signed = await contract('signed');
  const fileUpload = pdfUpload();
  const milestoneFile = ok(await clients.bidder.request('POST', `/api/milestones/${signed.milestoneId}/files`, fileUpload.payload, fileUpload.headers), 201).id as string;

  const invitation = ok(await clients.owner.request('POST', `/api/organisations/${orgs.owner.id}/invitations`, { email: `${unique('invited')}@example.test`, role: 'enterprise_member' }), 201);
  const invitationToken = new URL(invitation.link as string).searchParams.get('invitation')!;
  const [ownersNotification] = await db.insert(notifications).values({ userId: users.owner.id, kind: 'challenge_published', params: {}, link: `/challenges/${directed.id}`, dedupeKey: unique('access-matrix') }).returning();
  const csvUpload = csv('teams.csv');
  const importId = ok(await clients.official.request('POST', '/api/imports', csvUpload.payload, csvUpload.headers), 202).id as string;
  const exportId = ok(await clients.official.request('POST', '/api/reports/quarterly/exports', { year: 2000, quarter: 1 }), 202).id as string;
  await vi.waitFor(async () => expect(ok(await clients.official.request('GET', `/api/reports/quarterly/exports/${exportId}`)).status).toBe('done'), { timeout: 30_000, interval: 50 });

  // ——— what each operation is asked, per cell ———
  const signedIn = (a: ActorKey): a is SignedIn => a !== 'anonymous';
  /** The actor's own log-in: its previous session ends, so the client takes the new one. */
  const adopt = (a: ActorKey) => async (res: LightMyRequestResponse) => {
    if (signedIn(a) && res.statusCode === 200) clients[a] = clientFor(t.app, sessionCookieFrom(res.headers['set-cookie']), res.json().csrfToken);
  };
  /** A route that may end the session the browser held (registering does): open a new one if it did. */
  const keepSession = (a: ActorKey) => async () => {
    if (!signedIn(a)) return;
    const me = await clients[a].request('GET', '/api/auth/me');
    if (me.json().user?.id !== users[a].id) await relogin(a);
  };
  /** A password reset link as mailed to a new user: the token in its fragment. */
  async function resetToken() {
    const u = await makeUser(db, { role: 'team_member', organisationId: orgs.otherTeam.id, canManage: false });
    ok(await t.app.inject({ method: 'POST', url: '/api/auth/password-reset/request', payload: { email: u.email } }));
    const [mail] = await db.select().from(mails).where(eq(mails.userId, u.id));
    const token = /token=([\w-]+)/.exec(mail?.body ?? '')?.[1];
    if (!token) throw new Error(`no reset link in the mail: ${mail?.body}`);
    return token;
  }
  const id = (value: string) => ({ params: { id: value } });
  const asUpload = (u: { payload: Buffer; headers: Record<string, string> }) => ({ upload: u });
  const registration = () => ({
    mode: 'organisation',
    person: { name: '测试用户', email: `${unique('registered')}@example.test`, password: testPassword },
    organisation: { kind: 'team', name: unique('注册团队'), institution: '扬州大学', institutionKind: 'university', district: '邗江区', researchFields: ['储能材料'] },
  });
  /** A batch number no batch has (other files number theirs in the present years). */
  async function freeBatch(): Promise<{ year: number; number: number }> {
    const year = 2100 - randomInt(0, 60);
    const taken = new Set((await db.select({ number: batches.number }).from(batches).where(eq(batches.year, year))).map((b) => b.number));
    const number = Array.from({ length: 99 }, (_, i) => i + 1).find((n) => !taken.has(n));
    return number ? { year, number } : freeBatch();
  }

  /**
   * A write's request, with the records it names: built afresh for every cell that may change
   * them, and built once per route for the cells that must be refused (a refused cell changes
   * nothing; if it did, it fails anyway).
   */
  const write = (build: () => Promise<CellRequest>): RouteRequest => {
    let shared: Promise<CellRequest> | undefined;
    return (_actor, refused) => (refused ? (shared ??= build()) : build());
  };

  const requests: Record<string, RouteRequest> = {
    // Health probes and the public reads need nothing from the world.
    'GET /api/auth/me': () => ({}),
    'POST /api/auth/register': (a) => ({ body: registration(), after: keepSession(a) }),
    // Signed-in actors log in as themselves (and take the new session); visitors as someone.
    'POST /api/auth/login': (a) => ({ body: { email: signedIn(a) ? users[a].email : visitor.email, password: testPassword }, after: adopt(a) }),
    'POST /api/auth/logout': (a) => ({ after: async () => (signedIn(a) ? relogin(a) : undefined) }),
    'PUT /api/auth/me/locale': () => ({ body: { locale: 'zh-CN' } }),
    'POST /api/auth/password-reset/request': () => ({ body: { email: visitor.email } }),
    // Someone else's link (using one's own would end one's sessions).
    'POST /api/auth/password-reset/complete': write(async () => ({ body: { token: await resetToken(), password: 'New-password-2' } })),
    'GET /api/invitations/{token}': () => ({ params: { token: invitationToken } }),

    // Organisations: the owner's enterprise, a fresh pending one to verify, the unverified team (rejected for the cell) to resubmit.
    'GET /api/organisations/{id}': () => id(orgs.owner.id),
    'POST /api/organisations/{id}/verification': write(async () => ({ ...id(await pendingOrganisation()), body: { decision: 'verify' } })),
    'POST /api/organisations/{id}/resubmit': () => ({
      ...id(orgs.unverified.id),
      before: async () => void (await db.update(organisations).set({ verification: 'rejected', rejectionReason: '材料不全' }).where(eq(organisations.id, orgs.unverified.id))),
      // Back to pending whatever the answer, as the unverified actor's team is everywhere else.
      after: async () => void (await db.update(organisations).set({ verification: 'pending', rejectionReason: null }).where(eq(organisations.id, orgs.unverified.id))),
    }),
    'GET /api/organisations/{id}/members': () => id(orgs.owner.id),
    'POST /api/organisations/{id}/invitations': () => ({ ...id(orgs.owner.id), body: { email: `${unique('invitee')}@example.test`, role: 'enterprise_member' } }),

    // Notifications: one of the owner's.
    'POST /api/notifications/{id}/read': () => id(ownersNotification!.id),

    // Challenges.
    'GET /api/challenges/{id}': () => id(directed.id),
    'POST /api/challenges': () => ({ body: { title: unique('准入矩阵草稿') } }),
    'PATCH /api/challenges/{id}': write(async () => ({ ...id((await challenge('draft')).id), body: { summary: '补充说明' } })),
    'POST /api/challenges/{id}/submit': write(async () => id((await challenge('draft')).id)),
    'POST /api/challenges/{id}/withdraw': write(async () => id((await challenge('draft')).id)),
    'POST /api/challenges/{id}/decision': write(async () => ({ ...id((await challenge('submitted')).id), body: { decision: 'approve' } })),
    'POST /api/challenges/{id}/terms': write(async () => ({ ...id((await open()).id), body: { reason: '提高榜额', bountyYuan: 3_500_000 } })),
    'POST /api/challenges/{id}/joint-publishers/confirm': write(async () => {
      const c = await challenge('draft');
      await db.insert(challengeJointPublishers).values({ challengeId: c.id, organisationId: orgs.otherEnterprise.id });
      return id(c.id);
    }),
    'POST /api/challenges/{id}/questions': write(async () => ({ ...id((await open()).id), body: { question: '是否接受中试？' } })),
    'POST /api/challenges/{id}/questions/{questionId}/answer': write(async () => {
      const c = await open();
      const [q] = await db.insert(challengeQuestions).values({ challengeId: c.id, askedByOrganisationId: orgs.bidder.id, askedBy: users.bidder.id, question: '是否接受中试？', createdAt: now() }).returning();
      return { params: { id: c.id, questionId: q!.id }, body: { answer: '接受' } };
    }),
    'GET /api/challenges/{id}/attachments/{attachmentId}': () => ({ params: { id: restricted.id, attachmentId: restrictedFile } }),
    'POST /api/challenges/{id}/attachments': write(async () => ({ ...id((await challenge('draft')).id), ...asUpload(pdfUpload()) })),
    'DELETE /api/challenges/{id}/attachments/{attachmentId}': write(async () => {
      const c = await challenge('draft');
      const u = pdfUpload();
      const file = ok(await clients.owner.request('POST', `/api/challenges/${c.id}/attachments`, u.payload, u.headers), 201).id as string;
      return { params: { id: c.id, attachmentId: file } };
    }),
    'POST /api/batches': write(async () => ({ body: { ...(await freeBatch()), challengeIds: [(await challenge('approved')).id] } })),
    'POST /api/batches/{id}/publish': write(async () => {
      const c = await challenge('approved');
      const { year, number } = await freeBatch();
      const [b] = await db.insert(batches).values({ year, number, title: `${year}年第${number}批`, createdBy: users.official.id }).returning();
      await db.update(challenges).set({ batchId: b!.id }).where(eq(challenges.id, c.id));
      return id(b!.id);
    }),

    // Bids: writes on a fresh bid before the deadline; reads of the bid under review.
    'POST /api/bids': write(async () => ({ body: { challengeId: (await open()).id } })),
    'GET /api/bids/{id}': () => id(reviewBid),
    'PUT /api/bids/{id}/draft': write(async () => ({ ...id(await bid((await open()).id)), body: proposalContent })),
    'POST /api/bids/{id}/submit': write(async () => id(await bid((await open()).id))),
    'POST /api/bids/{id}/reconfirm': write(async () => id(await bid((await open()).id, { status: 'submitted', needsReconfirmation: true }))),
    'POST /api/bids/{id}/withdraw': write(async () => id(await bid((await open()).id))),
    'POST /api/bids/{id}/partners/confirm': write(async () => id(await bid((await open()).id, { partnerIds: [orgs.otherTeam.id] }))),
    'POST /api/bids/{id}/verify-receipt': () => ({ ...id(reviewBid), body: { sha256: receipt } }),
    'POST /api/bids/{id}/eligibility': write(async () => ({ ...id(await bid((await closed()).id, { status: 'submitted' })), body: { decision: 'eligible' } })),
    'GET /api/challenges/{id}/bid-count': () => id(sealed.id),
    'GET /api/challenges/{id}/bids': () => id(review.id),
    'GET /api/bids/{id}/attachments/{attachmentId}': () => ({ params: { id: reviewBid, attachmentId: reviewFile } }),
    'POST /api/bids/{id}/attachments': write(async () => ({ ...id(await bid((await open()).id)), ...asUpload(pdfUpload()) })),
    'DELETE /api/bids/{id}/attachments/{attachmentId}': write(async () => {
      const b = await bid((await open()).id);
      const u = pdfUpload();
      const file = ok(await clients.bidder.request('POST', `/api/bids/${b}/attachments`, u.payload, u.headers), 201).id as string;
      return { params: { id: b, attachmentId: file } };
    }),

    // Review.
    'GET /api/challenges/{id}/criteria': () => id(review.id),
    'PUT /api/challenges/{id}/criteria': write(async () => ({ ...id((await closed()).id), body: { criteria: [{ name: '技术路线', weight: 100 }] } })),
    'GET /api/challenges/{id}/ranking': () => id(review.id),
    'GET /api/bids/{id}/feedback': () => id(lostBid),
    'POST /api/bids/{id}/assignments': write(async () => ({ ...id(await bid((await closed()).id, { status: 'eligible' })), body: { expertId: scorer.id } })),
    'POST /api/assignments/{id}/recuse': write(async () => ({ ...id(await assignment(await bid((await closed()).id, { status: 'eligible' }), users.assignedExpert.id)), body: { reason: '与团队负责人有合作' } })),
    'POST /api/assignments/{id}/scores': write(async () => {
      const c = await closed();
      const [first, second] = await criteria(c.id);
      const a = await assignment(await bid(c.id, { status: 'eligible' }), users.assignedExpert.id);
      return { ...id(a), body: { scores: [{ criterionId: first, score: 8, comment: '路线清晰', shareable: true }, { criterionId: second, score: 7, comment: '', shareable: false }] } };
    }),
    'GET /api/assignments/{id}': () => id(reviewAssignment),
    'GET /api/challenges/{id}/review-board': () => id(review.id),
    // An expert's own profile, unchanged; a tie to an organisation no bid here names.
    'PUT /api/experts/me/profile': (a) => ({ body: { institution: a === 'assignedExpert' || a === 'unassignedExpert' ? profiles[a] : '扬州市职业大学', expertise: '电化学' } }),
    'POST /api/experts/me/ties': () => ({ body: { organisationId: orgs.tie.id, note: '合作论文' } }),
    'DELETE /api/experts/me/ties/{id}': () => id(orgs.tie.id),

    // Awards.
    'POST /api/challenges/{id}/awards': write(async () => {
      const r = await ranked();
      return { ...id(r.challengeId), body: { winnerBidIds: [r.bidId] } };
    }),
    'GET /api/challenges/{id}/awards': () => id(directed.id),
    'POST /api/awards/{id}/confirm': write(async () => id((await award('proposed')).awardId)),
    'POST /api/awards/{id}/decline': write(async () => ({ ...id((await award('proposed')).awardId), body: { reason: '排名依据不足' } })),
    'POST /api/awards/{id}/objections': write(async () => ({ ...id((await award('in_notice')).awardId), body: { reason: '评审回避不当' } })),
    'POST /api/objections/{id}/resolve': write(async () => {
      const a = await award('in_notice');
      const [o] = await db.insert(objections).values({ awardId: a.awardId, lodgedBy: users.otherTeam.id, reason: '评审回避不当' }).returning();
      return { ...id(o!.id), body: { decision: 'dismissed', resolution: '经核查，回避符合规定' } };
    }),

    // Contracts: reads of the signed one; each write on a contract of its own in the state it needs.
    'GET /api/contracts/{id}': () => id(signed.contractId),
    'PUT /api/contracts/{id}/funding': write(async () => ({ ...id((await contract('drafted')).contractId), body: { enterpriseFundsYuan: 1_200_000, subsidyYuan: 800_000 } })),
    'POST /api/contracts/{id}/sign': write(async () => id((await contract('drafted')).contractId)),
    'POST /api/contracts/{id}/registration': write(async () => ({ ...id((await contract('signed')).contractId), body: { registrationNo: `320000${randomBytes(4).toString('hex')}`, registeredOn: '2030-01-01' } })),
    'PUT /api/contracts/{id}/broker': write(async () => ({ ...id((await contract('signed')).contractId), body: { name: '周经理', introducedOn: '2030-01-01' } })),
    'POST /api/contracts/{id}/acceptance': write(async () => ({ ...id((await contract('signed', { status: 'confirmed' })).contractId), body: { grade: 'good', report: '各项指标达到要求' } })),
    'POST /api/contracts/{id}/termination': write(async () => ({ ...id((await contract('signed')).contractId), body: { reason: '技术路线不可行', outcome: 'excused' } })),
    'PUT /api/contracts/{id}/outcomes/{months}': write(async () => ({ params: { id: (await contract('completed', {}, 6)).contractId, months: '6' }, body: { product: '电极涂层', revenueYuan: 1_000_000, patents: 1, note: '' } })),
    'POST /api/milestones/{id}/evidence': write(async () => ({ ...id((await contract('signed')).milestoneId), body: { text: '中试报告已完成' } })),
    'POST /api/milestones/{id}/return': write(async () => ({ ...id((await contract('signed', { status: 'submitted' })).milestoneId), body: { comments: '请补充检测报告' } })),
    'POST /api/milestones/{id}/approve': write(async () => id((await contract('signed', { status: 'submitted' })).milestoneId)),
    'POST /api/milestones/{id}/confirm': write(async () => id((await contract('signed', { status: 'approved' })).milestoneId)),
    'POST /api/milestones/{id}/extension-request': write(async () => ({ ...id((await contract('signed')).milestoneId), body: { newDueOn: '2031-12-01', reason: '设备到货延迟' } })),
    'POST /api/milestones/{id}/extension-decision': write(async () => ({ ...id((await contract('signed', { extensionRequestedOn: '2031-12-01' })).milestoneId), body: { decision: 'approve' } })),
    'POST /api/milestones/{id}/files': write(async () => ({ ...id((await contract('signed')).milestoneId), ...asUpload(pdfUpload()) })),
    'GET /api/milestones/{id}/files/{attachmentId}': () => ({ params: { id: signed.milestoneId, attachmentId: milestoneFile } }),

    // Matching: the unverified team's profile (its members and officials only); the bidding team's to edit.
    'GET /api/teams/{id}/profile': () => id(orgs.unverified.id),
    'PUT /api/teams/{id}/profile': () => ({ ...id(orgs.bidder.id), body: { fields: ['energy_storage'], keywords: ['储能材料'], capacity: 3 } }),
    'GET /api/challenges/{id}/matches': () => id(review.id),
    'GET /api/challenges/{id}/suggested-teams': () => id(draft.id),
    'POST /api/challenges/{id}/introductions': write(async () => ({ ...id((await open()).id), body: { teamId: orgs.otherTeam.id, note: '' } })),

    // Officials' workspace: a year no other test uses.
    'GET /api/analytics/dashboard': () => ({ query: { year: '2000' } }),
    'PUT /api/analytics/targets/{year}': () => ({ params: { year: '2000' }, body: { deals: 50 } }),
    'GET /api/reports/quarterly': () => ({ query: { year: '2000', quarter: '1' } }),
    'POST /api/reports/quarterly/exports': () => ({ body: { year: 2000, quarter: 1 } }),
    'GET /api/reports/quarterly/exports/{id}': () => id(exportId),
    'GET /api/reports/quarterly/exports/{id}/file': () => id(exportId),
    'GET /api/audit': () => ({ query: { entityType: 'challenge', entityId: review.id } }),
    'GET /api/imports/template': () => ({ query: { kind: 'teams' } }),
    'POST /api/imports': () => asUpload(csv('teams.csv')),
    'GET /api/imports/{id}': () => id(importId),
  };

  return { clients, requests };
}
