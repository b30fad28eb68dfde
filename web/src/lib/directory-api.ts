import type { z } from 'zod';
import { directoryList } from '../../../shared/contracts/directory';
import { request } from './api';

export type DirectoryEntry = z.output<typeof directoryList>['items'][number];

export const directoryApi = {
  /** Verified organisations by name, for picking joint publishers (enterprises) and invited teams. */
  search: (kind: 'enterprise' | 'team', q: string, limit = 20) =>
    request('GET', '/api/directory/organisations', { query: { kind, q, limit }, response: directoryList }),
};
