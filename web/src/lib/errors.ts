import type { z } from 'zod';
import { creditCodeMessages, type CreditCodeProblem } from '../../../shared/credit-code';
import {
  passwordMaxLength,
  passwordMessages,
  passwordMinLength,
  type PasswordProblem,
} from '../../../shared/password-policy';
import { ApiError } from './api';
import { isMessageKey, t } from './i18n.svelte';

/** What to tell the user about a failed call: the translation of its code, else its message. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    const key = `errors.${error.code}`;
    if (isMessageKey(key)) return t(key);
    return error.message || t('errors.UNKNOWN');
  }
  return t('errors.UNKNOWN');
}

export function passwordProblemMessage(problem: PasswordProblem): string {
  return t(`password.problem.${problem}`, { min: passwordMinLength, max: passwordMaxLength });
}

export function creditCodeProblemMessage(problem: CreditCodeProblem, code: string): string {
  return t(`creditCode.problem.${problem}`, { length: code.length });
}

/**
 * Field messages from the server come from the shared zod schemas, in English. The ones with
 * policy behind them (password, credit code) are known texts, so show them in the user's
 * language; anything else is shown as sent.
 */
export function fieldMessage(message: string, value = ''): string {
  for (const [problem, text] of Object.entries(passwordMessages)) {
    if (text === message) return passwordProblemMessage(problem as PasswordProblem);
  }
  for (const [problem, text] of Object.entries(creditCodeMessages)) {
    if (text === message) return creditCodeProblemMessage(problem as CreditCodeProblem, value);
  }
  return message;
}

/** A translated message for one issue from validating a form with a shared schema; `value` is what the field held. */
export function issueMessage(issue: z.core.$ZodIssue, value: unknown): string {
  const field = String(issue.path.at(-1) ?? '');
  // Whatever rule an empty text field breaks (format, length, policy), what it needs is a value.
  if (typeof value === 'string' && value.trim() === '' && issue.code !== 'invalid_value') return t('validation.required');
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'array') return field === 'researchFields' ? t('validation.researchFieldsCount') : t('validation.invalid');
      return t('validation.required');
    case 'too_big':
      if (issue.origin === 'array') return field === 'researchFields' ? t('validation.researchFieldsCount') : t('validation.invalid');
      return t('validation.tooLong', { max: Number(issue.maximum) });
    case 'invalid_format':
      if (issue.format === 'email') return t('validation.email');
      if (field === 'phone') return t('validation.phone');
      return t('validation.invalid');
    case 'invalid_value':
    case 'invalid_union':
      return t('validation.choose');
    case 'invalid_type':
      return issue.input === undefined ? t('validation.required') : t('validation.invalid');
    case 'custom':
      return fieldMessage(issue.message);
    default:
      return t('validation.invalid');
  }
}
