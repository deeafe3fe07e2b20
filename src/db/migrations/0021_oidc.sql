-- Issue 21: sign-in through an identity provider (OpenID Connect).
-- A sign-in in progress: the state (SHA-256) names it, single use; the browser that started it
-- holds a cookie whose SHA-256 must match; nonce and PKCE verifier are checked at the callback.
CREATE TABLE "oidc_transactions" (
	"state_hash" text PRIMARY KEY NOT NULL,
	"browser_hash" text NOT NULL,
	"provider_id" text NOT NULL,
	"nonce" text NOT NULL,
	"code_verifier" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "oidc_transactions_expires" ON "oidc_transactions" USING btree ("expires_at");
--> statement-breakpoint
-- An identity of a provider (its `sub`) linked to a person once they signed in with their INSZ.
CREATE TABLE "oidc_identities" (
	"provider_id" text NOT NULL,
	"subject" text NOT NULL,
	"user_id" uuid NOT NULL REFERENCES "users"("id") ON DELETE CASCADE,
	"linked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_sign_in_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "oidc_identities_pk" PRIMARY KEY ("provider_id", "subject")
);
--> statement-breakpoint
CREATE INDEX "oidc_identities_user" ON "oidc_identities" USING btree ("user_id");
--> statement-breakpoint
-- A session opened through a provider remembers it and the ID token (the hint of the RP-initiated logout).
ALTER TABLE "sessions" ADD COLUMN "oidc_provider" text;
--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "oidc_id_token" text;
