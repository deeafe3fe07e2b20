CREATE TABLE "help_request_counters" (
	"year" integer PRIMARY KEY NOT NULL,
	"last" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "help_request_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"request_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"by" text,
	"from_organisation_id" uuid,
	"to_organisation_id" uuid,
	"reason" text,
	CONSTRAINT "help_request_events_kind" CHECK ("help_request_events"."kind" in ('filed', 'forwarded', 'read', 'decided'))
);
--> statement-breakpoint
CREATE TABLE "help_request_reminders" (
	"organisation_id" uuid NOT NULL,
	"day" date NOT NULL,
	"mail_id" uuid,
	"references" text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "help_request_reminders_organisation_id_day_pk" PRIMARY KEY("organisation_id","day")
);
--> statement-breakpoint
CREATE TABLE "help_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"filed_at" timestamp with time zone NOT NULL,
	"received_on" date NOT NULL,
	"language" text NOT NULL,
	"kinds" text[] NOT NULL,
	"postcode" varchar(4) NOT NULL,
	"nis" char(5) NOT NULL,
	"surname" text NOT NULL,
	"first_name" text NOT NULL,
	"insz" char(11),
	"email" text,
	"phone" text,
	"message" text NOT NULL,
	"read_at" timestamp with time zone,
	"read_by" text,
	"decided_at" timestamp with time zone,
	"decided_by" text,
	CONSTRAINT "help_requests_reference_unique" UNIQUE("reference"),
	CONSTRAINT "help_requests_language" CHECK ("help_requests"."language" in ('nl', 'fr', 'de', 'en'))
);
--> statement-breakpoint
ALTER TABLE "help_request_events" ADD CONSTRAINT "help_request_events_request_id_help_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."help_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_request_events" ADD CONSTRAINT "help_request_events_from_organisation_id_organisations_id_fk" FOREIGN KEY ("from_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_request_events" ADD CONSTRAINT "help_request_events_to_organisation_id_organisations_id_fk" FOREIGN KEY ("to_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_request_reminders" ADD CONSTRAINT "help_request_reminders_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_requests" ADD CONSTRAINT "help_requests_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "help_request_events_request" ON "help_request_events" USING btree ("request_id","id");--> statement-breakpoint
CREATE INDEX "help_requests_org" ON "help_requests" USING btree ("organisation_id","received_on");--> statement-breakpoint
CREATE INDEX "help_requests_unread" ON "help_requests" USING btree ("organisation_id","received_on") WHERE "help_requests"."read_at" is null;--> statement-breakpoint
-- R6.7, R6.2: the OCMW that carries on an organisation's work on a date, following every merger
-- effective by then (several in a row). The merger module's published read model, like
-- organisation_statuses: help requests, routing and the checklist read it.
CREATE FUNCTION ocmw_successor(org uuid, on_date date) RETURNS uuid
LANGUAGE sql STABLE AS $$
  WITH RECURSIVE chain(id, depth) AS (
    SELECT org, 0
    UNION ALL
    SELECT m.target_organisation_id, c.depth + 1
    FROM chain c
    JOIN merger_sources s ON s.organisation_id = c.id
    JOIN mergers m ON m.id = s.merger_id AND m.effective_date <= on_date AND m.target_organisation_id <> c.id
    WHERE c.depth < 32
  )
  SELECT id FROM chain ORDER BY depth DESC LIMIT 1
$$;
--> statement-breakpoint
-- The configuration module's published read model: the last saved version of each section.
CREATE VIEW current_configuration AS
SELECT DISTINCT ON (organisation_id, section) organisation_id, section, data, saved_at
FROM configuration_versions
ORDER BY organisation_id, section, id DESC;
