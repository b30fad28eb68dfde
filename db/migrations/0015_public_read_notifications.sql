-- Each API process caches what anonymous readers get from the public list, search and a
-- challenge's page (server/modules/challenges/public-reads.ts). These triggers tell every
-- process what changed, on channel public_reads, when the change commits:
--   'c:<id>'  a public, not directed challenge's row (in the list: every list, and its page)
--   'd:<id>'  what only a challenge's page shows: questions, documents, joint publishers, invited teams
--   '*'       something shown everywhere: an organisation's name, a batch; or a table truncated
-- Keep the states in step with publicStates (shared/lifecycles/challenge.ts).
CREATE FUNCTION public_reads_challenge_changed() RETURNS trigger AS $$
BEGIN
  IF (TG_OP <> 'INSERT' AND OLD.status IN ('published', 'closed', 'unfilled') AND NOT OLD.directed)
     OR (TG_OP <> 'DELETE' AND NEW.status IN ('published', 'closed', 'unfilled') AND NOT NEW.directed) THEN
    PERFORM pg_notify('public_reads', 'c:' || CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER public_reads_challenge_changed AFTER INSERT OR UPDATE OR DELETE ON challenges FOR EACH ROW EXECUTE FUNCTION public_reads_challenge_changed();
--> statement-breakpoint
CREATE FUNCTION public_reads_page_changed() RETURNS trigger AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM pg_notify('public_reads', 'd:' || OLD.challenge_id);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM pg_notify('public_reads', 'd:' || NEW.challenge_id);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER public_reads_question_changed AFTER INSERT OR UPDATE OR DELETE ON challenge_questions FOR EACH ROW EXECUTE FUNCTION public_reads_page_changed();
--> statement-breakpoint
CREATE TRIGGER public_reads_attachment_changed AFTER INSERT OR UPDATE OR DELETE ON challenge_attachments FOR EACH ROW EXECUTE FUNCTION public_reads_page_changed();
--> statement-breakpoint
CREATE TRIGGER public_reads_joint_publisher_changed AFTER INSERT OR UPDATE OR DELETE ON challenge_joint_publishers FOR EACH ROW EXECUTE FUNCTION public_reads_page_changed();
--> statement-breakpoint
CREATE TRIGGER public_reads_invited_team_changed AFTER INSERT OR UPDATE OR DELETE ON challenge_invited_teams FOR EACH ROW EXECUTE FUNCTION public_reads_page_changed();
--> statement-breakpoint
CREATE FUNCTION public_reads_all_changed() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify('public_reads', '*');
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER public_reads_organisation_renamed AFTER UPDATE OF name ON organisations FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION public_reads_all_changed();
--> statement-breakpoint
CREATE TRIGGER public_reads_batch_changed AFTER UPDATE OR DELETE ON batches FOR EACH STATEMENT EXECUTE FUNCTION public_reads_all_changed();
--> statement-breakpoint
CREATE TRIGGER public_reads_truncated AFTER TRUNCATE ON challenges FOR EACH STATEMENT EXECUTE FUNCTION public_reads_all_changed();
--> statement-breakpoint
CREATE TRIGGER public_reads_truncated AFTER TRUNCATE ON organisations FOR EACH STATEMENT EXECUTE FUNCTION public_reads_all_changed();
--> statement-breakpoint
CREATE TRIGGER public_reads_truncated AFTER TRUNCATE ON batches FOR EACH STATEMENT EXECUTE FUNCTION public_reads_all_changed();
--> statement-breakpoint
CREATE TRIGGER public_reads_truncated AFTER TRUNCATE ON challenge_questions FOR EACH STATEMENT EXECUTE FUNCTION public_reads_all_changed();
--> statement-breakpoint
CREATE TRIGGER public_reads_truncated AFTER TRUNCATE ON challenge_attachments FOR EACH STATEMENT EXECUTE FUNCTION public_reads_all_changed();
--> statement-breakpoint
CREATE TRIGGER public_reads_truncated AFTER TRUNCATE ON challenge_joint_publishers FOR EACH STATEMENT EXECUTE FUNCTION public_reads_all_changed();
--> statement-breakpoint
CREATE TRIGGER public_reads_truncated AFTER TRUNCATE ON challenge_invited_teams FOR EACH STATEMENT EXECUTE FUNCTION public_reads_all_changed();
