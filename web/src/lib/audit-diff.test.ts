import { describe, expect, it } from 'vitest';
import { auditChanges, auditValueText, truncated } from './audit-diff';

describe('auditChanges', () => {
  it('lists only the keys whose value changed, before first', () => {
    expect(auditChanges({ status: 'draft', version: 1, same: { a: [1, 2] } }, { status: 'submitted', version: 1, same: { a: [1, 2] }, sha256: 'ab' })).toEqual([
      { key: 'status', before: 'draft', after: 'submitted' },
      { key: 'sha256', before: null, after: 'ab' },
    ]);
  });

  it('treats a side that recorded nothing as empty, and absent the same as null', () => {
    expect(auditChanges(null, { teamId: 't1', note: null })).toEqual([{ key: 'teamId', before: null, after: 't1' }]);
    expect(auditChanges({ attachmentId: 'a1' }, null)).toEqual([{ key: 'attachmentId', before: 'a1', after: null }]);
    expect(auditChanges(null, undefined)).toEqual([]);
  });

  it('compares nested values deeply, whatever their key order', () => {
    expect(auditChanges({ split: { a: 1, b: 2 } }, { split: { b: 2, a: 1 } })).toEqual([]);
    expect(auditChanges({ split: { a: 1, b: 2 } }, { split: { a: 1, b: 3 } })).toEqual([{ key: 'split', before: { a: 1, b: 2 }, after: { a: 1, b: 3 } }]);
  });

  it('shows a scalar or list value as one unnamed change', () => {
    expect(auditChanges(7, '42')).toEqual([{ key: '', before: 7, after: '42' }]);
    expect(auditChanges(['a'], ['a'])).toEqual([]);
  });
});

describe('auditValueText', () => {
  it('shows strings as they are and anything else as JSON', () => {
    expect(auditValueText('已认证')).toBe('已认证');
    expect(auditValueText(42)).toBe('42');
    expect(auditValueText({ a: [1, true] })).toBe('{"a":[1,true]}');
    expect(auditValueText(null)).toBe('');
  });

  it('shortens long text with an ellipsis', () => {
    expect(truncated('x'.repeat(10), 5)).toBe('xxxx…');
    expect(truncated('xxx', 5)).toBe('xxx');
  });
});
