import { describe, expect, it } from 'vitest';
import { clearEvidenceDraft, evidenceDraftKey, loadEvidenceDraft, parseEvidenceDraft, storeEvidenceDraft, type DraftStore } from './evidence-draft';

function memory(): DraftStore & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v), removeItem: (k) => void map.delete(k) };
}

const file = { id: '7f1d2c3a-0000-4000-8000-000000000001', fileName: '中期报告.pdf', sizeBytes: 2048, createdAt: '2026-01-01T00:00:00Z' };

describe('evidence drafts', () => {
  it('keeps the text and the uploaded files per milestone until cleared', () => {
    const store = memory();
    expect(storeEvidenceDraft(store, 'm1', '已完成样机测试', [file], new Date('2026-05-01T22:30:00Z'))).toBe(true);
    const draft = loadEvidenceDraft(store, 'm1');
    expect(draft?.text).toBe('已完成样机测试');
    expect(draft?.files).toEqual([{ id: file.id, fileName: file.fileName, sizeBytes: 2048 }]);
    expect(draft?.savedAt).toBe('2026-05-01T22:30:00.000Z');
    expect(loadEvidenceDraft(store, 'm2')).toBeNull();
    clearEvidenceDraft(store, 'm1');
    expect(loadEvidenceDraft(store, 'm1')).toBeNull();
  });

  it('removes the draft when the form is emptied', () => {
    const store = memory();
    storeEvidenceDraft(store, 'm1', 'x', [], new Date());
    storeEvidenceDraft(store, 'm1', '  ', [], new Date());
    expect(store.map.has(evidenceDraftKey('m1'))).toBe(false);
  });

  it('ignores what is not a draft and survives storage that throws', () => {
    expect(parseEvidenceDraft('{')).toBeNull();
    expect(parseEvidenceDraft(JSON.stringify({ v: 2, text: 'x' }))).toBeNull();
    const broken: DraftStore = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
      removeItem: () => {
        throw new Error('denied');
      },
    };
    expect(loadEvidenceDraft(broken, 'm1')).toBeNull();
    expect(storeEvidenceDraft(broken, 'm1', 'x', [], new Date())).toBe(false);
    expect(() => clearEvidenceDraft(broken, 'm1')).not.toThrow();
  });
});
