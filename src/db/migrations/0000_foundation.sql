CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" uuid,
	"actor_role" text,
	"organisation_id" uuid,
	"domain_id" uuid,
	"action" text NOT NULL,
	"subject_user_id" uuid,
	"before" jsonb,
	"after" jsonb
);
--> statement-breakpoint
CREATE TABLE "domains" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"code" text NOT NULL,
	"contact_email" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "domains_code_check" CHECK ("domains"."code" in ('MW', 'RSZ', 'PPL', 'OZP'))
);
--> statement-breakpoint
CREATE TABLE "membership_applications" (
	"membership_id" uuid NOT NULL,
	"application" text NOT NULL,
	CONSTRAINT "membership_applications_membership_id_application_pk" PRIMARY KEY("membership_id","application")
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"domain_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"type" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"local_email" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone,
	CONSTRAINT "memberships_type_check" CHECK ("memberships"."type" in ('TB', 'CO_TB', 'USER')),
	CONSTRAINT "memberships_status_check" CHECK ("memberships"."status" in ('active', 'blocked'))
);
--> statement-breakpoint
CREATE TABLE "merger_sources" (
	"merger_id" integer NOT NULL,
	"organisation_id" uuid NOT NULL,
	"nis" char(5) NOT NULL,
	CONSTRAINT "merger_sources_merger_id_organisation_id_pk" PRIMARY KEY("merger_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "mergers" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"effective_date" date NOT NULL,
	"target_organisation_id" uuid NOT NULL,
	"target_nis" char(5) NOT NULL,
	"declared_scenario" smallint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mergers_code_unique" UNIQUE("code"),
	CONSTRAINT "mergers_declared_scenario" CHECK ("mergers"."declared_scenario" is null or "mergers"."declared_scenario" in (1, 2, 3))
);
--> statement-breakpoint
CREATE TABLE "municipalities" (
	"nis" char(5) NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"name_nl" text NOT NULL,
	"name_fr" text NOT NULL,
	"name_de" text NOT NULL,
	CONSTRAINT "municipalities_nis_valid_from_pk" PRIMARY KEY("nis","valid_from"),
	CONSTRAINT "municipalities_validity" CHECK ("municipalities"."valid_to" is null or "municipalities"."valid_to" > "municipalities"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "municipality_successions" (
	"old_nis" char(5) NOT NULL,
	"new_nis" char(5) NOT NULL,
	"effective_date" date NOT NULL,
	CONSTRAINT "municipality_successions_old_nis_new_nis_effective_date_pk" PRIMARY KEY("old_nis","new_nis","effective_date")
);
--> statement-breakpoint
CREATE TABLE "ocmw_areas" (
	"organisation_id" uuid NOT NULL,
	"nis" char(5) NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	CONSTRAINT "ocmw_areas_organisation_id_nis_valid_from_pk" PRIMARY KEY("organisation_id","nis","valid_from"),
	CONSTRAINT "ocmw_areas_validity" CHECK ("ocmw_areas"."valid_to" is null or "ocmw_areas"."valid_to" > "ocmw_areas"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "organisation_managers" (
	"organisation_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisation_managers_organisation_id_user_id_pk" PRIMARY KEY("organisation_id","user_id"),
	CONSTRAINT "organisation_managers_role_check" CHECK ("organisation_managers"."role" in ('HTB', 'CO_HTB'))
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kbo" char(10) NOT NULL,
	"kind" text NOT NULL,
	"name_nl" text NOT NULL,
	"name_fr" text NOT NULL,
	"name_de" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"is_demo" boolean DEFAULT false NOT NULL,
	"access_ended_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisations_kbo_unique" UNIQUE("kbo"),
	CONSTRAINT "organisations_kind_check" CHECK ("organisations"."kind" in ('ocmw', 'vendor', 'institution')),
	CONSTRAINT "organisations_kbo_digits" CHECK ("organisations"."kbo" ~ '^[01][0-9]{9}$'),
	CONSTRAINT "organisations_validity" CHECK ("organisations"."valid_to" is null or "organisations"."valid_to" > "organisations"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "postal_codes" (
	"postcode" varchar(4) NOT NULL,
	"nis" char(5) NOT NULL,
	CONSTRAINT "postal_codes_postcode_nis_pk" PRIMARY KEY("postcode","nis")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"csrf_token" text NOT NULL,
	"organisation_id" uuid,
	"domain_id" uuid,
	"role" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"username" text NOT NULL,
	"password_hash" text NOT NULL,
	"insz" char(11),
	"surname" text NOT NULL,
	"first_name" text NOT NULL,
	"title" text,
	"language" text DEFAULT 'nl' NOT NULL,
	"email" text NOT NULL,
	"is_platform_admin" boolean DEFAULT false NOT NULL,
	"failed_attempts" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone,
	CONSTRAINT "users_insz_unique" UNIQUE("insz"),
	CONSTRAINT "users_language_check" CHECK ("users"."language" in ('nl', 'fr', 'de', 'en'))
);
--> statement-breakpoint
ALTER TABLE "domains" ADD CONSTRAINT "domains_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_applications" ADD CONSTRAINT "membership_applications_membership_id_memberships_id_fk" FOREIGN KEY ("membership_id") REFERENCES "public"."memberships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_domain_id_domains_id_fk" FOREIGN KEY ("domain_id") REFERENCES "public"."domains"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "merger_sources" ADD CONSTRAINT "merger_sources_merger_id_mergers_id_fk" FOREIGN KEY ("merger_id") REFERENCES "public"."mergers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "merger_sources" ADD CONSTRAINT "merger_sources_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mergers" ADD CONSTRAINT "mergers_target_organisation_id_organisations_id_fk" FOREIGN KEY ("target_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ocmw_areas" ADD CONSTRAINT "ocmw_areas_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_managers" ADD CONSTRAINT "organisation_managers_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_managers" ADD CONSTRAINT "organisation_managers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_domain_id_domains_id_fk" FOREIGN KEY ("domain_id") REFERENCES "public"."domains"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_org_at" ON "audit_log" USING btree ("organisation_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_domain_at" ON "audit_log" USING btree ("domain_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_subject" ON "audit_log" USING btree ("subject_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "domains_organisation_code" ON "domains" USING btree ("organisation_id","code");--> statement-breakpoint
CREATE INDEX "membership_applications_app" ON "membership_applications" USING btree ("application");--> statement-breakpoint
CREATE UNIQUE INDEX "memberships_domain_user" ON "memberships" USING btree ("domain_id","user_id");--> statement-breakpoint
CREATE INDEX "memberships_domain_status_type" ON "memberships" USING btree ("domain_id","status","type");--> statement-breakpoint
CREATE UNIQUE INDEX "memberships_one_tb" ON "memberships" USING btree ("domain_id") WHERE "memberships"."type" = 'TB';--> statement-breakpoint
CREATE INDEX "memberships_user" ON "memberships" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "merger_sources_org" ON "merger_sources" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "ocmw_areas_nis" ON "ocmw_areas" USING btree ("nis","valid_from");--> statement-breakpoint
CREATE UNIQUE INDEX "organisation_managers_one_htb" ON "organisation_managers" USING btree ("organisation_id") WHERE "organisation_managers"."role" = 'HTB';--> statement-breakpoint
CREATE INDEX "organisation_managers_user" ON "organisation_managers" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "postal_codes_nis" ON "postal_codes" USING btree ("nis");--> statement-breakpoint
CREATE INDEX "sessions_user" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_expires" ON "sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "users_username_lower" ON "users" USING btree (lower("username"));--> statement-breakpoint
CREATE INDEX "users_surname_lower" ON "users" USING btree (lower("surname") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "users_first_name_lower" ON "users" USING btree (lower("first_name") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "users_username_pattern" ON "users" USING btree (lower("username") text_pattern_ops);--> statement-breakpoint
CREATE VIEW "public"."organisation_statuses" AS (
  select o.id as organisation_id,
         case when d.merger_id is null then 'active' else 'disappearing' end as status,
         d.merger_id,
         d.effective_date
  from organisations o
  left join lateral (
    select m.id as merger_id, m.effective_date
    from merger_sources ms
    join mergers m on m.id = ms.merger_id
    where ms.organisation_id = o.id and m.target_organisation_id <> o.id
    order by m.effective_date
    limit 1
  ) d on true
);