CREATE TABLE "citizen_proof_secret" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"secret" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "citizen_proof_secret_one_row" CHECK ("citizen_proof_secret"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "citizen_proofs_spent" (
	"signature" text PRIMARY KEY NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "citizen_proofs_spent_expires" ON "citizen_proofs_spent" USING btree ("expires_at");
