-- Issue 16, a safe first start: a person given a temporary password (HTB import, reset) must
-- choose their own at the first login; the first platform administrator of an installation
-- (`ocmw admin create`) sets a password through a one-time setup link, stored hashed.
-- Mail that cannot be delivered now is retried with backoff (next_attempt_at) until at least
-- retry_until (24 hours; an administrator's resend starts a new window).
ALTER TABLE "users" ADD COLUMN "must_change_password" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE TABLE "setup_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "setup_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade
);--> statement-breakpoint
CREATE INDEX "setup_tokens_user" ON "setup_tokens" USING btree ("user_id");
--> statement-breakpoint
ALTER TABLE "mails" ADD COLUMN "next_attempt_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "mails" ADD COLUMN "retry_until" timestamp with time zone;
