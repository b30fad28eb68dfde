/** The API's limit on one attachment (the server answers 413 above it). */
export const maxAttachmentBytes = 20 * 1024 * 1024;

/**
 * What the file chooser offers: PDF, images and Office documents, as the server accepts. The
 * server decides from the content, not the name; this only spares users an upload that will
 * be refused.
 */
export const attachmentExtensions = ['.pdf', '.png', '.jpg', '.jpeg', '.gif', '.webp', '.doc', '.docx', '.xls', '.xlsx', '.ppt', '.pptx'] as const;
export const attachmentAccept = attachmentExtensions.join(',');

export type AttachmentProblem = 'tooLarge' | 'unsupported' | 'empty';

export function attachmentProblem(file: { name: string; size: number }): AttachmentProblem | null {
  if (file.size === 0) return 'empty';
  if (file.size > maxAttachmentBytes) return 'tooLarge';
  const name = file.name.toLowerCase();
  if (!attachmentExtensions.some((ext) => name.endsWith(ext))) return 'unsupported';
  return null;
}

/** 1536 → "1.5 KB"; sizes are shown the same way in both languages. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value >= 10 ? Math.round(value) : Math.round(value * 10) / 10} ${units[unit]}`;
}

/** What lists and editors show of a file; a bid's files carry no upload time. */
export interface EditedFile {
  id: string;
  fileName: string;
  sizeBytes: number;
  createdAt?: string;
}

/** Where an editor's files go: a challenge's or a bid's. */
export interface FileOwner {
  upload(file: File, onProgress: (fraction: number) => void): Promise<EditedFile>;
  remove(attachmentId: string): Promise<unknown>;
  href(attachmentId: string): string;
}
