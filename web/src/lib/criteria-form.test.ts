import { describe, expect, it } from 'vitest';
import { criteriaBody } from '../../../shared/contracts/reviews';
import {
  criteriaCandidate,
  criteriaChanged,
  criteriaPaths,
  criteriaValues,
  emptyCriterion,
  parseWeight,
  sumProblem,
  weightSum,
  type CriterionValues,
} from './criteria-form';

const row = (name: string, weight: string, description = ''): CriterionValues => ({ ...emptyCriterion(), name, description, weight });

const saved = [
  { name: '技术先进性', description: '路线是否领先', weight: 40 },
  { name: '可行性', description: '', weight: 35 },
  { name: '团队实力', description: '', weight: 25 },
];

describe('criteriaValues', () => {
  it('starts with one empty row when nothing is saved', () => {
    const rows = criteriaValues([]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ name: '', description: '', weight: '' });
  });

  it('turns saved criteria into rows with distinct keys and text weights', () => {
    const rows = criteriaValues(saved);
    expect(rows.map((r) => r.weight)).toEqual(['40', '35', '25']);
    expect(new Set(rows.map((r) => r.key)).size).toBe(3);
  });
});

describe('parseWeight', () => {
  it('reads whole numbers, with a percent sign or full-width digits', () => {
    expect(parseWeight('40')).toBe(40);
    expect(parseWeight(' 25 % ')).toBe(25);
    expect(parseWeight('３０％')).toBe(30);
  });

  it('leaves nothing as undefined and anything else as text for the schema to reject', () => {
    expect(parseWeight('  ')).toBeUndefined();
    expect(parseWeight('12.5')).toBe('12.5');
    expect(parseWeight('abc')).toBe('abc');
  });
});

describe('weightSum and sumProblem', () => {
  it('adds the whole-number weights typed so far', () => {
    expect(weightSum([row('a', '40'), row('b', ''), row('c', 'x'), row('d', '35')])).toBe(75);
  });

  it('uses the shared rule: the weights must sum to 100', () => {
    expect(sumProblem([row('a', '40'), row('b', '35')])).toBe('weights must sum to 100 (now 75)');
    expect(sumProblem([row('a', '60'), row('b', '40')])).toBeNull();
  });
});

describe('criteriaCandidate', () => {
  it('builds a body the contract accepts from complete rows', () => {
    const body = criteriaBody.parse(criteriaCandidate([row('技术先进性', '60', '路线'), row('可行性', '40')]));
    expect(body).toEqual({
      criteria: [
        { name: '技术先进性', description: '路线', weight: 60 },
        { name: '可行性', description: '', weight: 40 },
      ],
    });
  });

  it('lets the contract name the missing or invalid fields by their paths', () => {
    const result = criteriaBody.safeParse(criteriaCandidate([row('', '60'), row('可行性', 'abc')]));
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((i) => i.path.join('.'));
    expect(paths).toContain('criteria.0.name');
    expect(paths).toContain('criteria.1.weight');
  });
});

describe('criteriaPaths', () => {
  it('lists every row field, then the list itself (so a row error is not taken by the list)', () => {
    expect(criteriaPaths([row('a', '1')])).toEqual(['criteria.0.name', 'criteria.0.description', 'criteria.0.weight', 'criteria']);
  });
});

describe('criteriaChanged', () => {
  it('is false for untouched rows, saved or empty', () => {
    expect(criteriaChanged(criteriaValues(saved), saved)).toBe(false);
    expect(criteriaChanged(criteriaValues([]), [])).toBe(false);
  });

  it('notices edits, added and removed rows', () => {
    const rows = criteriaValues(saved);
    rows[1]!.weight = '30';
    expect(criteriaChanged(rows, saved)).toBe(true);
    expect(criteriaChanged([...criteriaValues(saved), emptyCriterion()], saved)).toBe(true);
    expect(criteriaChanged(criteriaValues(saved).slice(1), saved)).toBe(true);
    expect(criteriaChanged([row('新指标', '')], [])).toBe(true);
  });
});
