import type { ConflictReason } from '../../../shared/contracts/reviews';
import { translatedBy } from './workflow-errors';
import { t, type MessageKey, type MessageParams } from './i18n.svelte';

type Known = [RegExp, (match: RegExpMatchArray) => [MessageKey, MessageParams?]];

/** The review and award services' messages (server/modules/{reviews,awards}/service.ts), in English, mapped to the user's language. */
const known: Known[] = [
  [/^conflict of interest/, () => ['workflowError.conflictOfInterest']],
  [/^an award decision already stands/, () => ['workflowError.awardStands']],
  [/^criteria are set for published challenges/, () => ['workflowError.criteriaNotOpen']],
  [/^feedback is for the teams that did not win/, () => ['workflowError.feedbackWinner']],
  [/^feedback is shown once the award is final/, () => ['workflowError.feedbackNotFinal']],
  [/^objections are taken while/, () => ['workflowError.objectionClosed']],
  [/^only bids that passed the eligibility check/, () => ['workflowError.onlyEligible']],
  [/^scoring has started/, () => ['workflowError.criteriaLocked']],
  [/^the officials have not set the criteria/, () => ['workflowError.noCriteria']],
  [/^the ranking is not final/, () => ['workflowError.rankingNotFinal']],
  [/^this award decision was confirmed or declined/, () => ['workflowError.awardRace']],
  [/^this expert is already assigned/, () => ['workflowError.alreadyAssigned']],
  [/^this objection is already resolved/, () => ['workflowError.objectionResolved']],
  [/^criteria are for officials/, () => ['workflowError.criteriaForbidden']],
  [/^the publisher proposes the winner/, () => ['workflowError.proposeForbidden']],
  [/^the ranking is for officials/, () => ['workflowError.rankingForbidden']],
  [/^this person is not in the expert pool/, () => ['workflowError.notExpert']],
  [/^explain why the award departs/, () => ['workflowError.departReason']],
  [/^winners must be eligible/, () => ['workflowError.winnersInvalid']],
  [/^this challenge awards one team/, () => ['workflowError.oneWinner']],
  [/^a horse race awards two or three/, () => ['workflowError.horseRace']],
  [/^weights must sum to 100 \(now (\d+)\)/, (m) => ['workflowError.weights', { sum: m[1] ?? '' }]],
  [/^score every criterion exactly once: (.*)$/, (m) => ['workflowError.scoreEvery', { names: m[1] ?? '' }]],
  [/^(same_institution|member_of_organisation|declared_tie|recent_deal): (.*)$/, (m) => [`workflowError.conflictReason.${m[1] as ConflictReason}`, { organisation: m[2] ?? '' }]],
];

export function translateWorkflowMessage(message: string): string | null {
  for (const [pattern, key] of known) {
    const match = message.match(pattern);
    if (match) {
      const [k, params] = key(match);
      return t(k, params);
    }
  }
  return null;
}

/** A conflict of interest in the user's language: "same institution as 扬州大学". */
export function conflictLabel(c: { reason: ConflictReason; organisationName: string }): string {
  return t(`workflowError.conflictReason.${c.reason}`, { organisation: c.organisationName });
}

/** For API modules: rethrow a failed call's error with known messages translated (status and paths unchanged). */
export const translatedWorkflow = translatedBy(translateWorkflowMessage);
