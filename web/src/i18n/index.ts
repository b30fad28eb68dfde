import type { Locale } from '../../../shared/roles';
import { en } from './en';
import type { Messages } from './messages';
import { zhCN } from './zh-CN';

export type { MessageKey, Messages } from './messages';

/** One dictionary per locale in shared/roles.ts; adding a locale there fails the type here. */
export const dictionaries: Record<Locale, Messages> = { 'zh-CN': zhCN, en };

/** `{name}` placeholders in a message, sorted: both languages must use the same ones. */
export function placeholders(message: string): string[] {
  return [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
}
