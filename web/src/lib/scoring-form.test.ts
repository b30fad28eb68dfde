import { describe, expect, it } from 'vitest';
import { scoreBody } from '../../../shared/contracts/reviews';
import {
  clearDraft,
  draftApplies,
  draftKey,
  emptyRow,
  isBlank,
  liveTotal,
  loadDraft,
  parseDraft,
  parseScore,
  rowsFor,
  scoreBodyFrom,
  scoringPaths,
  scoringProblems,
  serialiseDraft,
  sortAssignments,
  storeDraft,
  weighted,
  type DraftStore,
  type ScoreRow,
} from './scoring-form';

const criteria = [
  { id: '3f1b7c1e-7a39-4d55-9d5b-2a3f3c9a1f10', name: '技术先进性', weight: 45 },
  { id: '9a8e6c1e-7a39-4d55-9d5b-2a3f3c9a1f11', name: '团队实力', weight: 35 },
  { id: 'c2d46c1e-7a39-4d55-9d5b-2a3f3c9a1f12', name: '报价合理性', weight: 20 },
];

const row = (score: string, comment = '', shareable = false): ScoreRow => ({ score, comment, shareable });

class MemoryStore implements DraftStore {
  items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

class BrokenStore implements DraftStore {
  getItem(): string | null {
    throw new Error('SecurityError');
  }
  setItem() {
    throw new Error('QuotaExceededError');
  }
  removeItem() {
    throw new Error('SecurityError');
  }
}

describe('parseScore', () => {
  it('reads whole numbers 0–10', () => {
    expect(parseScore('0')).toBe(0);
    expect(parseScore(' 7 ')).toBe(7);
    expect(parseScore('10')).toBe(10);
  });

  it('refuses anything else', () => {
    for (const text of ['', ' ', '11', '-1', '7.5', '7,5', 'abc', '100', '1e1']) expect(parseScore(text)).toBeNull();
  });
});

describe('scoringProblems', () => {
  it('names missing and out-of-range scores and over-long comments by row', () => {
    const rows = [row(''), row('12'), row('8', 'x'.repeat(1001))];
    expect(scoringProblems(rows)).toEqual([
      { index: 0, field: 'score', kind: 'required' },
      { index: 1, field: 'score', kind: 'range' },
      { index: 2, field: 'comment', kind: 'tooLong' },
    ]);
  });

  it('counts the comment after trimming, as the server does', () => {
    expect(scoringProblems([row('5', `  ${'x'.repeat(1000)}  `)])).toEqual([]);
  });
});

describe('scoreBodyFrom', () => {
  it('gives every criterion once, in order, with trimmed comments, valid for the shared schema', () => {
    const body = scoreBodyFrom(criteria, [row('8', ' 路线清晰 ', true), row('6'), row('10', '', false)]);
    expect(body).toEqual({
      scores: [
        { criterionId: criteria[0]!.id, score: 8, comment: '路线清晰', shareable: true },
        { criterionId: criteria[1]!.id, score: 6, comment: '', shareable: false },
        { criterionId: criteria[2]!.id, score: 10, comment: '', shareable: false },
      ],
    });
    expect(scoreBody.safeParse(body).success).toBe(true);
  });

  it('is null while a score is missing or the rows do not match the criteria', () => {
    expect(scoreBodyFrom(criteria, [row('8'), row(''), row('10')])).toBeNull();
    expect(scoreBodyFrom(criteria, [row('8'), row('6')])).toBeNull();
    expect(scoreBodyFrom([], [])).toBeNull();
  });
});

describe('liveTotal', () => {
  it('is Σ score × weight / 10 on 0–100 over the valid scores typed so far', () => {
    expect(liveTotal(criteria, [row('8'), row('6'), row('10')])).toEqual({ total: 36 + 21 + 20, scored: 3 });
    expect(liveTotal(criteria, [row('7'), row(''), row('x')])).toEqual({ total: 31.5, scored: 1 });
    expect(liveTotal(criteria, [row('10'), row('10'), row('10')]).total).toBe(100);
  });

  it('has no float noise', () => {
    const c = [
      { id: 'a', name: 'a', weight: 33 },
      { id: 'b', name: 'b', weight: 33 },
      { id: 'c', name: 'c', weight: 34 },
    ];
    expect(liveTotal(c, [row('7'), row('7'), row('3')]).total).toBe(56.4);
  });

  it('shows each criterion’s share', () => {
    expect(weighted(45, '7')).toBe(31.5);
    expect(weighted(45, '')).toBeNull();
  });
});

describe('scoringPaths', () => {
  it('lists each row’s inputs before the whole list', () => {
    expect(scoringPaths(2)).toEqual(['scores.0.score', 'scores.0.comment', 'scores.1.score', 'scores.1.comment', 'scores']);
  });
});

describe('drafts', () => {
  const now = new Date('2026-03-02T22:15:00Z');

  it('round-trips the rows by criterion id', () => {
    const rows = [row('8', '很好', true), row('', '待定'), emptyRow()];
    const draft = parseDraft(serialiseDraft(criteria, rows, now));
    expect(draft?.savedAt).toBe(now.toISOString());
    expect(rowsFor(criteria, draft)).toEqual(rows);
  });

  it('follows the criterion, not the position, when the criteria were reordered', () => {
    const draft = parseDraft(serialiseDraft(criteria, [row('1'), row('2'), row('3')], now));
    const reordered = [criteria[2]!, criteria[0]!, criteria[1]!];
    expect(rowsFor(reordered, draft).map((r) => r.score)).toEqual(['3', '1', '2']);
  });

  it('ignores what is not a draft', () => {
    for (const text of [null, '', '{', '[]', '{"v":2,"savedAt":"x","rows":{}}', '{"v":1,"savedAt":"x","rows":{"a":{"score":5}}}']) {
      expect(parseDraft(text)).toBeNull();
    }
  });

  it('applies only when it holds something for these criteria', () => {
    const draft = parseDraft(serialiseDraft(criteria, [row('8'), emptyRow(), emptyRow()], now));
    expect(draftApplies(criteria, draft)).toBe(true);
    expect(draftApplies([{ id: 'other', name: 'x', weight: 100 }], draft)).toBe(false);
    expect(draftApplies(criteria, null)).toBe(false);
  });

  it('is stored per assignment, removed when the form is blank, and cleared', () => {
    const store = new MemoryStore();
    expect(storeDraft(store, 'a1', criteria, [row('8'), emptyRow(), emptyRow()], now)).toBe(true);
    expect(store.items.has(draftKey('a1'))).toBe(true);
    expect(loadDraft(store, 'a1')?.rows[criteria[0]!.id]?.score).toBe('8');
    expect(loadDraft(store, 'a2')).toBeNull();

    storeDraft(store, 'a1', criteria, [emptyRow(), emptyRow(), emptyRow()], now);
    expect(store.items.has(draftKey('a1'))).toBe(false);

    storeDraft(store, 'a1', criteria, [row('3'), emptyRow(), emptyRow()], now);
    clearDraft(store, 'a1');
    expect(loadDraft(store, 'a1')).toBeNull();
  });

  it('never throws when storage refuses', () => {
    const store = new BrokenStore();
    expect(storeDraft(store, 'a1', criteria, [row('8'), emptyRow(), emptyRow()], now)).toBe(false);
    expect(loadDraft(store, 'a1')).toBeNull();
    expect(() => clearDraft(store, 'a1')).not.toThrow();
  });

  it('treats whitespace as blank', () => {
    expect(isBlank([row(' ', ' ')])).toBe(true);
    expect(isBlank([row('', '', true)])).toBe(false);
  });
});

describe('sortAssignments', () => {
  it('puts open assignments first, then scored, then recused, newest first within each', () => {
    const items = [
      { id: 's-old', status: 'scored' as const, assignedAt: '2026-03-01T08:00:00Z' },
      { id: 'r', status: 'recused' as const, assignedAt: '2026-03-05T08:00:00Z' },
      { id: 'a-old', status: 'assigned' as const, assignedAt: '2026-03-01T08:00:00Z' },
      { id: 's-new', status: 'scored' as const, assignedAt: '2026-03-04T08:00:00Z' },
      { id: 'a-new', status: 'assigned' as const, assignedAt: '2026-03-03T08:00:00+08:00' },
    ];
    expect(sortAssignments(items).map((i) => i.id)).toEqual(['a-new', 'a-old', 's-new', 's-old', 'r']);
    expect(items[0]!.id).toBe('s-old');
  });
});
