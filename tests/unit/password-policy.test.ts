import { describe, expect, it } from 'vitest';
import { passwordProblem } from '../../shared/password-policy';

describe('password policy', () => {
  it.each([
    ['short1', 'too_short'],
    ['13912345678', 'needs_letter_and_digit'],
    ['onlyletterslong', 'needs_letter_and_digit'],
    [`a1${'x'.repeat(127)}`, 'too_long'],
    ['Jiebang2026', null],
    ['揭榜挂帅口令abc123', null],
  ])('%s → %s', (pw, problem) => {
    expect(passwordProblem(pw)).toBe(problem);
  });
});
