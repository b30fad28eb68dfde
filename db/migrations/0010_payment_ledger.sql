-- The payment ledger is append-only, and each row adds to its contract's paid total in the
-- same statement: the contracts CHECK (paid_yuan <= amount_yuan) then refuses any payment
-- that would overpay, and concurrent payments serialise on the contract row.
CREATE FUNCTION payments_add_to_paid() RETURNS trigger AS $$
BEGIN
  UPDATE contracts SET paid_yuan = paid_yuan + NEW.amount_yuan WHERE id = NEW.contract_id;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER payments_add_to_paid AFTER INSERT ON payments FOR EACH ROW EXECUTE FUNCTION payments_add_to_paid();
--> statement-breakpoint
CREATE FUNCTION payments_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'the payment ledger is append-only' USING ERRCODE = 'restrict_violation';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER payments_append_only BEFORE UPDATE OR DELETE ON payments FOR EACH ROW EXECUTE FUNCTION payments_append_only();
