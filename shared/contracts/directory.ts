import { z } from 'zod';
import { organisationKind } from '../roles';

/** Verified organisations by name, for picking joint publishers and invited teams. */
export const directoryQuery = z.object({
  kind: z.enum(['enterprise', 'team']),
  q: z.string().trim().max(50).default(''),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export const directoryEntry = z.object({ id: z.uuid(), name: z.string(), kind: organisationKind, district: z.string().nullable() });
export const directoryList = z.object({ items: z.array(directoryEntry) });
