import { z } from 'zod';
import { defineLifecycle } from '../lifecycle';

export const bidStates = ['draft', 'submitted', 'withdrawn', 'eligible', 'ineligible'] as const;
export const bidState = z.enum(bidStates);
export type BidState = z.infer<typeof bidState>;

export const bidEvents = ['edit', 'submit', 'revise', 'reconfirm', 'withdraw', 'mark_eligible', 'mark_ineligible'] as const;
export type BidEvent = (typeof bidEvents)[number];

/**
 * 揭榜申报 and 形式审查 (DOMAIN.md steps 4–5). The team's events happen before the challenge's
 * deadline; the eligibility check after it. The service checks the data conditions. Review
 * and award extend this table in the next part of the bidding issue.
 */
export const bidLifecycle = defineLifecycle<BidState, BidEvent>({
  name: 'bid',
  states: bidStates,
  events: bidEvents,
  transitions: [
    { from: 'draft', event: 'edit', to: 'draft', by: ['team_member'], requires: ['member of the bidding team', 'before the deadline'] },
    { from: 'submitted', event: 'edit', to: 'submitted', by: ['team_member'], requires: ['member of the bidding team', 'before the deadline'] },
    {
      from: 'draft',
      event: 'submit',
      to: 'submitted',
      by: ['team_member'],
      requires: ['member of the bidding team', 'team verified and not barred', 'complete proposal', 'every partner confirmed', 'before the deadline'],
    },
    {
      from: 'submitted',
      event: 'revise',
      to: 'submitted',
      by: ['team_member'],
      requires: ['member of the bidding team', 'complete proposal', 'every partner confirmed', 'before the deadline'],
    },
    { from: 'submitted', event: 'reconfirm', to: 'submitted', by: ['team_member'], requires: ['flagged by a change of terms', 'before the deadline'] },
    { from: 'draft', event: 'withdraw', to: 'withdrawn', by: ['team_member'], requires: ['member of the bidding team', 'before the deadline'] },
    { from: 'submitted', event: 'withdraw', to: 'withdrawn', by: ['team_member'], requires: ['member of the bidding team', 'before the deadline'] },
    { from: 'submitted', event: 'mark_eligible', to: 'eligible', by: ['official'], requires: ['after the deadline', 're-confirmed if the terms changed'] },
    { from: 'submitted', event: 'mark_ineligible', to: 'ineligible', by: ['official'], requires: ['after the deadline', 'reason'] },
  ],
});
