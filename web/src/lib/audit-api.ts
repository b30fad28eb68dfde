import { auditList, type AuditEntityType, type AuditEntry, type AuditList } from '../../../shared/contracts/audit';
import { request } from './api';
import { i18n, isMessageKey, t } from './i18n.svelte';

export type { AuditEntityType, AuditEntry, AuditList };

/** Entries per page of the audit trail. */
export const auditPageSize = 20;

export const auditApi = {
  /** One record's entries, newest first; `before` is the previous page's `nextBefore`. */
  list: (entityType: AuditEntityType, entityId: string, before?: number) =>
    request('GET', '/api/audit', { query: { entityType, entityId, limit: auditPageSize, before }, response: auditList }),
};

/** The action's label from the i18n part's map, or the action as the server wrote it. */
export function auditActionLabel(action: string): string {
  const key = `audit.action.${action}`;
  return isMessageKey(key) ? t(key) : action;
}

const formats = new Map<string, Intl.DateTimeFormat>();
/**
 * The moment in China time (the bureau's), to the second, whatever the browser's zone:
 * an audit entry is compared with other records kept in Beijing time.
 */
export function formatChinaTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  let format = formats.get(i18n.current);
  if (!format) {
    format = new Intl.DateTimeFormat(i18n.current, {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formats.set(i18n.current, format);
  }
  return format.format(date);
}
