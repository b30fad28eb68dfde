import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { seedChallengeBatches, seedChallenges, seedDeadline, type SeedChallenge } from '../../db/seed/data/challenges';
import { enterprises } from '../../db/seed/data/enterprises';
import { teams } from '../../db/seed/data/teams';
import {
  challengeDraft,
  contact,
  fundingProblems,
  indicator,
  missingForSubmission,
  requirements,
  type ChallengeDraft,
} from '../../shared/contracts/challenges';
import { challengeStates, publicStates, type ChallengeState } from '../../shared/lifecycles/challenge';
import { industryCodes } from '../../shared/taxonomy/industries';
import { isChainOf } from '../../shared/taxonomy/industry-chains';

/** The demo's "today" for the open list of 2026年第二批. */
const today = new Date('2026-11-21T00:00:00+08:00');
const DAY_MS = 24 * 60 * 60 * 1000;

const enterpriseKeys = new Set(enterprises.map((e) => e.key));
const teamKeys = new Set(teams.map((t) => t.key));
const byState = (s: ChallengeState) => seedChallenges.filter((c) => c.state === s);
const inBatch = (b: string) => seedChallenges.filter((c) => c.batch === b);
const duplicates = (values: readonly string[]) => values.filter((v, i) => values.indexOf(v) !== i);
const published = byState('published');

/** Maps a seed challenge to what the enterprise editor would hold, with stand-in ids for the keys. */
function toDraft(c: SeedChallenge): ChallengeDraft {
  return {
    title: c.title,
    summary: c.summary,
    description: c.description,
    descriptionVisibility: c.descriptionVisibility,
    industry: c.industry,
    industryChain: c.industryChain,
    indicators: c.indicators?.map((i) => indicator.parse(i)),
    bountyYuan: c.bountyWan * 10_000,
    enterpriseFundsYuan: c.enterpriseFundsWan * 10_000,
    subsidyYuan: c.subsidyWan * 10_000,
    deliveryMonths: c.deliveryMonths,
    deadline: seedDeadline(c, today).toISOString(),
    ipTerms: c.ipTerms,
    requirements: requirements.parse(c.requirements),
    contact: c.contact,
    jointPublisherIds: c.jointPublisherKeys?.map(() => randomUUID()),
    directed: c.directed,
    invitedTeamIds: c.invitedTeamKeys?.map(() => randomUUID()),
  };
}

