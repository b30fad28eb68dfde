import type { InstitutionKind, Role } from '../../../shared/roles';
import type { IndustryCode } from '../../../shared/taxonomy/industries';

/**
 * Shapes of the demo data set. The data modules hold plain values only; the seed steps
 * that write them to the database (users, organisations, memberships) live elsewhere and
 * refer to organisations by `key`, which is why keys are short ASCII slugs that never change.
 */

/** The districts and county-level units of 扬州市 that enterprises are registered in. */
export const yangzhouDistricts = [
  '广陵区',
  '邗江区',
  '江都区',
  '仪征市',
  '高邮市',
  '宝应县',
  '扬州经济技术开发区',
  '生态科技新城',
] as const;
export type YangzhouDistrict = (typeof yangzhouDistricts)[number];

export interface SeedPerson {
  readonly name: string;
  /** Lower-case; it is the log-in name. */
  readonly email: string;
  /** 11-digit mainland mobile number. */
  readonly phone?: string;
  readonly title?: string;
}

export interface SeedEnterprise {
  readonly key: string;
  readonly name: string;
  /** 统一社会信用代码 (GB 32100-2015), always passing the check character. */
  readonly creditCode: string;
  readonly industry: IndustryCode;
  readonly district: YangzhouDistrict;
  readonly description: string;
  /** The first member is the manager (can_manage). */
  readonly members: readonly SeedPerson[];
}

export interface SeedTeam {
  readonly key: string;
  readonly name: string;
  readonly institution: string;
  readonly institutionKind: InstitutionKind;
  /** A Yangzhou district for local teams, otherwise the city (南京市, 无锡市, …). */
  readonly district: string;
  readonly researchFields: readonly string[];
  readonly description: string;
  /** The first member is the team lead (can_manage). */
  readonly members: readonly SeedPerson[];
}

export type BureauRole = Extract<Role, 'official' | 'expert' | 'admin'>;

export interface SeedBureauPerson {
  readonly name: string;
  readonly email: string;
  readonly phone?: string;
  readonly title: string;
  readonly role: BureauRole;
  /** Experts only: the fields they review in. */
  readonly expertise?: string;
  /** Experts only: their employer, used by conflict-of-interest (回避) checks. */
  readonly affiliation?: string;
}

export interface SeedBureau {
  readonly key: string;
  readonly name: string;
  readonly district: string;
  readonly description: string;
}

/** One line the launcher prints at start-up so a demo user knows whom to log in as. */
export interface DemoLogin {
  readonly role: Role;
  /** What the account is for, in Chinese, e.g. 发榜企业负责人. */
  readonly label: string;
  readonly name: string;
  readonly email: string;
  readonly organisation: string;
}
