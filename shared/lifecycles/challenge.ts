import { z } from 'zod';
import { defineLifecycle } from '../lifecycle';

export const challengeStates = ['draft', 'submitted', 'rework', 'approved', 'rejected', 'published', 'closed', 'unfilled', 'withdrawn'] as const;
export const challengeState = z.enum(challengeStates);
export type ChallengeState = z.infer<typeof challengeState>;

export const challengeEvents = ['edit', 'submit', 'approve', 'reject', 'rework', 'withdraw', 'publish', 'change_terms', 'close', 'mark_unfilled'] as const;
export type ChallengeEvent = (typeof challengeEvents)[number];

/**
 * 需求征集 → 论证 → 发榜 (DOMAIN.md steps 1–3). Rows with the same from and to are actions
 * that keep the state (editing a draft, changing a published challenge's terms); the web
 * asks this table for its buttons as for any other event. "Member of the publisher" and the
 * other `requires` conditions are checked by server/modules/challenges/service.ts.
 */
export const challengeLifecycle = defineLifecycle<ChallengeState, ChallengeEvent>({
  name: 'challenge',
  states: challengeStates,
  events: challengeEvents,
  transitions: [
    { from: 'draft', event: 'edit', to: 'draft', by: ['enterprise_member'], requires: ['member of the publishing enterprise'] },
    { from: 'rework', event: 'edit', to: 'rework', by: ['enterprise_member'], requires: ['member of the publishing enterprise'] },
    {
      from: 'draft',
      event: 'submit',
      to: 'submitted',
      by: ['enterprise_member'],
      requires: ['member of the publishing enterprise', 'publisher verified', 'no missing fields', 'every joint publisher confirmed', 'deadline in the future'],
    },
    {
      from: 'rework',
      event: 'submit',
      to: 'submitted',
      by: ['enterprise_member'],
      requires: ['member of the publishing enterprise', 'publisher verified', 'no missing fields', 'every joint publisher confirmed', 'deadline in the future'],
    },
    { from: 'submitted', event: 'approve', to: 'approved', by: ['official'] },
    { from: 'submitted', event: 'reject', to: 'rejected', by: ['official'], requires: ['reason'] },
    { from: 'submitted', event: 'rework', to: 'rework', by: ['official'], requires: ['comments'] },
    { from: 'draft', event: 'withdraw', to: 'withdrawn', by: ['enterprise_member'], requires: ['member of the publishing enterprise'] },
    { from: 'submitted', event: 'withdraw', to: 'withdrawn', by: ['enterprise_member'], requires: ['member of the publishing enterprise'] },
    { from: 'rework', event: 'withdraw', to: 'withdrawn', by: ['enterprise_member'], requires: ['member of the publishing enterprise'] },
    { from: 'approved', event: 'publish', to: 'published', by: ['official'], requires: ['in a batch being published', 'deadline in the future'] },
    {
      from: 'published',
      event: 'change_terms',
      to: 'published',
      by: ['enterprise_member', 'official'],
      requires: ['member of the publishing enterprise or official', 'reason', 'before the deadline'],
    },
    { from: 'published', event: 'close', to: 'closed', by: 'system', requires: ['deadline passed', 'at least one submitted bid'] },
    { from: 'published', event: 'mark_unfilled', to: 'unfilled', by: 'system', requires: ['deadline passed', 'no submitted bid'] },
  ],
});

/** States in which a challenge is on the public list. */
export const publicStates: readonly ChallengeState[] = ['published', 'closed', 'unfilled'];
