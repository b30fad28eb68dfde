CREATE INDEX "challenges_public_published_idx" ON "challenges" USING btree ("published_at","id") WHERE status in ('published', 'closed', 'unfilled');--> statement-breakpoint
CREATE INDEX "challenges_public_deadline_idx" ON "challenges" USING btree ("deadline","id") WHERE status in ('published', 'closed', 'unfilled');--> statement-breakpoint
CREATE INDEX "challenges_public_bounty_idx" ON "challenges" USING btree ("bounty_yuan","id") WHERE status in ('published', 'closed', 'unfilled');--> statement-breakpoint
CREATE INDEX "challenges_submitted_idx" ON "challenges" USING btree ("submitted_at","id","published_at");--> statement-breakpoint
CREATE INDEX "challenges_published_idx" ON "challenges" USING btree ("published_at","submitted_at");--> statement-breakpoint
CREATE INDEX "challenges_closed_idx" ON "challenges" USING btree ("status",coalesce("closed_at", "deadline"),"id","published_at","closed_at","deadline","industry");--> statement-breakpoint
CREATE INDEX "contracts_signed_idx" ON "contracts" USING btree ("signed_at","status","created_at","award_id","challenge_id","publisher_id","team_id","amount_yuan","subsidy_yuan","enterprise_funds_yuan","broker_name");--> statement-breakpoint
CREATE INDEX "contracts_completed_idx" ON "contracts" USING btree ("completed_at","signed_at","challenge_id");--> statement-breakpoint
CREATE INDEX "payments_paid_on_idx" ON "payments" USING btree ("paid_on","amount_yuan");