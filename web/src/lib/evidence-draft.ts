/**
 * A milestone's evidence (节点材料) as the team is writing it, kept on the device until it is
 * submitted: a professor writing the report at night loses nothing to a closed tab or an
 * expired session. Files are uploaded as they are chosen, so the draft keeps their ids too.
 */
import { z } from 'zod';
import type { EditedFile } from './attachments';
import type { DraftStore } from './scoring-form';

export type { DraftStore };

const draftSchema = z.object({
  v: z.literal(1),
  savedAt: z.string(),
  text: z.string().max(20_000),
  files: z.array(z.object({ id: z.string(), fileName: z.string(), sizeBytes: z.number().int().min(0) })).max(50),
});
export type EvidenceDraft = z.output<typeof draftSchema>;

export const evidenceDraftKey = (milestoneId: string) => `jiebang.evidence.${milestoneId}`;

export function isBlankEvidence(text: string, files: readonly EditedFile[]): boolean {
  return text.trim() === '' && files.length === 0;
}

/** A stored draft, or null when there is none or it is not one (another version, hand-edited). */
export function parseEvidenceDraft(stored: string | null): EvidenceDraft | null {
  if (!stored) return null;
  try {
    const parsed = draftSchema.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

// Storage can throw (private browsing, quota): the form keeps working, only the draft is not kept.

export function loadEvidenceDraft(store: DraftStore, milestoneId: string): EvidenceDraft | null {
  try {
    return parseEvidenceDraft(store.getItem(evidenceDraftKey(milestoneId)));
  } catch {
    return null;
  }
}

/** Keeps what was typed and uploaded (an empty form removes the draft); false when storage refused. */
export function storeEvidenceDraft(store: DraftStore, milestoneId: string, text: string, files: readonly EditedFile[], now: Date): boolean {
  try {
    if (isBlankEvidence(text, files)) store.removeItem(evidenceDraftKey(milestoneId));
    else {
      const draft: EvidenceDraft = { v: 1, savedAt: now.toISOString(), text, files: files.map(({ id, fileName, sizeBytes }) => ({ id, fileName, sizeBytes })) };
      store.setItem(evidenceDraftKey(milestoneId), JSON.stringify(draft));
    }
    return true;
  } catch {
    return false;
  }
}

export function clearEvidenceDraft(store: DraftStore, milestoneId: string): void {
  try {
    store.removeItem(evidenceDraftKey(milestoneId));
  } catch {
    // A draft that cannot be removed could not have been stored either.
  }
}
