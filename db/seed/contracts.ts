import { Readable } from 'node:stream';
import { and, eq, gt, isNull, max } from 'drizzle-orm';
import { loadConfig } from '../../server/config';
import type { Actor, Ctx } from '../../server/context';
import { fixedClock } from '../../server/infra/clock';
import type { Db, Tx } from '../../server/infra/database';
import { storeMailer } from '../../server/infra/mailer';
import type { FileStorage } from '../../server/infra/storage';
import { argon2Hasher } from '../../server/infra/password-hasher';
import { createAccountsRepository } from '../../server/modules/accounts/repository';
import { reminderRunAt } from '../../server/modules/contracts/schedule';
import { createServices, type Services } from '../../server/services';
import { addDays, addMonths, chinaDate, chinaInstant } from '../../shared/calendar';
import { acceptanceBody, brokerBody, evidenceBody, extensionRequestBody, fundingBody, outcomeBody, registrationBody, terminationBody } from '../../shared/contracts/contracts';
import type { ReminderKind } from '../../jobs/contracts';
import { awardDecisions, challenges, contracts, milestones, outbox, users } from '../schema';
import type { SeedRefs } from './challenges';
import { bureauPeople } from './data/bureau';
import { seedChallenges } from './data/challenges';
import { contractTexts } from './data/contracts';
import { evidenceFiles, type EvidenceFile } from './data/evidence-files';

/**
 * 签约 → 节点考核 → 验收 | 终止 on the demo's final awards, played through the contracts service
 * with the clock set to when each step happened (like ./reviews.ts). The award step drafted one
 * contract per winning bid; here they become:
 *
 *   刀具磨损预测 (施云飞 / its winner)     signed 9 months ago: node 1 confirmed and paid; node 2
 *                                          overdue (escalated) with an extension request open
 *   真空泄漏检测, 1st (蔡晓军)             signed 8 months ago: node 1 approved, awaiting an official;
 *                                          node 2 overdue, evidence returned with comments; node 3 extended
 *   真空泄漏检测, 2nd                      drafted: the team has signed, the publisher (蔡晓军) and the bureau not
 *   真空泄漏检测, 3rd                      signed 3 months ago: node 1 evidence submitted, for 蔡晓军 to review
 *   电芯快速分选, 1st (陈立新)             completed (良好), registered, with a broker; the 6-month
 *                                          outcome prompt answered
 *   电芯快速分选, 2nd                      terminated, excused (容错免责), after its node 1 went overdue
 *   电芯快速分选, 3rd                      terminated with a credit penalty after node 1 stayed overdue
 *                                          for six weeks: the team is barred from bidding for 3 years
 *
 * Dates are months and days before `now`, so what is overdue is overdue whenever the demo starts.
 */

interface Step {
  at: Date;
  run(): Promise<void>;
}

