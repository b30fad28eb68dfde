import { describe, expect, it } from 'vitest';
import { creditCodeCheckCharacter, creditCodeProblem } from '../../shared/credit-code';
import { creditCode } from '../../shared/contracts/auth';

describe('unified social credit code (GB 32100-2015)', () => {
  // Published examples whose check characters were computed by the issuing registries.
  it.each(['91350100M000100Y43', '91110000600037341L', '911100001000079554'])('accepts %s', (code) => {
    expect(creditCodeProblem(code)).toBeNull();
  });

  it('computes the check character from the first 17', () => {
    expect(creditCodeCheckCharacter('91350100M000100Y4')).toBe('3');
  });

  it('maps a remainder of zero to the character 0', () => {
    // Search a prefix whose weighted sum is a multiple of 31: 31 - 0 = 31 must become 0.
    let found = '';
    for (let i = 0; i < 31 * 31 && !found; i++) {
      const prefix = `9132100200000${String(i).padStart(4, '0')}`;
      if (creditCodeCheckCharacter(prefix) === '0') found = prefix;
    }
    expect(found).not.toBe('');
    expect(creditCodeProblem(`${found}0`)).toBeNull();
  });

  it('names what is wrong', () => {
    expect(creditCodeProblem('9135010')).toBe('length');
    expect(creditCodeProblem('91350100M000100Y4I')).toBe('character');
    expect(creditCodeProblem('91350100M000100Y44')).toBe('check');
  });

  it('normalises spacing and case before checking', () => {
    expect(creditCode.parse(' 91350100m000100y43 ')).toBe('91350100M000100Y43');
    expect(creditCode.safeParse('91350100M000100Y44').success).toBe(false);
  });
});
