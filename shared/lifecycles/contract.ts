import { z } from 'zod';
import { defineLifecycle } from '../lifecycle';

export const contractStates = ['drafted', 'signed', 'completed', 'terminated'] as const;
export const contractState = z.enum(contractStates);
export type ContractState = z.infer<typeof contractState>;

export const contractEvents = ['edit_funding', 'sign', 'take_effect', 'register', 'set_broker', 'accept', 'terminate'] as const;
export type ContractEvent = (typeof contractEvents)[number];

/**
 * 签约 → 履约 → 验收 | 终止 (DOMAIN.md steps 7–10). A final award drafts one contract per
 * winner; each party's authorised member signs, and the last signature makes it take effect
 * (a signed contract is a deal). Rows with the same from and to are actions that keep the state.
 */
export const contractLifecycle = defineLifecycle<ContractState, ContractEvent>({
  name: 'contract',
  states: contractStates,
  events: contractEvents,
  transitions: [
    { from: 'drafted', event: 'edit_funding', to: 'drafted', by: ['official'], requires: ['no party has signed', 'the funding rule holds'] },
    { from: 'drafted', event: 'sign', to: 'drafted', by: ['enterprise_member', 'team_member', 'official'], requires: ['an authorised member of a party that has not signed'] },
    { from: 'drafted', event: 'take_effect', to: 'signed', by: 'system', requires: ['every party signed'] },
    { from: 'signed', event: 'register', to: 'signed', by: ['official'], requires: ['registration number and date'] },
    { from: 'drafted', event: 'set_broker', to: 'drafted', by: ['official'], requires: ['broker name and introduction date'] },
    { from: 'signed', event: 'set_broker', to: 'signed', by: ['official'], requires: ['broker name and introduction date'] },
    { from: 'completed', event: 'set_broker', to: 'completed', by: ['official'], requires: ['broker name and introduction date'] },
    { from: 'signed', event: 'accept', to: 'completed', by: ['official'], requires: ['every milestone confirmed', 'grade and report'] },
    { from: 'drafted', event: 'terminate', to: 'terminated', by: ['official'], requires: ['reason', 'excused or credit penalty'] },
    { from: 'signed', event: 'terminate', to: 'terminated', by: ['official'], requires: ['reason', 'excused or credit penalty'] },
  ],
});
