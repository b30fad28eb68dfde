/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015.
 * 18 characters from a 31-character alphabet (no I, O, Z, S, V); the last one is a
 * check character: 31 - (Σ value(cᵢ)·weightᵢ mod 31), where 31 maps to 0.
 */
const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type CreditCodeProblem = 'length' | 'character' | 'check';

export function creditCodeCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = alphabet.indexOf(first17[i] ?? '');
    if (value < 0) throw new Error(`invalid credit code character at ${i}`);
    sum += value * weights[i]!;
  }
  return alphabet[(31 - (sum % 31)) % 31]!;
}

/** Returns null when the code is valid, otherwise what is wrong with it. */
export function creditCodeProblem(code: string): CreditCodeProblem | null {
  if (code.length !== 18) return 'length';
  for (const ch of code) if (!alphabet.includes(ch)) return 'character';
  return creditCodeCheckCharacter(code.slice(0, 17)) === code[17] ? null : 'check';
}

export const creditCodeMessages: Record<CreditCodeProblem, string> = {
  length: 'credit code must have 18 characters',
  character: 'credit code may contain only digits and capital letters other than I, O, Z, S, V',
  check: 'credit code check character does not match (GB 32100-2015)',
};
