import { fundingProblems } from '../../../shared/contracts/challenges';
import { t, type MessageKey, type MessageParams } from './i18n.svelte';
import { translatedBy, translateWorkflowError } from './workflow-errors';

type Known = [RegExp, (match: RegExpMatchArray) => [MessageKey, MessageParams?]];
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const fundingMessage = fundingProblems({ bountyYuan: 1, enterpriseFundsYuan: 0, subsidyYuan: 0 })[0]?.message ?? '';

/**
 * Messages the challenge and batch services send (server/modules/challenges, attachments), in
 * English, mapped to the user's language. Anything not listed is shown as sent. Field errors
 * and general ones alike: a CONFLICT here is a rule of the workflow, not the registration
 * "already taken" that errors.CONFLICT describes.
 */
const known: Known[] = [
  [/^required before submission$/, () => ['validation.required']],
  [new RegExp(`^${escape(fundingMessage)}$`), () => ['checklist.funding']],
  [/deadline must be at least (\d+) days away/, (m) => ['validation.deadlineLead', { days: m[1] ?? '' }]],
  [/new deadline must be in the future/, () => ['validation.deadlineFuture']],
  [/joint publishers must be verified enterprises/, () => ['validation.verifiedEnterprises']],
  [/invited teams must be verified teams/, () => ['validation.verifiedTeams']],
  [/^not a chain of /, () => ['validation.chain']],
  [/name at least one term to change/, () => ['terms.nothingChanged']],
  [/^the file is empty$/, () => ['attachments.empty']],
  [/must be verified by the bureau before it can submit/, () => ['errors.challenge.publisherUnverified']],
  [/terms can no longer change/, () => ['errors.challenge.termsClosed']],
  [/^already confirmed$/, () => ['errors.challenge.alreadyConfirmed']],
  [/questions are taken while the challenge is open/, () => ['errors.challenge.questionsClosed']],
  [/already answered/, () => ['errors.challenge.alreadyAnswered']],
  [/changed state meanwhile/, () => ['errors.challenge.changedMeanwhile']],
  [/^“(.+)” is \w+; only approved challenges/, (m) => ['errors.batch.notApproved', { title: m[1] ?? '' }]],
  [/^“(.+)” is already in a batch/, (m) => ['errors.batch.alreadyBatched', { title: m[1] ?? '' }]],
  [/batch number is taken|already exists$/, () => ['batches.taken']],
  [/is already published$/, () => ['errors.batch.alreadyPublished']],
  [/has no challenges$/, () => ['errors.batch.empty']],
  [/^the deadline has passed for (.+); change it/, (m) => ['errors.batch.late', { titles: m[1] ?? '' }]],
];

export function translateChallengeMessage(message: string): string | null {
  for (const [pattern, key] of known) {
    const match = message.match(pattern);
    if (match) {
      const [k, params] = key(match);
      return t(k, params);
    }
  }
  return null;
}

/** The same error with known messages in the user's language (codes and paths unchanged, except a workflow CONFLICT). */
export const translateChallengeError = (error: unknown): unknown => translateWorkflowError(error, translateChallengeMessage);

/** For API modules: rethrow a failed call's error translated. */
export const translated = translatedBy(translateChallengeMessage);
