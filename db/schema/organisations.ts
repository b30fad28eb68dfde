import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { InstitutionKind, OrganisationKind, VerificationState } from '../../shared/roles';

export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').$type<OrganisationKind>().notNull(),
    name: text('name').notNull(),
    /** 统一社会信用代码: required for enterprises, unique when present. */
    creditCode: text('credit_code').unique(),
    industry: text('industry'),
    district: text('district'),
    institution: text('institution'),
    institutionKind: text('institution_kind').$type<InstitutionKind>(),
    researchFields: text('research_fields').array().notNull().default(sql`'{}'::text[]`),
    description: text('description').notNull().default(''),
    verification: text('verification').$type<VerificationState>().notNull().default('pending'),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    verifiedBy: uuid('verified_by'),
    rejectionReason: text('rejection_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('organisations_verification_idx').on(t.verification, t.createdAt)],
);
