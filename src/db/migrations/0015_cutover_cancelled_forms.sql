-- R9.3′: a form that starts on or after a merger's effective date never runs at the disappearing
-- OCMW; the cut-over cancels it there (its period kept) and re-enters it under the merged OCMW.
ALTER TABLE "dossier_forms" DROP CONSTRAINT "dossier_forms_status";--> statement-breakpoint
ALTER TABLE "dossier_forms" ADD CONSTRAINT "dossier_forms_status" CHECK ("dossier_forms"."status" in ('running', 'stopped', 'cancelled'));
