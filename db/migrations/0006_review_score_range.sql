-- Custom migration (drizzle-kit generate --custom).
-- Scores are 0–10 per criterion and weights 1–100: guarded in the database as well.
ALTER TABLE review_scores ADD CONSTRAINT review_scores_range CHECK (score BETWEEN 0 AND 10);
--> statement-breakpoint
ALTER TABLE review_criteria ADD CONSTRAINT review_criteria_weight_range CHECK (weight BETWEEN 1 AND 100);
