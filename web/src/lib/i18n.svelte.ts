import type {
  InstitutionKind,
  Locale,
  OrganisationKind,
  Role,
  VerificationState,
} from '../../../shared/roles';
import { locale as localeSchema } from '../../../shared/roles';
import type { IpTerms } from '../../../shared/contracts/challenges';
import type { ChallengeEvent, ChallengeState } from '../../../shared/lifecycles/challenge';
import { industryChains } from '../../../shared/taxonomy/industry-chains';
import { industries, type IndustryCode } from '../../../shared/taxonomy/industries';
import { dictionaries, type MessageKey } from '../i18n';
import { chineseNumeral } from './batch-title';
import type { TimeLeft } from './deadline';
import { formatWan } from './money';

export type { MessageKey };
export type MessageParams = Record<string, string | number>;

const storageKey = 'jiebang.locale';
export const defaultLocale: Locale = 'zh-CN';

function storedLocale(): Locale | null {
  try {
    const parsed = localeSchema.safeParse(localStorage.getItem(storageKey));
    return parsed.success ? parsed.data : null;
  } catch {
    // localStorage throws in some private-browsing modes; the default language still works.
    return null;
  }
}

class I18n {
  /** What the visitor chose on this device, if anything; it wins over the account's locale. */
  chosen: Locale | null = storedLocale();
  current = $state<Locale>(this.chosen ?? defaultLocale);

  constructor() {
    this.#applyToDocument();
  }

  set(locale: Locale, remember = true) {
    this.current = locale;
    if (remember) {
      this.chosen = locale;
      try {
        localStorage.setItem(storageKey, locale);
      } catch {
        // Not remembered across visits, but the switch still applies now.
      }
    }
    this.#applyToDocument();
  }

  #applyToDocument() {
    document.documentElement.lang = this.current;
  }
}

export const i18n = new I18n();

/** The message for `key` in the current language, with `{name}` placeholders filled. */
export function t(key: MessageKey, params?: MessageParams): string {
  const message = dictionaries[i18n.current][key];
  if (!params) return message;
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** For keys built at run time (e.g. `errors.${code}` from the server). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(dictionaries[defaultLocale], key);
}

export const roleLabel = (role: Role) => t(`role.${role}`);
export const organisationKindLabel = (kind: OrganisationKind) => t(`organisationKind.${kind}`);
export const verificationLabel = (state: VerificationState) => t(`verification.${state}`);
export const institutionKindLabel = (kind: InstitutionKind) => t(`institutionKind.${kind}`);
export const transportLabel = (transport: 'store' | 'smtp') => t(`transport.${transport}`);

export const challengeStateLabel = (state: ChallengeState) => t(`challengeState.${state}`);
export const challengeEventLabel = (event: ChallengeEvent) => t(`challengeEvent.${event}`);
export const ipTermsLabel = (terms: IpTerms) => t(`ipTerms.${terms}`);

/** Yuan shown in 万元: 1500000 → "150 万元". */
export function formatMoney(yuan: number | null | undefined): string {
  if (yuan === null || yuan === undefined) return t('common.none');
  return t('money.wan', { amount: formatWan(yuan) });
}

/** "2026年第一批" in Chinese (numerals 1–99), "2026 · Batch 1" in English. */
export function batchTitle(year: number, number: number): string {
  return t('batch.title', { year, number: i18n.current === 'zh-CN' ? chineseNumeral(number) : number });
}

/** "还剩 12 天", "还剩 5 小时", "已截止". */
export function timeLeftLabel(left: TimeLeft): string {
  switch (left.kind) {
    case 'days':
      return t('deadline.daysLeft', { days: left.days });
    case 'hours':
      return t('deadline.hoursLeft', { hours: left.hours });
    case 'passed':
      return t('deadline.passed');
    default:
      return t('common.none');
  }
}

/** An industry chain segment's label from shared/taxonomy/industry-chains.ts. */
export function industryChainLabel(industry: string | null, chain: string | null): string {
  if (!chain) return t('common.none');
  const all = industry && Object.hasOwn(industryChains, industry) ? industryChains[industry as IndustryCode] : Object.values(industryChains).flat();
  const found = all.find((c) => c.code === chain);
  if (!found) return chain;
  return i18n.current === 'zh-CN' ? found.zh : found.en;
}

/** Industry labels live with the taxonomy in shared/, in both languages. */
export function industryLabel(code: string | null): string {
  if (!code) return t('common.none');
  const industry = industries.find((i) => i.code === code);
  if (!industry) return code;
  return i18n.current === 'zh-CN' ? industry.zh : industry.en;
}

export function joinList(items: readonly string[]): string {
  return items.length ? items.join(t('common.listSeparator')) : t('common.none');
}

export function formatDateTime(iso: string | null): string {
  if (!iso) return t('common.none');
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(i18n.current, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

export function formatDate(iso: string | null): string {
  if (!iso) return t('common.none');
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(i18n.current, { dateStyle: 'long' }).format(date);
}
