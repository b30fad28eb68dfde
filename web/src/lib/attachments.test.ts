import { describe, expect, it } from 'vitest';
import { attachmentProblem, formatBytes, maxAttachmentBytes } from './attachments';

describe('attachmentProblem', () => {
  it('accepts PDF, images and Office documents up to 20 MB', () => {
    for (const name of ['任务书.pdf', 'photo.JPG', 'plan.docx', 'budget.xlsx', 'talk.pptx', 'scan.png']) {
      expect(attachmentProblem({ name, size: 1000 })).toBeNull();
    }
    expect(attachmentProblem({ name: 'a.pdf', size: maxAttachmentBytes })).toBeNull();
  });

  it('refuses what the server would refuse anyway', () => {
    expect(attachmentProblem({ name: 'a.pdf', size: maxAttachmentBytes + 1 })).toBe('tooLarge');
    expect(attachmentProblem({ name: 'setup.exe', size: 10 })).toBe('unsupported');
    expect(attachmentProblem({ name: 'notes.txt', size: 10 })).toBe('unsupported');
    expect(attachmentProblem({ name: 'a.pdf', size: 0 })).toBe('empty');
  });
});

describe('formatBytes', () => {
  it('uses the largest sensible unit', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(20 * 1024 * 1024)).toBe('20 MB');
    expect(formatBytes(3.25 * 1024 * 1024)).toBe('3.3 MB');
  });
});
