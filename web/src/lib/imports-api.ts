import { importList, importView, matchRowProblem, type ImportKind, type ImportRowError, type ImportSummary, type ImportView } from '../../../shared/contracts/imports';
import { request, upload } from './api';
import { isMessageKey, t } from './i18n.svelte';

export type { ImportKind, ImportRowError, ImportSummary, ImportView };

/** What the file chooser offers; the server decides from the content. */
export const importAccept = '.xlsx,.csv';

export const templateHref = (kind: ImportKind) => `/api/imports/template?kind=${kind}`;

/** Statuses after which an import changes no more: polling stops. */
export const isFinished = (i: Pick<ImportSummary, 'status'>) => i.status === 'done' || i.status === 'failed';

/** Uploads an import file; `kind` goes first in the form, as the server streams the file to storage. */
function uploadImport(kind: ImportKind, file: File, onProgress: (fraction: number) => void, signal?: AbortSignal): Promise<ImportView> {
  return upload('/api/imports', file, { response: importView, fields: { kind }, onProgress, signal });
}

export const importsApi = {
  list: () => request('GET', '/api/imports', { response: importList }),
  get: (id: string) => request('GET', `/api/imports/${encodeURIComponent(id)}`, { response: importView }),
  upload: uploadImport,
};

/** A row problem in the user's language: the server's English template recognised and translated, else as sent. */
export function rowErrorMessage(message: string): string {
  const found = matchRowProblem(message);
  if (!found) return message;
  const key = `imports.problem.${found.problem}`;
  if (!isMessageKey(key)) return message;
  return t(key, found.params);
}
