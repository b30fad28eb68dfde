import { describe, expect, it } from 'vitest';
import { resetTokenFrom } from './password-reset-api';

describe('resetTokenFrom', () => {
  it('reads the token from the link’s fragment', () => {
    expect(resetTokenFrom('#token=Zx9_3kQwErTy-uIoP1aSdFgHjKl2ZxCvBnM4qWeRtYu')).toBe('Zx9_3kQwErTy-uIoP1aSdFgHjKl2ZxCvBnM4qWeRtYu');
  });

  it('gives null for a missing, cut-off or tampered token', () => {
    for (const hash of ['', '#', '#token=', '#token=short', '#other=Zx9_3kQwErTy-uIoP1aSdFgHjKl2Zx', '#token=<script>alert(1)</script>xxxxxxxx']) {
      expect(resetTokenFrom(hash), hash).toBeNull();
    }
  });
});
