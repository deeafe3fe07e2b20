-- R2.9 at scale (issue #3): the user list of a domain pages through one index, and
-- "N items gevonden" comes from counters, both kept by triggers so every writer (the portal,
-- imports, the merger engine's set-based statements) keeps them right.

-- The search/sort key of a name: lower case without accents (same strings as src/shared/search-key.ts).
CREATE FUNCTION ocmw_search_key(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT translate(lower(coalesce(t, '')), 'áàâäãåçéèêëíìîïñóòôöõøúùûüýÿ', 'aaaaaaceeeeiiiinoooooouuuuyy') COLLATE "C"
$$;
--> statement-breakpoint
-- Set-based writers (the merger engine) give the keys in their INSERT … SELECT; single inserts
-- get them here.
CREATE FUNCTION memberships_fill_keys() RETURNS trigger AS $$
BEGIN
  IF NEW.surname_key = '' OR NEW.username_key = '' OR TG_OP = 'UPDATE' THEN
    SELECT ocmw_search_key(u.surname), ocmw_search_key(u.first_name), ocmw_search_key(u.username), u.insz
      INTO NEW.surname_key, NEW.first_name_key, NEW.username_key, NEW.insz
      FROM users u WHERE u.id = NEW.user_id;
  END IF;
  RETURN NEW;
END
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER memberships_keys BEFORE INSERT OR UPDATE OF user_id ON memberships
  FOR EACH ROW EXECUTE FUNCTION memberships_fill_keys();
--> statement-breakpoint
CREATE FUNCTION users_propagate_keys() RETURNS trigger AS $$
BEGIN
  UPDATE memberships
     SET surname_key = ocmw_search_key(NEW.surname),
         first_name_key = ocmw_search_key(NEW.first_name),
         username_key = ocmw_search_key(NEW.username),
         insz = NEW.insz
   WHERE user_id = NEW.id;
  RETURN NULL;
END
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER users_keys AFTER UPDATE OF surname, first_name, username, insz ON users
  FOR EACH ROW
  WHEN (OLD.surname IS DISTINCT FROM NEW.surname OR OLD.first_name IS DISTINCT FROM NEW.first_name
        OR OLD.username IS DISTINCT FROM NEW.username OR OLD.insz IS DISTINCT FROM NEW.insz)
  EXECUTE FUNCTION users_propagate_keys();
--> statement-breakpoint
CREATE FUNCTION membership_count_add(d uuid, t text, s text, a text, delta int) RETURNS void AS $$
  INSERT INTO membership_counts (domain_id, type, status, application, n) VALUES (d, t, s, a, delta)
  ON CONFLICT (domain_id, type, status, application) DO UPDATE SET n = membership_counts.n + excluded.n;
$$ LANGUAGE sql;
--> statement-breakpoint
-- Counters are kept per statement (transition tables), so a set-based insert of 100k
-- memberships costs one grouped upsert, not 100k.
CREATE FUNCTION memberships_count_insert() RETURNS trigger AS $$
BEGIN
  INSERT INTO membership_counts (domain_id, type, status, application, n)
  SELECT domain_id, type, status, '*', count(*)::int FROM new_rows GROUP BY domain_id, type, status
  ON CONFLICT (domain_id, type, status, application) DO UPDATE SET n = membership_counts.n + excluded.n;
  RETURN NULL;
END
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER memberships_count_insert AFTER INSERT ON memberships
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION memberships_count_insert();
--> statement-breakpoint
-- A change of type, status or domain moves the membership and its applications between counters.
CREATE FUNCTION memberships_count_update() RETURNS trigger AS $$
BEGIN
  WITH changed AS (
    SELECT o.id, o.domain_id AS od, o.type AS ot, o.status AS os, n.domain_id AS nd, n.type AS nt, n.status AS ns
      FROM old_rows o JOIN new_rows n ON n.id = o.id
     WHERE o.domain_id IS DISTINCT FROM n.domain_id OR o.type IS DISTINCT FROM n.type OR o.status IS DISTINCT FROM n.status
  ), keyed AS (
    SELECT c.id, '*'::text AS application FROM changed c
    UNION ALL
    SELECT c.id, a.application FROM changed c JOIN membership_applications a ON a.membership_id = c.id
  ), deltas AS (
    SELECT c.od AS d, c.ot AS t, c.os AS s, k.application AS a, -1 AS delta FROM keyed k JOIN changed c ON c.id = k.id
    UNION ALL
    SELECT c.nd, c.nt, c.ns, k.application, 1 FROM keyed k JOIN changed c ON c.id = k.id
  )
  INSERT INTO membership_counts (domain_id, type, status, application, n)
  SELECT d, t, s, a, sum(delta)::int FROM deltas GROUP BY d, t, s, a
  ON CONFLICT (domain_id, type, status, application) DO UPDATE SET n = membership_counts.n + excluded.n;
  RETURN NULL;
END
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER memberships_count_update AFTER UPDATE ON memberships
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION memberships_count_update();
--> statement-breakpoint
-- BEFORE DELETE, per row: the applications are still there (the cascade removes them afterwards).
CREATE FUNCTION memberships_count_delete() RETURNS trigger AS $$
BEGIN
  PERFORM membership_count_add(OLD.domain_id, OLD.type, OLD.status, '*', -1);
  PERFORM membership_count_add(OLD.domain_id, OLD.type, OLD.status, a.application, -1)
     FROM membership_applications a WHERE a.membership_id = OLD.id;
  RETURN OLD;
END
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER memberships_count_delete BEFORE DELETE ON memberships
  FOR EACH ROW EXECUTE FUNCTION memberships_count_delete();
--> statement-breakpoint
CREATE FUNCTION membership_applications_count_insert() RETURNS trigger AS $$
BEGIN
  INSERT INTO membership_counts (domain_id, type, status, application, n)
  SELECT m.domain_id, m.type, m.status, r.application, count(*)::int
    FROM new_rows r JOIN memberships m ON m.id = r.membership_id
   GROUP BY m.domain_id, m.type, m.status, r.application
  ON CONFLICT (domain_id, type, status, application) DO UPDATE SET n = membership_counts.n + excluded.n;
  RETURN NULL;
END
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER membership_applications_count_insert AFTER INSERT ON membership_applications
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION membership_applications_count_insert();
--> statement-breakpoint
-- Applications removed from a membership that still exists (when the membership itself is
-- deleted, its own trigger counted them already and the join finds nothing).
CREATE FUNCTION membership_applications_count_delete() RETURNS trigger AS $$
BEGIN
  INSERT INTO membership_counts (domain_id, type, status, application, n)
  SELECT m.domain_id, m.type, m.status, r.application, -count(*)::int
    FROM old_rows r JOIN memberships m ON m.id = r.membership_id
   GROUP BY m.domain_id, m.type, m.status, r.application
  ON CONFLICT (domain_id, type, status, application) DO UPDATE SET n = membership_counts.n + excluded.n;
  RETURN NULL;
END
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER membership_applications_count_delete AFTER DELETE ON membership_applications
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION membership_applications_count_delete();
--> statement-breakpoint
-- Existing rows (databases migrated before this version).
UPDATE memberships m
   SET surname_key = ocmw_search_key(u.surname), first_name_key = ocmw_search_key(u.first_name),
       username_key = ocmw_search_key(u.username), insz = u.insz
  FROM users u WHERE u.id = m.user_id;
--> statement-breakpoint
INSERT INTO membership_counts (domain_id, type, status, application, n)
SELECT domain_id, type, status, '*', count(*)::int FROM memberships GROUP BY domain_id, type, status
UNION ALL
SELECT m.domain_id, m.type, m.status, a.application, count(*)::int
  FROM memberships m JOIN membership_applications a ON a.membership_id = m.id
 GROUP BY m.domain_id, m.type, m.status, a.application;
