/**
 * Password policy shared by the registration form and the server.
 * Long passphrases beat composition rules (NIST SP 800-63B); we still ask for a letter
 * and a digit because users here are used to that rule and it blocks all-digit phone numbers.
 */
export const passwordMinLength = 10;
export const passwordMaxLength = 128;

export type PasswordProblem = 'too_short' | 'too_long' | 'needs_letter_and_digit';

export function passwordProblem(password: string): PasswordProblem | null {
  if (password.length < passwordMinLength) return 'too_short';
  if (password.length > passwordMaxLength) return 'too_long';
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) return 'needs_letter_and_digit';
  return null;
}

export const passwordMessages: Record<PasswordProblem, string> = {
  too_short: `password must have at least ${passwordMinLength} characters`,
  too_long: `password must have at most ${passwordMaxLength} characters`,
  needs_letter_and_digit: 'password must contain at least one letter and one digit',
};
