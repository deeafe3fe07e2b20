-- R2.9 at scale (issue #3): the user list of a domain pages through one index, and
-- "N items gevonden" comes from counters, both kept by triggers so every writer (the portal,
-- imports, the merger engine's set-based statements) keeps them right.

-- The search/sort key of a name: lower case without accents (same strings as src/shared/search-key.ts).
CREATE FUNCTION ocmw_search_key(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT translate(lower(coalesce(t, '')), 'áàâäãåçéèêëíìîïñóòôöõøúùûüýÿ', 'aaaaaaceeeeiiiinoooooouuuuyy') COLLATE "C"
$$;
--> statement-breakpoint
CREATE FUNCTION memberships_fill_keys() RETURNS trigger AS $$
BEGIN
  SELECT ocmw_search_key(u.surname), ocmw_search_key(u.first_name), ocmw_search_key(u.username), u.insz
    INTO NEW.surname_key, NEW.first_name_key, NEW.username_key, NEW.insz
    FROM users u WHERE u.id = NEW.user_id;
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
-- A membership counts once under '*' and once per application it holds.
CREATE FUNCTION memberships_count() RETURNS trigger AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM membership_count_add(OLD.domain_id, OLD.type, OLD.status, '*', -1);
    PERFORM membership_count_add(OLD.domain_id, OLD.type, OLD.status, a.application, -1)
       FROM membership_applications a WHERE a.membership_id = OLD.id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM membership_count_add(NEW.domain_id, NEW.type, NEW.status, '*', 1);
    PERFORM membership_count_add(NEW.domain_id, NEW.type, NEW.status, a.application, 1)
       FROM membership_applications a WHERE a.membership_id = NEW.id;
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NULL;
END
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER memberships_count_insert AFTER INSERT ON memberships
  FOR EACH ROW EXECUTE FUNCTION memberships_count();
--> statement-breakpoint
CREATE TRIGGER memberships_count_update AFTER UPDATE OF type, status, domain_id ON memberships
  FOR EACH ROW
  WHEN (OLD.type IS DISTINCT FROM NEW.type OR OLD.status IS DISTINCT FROM NEW.status OR OLD.domain_id IS DISTINCT FROM NEW.domain_id)
  EXECUTE FUNCTION memberships_count();
--> statement-breakpoint
-- BEFORE DELETE: the applications are still there (the cascade removes them afterwards).
CREATE TRIGGER memberships_count_delete BEFORE DELETE ON memberships
  FOR EACH ROW EXECUTE FUNCTION memberships_count();
--> statement-breakpoint
CREATE FUNCTION membership_applications_count() RETURNS trigger AS $$
DECLARE
  m record;
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT domain_id, type, status INTO m FROM memberships WHERE id = NEW.membership_id;
    PERFORM membership_count_add(m.domain_id, m.type, m.status, NEW.application, 1);
  ELSE
    -- When the membership itself is being deleted, its trigger already counted this.
    SELECT domain_id, type, status INTO m FROM memberships WHERE id = OLD.membership_id;
    IF FOUND THEN
      PERFORM membership_count_add(m.domain_id, m.type, m.status, OLD.application, -1);
    END IF;
  END IF;
  RETURN NULL;
END
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER membership_applications_count AFTER INSERT OR DELETE ON membership_applications
  FOR EACH ROW EXECUTE FUNCTION membership_applications_count();
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
