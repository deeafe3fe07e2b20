CREATE INDEX "audit_log_actor_action_at" ON "audit_log" USING btree ("actor_user_id","action","at");
