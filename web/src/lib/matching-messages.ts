import { t, type MessageKey } from './i18n.svelte';
import { translateWorkflowMessage } from './review-messages';
import { translatedBy } from './workflow-errors';

/** The matching service's messages and the profile schema's own (server/modules/matching, shared/contracts/matching.ts), in English, mapped to the user's language. */
const known: [RegExp, MessageKey][] = [
  [/^a manager of the team edits its profile/, 'matchingError.profileForbidden'],
  [/^recommendations are for research teams/, 'matchingError.notTeam'],
  [/^teams are introduced to published challenges/, 'matchingError.notPublished'],
  [/^the introduction date cannot be in the future/, 'matchingError.futureDate'],
  [/^choose a verified research team/, 'matchingError.team'],
  [/^this team was already introduced to this challenge/, 'matchingError.alreadyIntroduced'],
  [/^choose a field from the list/, 'teamProfile.error.fieldUnknown'],
  [/^choose at least one field/, 'matchingError.fieldsMin'],
  [/^list at least one keyword/, 'matchingError.keywordsMin'],
];

export function translateMatchingMessage(message: string): string | null {
  const found = known.find(([pattern]) => pattern.test(message));
  return found ? t(found[1]) : translateWorkflowMessage(message);
}

/** For API modules: rethrow a failed call's error with known messages translated (status and paths unchanged). */
export const translatedMatching = translatedBy(translateMatchingMessage);
