CREATE TABLE "dossiers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"insz" char(11) NOT NULL,
	"opened_on" date NOT NULL,
	"closed_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dossiers_period" CHECK ("dossiers"."closed_on" is null or "dossiers"."closed_on" >= "dossiers"."opened_on")
);
--> statement-breakpoint
CREATE TABLE "mutation_deliveries" (
	"mutation_id" bigint NOT NULL,
	"organisation_id" uuid NOT NULL,
	"batch_date" date NOT NULL,
	CONSTRAINT "mutation_deliveries_mutation_id_organisation_id_pk" PRIMARY KEY("mutation_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "mutations" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"sub_type" text,
	"code" text NOT NULL,
	"insz" char(11) NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"payload" jsonb NOT NULL,
	"source" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mutation_deliveries" ADD CONSTRAINT "mutation_deliveries_mutation_id_mutations_id_fk" FOREIGN KEY ("mutation_id") REFERENCES "public"."mutations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mutation_deliveries" ADD CONSTRAINT "mutation_deliveries_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dossiers_insz" ON "dossiers" USING btree ("insz","organisation_id");--> statement-breakpoint
CREATE INDEX "dossiers_org" ON "dossiers" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "mutation_deliveries_batch" ON "mutation_deliveries" USING btree ("organisation_id","batch_date");--> statement-breakpoint
CREATE INDEX "mutations_insz" ON "mutations" USING btree ("insz");