import { z } from 'zod';
import { defineLifecycle } from '../lifecycle';

export const awardStates = ['proposed', 'in_notice', 'final', 'revoked', 'declined'] as const;
export const awardState = z.enum(awardStates);
export type AwardState = z.infer<typeof awardState>;

export const awardEvents = ['confirm', 'decline', 'revoke', 'finalise'] as const;
export type AwardEvent = (typeof awardEvents)[number];

/**
 * 确定揭榜方 and 公示 (DOMAIN.md step 6). The publisher proposes from the final ranking; an
 * official confirms, which opens the public notice; an upheld objection revokes the award
 * (back to review); the notice-ending job makes it final. Only one proposed, in-notice or
 * final decision can stand per challenge (a partial unique index).
 */
export const awardLifecycle = defineLifecycle<AwardState, AwardEvent>({
  name: 'award',
  states: awardStates,
  events: awardEvents,
  transitions: [
    { from: 'proposed', event: 'confirm', to: 'in_notice', by: ['official'] },
    { from: 'proposed', event: 'decline', to: 'declined', by: ['official'], requires: ['reason'] },
    { from: 'in_notice', event: 'revoke', to: 'revoked', by: ['official'], requires: ['an objection upheld'] },
    { from: 'in_notice', event: 'finalise', to: 'final', by: 'system', requires: ['notice ended', 'no open objection'] },
  ],
});

/** Decisions that stand: at most one per challenge. */
export const standingAwardStates: readonly AwardState[] = ['proposed', 'in_notice', 'final'];
