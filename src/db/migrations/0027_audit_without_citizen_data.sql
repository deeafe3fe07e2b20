-- Issue 24 (review): the audit log names what was done, not the citizen it concerned. Before this,
-- a registered dossier form's entry carried the person's INSZ, a forwarded help request's entry
-- its free-text reason, and a Toegangsbeheer look-up the INSZ looked up; none of these was ever
-- purged. The services no longer write them (the INSZ of a read is in the access log, readable only
-- by the privacy officer; a forwarding reason stays with the request's events, which the retention
-- purge clears). This removes them from the entries already written. The audit log is append-only
-- (migration 0001): its trigger is set aside for this one statement per action, in this migration's
-- transaction, and put back.
ALTER TABLE "audit_log" DISABLE TRIGGER "audit_log_no_update_or_delete";--> statement-breakpoint
UPDATE "audit_log" SET "after" = "after" - 'insz' WHERE "action" = 'dossier.form.register' AND "after" ? 'insz';--> statement-breakpoint
UPDATE "audit_log" SET "after" = "after" - 'reason' WHERE "action" = 'online.request.forward' AND "after" ? 'reason';--> statement-breakpoint
UPDATE "audit_log" SET "after" = "after" - 'insz' WHERE "action" = 'person.lookup' AND "after" ? 'insz';--> statement-breakpoint
ALTER TABLE "audit_log" ENABLE TRIGGER "audit_log_no_update_or_delete";
