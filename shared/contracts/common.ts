import { z } from 'zod';

export const uuid = z.uuid();
export const idParams = z.object({ id: z.uuid() });
export const okBody = z.object({ ok: z.literal(true) });
/** Trimmed, non-empty, bounded text: the default for any name a person types. */
export const text = (max: number) => z.string().trim().min(1).max(max);
export const isoDateTime = z.string();
