import { t, type MessageKey, type MessageParams } from './i18n.svelte';
import { translateWorkflowMessage } from './review-messages';
import { translatedBy } from './workflow-errors';

type Known = [RegExp, (match: RegExpMatchArray) => [MessageKey, MessageParams?]];

/** The contracts service's messages (server/modules/contracts), in English, mapped to the user's language. */
const known: Known[] = [
  [/^a party has signed; the funding can no longer change/, () => ['contractError.fundingLocked']],
  [/^you do not sign for any party that has yet to sign/, () => ['contractError.notSigner']],
  [/^only a manager of the organisation signs for it/, () => ['contractError.notAuthorised']],
  [/^every milestone must be confirmed before acceptance/, () => ['contractError.notAllConfirmed']],
  [/^the contract must be signed first/, () => ['contractError.notSigned']],
  [/^this milestone was already extended once/, () => ['contractError.extendedOnce']],
  [/^an extension request is already open/, () => ['contractError.requestOpen']],
  [/^no extension request is open/, () => ['contractError.noRequest']],
  [/^the new due date must be later than the current one/, () => ['contractError.dueLater']],
  [/^an extension is at most 12 months past the original due date/, () => ['contractError.maxExtension']],
  [/^paying this tranche would exceed the contract amount/, () => ['contractError.overpaid']],
  [/^the first tranche and the milestone tranches together exceed/, () => ['contractError.firstTranche']],
  [/^attach files uploaded for this milestone/, () => ['contractError.files']],
  [/^outcomes are reported 6 and 12 months after completion/, () => ['contractError.outcomeNotDue']],
  [/^enterprise funds plus subsidy must equal the contract amount/, () => ['contractError.sum']],
  [/^the subsidy may be at most (\d+) % of the contract amount/, (m) => ['contractError.subsidyCap', { percent: m[1] ?? '' }]],
  [
    /^enterprise funds must be at least ([\d.]+) × the subsidy when (an enterprise leads|a university or institute leads)/,
    (m) => ['contractError.coFunding', { multiple: m[1] ?? '', who: t(m[2] === 'an enterprise leads' ? 'contractError.whoEnterprise' : 'contractError.whoAcademic') }],
  ],
];

export function translateContractMessage(message: string): string | null {
  for (const [pattern, key] of known) {
    const match = message.match(pattern);
    if (match) {
      const [k, params] = key(match);
      return t(k, params);
    }
  }
  return translateWorkflowMessage(message);
}

/** For API modules: rethrow a failed call's error with known messages translated (status and paths unchanged). */
export const translatedContract = translatedBy(translateContractMessage);
