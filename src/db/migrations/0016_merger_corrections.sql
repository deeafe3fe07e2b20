-- Issue 15 (h15b): the corrections of SPEC §13 outside the cut-over.
-- R6.5′: the reminder delay counts from the day the request was filed (Brussels date of filed_at), not the receipt date.
ALTER TABLE "help_requests" ADD COLUMN "filed_on" date GENERATED ALWAYS AS (("filed_at" AT TIME ZONE 'Europe/Brussels')::date) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "help_requests_reminders" ON "help_requests" USING btree ("organisation_id","filed_on","reference") WHERE "help_requests"."read_at" is null and "help_requests"."decided_at" is null;
--> statement-breakpoint
-- R1.6: names are date-aware, like NIS codes. An organisation bears the name in `organisations`
-- until its first renaming; each row here is a name from valid_from until the next row's valid_from.
CREATE TABLE "organisation_names" (
	"organisation_id" uuid NOT NULL,
	"valid_from" date NOT NULL,
	"name_nl" text NOT NULL,
	"name_fr" text NOT NULL,
	"name_de" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisation_names_organisation_id_valid_from_pk" PRIMARY KEY("organisation_id","valid_from")
);--> statement-breakpoint
ALTER TABLE "organisation_names" ADD CONSTRAINT "organisation_names_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- The name an organisation bears on a date (one row), for every module's SQL (like ocmw_successor).
CREATE FUNCTION organisation_name_on(org uuid, on_date date) RETURNS TABLE (name_nl text, name_fr text, name_de text)
LANGUAGE sql STABLE AS $$
  SELECT x.name_nl, x.name_fr, x.name_de FROM (
    SELECT n.name_nl, n.name_fr, n.name_de, n.valid_from FROM organisation_names n WHERE n.organisation_id = org AND n.valid_from <= on_date
    UNION ALL
    SELECT o.name_nl, o.name_fr, o.name_de, NULL::date FROM organisations o WHERE o.id = org
  ) x ORDER BY x.valid_from DESC NULLS LAST LIMIT 1
$$;
--> statement-breakpoint
-- R10.2′: a platform administrator reopens the Uniek verslag filing window for one OCMW and year.
CREATE TABLE "subsidy_window_reopenings" (
	"organisation_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"until" date NOT NULL,
	"reason" text NOT NULL,
	"reopened_by" text NOT NULL,
	"reopened_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subsidy_window_reopenings_organisation_id_year_pk" PRIMARY KEY("organisation_id","year")
);--> statement-breakpoint
ALTER TABLE "subsidy_window_reopenings" ADD CONSTRAINT "subsidy_window_reopenings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;
