CREATE TABLE "contract_parties" (
	"contract_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"role" text NOT NULL,
	"signed_by" uuid,
	"signed_at" timestamp with time zone,
	CONSTRAINT "contract_parties_contract_id_organisation_id_pk" PRIMARY KEY("contract_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "contracts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"award_id" uuid NOT NULL,
	"bid_id" uuid NOT NULL,
	"challenge_id" uuid NOT NULL,
	"publisher_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"status" text DEFAULT 'drafted' NOT NULL,
	"title" text NOT NULL,
	"amount_yuan" bigint NOT NULL,
	"enterprise_funds_yuan" bigint NOT NULL,
	"subsidy_yuan" bigint NOT NULL,
	"first_tranche_yuan" bigint DEFAULT 0 NOT NULL,
	"paid_yuan" bigint DEFAULT 0 NOT NULL,
	"criteria" jsonb NOT NULL,
	"signed_at" timestamp with time zone,
	"registration_no" text,
	"registered_on" date,
	"registered_by" uuid,
	"broker_name" text,
	"broker_user_id" uuid,
	"broker_introduced_on" date,
	"grade" text,
	"acceptance_report" text,
	"completed_at" timestamp with time zone,
	"terminated_at" timestamp with time zone,
	"termination_reason" text,
	"termination_outcome" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contracts_award_bid_uq" UNIQUE("award_id","bid_id"),
	CONSTRAINT "contracts_paid_within_amount" CHECK ("contracts"."paid_yuan" >= 0 and "contracts"."paid_yuan" <= "contracts"."amount_yuan"),
	CONSTRAINT "contracts_split_sums" CHECK ("contracts"."enterprise_funds_yuan" + "contracts"."subsidy_yuan" = "contracts"."amount_yuan"),
	CONSTRAINT "contracts_first_tranche" CHECK ("contracts"."first_tranche_yuan" >= 0 and "contracts"."first_tranche_yuan" <= "contracts"."amount_yuan")
);
--> statement-breakpoint
CREATE TABLE "milestone_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"milestone_id" uuid NOT NULL,
	"text" text NOT NULL,
	"attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"submitted_by" uuid NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "milestone_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"milestone_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "milestone_reminders" (
	"milestone_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"due_on" date NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "milestone_reminders_milestone_id_kind_due_on_pk" PRIMARY KEY("milestone_id","kind","due_on")
);
--> statement-breakpoint
CREATE TABLE "milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"title" text NOT NULL,
	"deliverable" text NOT NULL,
	"due_month" smallint NOT NULL,
	"due_on" date,
	"tranche_yuan" bigint NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"overdue_since" date,
	"original_due_on" date,
	"extension_requested_on" date,
	"extension_request_reason" text,
	"extension_requested_by" uuid,
	"extension_declined_reason" text,
	"extension_reason" text,
	"extended_by" uuid,
	"extended_at" timestamp with time zone,
	"review_comment" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "milestones_contract_position_uq" UNIQUE("contract_id","position"),
	CONSTRAINT "milestones_tranche" CHECK ("milestones"."tranche_yuan" >= 0)
);
--> statement-breakpoint
CREATE TABLE "outcome_reports" (
	"contract_id" uuid NOT NULL,
	"months" smallint NOT NULL,
	"prompted_at" timestamp with time zone NOT NULL,
	"product" text,
	"revenue_yuan" bigint,
	"patents" integer,
	"note" text,
	"answered_by" uuid,
	"answered_at" timestamp with time zone,
	CONSTRAINT "outcome_reports_contract_id_months_pk" PRIMARY KEY("contract_id","months")
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_id" uuid NOT NULL,
	"milestone_id" uuid,
	"amount_yuan" bigint NOT NULL,
	"paid_on" date NOT NULL,
	"confirmed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payments_positive" CHECK ("payments"."amount_yuan" > 0)
);
--> statement-breakpoint
ALTER TABLE "contract_parties" ADD CONSTRAINT "contract_parties_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_parties" ADD CONSTRAINT "contract_parties_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_parties" ADD CONSTRAINT "contract_parties_signed_by_users_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_award_id_award_decisions_id_fk" FOREIGN KEY ("award_id") REFERENCES "public"."award_decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_bid_id_bids_id_fk" FOREIGN KEY ("bid_id") REFERENCES "public"."bids"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_challenge_id_challenges_id_fk" FOREIGN KEY ("challenge_id") REFERENCES "public"."challenges"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_publisher_id_organisations_id_fk" FOREIGN KEY ("publisher_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_team_id_organisations_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_registered_by_users_id_fk" FOREIGN KEY ("registered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_broker_user_id_users_id_fk" FOREIGN KEY ("broker_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone_evidence" ADD CONSTRAINT "milestone_evidence_milestone_id_milestones_id_fk" FOREIGN KEY ("milestone_id") REFERENCES "public"."milestones"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone_evidence" ADD CONSTRAINT "milestone_evidence_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone_files" ADD CONSTRAINT "milestone_files_milestone_id_milestones_id_fk" FOREIGN KEY ("milestone_id") REFERENCES "public"."milestones"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone_files" ADD CONSTRAINT "milestone_files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone_reminders" ADD CONSTRAINT "milestone_reminders_milestone_id_milestones_id_fk" FOREIGN KEY ("milestone_id") REFERENCES "public"."milestones"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestones" ADD CONSTRAINT "milestones_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestones" ADD CONSTRAINT "milestones_extension_requested_by_users_id_fk" FOREIGN KEY ("extension_requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestones" ADD CONSTRAINT "milestones_extended_by_users_id_fk" FOREIGN KEY ("extended_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_reports" ADD CONSTRAINT "outcome_reports_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_reports" ADD CONSTRAINT "outcome_reports_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_milestone_id_milestones_id_fk" FOREIGN KEY ("milestone_id") REFERENCES "public"."milestones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contract_parties_org_idx" ON "contract_parties" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "contracts_status_idx" ON "contracts" USING btree ("status","signed_at");--> statement-breakpoint
CREATE INDEX "contracts_team_idx" ON "contracts" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "contracts_publisher_idx" ON "contracts" USING btree ("publisher_id");--> statement-breakpoint
CREATE INDEX "milestone_evidence_milestone_idx" ON "milestone_evidence" USING btree ("milestone_id","submitted_at");--> statement-breakpoint
CREATE INDEX "milestone_files_milestone_idx" ON "milestone_files" USING btree ("milestone_id");--> statement-breakpoint
CREATE INDEX "milestones_due_idx" ON "milestones" USING btree ("status","due_on");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_one_per_milestone" ON "payments" USING btree ("milestone_id") WHERE "payments"."milestone_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "payments_one_first_tranche" ON "payments" USING btree ("contract_id") WHERE "payments"."milestone_id" is null;