import { z } from 'zod';
import { defineLifecycle } from '../lifecycle';

export const milestoneStates = ['pending', 'submitted', 'returned', 'approved', 'confirmed'] as const;
export const milestoneState = z.enum(milestoneStates);
export type MilestoneState = z.infer<typeof milestoneState>;

export const milestoneEvents = ['submit', 'return', 'approve', 'confirm', 'request_extension', 'extend', 'decline_extension'] as const;
export type MilestoneEvent = (typeof milestoneEvents)[number];

/**
 * 节点考核 (DOMAIN.md step 8): the team submits evidence, the publisher accepts it or returns
 * it with comments, an official confirms, and confirmation pays the tranche into the ledger.
 * Overdue is a flag set by the due-date job, not a state: an overdue milestone can still be
 * submitted. One extension of up to 12 months: the team asks, an official approves or declines.
 */
export const milestoneLifecycle = defineLifecycle<MilestoneState, MilestoneEvent>({
  name: 'milestone',
  states: milestoneStates,
  events: milestoneEvents,
  transitions: [
    { from: 'pending', event: 'submit', to: 'submitted', by: ['team_member'], requires: ['member of the contracted team', 'contract signed', 'evidence'] },
    { from: 'returned', event: 'submit', to: 'submitted', by: ['team_member'], requires: ['member of the contracted team', 'contract signed', 'evidence'] },
    { from: 'submitted', event: 'return', to: 'returned', by: ['enterprise_member'], requires: ['member of the publisher', 'comments'] },
    { from: 'submitted', event: 'approve', to: 'approved', by: ['enterprise_member'], requires: ['member of the publisher'] },
    { from: 'approved', event: 'confirm', to: 'confirmed', by: ['official'], requires: ['the ledger stays within the contract amount'] },
    ...(['pending', 'returned', 'submitted'] as const).flatMap((from) => [
      { from, event: 'request_extension' as const, to: from, by: ['team_member' as const], requires: ['member of the contracted team', 'not extended before', 'no request open', 'at most 12 months', 'reason'] },
      { from, event: 'extend' as const, to: from, by: ['official' as const], requires: ['a request open'] },
      { from, event: 'decline_extension' as const, to: from, by: ['official' as const], requires: ['a request open', 'reason'] },
    ]),
  ],
});

/** Milestones whose work is done as far as deadlines go: no reminders, no overdue flag. */
export const settledMilestoneStates: readonly MilestoneState[] = ['approved', 'confirmed'];
