CREATE TABLE "configuration_versions" (
	"id" serial PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"section" text NOT NULL,
	"data" jsonb NOT NULL,
	"saved_by" uuid,
	"saved_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "configuration_versions_section" CHECK ("configuration_versions"."section" in ('technical', 'contact', 'online'))
);
--> statement-breakpoint
CREATE TABLE "mutation_selections" (
	"id" serial PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"mutation_type" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"selected_by" uuid,
	"unselected_by" uuid,
	CONSTRAINT "mutation_selections_validity" CHECK ("mutation_selections"."valid_to" is null or "mutation_selections"."valid_to" >= "mutation_selections"."valid_from")
);
--> statement-breakpoint
ALTER TABLE "configuration_versions" ADD CONSTRAINT "configuration_versions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mutation_selections" ADD CONSTRAINT "mutation_selections_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "configuration_versions_current" ON "configuration_versions" USING btree ("organisation_id","section","id");--> statement-breakpoint
CREATE INDEX "mutation_selections_org_type" ON "mutation_selections" USING btree ("organisation_id","mutation_type","valid_from");--> statement-breakpoint
CREATE UNIQUE INDEX "mutation_selections_one_open" ON "mutation_selections" USING btree ("organisation_id","mutation_type") WHERE "mutation_selections"."valid_to" is null;