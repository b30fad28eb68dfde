import { describe, expect, it } from 'vitest';
import { bigrams, documentTokens, queryGroups, toTsQuery, words } from '../../server/modules/search/segment';

describe('Chinese search segmentation', () => {
  it('keeps domain terms whole and adds their parts', () => {
    const w = words('碳化硅MOSFET栅氧可靠性提升');
    expect(w).toEqual(expect.arrayContaining(['碳化硅', 'mosfet', '栅氧', '可靠性']));
    expect(words('磷酸铁锂储能电芯低温快充')).toEqual(expect.arrayContaining(['磷酸铁锂', '储能电芯', '快充']));
  });

  it('adds character bigrams so two-character queries match inside longer words', () => {
    expect(bigrams('电极材料')).toEqual(['电极', '极材', '材料']);
    const doc = documentTokens('高电流密度碱性电解槽电极涂层');
    expect(doc).toContain('电极');
    expect(doc).toContain('电流');
  });

  it('drops punctuation and single Han characters', () => {
    expect(words('（一）的、和')).toEqual([]);
  });

  it('builds an OR of word and bigram groups as a literal tsquery', () => {
    expect(queryGroups('芯片')).toEqual([['芯片'], ['芯片']]);
    expect(toTsQuery([["it's"], ['a\\b']])).toBe("('it''s') | ('a\\\\b')");
    expect(toTsQuery([])).toBeNull();
  });
});
