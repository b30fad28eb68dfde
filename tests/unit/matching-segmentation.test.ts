import { describe, expect, it } from 'vitest';
import { challengeTerms, matchTokens, teamTokens } from '../../server/modules/matching/documents';
import { words } from '../../server/modules/search/segment';

describe('segmentation of technical terms for matching', () => {
  it.each([
    ['大尺寸硅单晶生长的氧含量控制', '硅单晶'],
    ['质子交换膜燃料电池膜电极的低铂化', '膜电极'],
    ['航空用碳纤维复合材料构件的孔隙率控制', '碳纤维复合材料'],
    ['氮化镓功率放大器的线性度提升', '功率放大器'],
  ])('keeps the term whole in %s', (text, term) => {
    const w = words(text);
    expect(w).toContain(term);
    // Not cut across its boundary with the neighbouring words.
    expect(w.some((x) => x !== term && x.includes(term) && x.length > term.length)).toBe(false);
  });

  it('also gives the parts, so a team writing 单晶 or 电极 still meets the challenge', () => {
    expect(matchTokens('硅单晶')).toEqual(expect.arrayContaining(['硅单晶', '单晶', '硅单']));
    expect(matchTokens('膜电极')).toEqual(expect.arrayContaining(['膜电极', '电极']));
  });

  it('weights a challenge title above its description, and a team keyword above its description', () => {
    const q = challengeTerms({ title: '膜电极降本', summary: '', description: '涉及膜电极。', indicators: [] });
    expect(q.get('膜电极')).toBe(3); // twice for the title, once for the description
    const doc = teamTokens({ name: '', keywords: ['膜电极'], description: '膜电极', people: [], results: [] });
    expect(doc.filter((t) => t === '膜电极')).toHaveLength(3);
  });
});
