import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildBm25Index } from '../../shared/matching/bm25';
import { matchingConfig } from '../../shared/matching/config';
import { explainTerms, rankTeams, trackScore, type TeamFacts } from '../../shared/matching/rank';
import { industryOfChain } from '../../shared/taxonomy/industry-chains';

const fresh = { deals: 0, grades: [], milestonesOnTime: 0, milestonesLate: 0 };
const team = (id: string, o: Partial<TeamFacts> = {}): TeamFacts => ({ id, fields: [], capacity: 3, activeContracts: 0, track: fresh, ...o });
const rank = (docs: string[][], teams: TeamFacts[], q: string[], o: { chain?: string; industry?: string; eligible?: (t: TeamFacts) => boolean } = {}) =>
  rankTeams({ terms: new Map(q.map((t) => [t, 1])), industry: o.industry ?? null, chain: o.chain ?? null }, buildBm25Index(docs, matchingConfig.bm25), teams, {
    config: matchingConfig,
    eligible: o.eligible ?? (() => true),
    industryOf: industryOfChain,
  });

describe('the ranker', () => {
  it('ranks by text, then field, track record and spare capacity, and explains each part', () => {
    const docs = [['膜电极', '催化剂'], ['膜电极'], ['涂层']];
    const teams = [team('a', { fields: ['electrolysis'] }), team('b', { fields: ['fuel_cells'] }), team('c', { fields: ['electrolysis'] })];
    const ranked = rank(docs, teams, ['膜电极', '催化剂'], { chain: 'electrolysis', industry: 'hydrogen' });
    expect(ranked.map((r) => r.id)).toEqual(['a', 'b', 'c']);
    const [a, b, c] = ranked;
    expect(a!.explanation).toMatchObject({ fieldMatch: 'chain', matchedTerms: ['催化剂', '膜电极'] });
    expect(b!.explanation.fieldMatch).toBe('industry');
    // c matches no text, only the field.
    expect(c!.explanation.matchedTerms).toEqual([]);
    expect(c!.explanation.components.text).toBe(0);
    for (const r of ranked) {
      const { text, field, track, capacity } = r.explanation.components;
      expect(text + field + track + capacity).toBeCloseTo(r.score, 12);
    }
    expect(a!.explanation.components.text).toBeCloseTo(matchingConfig.weights.text, 12);
  });

  it('leaves out teams matching neither text nor field, and ineligible teams', () => {
    const docs = [['膜电极'], ['涂层'], ['膜电极']];
    const teams = [team('a'), team('b'), team('barred')];
    const ranked = rank(docs, teams, ['膜电极'], { eligible: (t) => t.id !== 'barred' });
    expect(ranked.map((r) => r.id)).toEqual(['a']);
  });

  it('prefers a proven team with spare capacity at equal relevance; a full one falls behind a new one with room', () => {
    const docs = [['膜电极'], ['膜电极'], ['膜电极']];
    const proven = { deals: 4, grades: ['excellent', 'good'] as const, milestonesOnTime: 8, milestonesLate: 0 };
    const teams = [team('new'), team('full', { track: { ...proven, grades: [...proven.grades] }, capacity: 2, activeContracts: 2 }), team('proven', { track: { ...proven, grades: [...proven.grades] } })];
    expect(rank(docs, teams, ['膜电极']).map((r) => r.id)).toEqual(['proven', 'new', 'full']);
  });

  it('keeps at most 50, in a stable order', () => {
    const docs = Array.from({ length: 80 }, () => ['膜电极']);
    const teams = docs.map((_, i) => team(`t${i}`));
    const ranked = rank(docs, teams, ['膜电极']);
    expect(ranked).toHaveLength(50);
    expect(ranked[0]!.id).toBe('t0');
  });

  it('scores always lie in [0, 1] and track records in [0, 1]', () => {
    const grade = fc.constantFrom('excellent' as const, 'good' as const, 'pass' as const, 'fail' as const);
    fc.assert(
      fc.property(fc.nat(20), fc.array(grade, { maxLength: 10 }), fc.nat(30), fc.nat(30), (deals, grades, onTime, late) => {
        const t = trackScore({ deals, grades, milestonesOnTime: onTime, milestonesLate: late });
        return t.score >= 0 && t.score <= 1;
      }),
    );
    const docs = [['a', 'b'], ['b'], ['c']];
    const teams = [team('x', { capacity: 9 }), team('y', { activeContracts: 9 }), team('z')];
    for (const r of rank(docs, teams, ['a', 'b', 'c'])) expect(r.score).toBeLessThanOrEqual(1);
  });

  it('explains with the telling terms, not their parts', () => {
    expect(explainTerms(new Map([['膜电极', 3], ['电极', 2], ['催化', 1]]), 8)).toEqual(['膜电极', '催化']);
    expect(explainTerms(new Map([['电极', 3], ['膜电极', 2]]), 8)).toEqual(['膜电极']);
  });
});
