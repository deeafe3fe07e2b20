-- "Uw verzendernummer" (R3.2): assigned by the system from this sequence.
CREATE SEQUENCE IF NOT EXISTS "sender_numbers" START WITH 100001;
--> statement-breakpoint
CREATE TABLE "certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"name" text NOT NULL,
	"fingerprint" text NOT NULL,
	"der" "bytea" NOT NULL,
	"subject" text NOT NULL,
	"issuer" text NOT NULL,
	"key_type" text NOT NULL,
	"signature" text NOT NULL,
	"self_signed" boolean NOT NULL,
	"not_before" timestamp with time zone NOT NULL,
	"not_after" timestamp with time zone NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"uploaded_by" uuid,
	"uploaded_by_organisation_id" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "channel_accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"domain_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"permissions" text[] NOT NULL,
	"username" text,
	"password_hash" text,
	"management" text,
	"intermediary_organisation_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "channel_accounts_kind_check" CHECK ("channel_accounts"."kind" in ('FTP', 'SFTP', 'SOAP', 'REST')),
	CONSTRAINT "channel_accounts_management_check" CHECK ("channel_accounts"."management" is null or "channel_accounts"."management" in ('internal', 'external'))
);
--> statement-breakpoint
CREATE TABLE "delegation_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"domain_id" uuid NOT NULL,
	"intermediary_organisation_id" uuid NOT NULL,
	"account_name" text NOT NULL,
	"permissions" text[] NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"requested_by" uuid,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"reason" text,
	"account_id" uuid,
	CONSTRAINT "delegation_requests_status_check" CHECK ("delegation_requests"."status" in ('pending', 'accepted', 'refused', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "senders" (
	"domain_id" uuid PRIMARY KEY NOT NULL,
	"sender_number" integer DEFAULT nextval('sender_numbers') NOT NULL,
	"contact_name" text NOT NULL,
	"phone_code" text NOT NULL,
	"phone_number" text NOT NULL,
	"email" text NOT NULL,
	"language" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone,
	CONSTRAINT "senders_senderNumber_unique" UNIQUE("sender_number")
);
--> statement-breakpoint
DROP INDEX "memberships_domain_surname";--> statement-breakpoint
DROP INDEX "memberships_domain_first_name";--> statement-breakpoint
DROP INDEX "memberships_domain_username";--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_account_id_channel_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."channel_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_accounts" ADD CONSTRAINT "channel_accounts_domain_id_domains_id_fk" FOREIGN KEY ("domain_id") REFERENCES "public"."domains"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_accounts" ADD CONSTRAINT "channel_accounts_intermediary_organisation_id_organisations_id_fk" FOREIGN KEY ("intermediary_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegation_requests" ADD CONSTRAINT "delegation_requests_domain_id_domains_id_fk" FOREIGN KEY ("domain_id") REFERENCES "public"."domains"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegation_requests" ADD CONSTRAINT "delegation_requests_intermediary_organisation_id_organisations_id_fk" FOREIGN KEY ("intermediary_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegation_requests" ADD CONSTRAINT "delegation_requests_account_id_channel_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."channel_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "senders" ADD CONSTRAINT "senders_domain_id_domains_id_fk" FOREIGN KEY ("domain_id") REFERENCES "public"."domains"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_active_fingerprint" ON "certificates" USING btree ("fingerprint") WHERE "certificates"."is_active";--> statement-breakpoint
CREATE INDEX "certificates_account" ON "certificates" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "certificates_not_after" ON "certificates" USING btree ("not_after") WHERE "certificates"."is_active";--> statement-breakpoint
CREATE UNIQUE INDEX "channel_accounts_one_per_kind" ON "channel_accounts" USING btree ("domain_id","kind") WHERE "channel_accounts"."kind" in ('FTP', 'SFTP', 'SOAP') and "channel_accounts"."deleted_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "channel_accounts_ftp_username" ON "channel_accounts" USING btree (lower("username")) WHERE "channel_accounts"."username" is not null and "channel_accounts"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "channel_accounts_domain" ON "channel_accounts" USING btree ("domain_id");--> statement-breakpoint
CREATE INDEX "delegation_requests_domain" ON "delegation_requests" USING btree ("domain_id","status");--> statement-breakpoint
CREATE INDEX "delegation_requests_intermediary" ON "delegation_requests" USING btree ("intermediary_organisation_id","status");--> statement-breakpoint
CREATE INDEX "memberships_domain_surname" ON "memberships" USING btree ("domain_id","surname_key","user_id");--> statement-breakpoint
CREATE INDEX "memberships_domain_first_name" ON "memberships" USING btree ("domain_id","first_name_key","user_id");--> statement-breakpoint
CREATE INDEX "memberships_domain_username" ON "memberships" USING btree ("domain_id","username_key","user_id");