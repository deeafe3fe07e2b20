CREATE INDEX "audit_log_actor_action_at" ON "audit_log" USING btree ("actor_user_id","action","at");
--> statement-breakpoint
ALTER TABLE "api_clients" ADD COLUMN "scopes" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "api_clients" ADD COLUMN "expires_at" timestamp with time zone;--> statement-breakpoint
UPDATE "api_clients" SET "scopes" = '{mutations:write,ebox:publish}';--> statement-breakpoint
CREATE TABLE "api_client_uses" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"client_id" uuid NOT NULL REFERENCES "api_clients"("id"),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"method" text NOT NULL,
	"route" text NOT NULL
);--> statement-breakpoint
CREATE INDEX "api_client_uses_client_at" ON "api_client_uses" USING btree ("client_id","at");--> statement-breakpoint
ALTER TABLE "mutations" ADD COLUMN "api_client_id" uuid REFERENCES "api_clients"("id");
--> statement-breakpoint
CREATE TABLE "login_throttles" (
	"key" text PRIMARY KEY NOT NULL,
	"failed_attempts" integer NOT NULL,
	"locked_until" timestamp with time zone,
	"last_attempt_at" timestamp with time zone NOT NULL
);
