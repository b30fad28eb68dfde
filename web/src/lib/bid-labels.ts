import type { BidFieldProblem } from './bid-form';
import { t, type MessageKey, type MessageParams } from './i18n.svelte';

type Known = [RegExp, (match: RegExpMatchArray) => [MessageKey, MessageParams?]];

/**
 * Messages of `bidProblems()` (shared/contracts/bids.ts) and of the bid service, in English,
 * mapped to the user's language; anything not listed is shown as sent.
 */
const known: Known[] = [
  [/^describe the technical route$/, () => ['bid.problem.technicalRoute']],
  [/^answer every indicator/, () => ['bid.problem.indicator']],
  [/names an indicator the challenge does not have/, () => ['bid.problem.unknownIndicator']],
  [/^name exactly one lead/, () => ['bid.problem.lead']],
  [/^quote a price$/, () => ['bid.problem.price']],
  [/quoted price cannot exceed the bounty/, () => ['bid.problem.priceAboveBounty']],
  [/^state the duration$/, () => ['bid.problem.duration']],
  [/^plan at least one milestone$/, () => ['bid.problem.milestones']],
  [/milestone shares must add up to 100/, () => ['bid.problem.shares']],
  [/milestone falls after the end of the project/, () => ['bid.problem.milestoneLate']],
  [/committed value must contain a number/, () => ['bid.problem.committedNumber']],
  [/SHA-256 digest is 64 hexadecimal characters/, () => ['bid.verify.format']],
];

export function translateBidMessage(message: string): string | null {
  for (const [pattern, key] of known) {
    const match = message.match(pattern);
    if (match) {
      const [k, params] = key(match);
      return t(k, params);
    }
  }
  return null;
}

/** A problem from the server's checklist in the user's language. */
export function bidProblemMessage(problem: { path: string; message: string }): string {
  return translateBidMessage(problem.message) ?? problem.message;
}

/** What to say at a field the form cannot send as typed. */
export function bidFieldProblemMessage(problem: BidFieldProblem): string {
  switch (problem.kind) {
    case 'money':
      return problem.problem === 'precision' ? t('validation.moneyPrecision') : problem.problem === 'range' ? t('validation.moneyRange') : t('validation.money');
    case 'required':
      return t('validation.required');
    case 'tooLong':
      return t('validation.invalid');
    case 'number':
      return problem.path.endsWith('committedValue') ? t('bid.problem.committedNumber') : t('bid.validation.whole');
    case 'range':
      return problem.path.endsWith('sharePercent') ? t('bid.validation.share') : t('bid.validation.months');
    default:
      return t('validation.invalid');
  }
}