describe('seed challenges', () => {
  it('has the expected number of challenges in each state and batch', () => {
    expect(seedChallenges.length).toBeGreaterThanOrEqual(28);
    const b2026_2 = inBatch('b2026_2');
    expect(b2026_2.length).toBeGreaterThanOrEqual(16);
    expect(b2026_2.every((c) => c.state === 'published')).toBe(true);
    expect(published.length).toBe(b2026_2.length);

    const b2026_1 = inBatch('b2026_1');
    expect(b2026_1.length).toBe(5);
    expect(b2026_1.filter((c) => c.state === 'closed').length).toBe(3);
    expect(b2026_1.filter((c) => c.state === 'unfilled').length).toBe(2);

    const b2025_2 = inBatch('b2025_2');
    expect(b2025_2.length).toBe(5);
    expect(b2025_2.every((c) => c.state === 'closed')).toBe(true);

    expect(byState('closed').length).toBe(8);
    expect(byState('unfilled').length).toBe(2);
    expect(byState('draft').length).toBe(1);
    expect(byState('submitted').length).toBe(2);
    expect(byState('rework').length).toBe(1);
    expect(byState('approved').length).toBe(2);
    expect(byState('rejected').length).toBe(1);
    expect(byState('withdrawn').length).toBe(1);
    for (const c of seedChallenges) expect(challengeStates, c.key).toContain(c.state);
  });

  it('puts exactly the published, closed and unfilled challenges in a batch', () => {
    for (const c of seedChallenges) {
      if (publicStates.includes(c.state)) expect(c.batch, c.key).toBeDefined();
      else expect(c.batch, c.key).toBeUndefined();
      if (c.batch) expect(Object.keys(seedChallengeBatches), c.key).toContain(c.batch);
    }
  });

  it('uses unique ASCII keys and unique titles', () => {
    for (const c of seedChallenges) expect(c.key).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(duplicates(seedChallenges.map((c) => c.key))).toEqual([]);
    expect(duplicates(seedChallenges.map((c) => c.title))).toEqual([]);
  });

  it('refers only to enterprises and teams that exist, and every enterprise publishes', () => {
    for (const c of seedChallenges) {
      expect(enterpriseKeys.has(c.publisherKey), `${c.key}: ${c.publisherKey}`).toBe(true);
      for (const k of c.jointPublisherKeys ?? []) {
        expect(enterpriseKeys.has(k), `${c.key}: ${k}`).toBe(true);
        expect(k, c.key).not.toBe(c.publisherKey);
      }
      for (const k of c.invitedTeamKeys ?? []) expect(teamKeys.has(k), `${c.key}: ${k}`).toBe(true);
      if (c.invitedTeamKeys?.length) expect(c.directed, c.key).toBe(true);
    }
    const publishers = new Set(seedChallenges.map((c) => c.publisherKey));
    // The last enterprise is the newly registered one the demo leaves pending.
    for (const e of enterprises.slice(0, -1)) expect(publishers.has(e.key), e.key).toBe(true);
  });

  it('gives the enterprise the demo seeds as unverified (the last one, see db/seed/demo.ts) nothing past a draft, and no joint publishing', () => {
    // Submitting needs a verified publisher, and joint publishers must be verified.
    const pending = enterprises.at(-1)!.key;
    for (const c of seedChallenges.filter((x) => x.publisherKey === pending)) expect(c.state, c.key).toBe('draft');
    for (const c of seedChallenges) expect(c.jointPublisherKeys ?? [], c.key).not.toContain(pending);
  });

  it('names a known industry and a chain that belongs to it', () => {
    for (const c of seedChallenges) {
      expect(industryCodes, c.key).toContain(c.industry);
      expect(isChainOf(c.industry, c.industryChain), `${c.key}: ${c.industry}/${c.industryChain}`).toBe(true);
    }
  });

  it('lets every non-draft challenge pass the submission checks', () => {
    for (const c of seedChallenges.filter((x) => x.state !== 'draft')) {
      const draft = toDraft(c);
      expect(() => challengeDraft.parse(draft), c.key).not.toThrow();
      expect(missingForSubmission(draft), c.key).toEqual([]);
      expect(fundingProblems(draft), c.key).toEqual([]);
    }
  });

  it('leaves the draft incomplete: no indicators and no contact', () => {
    const [draft] = byState('draft');
    expect(draft).toBeDefined();
    expect(draft!.indicators).toBeUndefined();
    expect(draft!.contact).toBeUndefined();
    const missing = missingForSubmission(toDraft(draft!));
    expect(missing).toContain('indicators');
    expect(missing).toContain('contact');
  });

  it('quantifies 2–5 checkable indicators and gives a valid contact at the publisher', () => {
    for (const c of seedChallenges.filter((x) => x.state !== 'draft')) {
      expect(c.indicators?.length ?? 0, c.key).toBeGreaterThanOrEqual(2);
      expect(c.indicators?.length ?? 0, c.key).toBeLessThanOrEqual(5);
      for (const i of c.indicators ?? []) expect(indicator.safeParse(i).success, `${c.key}: ${i.name}`).toBe(true);
      expect(contact.safeParse(c.contact).success, c.key).toBe(true);
      expect(c.contact!.phone, c.key).toMatch(/^1\d{10}$/);
      const domains = enterprises.find((e) => e.key === c.publisherKey)!.members.map((m) => m.email.split('@')[1]);
      expect(domains, c.key).toContain(c.contact!.email.split('@')[1]);
      expect(c.contact!.email, c.key).toMatch(/\.example$/);
    }
  });

  it('keeps money and delivery periods realistic', () => {
    for (const c of seedChallenges) {
      expect(c.bountyWan, c.key).toBeGreaterThanOrEqual(30);
      expect(c.bountyWan, c.key).toBeLessThanOrEqual(1500);
      expect(c.enterpriseFundsWan + c.subsidyWan, c.key).toBe(c.bountyWan);
      expect(c.subsidyWan * 2, c.key).toBeLessThanOrEqual(c.bountyWan);
      expect(c.subsidyWan, c.key).toBeGreaterThanOrEqual(0);
      expect(c.deliveryMonths, c.key).toBeGreaterThanOrEqual(6);
      expect(c.deliveryMonths, c.key).toBeLessThanOrEqual(36);
    }
  });

  it('writes descriptions of 3–6 paragraphs and short summaries', () => {
    for (const c of seedChallenges) {
      const paragraphs = c.description.split('\n\n');
      expect(paragraphs.length, c.key).toBeGreaterThanOrEqual(3);
      expect(paragraphs.length, c.key).toBeLessThanOrEqual(6);
      for (const p of paragraphs) expect(p.trim().length, c.key).toBeGreaterThan(20);
      expect(c.summary.split('。').filter((s) => s.trim()).length, c.key).toBeLessThanOrEqual(2);
      expect(`${c.title}${c.summary}${c.description}`, c.key).not.toMatch(/lorem|TODO|TBD/i);
    }
  });

  it('keeps the open list open and the earlier batches past their deadlines', () => {
    const open = inBatch('b2026_2').map((c) => ({ c, deadline: seedDeadline(c) }));
    for (const { c, deadline } of open) expect(deadline.getTime(), c.key).toBeGreaterThan(today.getTime() + DAY_MS);
    const closingSoon = open.filter(({ deadline }) => deadline.getTime() <= today.getTime() + 8 * DAY_MS);
    expect(closingSoon.length).toBe(2);
    for (const { c, deadline } of open.filter((o) => !closingSoon.includes(o))) {
      const daysLeft = (deadline.getTime() - today.getTime()) / DAY_MS;
      expect(daysLeft, c.key).toBeGreaterThanOrEqual(10);
      expect(daysLeft, c.key).toBeLessThanOrEqual(41);
    }
    for (const c of [...inBatch('b2026_1'), ...inBatch('b2025_2')]) {
      expect(seedDeadline(c).getTime(), c.key).toBeLessThan(today.getTime());
      const published = Date.parse(`${seedChallengeBatches[c.batch!].publishedOn}T00:00:00+08:00`);
      expect(seedDeadline(c).getTime(), c.key).toBeGreaterThan(published);
    }
  });

  it('sets deadlines of challenges not yet published relative to the seed day', () => {
    const seedDay = new Date('2027-03-01T10:00:00+08:00');
    for (const c of seedChallenges.filter((x) => !x.batch)) {
      const days = (seedDeadline(c, seedDay).getTime() - Date.parse('2027-03-01T17:00:00+08:00')) / DAY_MS;
      expect(days, c.key).toBe(c.deadlineOffsetDays);
      expect(c.deadlineOffsetDays, c.key).toBeGreaterThanOrEqual(30);
    }
  });

  it('makes the open list varied: industries, restricted, directed, joint, Q&A', () => {
    expect(new Set(published.map((c) => c.industry)).size).toBeGreaterThanOrEqual(8);
    const restricted = published.filter((c) => c.descriptionVisibility === 'restricted').length;
    expect(restricted).toBeGreaterThanOrEqual(3);
    expect(restricted).toBeLessThanOrEqual(4);

    const directed = published.filter((c) => c.directed);
    expect(directed.length).toBe(1);
    expect(directed[0]!.invitedTeamKeys!.length).toBeGreaterThanOrEqual(2);
    expect(directed[0]!.invitedTeamKeys!.length).toBeLessThanOrEqual(3);
    expect(seedChallenges.filter((c) => !c.directed).every((c) => !c.invitedTeamKeys?.length)).toBe(true);

    expect(published.filter((c) => c.jointPublisherKeys?.length).length).toBe(1);

    const withQuestions = published.filter((c) => c.questions?.length);
    expect(withQuestions.length).toBeGreaterThanOrEqual(6);
    const unanswered = published.flatMap((c) => c.questions ?? []).filter((q) => !q.answer);
    expect(unanswered.length).toBe(1);
    for (const c of seedChallenges.filter((x) => x.questions?.length)) expect(publicStates, c.key).toContain(c.state);
  });

  it('gives the rejected one a reason and the reworked one comments, and nobody else', () => {
    for (const c of seedChallenges) {
      if (c.state === 'rejected') expect(c.rejectionReason?.length ?? 0, c.key).toBeGreaterThan(20);
      else expect(c.rejectionReason, c.key).toBeUndefined();
      if (c.state === 'rework') {
        expect(c.reworkComments?.length ?? 0, c.key).toBeGreaterThan(20);
        expect(c.reworkComments, c.key).toContain('技术指标');
      } else expect(c.reworkComments, c.key).toBeUndefined();
    }
  });
});
