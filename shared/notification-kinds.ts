import { z } from 'zod';
import type { Locale } from './roles';

/**
 * Every in-app notification and e-mail is one of these kinds. Rows store the kind and its
 * params (ids and names only), and each reader renders them in its own language, so one
 * notification reads right for a zh-CN and an en user alike.
 */
export const notificationKinds = [
  'organisation_registered',
  'organisation_verified',
  'organisation_rejected',
  'member_joined',
] as const;
export const notificationKind = z.enum(notificationKinds);
export type NotificationKind = z.infer<typeof notificationKind>;

type Template = { title: string; body: string };
type Texts = Record<NotificationKind, Record<Locale, Template>>;

export const notificationTexts: Texts = {
  organisation_registered: {
    'zh-CN': { title: '新机构待审核：{organisation}', body: '{organisation} 已注册，请在“机构审核”中核验其资质。' },
    en: { title: 'New organisation to verify: {organisation}', body: '{organisation} has registered. Please verify it under Organisation verification.' },
  },
  organisation_verified: {
    'zh-CN': { title: '机构已通过审核', body: '{organisation} 已通过科技局审核，现在可以发榜或揭榜。' },
    en: { title: 'Organisation verified', body: '{organisation} has been verified by the bureau and may now publish challenges or bid.' },
  },
  organisation_rejected: {
    'zh-CN': { title: '机构审核未通过', body: '{organisation} 未通过审核。原因：{reason}。请修改后重新提交。' },
    en: { title: 'Organisation not verified', body: '{organisation} was not verified. Reason: {reason}. Please correct and resubmit.' },
  },
  member_joined: {
    'zh-CN': { title: '新成员加入', body: '{member} 已通过邀请加入 {organisation}。' },
    en: { title: 'New member joined', body: '{member} joined {organisation} by invitation.' },
  },
};

export function renderNotification(
  kind: NotificationKind,
  params: Record<string, string>,
  locale: Locale,
): Template {
  const fill = (s: string) => s.replace(/\{(\w+)\}/g, (_, k: string) => params[k] ?? '');
  const t = notificationTexts[kind][locale];
  return { title: fill(t.title), body: fill(t.body) };
}
