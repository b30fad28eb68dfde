import { describe, expect, it } from 'vitest';
import { locales } from '../../../shared/roles';
import { dictionaries, placeholders } from './index';

const reference: Record<string, string> = dictionaries['zh-CN'];

function keyDifferences(dictionary: Record<string, string>) {
  return {
    missing: Object.keys(reference).filter((key) => !(key in dictionary)),
    extra: Object.keys(dictionary).filter((key) => !(key in reference)),
  };
}

describe('i18n dictionaries', () => {
  it('has a dictionary for every locale in shared/roles.ts', () => {
    expect(Object.keys(dictionaries).sort()).toEqual([...locales].sort());
  });

  for (const locale of locales) {
    const dictionary: Record<string, string> = dictionaries[locale];

    it(`gives ${locale} exactly the keys of zh-CN`, () => {
      expect(keyDifferences(dictionary)).toEqual({ missing: [], extra: [] });
    });

    it(`has no empty message in ${locale}`, () => {
      expect(Object.entries(dictionary).filter(([, message]) => message.trim() === '')).toEqual([]);
    });

    it(`uses the same {placeholders} in ${locale} as in zh-CN`, () => {
      const mismatched = Object.keys(reference).filter(
        (key) => placeholders(dictionary[key] ?? '').join() !== placeholders(reference[key] ?? '').join(),
      );
      expect(mismatched).toEqual([]);
    });
  }

  it('reports a key missing from one language', () => {
    const { ['nav.home']: _dropped, ...broken } = dictionaries.en;
    expect(keyDifferences(broken).missing).toEqual(['nav.home']);
  });
});
