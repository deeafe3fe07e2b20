-- Issue 20: a help request's reference number comes from a sequence per receipt year
-- (help_reference_<year>, made by help_reference_sequence(year) for the first request of that
-- year; nextval never waits) instead of a counter row that every submission locked until it
-- committed. Numbers stay unique per year; a number taken
-- by a submission that then fails is not used again (gaps are allowed, SPEC §6 R6.3).
CREATE FUNCTION help_reference_sequence(y integer) RETURNS regclass LANGUAGE plpgsql AS $$
DECLARE
  seq_name text := 'help_reference_' || y;
  s regclass := to_regclass(seq_name);
  stored integer;
BEGIN
  IF s IS NOT NULL THEN
    RETURN s;
  END IF;
  -- The first request of the year: the sequence continues after the highest reference of that
  -- year already stored (the counter of earlier releases, bulk loads, imports): one scan a year.
  SELECT coalesce(max(substr(reference, 9, 7)::integer), 0) INTO stored
  FROM help_requests WHERE left(reference, 8) = 'OO-' || y || '-';
  BEGIN
    EXECUTE format('CREATE SEQUENCE IF NOT EXISTS %I AS integer MINVALUE 1 MAXVALUE 9999999 START %s', seq_name, stored + 1);
  EXCEPTION WHEN unique_violation OR duplicate_table THEN
    -- Another session made it at the same moment: use theirs.
    NULL;
  END;
  RETURN seq_name::regclass;
END $$;
--> statement-breakpoint
-- The counters of earlier releases carry on in the sequences: each continues after the higher
-- of its year's counter and its highest stored reference.
DO $$
DECLARE
  c record;
  s regclass;
  after integer;
BEGIN
  FOR c IN SELECT year, last FROM help_request_counters LOOP
    s := help_reference_sequence(c.year);
    after := greatest(c.last, nextval(s)::integer - 1);
    PERFORM setval(s, greatest(after, 1), after > 0);
  END LOOP;
END $$;
--> statement-breakpoint
DROP TABLE "help_request_counters";
--> statement-breakpoint
-- Issue 20: the per-address limit of the citizen's acknowledgements (issue 17) is read at every
-- submission; without this index it read every mail.
CREATE INDEX "mails_to" ON "mails" USING btree ("kind",lower("to_address"),"created_at");
--> statement-breakpoint
-- Issue 20: the lists' order (newest receipt first, then filing instant, then id) in the index,
-- so that a keyset page (the vendor list's cursor) is one range of it read backwards.
DROP INDEX "help_requests_org";--> statement-breakpoint
CREATE INDEX "help_requests_org" ON "help_requests" USING btree ("organisation_id","received_on","filed_at","id");
--> statement-breakpoint
-- Issue 20: the version (a hash) of the reference data last loaded: a start whose shipped data
-- is the same skips the upsert of every municipality and postcode.
CREATE TABLE "reference_data_state" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"version" text NOT NULL,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reference_data_state_one_row" CHECK ("reference_data_state"."id" = 1)
);
