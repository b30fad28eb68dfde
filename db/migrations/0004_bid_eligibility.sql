ALTER TABLE "bids" ADD COLUMN "eligibility_reason" text;--> statement-breakpoint
ALTER TABLE "bids" ADD COLUMN "eligibility_checked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "bids" ADD COLUMN "eligibility_checked_by" uuid;--> statement-breakpoint
ALTER TABLE "bids" ADD CONSTRAINT "bids_eligibility_checked_by_users_id_fk" FOREIGN KEY ("eligibility_checked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;