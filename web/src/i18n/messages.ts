import type { zhCN } from './zh-CN';

/** Every message key; zh-CN is the reference dictionary. */
export type MessageKey = keyof typeof zhCN;
export type Messages = Record<MessageKey, string>;