export async function seedContractsStep(tx: Tx, refs: SeedRefs, now: Date, storage: FileStorage): Promise<void> {
  const clock = fixedClock(now);
  const config = loadConfig({});
  const services: Services = createServices({ db: tx as unknown as Db, clock, hasher: argon2Hasher, mailer: storeMailer, config, storage });
  const accounts = createAccountsRepository();

  const ctxCache = new Map<string, Ctx>();
  const ctxOf = async (userId: string): Promise<Ctx> => {
    const cached = ctxCache.get(userId);
    if (cached) return cached;
    const user = await accounts.findUserById(tx, userId);
    if (!user) throw new Error(`seed: no user ${userId}`);
    const memberships = await accounts.membershipsOf(tx, userId);
    const actor: Actor = { id: user.id, name: user.name, email: user.email, locale: user.locale, roles: [...new Set(memberships.map((m) => m.role))], memberships };
    const ctx = { actor, reqId: null };
    ctxCache.set(userId, ctx);
    return ctx;
  };
  const officialEmail = bureauPeople.find((p) => p.name === '唐文斌')!.email;
  const [officialRow] = await tx.select({ id: users.id }).from(users).where(eq(users.email, officialEmail));
  const official = await ctxOf(officialRow!.id);

  const today = chinaDate(now);
  /** `months` months and `days` days before today, at `hour` o'clock Beijing time. */
  const ago = (months: number, days = 0, hour = 10) => chinaInstant(addDays(addMonths(today, -months), -days), hour);
  const on = (date: string, days: number, hour: number) => chinaInstant(addDays(date, days), hour);

  /** The contracts drafted for a challenge's final award, in the award's order of winners. */
  const contractsOf = async (key: string) => {
    const seed = seedChallenges.find((s) => s.key === key)!;
    const [row] = await tx.select().from(challenges).where(and(eq(challenges.title, seed.title), eq(challenges.publisherId, refs.organisationByKey.get(seed.publisherKey)!)));
    const [award] = await tx.select().from(awardDecisions).where(and(eq(awardDecisions.challengeId, row!.id), eq(awardDecisions.status, 'final')));
    if (!award) throw new Error(`seed: no final award on ${key}`);
    const list = await tx.select().from(contracts).where(eq(contracts.awardId, award.id));
    const ordered = award.winnerBidIds.map((bidId) => list.find((c) => c.bidId === bidId)!);
    // One at a time: a transaction's one connection runs one query at a time.
    const out = [];
    for (const c of ordered) {
      const ms = await tx.select().from(milestones).where(eq(milestones.contractId, c.id)).orderBy(milestones.position);
      out.push({
        row: c,
        finalAt: award.finalAt!,
        milestones: ms,
        lead: await ctxOf(refs.firstMemberByOrganisation.get(c.teamId)!),
        publisher: await ctxOf(refs.firstMemberByOrganisation.get(c.publisherId)!),
      });
    }
    return out;
  };
  type Played = Awaited<ReturnType<typeof contractsOf>>[number];

  const steps: Step[] = [];
  const add = (at: Date, run: () => Promise<void>) => steps.push({ at, run });

  /**
   * Funding set by an official (a first tranche of 20 %), then signatures: the team, the bureau
   * if it is a party, and the publisher last on `signedOn`, which makes the contract take effect.
   * Returns the milestones' due dates as the service will set them.
   */
  const signing = (c: Played, signedOn: string, opts: { onlyTeam?: boolean } = {}) => {
    if (chinaInstant(signedOn, 0) <= c.finalAt) throw new Error(`seed: ${c.row.title} signed before its award was final`);
    add(on(signedOn, -6, 10), async () => {
      const body = fundingBody.parse({ enterpriseFundsYuan: c.row.enterpriseFundsYuan, subsidyYuan: c.row.subsidyYuan, firstTrancheYuan: Math.round(c.row.amountYuan * 0.2) });
      await services.contracts.setFunding(c.row.id, body, official);
    });
    add(on(signedOn, -3, 15), async () => void (await services.contracts.sign(c.row.id, c.lead)));
    if (!opts.onlyTeam) {
      if (c.row.subsidyYuan > 0) add(on(signedOn, -1, 11), async () => void (await services.contracts.sign(c.row.id, official)));
      add(on(signedOn, 0, 15), async () => void (await services.contracts.sign(c.row.id, c.publisher)));
    }
    return c.milestones.map((m) => addMonths(signedOn, m.dueMonth));
  };

  /** Evidence, with a file uploaded through the attachments service as the team's browser would. */
  const submit = (c: Played, i: number, at: Date, text: string, file?: EvidenceFile) =>
    add(at, async () => {
      const id = c.milestones[i]!.id;
      const fileIds = file ? [(await services.attachments.addToMilestone(id, { fileName: file.fileName, content: Readable.from(await file.build()) }, c.lead)).id] : [];
      await services.contracts.milestones.submitEvidence(id, evidenceBody.parse({ text, fileIds }), c.lead);
    });
  const approve = (c: Played, i: number, at: Date) => add(at, async () => void (await services.contracts.milestones.approve(c.milestones[i]!.id, c.publisher)));
  const returnIt = (c: Played, i: number, at: Date, comments: string) => add(at, async () => void (await services.contracts.milestones.returnEvidence(c.milestones[i]!.id, comments, c.publisher)));
  const confirm = (c: Played, i: number, at: Date) => add(at, async () => void (await services.contracts.milestones.confirm(c.milestones[i]!.id, official)));
  /**
   * The schedule jobs of a milestone that fall before `until` (and before now), run when due:
   * reminders 14 and 3 days before, the due-date flag, and weekly escalations while overdue.
   * The service skips those no longer relevant (settled, extended, contract ended).
   */
  const schedule = (c: Played, i: number, dueOn: string, until = now) => {
    const job = (kind: ReminderKind, week = 0) => {
      const at = reminderRunAt(dueOn, kind, week);
      if (at < until && at < now) add(at, async () => void (await services.contracts.remind({ milestoneId: c.milestones[i]!.id, kind, dueOn, week })));
      return at;
    };
    job('remind-14');
    job('remind-3');
    job('due');
    for (let week = 1; job('escalate', week) < until && week < 60; week++);
  };

  // ── 刀具磨损预测: signed 9 months ago; node 1 paid, node 2 overdue with an extension request open ──
  {
    const [a] = await contractsOf('shuzhi-tool-wear-prediction');
    const signedOn = addMonths(today, -9);
    const due = signing(a!, signedOn);
    submit(a!, 0, on(due[0]!, -6, 16), contractTexts.toolWearNode1);
    approve(a!, 0, on(due[0]!, -3, 10));
    confirm(a!, 0, on(due[0]!, 2, 15));
    schedule(a!, 0, due[0]!);
    schedule(a!, 1, due[1]!);
    add(on(due[1]!, 9, 10), async () => {
      const body = extensionRequestBody.parse({ newDueOn: addMonths(due[1]!, 2), reason: contractTexts.toolWearExtension });
      await services.contracts.milestones.requestExtension(a!.milestones[1]!.id, body, a!.lead);
    });
    schedule(a!, 2, due[2]!);
  }

  // ── 真空泄漏检测: three teams in a horse race ──
  {
    const [b, c, d] = await contractsOf('tongchi-casting-vacuum-leak-detection');
    // (1st) signed 8 months and 10 days ago.
    const dueB = signing(b!, addDays(addMonths(today, -8), -10));
    submit(b!, 0, on(dueB[0]!, -5, 16), contractTexts.vacuumNode1);
    approve(b!, 0, on(dueB[0]!, -1, 10));
    schedule(b!, 0, dueB[0]!);
    schedule(b!, 1, dueB[1]!);
    submit(b!, 1, on(dueB[1]!, 4, 10), contractTexts.vacuumNode2, evidenceFiles.vacuumTrial);
    returnIt(b!, 1, on(dueB[1]!, 7, 15), contractTexts.vacuumNode2Returned);
    add(ago(0, 20, 10), async () => {
      const body = extensionRequestBody.parse({ newDueOn: addMonths(dueB[2]!, 2), reason: contractTexts.vacuumExtension });
      await services.contracts.milestones.requestExtension(b!.milestones[2]!.id, body, b!.lead);
    });
    add(ago(0, 15, 15), async () => void (await services.contracts.milestones.decideExtension(b!.milestones[2]!.id, { decision: 'approve' }, official)));
    schedule(b!, 2, addMonths(dueB[2]!, 2));

    // (2nd) drafted: the team signed five days ago; the publisher and the bureau have not.
    signing(c!, addDays(today, -2), { onlyTeam: true });

    // (3rd) signed 3 months ago; node 1's evidence submitted three days ago, for the publisher to review.
    const dueD = signing(d!, addMonths(today, -3));
    schedule(d!, 0, dueD[0]!);
    submit(d!, 0, ago(0, 3, 16), contractTexts.vacuumRoute3Node1);
  }

  // ── 电芯快速分选: completed, terminated (excused) and terminated (penalised) ──
  {
    const [e, f, g] = await contractsOf('hengyuan-cell-consistency-screening');
    const signedOn = addMonths(today, -10);
    add(on(signedOn, -4, 10), async () => {
      await services.contracts.setBroker(e!.row.id, brokerBody.parse({ name: contractTexts.brokerName, userId: null, introducedOn: addMonths(signedOn, -2) }), official);
    });
    const dueE = signing(e!, signedOn);
    add(on(signedOn, 8, 10), async () => {
      await services.contracts.register(e!.row.id, registrationBody.parse({ registrationNo: contractTexts.registrationNo, registeredOn: addDays(signedOn, 8) }), official);
    });
    submit(e!, 0, on(dueE[0]!, -5, 16), contractTexts.cellNode1);
    approve(e!, 0, on(dueE[0]!, -2, 10));
    confirm(e!, 0, on(dueE[0]!, 1, 15));
    submit(e!, 1, on(dueE[1]!, -20, 16), contractTexts.cellNode2, evidenceFiles.cellComparison);
    approve(e!, 1, on(dueE[1]!, -17, 10));
    confirm(e!, 1, on(dueE[1]!, -15, 15));
    // The last node delivered two months early.
    submit(e!, 2, on(dueE[1]!, -12, 16), contractTexts.cellNode3);
    approve(e!, 2, on(dueE[1]!, -10, 10));
    confirm(e!, 2, on(dueE[1]!, -8, 15));
    for (const [i, dueOn] of dueE.entries()) schedule(e!, i, dueOn);
    const acceptedAt = on(dueE[1]!, -6, 10);
    add(acceptedAt, async () => {
      await services.contracts.accept(e!.row.id, acceptanceBody.parse({ grade: 'good', report: contractTexts.cellAcceptance }), official);
    });
    // The 6-month job (the one queued at acceptance runs again at start and finds it done).
    const promptAt = chinaInstant(addMonths(chinaDate(acceptedAt), 6), 9);
    add(promptAt, async () => void (await services.contracts.promptOutcome({ contractId: e!.row.id, months: 6 })));
    add(new Date(promptAt.getTime() + 2 * 86_400_000 + 6 * 3_600_000), async () => {
      await services.contracts.reportOutcome(e!.row.id, 6, outcomeBody.parse(contractTexts.cellOutcome), e!.publisher);
    });

    const dueF = signing(f!, addMonths(today, -9));
    const terminatedAt = on(dueF[0]!, 25, 10);
    schedule(f!, 0, dueF[0]!, terminatedAt);
    add(terminatedAt, async () => {
      await services.contracts.terminate(f!.row.id, terminationBody.parse({ reason: contractTexts.cellTermination, outcome: 'excused' }), official);
    });

    const dueG = signing(g!, addDays(addMonths(today, -9), 3));
    const penalisedAt = on(dueG[0]!, 45, 10);
    schedule(g!, 0, dueG[0]!, penalisedAt);
    add(penalisedAt, async () => {
      await services.contracts.terminate(g!.row.id, terminationBody.parse({ reason: contractTexts.cellPenalty, outcome: 'penalised' }), official);
    });
  }

  // All steps by date, each at its own time; notifications older than six weeks count as delivered.
  const timeline = steps.sort((x, y) => x.at.getTime() - y.at.getTime());
  const toldAtTheTime = new Date(now.getTime() - 42 * 86_400_000);
  const [before] = await tx.select({ id: max(outbox.id) }).from(outbox);
  let seen = before?.id ?? 0;
  for (const s of timeline) {
    if (s.at >= now) throw new Error(`seed: a contract step is dated in the future (${s.at.toISOString()})`);
    clock.set(s.at);
    await s.run();
    if (s.at < toldAtTheTime) {
      const told = await tx
        .update(outbox)
        .set({ deliveredAt: s.at })
        .where(and(eq(outbox.queue, 'notifications'), gt(outbox.id, seen), isNull(outbox.deliveredAt)))
        .returning({ id: outbox.id });
      seen = Math.max(seen, ...told.map((r) => r.id));
    }
  }
}
