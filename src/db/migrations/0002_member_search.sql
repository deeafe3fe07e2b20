CREATE TABLE "membership_counts" (
	"domain_id" uuid NOT NULL,
	"type" text NOT NULL,
	"status" text NOT NULL,
	"application" text NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "membership_counts_domain_id_type_status_application_pk" PRIMARY KEY("domain_id","type","status","application")
);
--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "surname_key" text COLLATE "C" DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "first_name_key" text COLLATE "C" DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "username_key" text COLLATE "C" DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "insz" char(11);--> statement-breakpoint
CREATE INDEX "memberships_domain_surname" ON "memberships" USING btree ("domain_id","surname_key","user_id");--> statement-breakpoint
CREATE INDEX "memberships_domain_first_name" ON "memberships" USING btree ("domain_id","first_name_key","user_id");--> statement-breakpoint
CREATE INDEX "memberships_domain_username" ON "memberships" USING btree ("domain_id","username_key","user_id");--> statement-breakpoint
CREATE INDEX "memberships_domain_insz" ON "memberships" USING btree ("domain_id","insz");