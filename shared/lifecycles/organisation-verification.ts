import { defineLifecycle } from '../lifecycle';
import type { VerificationState } from '../roles';

export type VerificationEvent = 'verify' | 'reject' | 'resubmit';

/**
 * A newly registered enterprise or team is pending until an official verifies it.
 * Unverified organisations can draft but not publish or bid.
 */
export const organisationVerificationLifecycle = defineLifecycle<VerificationState, VerificationEvent>({
  name: 'organisation-verification',
  states: ['pending', 'verified', 'rejected'],
  events: ['verify', 'reject', 'resubmit'],
  transitions: [
    { from: 'pending', event: 'verify', to: 'verified', by: ['official'] },
    { from: 'pending', event: 'reject', to: 'rejected', by: ['official'], requires: ['reason'] },
    { from: 'rejected', event: 'resubmit', to: 'pending', by: ['enterprise_member', 'team_member'], requires: ['member of the organisation'] },
  ],
});
