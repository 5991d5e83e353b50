"""PostgreSQL-only schema: versions, members and units, row-level security, the review rules.

Who may do what is enforced here, by the database, for every client (perfdesk or raw SQL):

- The role that owns the tables (the one that ran `perfdesk server init`) administers the
  workspace and is bound by none of the rules below.
- Each person logs in as their own role, listed in `perfdesk_member`. A 填报 role belongs to
  one or more units (`perfdesk_member_unit`) and sees and edits only those units' evaluations
  (row-level security on every table). A 审核 role (reviewer) sees every evaluation, may change
  only the status (退回/通过), its comment and the 复核得分 of indicators (column privileges),
  and settings such as the scoring rules.
- Figures of a submitted (已提交) or final evaluation cannot change; status moves only
  draft/returned → submitted (填报) and submitted → returned/final (审核).
- Every audit event carries the database role that wrote it.

Refusals raise SQLSTATE 42501 with a message `perfdesk:<reason>`; models.server turns these
into Chinese sentences.
"""
from __future__ import annotations

SECURITY = r"""
CREATE SEQUENCE perfdesk_version;
ALTER TABLE evaluation ALTER COLUMN version SET DEFAULT nextval('perfdesk_version');
CREATE INDEX evaluation_unit ON evaluation (unit);

CREATE TABLE perfdesk_member (role TEXT PRIMARY KEY, reviewer BOOLEAN NOT NULL DEFAULT false);
CREATE TABLE perfdesk_member_unit (
    role TEXT NOT NULL REFERENCES perfdesk_member (role) ON DELETE CASCADE,
    unit TEXT NOT NULL,
    PRIMARY KEY (role, unit));

CREATE FUNCTION perfdesk_is_admin() RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = 'evaluation'::regclass), 'USAGE')
$$;
CREATE FUNCTION perfdesk_is_reviewer() RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT 1 FROM perfdesk_member WHERE role = current_user AND reviewer)
$$;

ALTER TABLE evaluation ENABLE ROW LEVEL SECURITY;
CREATE POLICY evaluation_read ON evaluation FOR SELECT
    USING ((SELECT perfdesk_is_reviewer()) OR unit IN (SELECT unit FROM perfdesk_member_unit WHERE role = current_user));
CREATE POLICY evaluation_insert ON evaluation FOR INSERT
    WITH CHECK (unit IN (SELECT unit FROM perfdesk_member_unit WHERE role = current_user));
CREATE POLICY evaluation_update ON evaluation FOR UPDATE
    USING ((SELECT perfdesk_is_reviewer()) OR unit IN (SELECT unit FROM perfdesk_member_unit WHERE role = current_user))
    WITH CHECK ((SELECT perfdesk_is_reviewer()) OR unit IN (SELECT unit FROM perfdesk_member_unit WHERE role = current_user));
CREATE POLICY evaluation_delete ON evaluation FOR DELETE
    USING (unit IN (SELECT unit FROM perfdesk_member_unit WHERE role = current_user));

ALTER TABLE fund_line ENABLE ROW LEVEL SECURITY;
CREATE POLICY fund_line_rows ON fund_line USING (evaluation_id IN (SELECT id FROM evaluation));
ALTER TABLE indicator ENABLE ROW LEVEL SECURITY;
CREATE POLICY indicator_rows ON indicator USING (evaluation_id IN (SELECT id FROM evaluation));
ALTER TABLE fund_management ENABLE ROW LEVEL SECURITY;
CREATE POLICY fund_management_rows ON fund_management USING (evaluation_id IN (SELECT id FROM evaluation));

ALTER TABLE audit_event ENABLE ROW LEVEL SECURITY;
CREATE POLICY audit_event_read ON audit_event FOR SELECT
    USING ((SELECT perfdesk_is_reviewer()) OR role = current_user OR evaluation_id IN (SELECT id FROM evaluation));
CREATE POLICY audit_event_insert ON audit_event FOR INSERT WITH CHECK (role = current_user);

CREATE FUNCTION perfdesk_stamp_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- only the administrator (copying a workspace) may write the role an event names
    IF NOT perfdesk_is_admin() THEN
        NEW.role := current_user;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER audit_event_role BEFORE INSERT ON audit_event FOR EACH ROW EXECUTE FUNCTION perfdesk_stamp_event();

CREATE FUNCTION perfdesk_guard_evaluation() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    unchanged evaluation;
BEGIN
    IF perfdesk_is_admin() THEN
        RETURN coalesce(NEW, OLD);
    END IF;
    IF TG_OP = 'INSERT' THEN
        IF NEW.unit IS NULL THEN  -- a member of a single unit need not name it
            NEW.unit := (SELECT min(unit) FROM perfdesk_member_unit WHERE role = current_user HAVING count(*) = 1);
        END IF;
        IF NEW.status NOT IN ('draft', 'submitted') THEN
            RAISE EXCEPTION 'perfdesk:status:%', NEW.status USING ERRCODE = '42501';
        END IF;
        RETURN NEW;
    END IF;
    IF TG_OP = 'DELETE' THEN
        IF OLD.status IN ('submitted', 'final') THEN
            RAISE EXCEPTION 'perfdesk:locked:%', OLD.status USING ERRCODE = '42501';
        END IF;
        RETURN OLD;
    END IF;
    IF NEW.status IS DISTINCT FROM OLD.status THEN
        IF perfdesk_is_reviewer() THEN
            IF OLD.status <> 'submitted' OR NEW.status NOT IN ('returned', 'final') THEN
                RAISE EXCEPTION 'perfdesk:review:%', NEW.status USING ERRCODE = '42501';
            END IF;
            IF NEW.status = 'returned' AND coalesce(btrim(NEW.review_comment), '') = '' THEN
                RAISE EXCEPTION 'perfdesk:return_comment' USING ERRCODE = '42501';
            END IF;
        ELSIF NOT (OLD.status IN ('draft', 'returned') AND NEW.status = 'submitted') THEN
            RAISE EXCEPTION 'perfdesk:status:%', NEW.status USING ERRCODE = '42501';
        END IF;
    END IF;
    IF OLD.status IN ('submitted', 'final') THEN
        unchanged := NEW;
        unchanged.status := OLD.status;
        unchanged.version := OLD.version;
        unchanged.review_comment := OLD.review_comment;
        IF unchanged IS DISTINCT FROM OLD THEN
            RAISE EXCEPTION 'perfdesk:locked:%', OLD.status USING ERRCODE = '42501';
        END IF;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER evaluation_guard BEFORE INSERT OR UPDATE OR DELETE ON evaluation
    FOR EACH ROW EXECUTE FUNCTION perfdesk_guard_evaluation();

CREATE FUNCTION perfdesk_guard_rows() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    state text;
    reviewer boolean;
BEGIN
    IF perfdesk_is_admin() THEN
        RETURN coalesce(NEW, OLD);
    END IF;
    reviewer := perfdesk_is_reviewer();
    SELECT status INTO state FROM evaluation
        WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.evaluation_id ELSE NEW.evaluation_id END;
    IF state = 'final' OR (state = 'submitted' AND NOT reviewer) THEN
        RAISE EXCEPTION 'perfdesk:locked:%', state USING ERRCODE = '42501';
    END IF;
    IF TG_TABLE_NAME = 'indicator' AND NOT reviewer THEN
        IF TG_OP = 'UPDATE' AND NEW.review_score IS DISTINCT FROM OLD.review_score THEN
            RAISE EXCEPTION 'perfdesk:review_only' USING ERRCODE = '42501';
        ELSIF TG_OP = 'INSERT' THEN
            NEW.review_score := NULL;  -- a 复核得分 is the reviewer's to give
        END IF;
    END IF;
    RETURN coalesce(NEW, OLD);
END $$;
CREATE TRIGGER fund_line_guard BEFORE INSERT OR UPDATE OR DELETE ON fund_line
    FOR EACH ROW EXECUTE FUNCTION perfdesk_guard_rows();
CREATE TRIGGER indicator_guard BEFORE INSERT OR UPDATE OR DELETE ON indicator
    FOR EACH ROW EXECUTE FUNCTION perfdesk_guard_rows();
CREATE TRIGGER fund_management_guard BEFORE INSERT OR UPDATE OR DELETE ON fund_management
    FOR EACH ROW EXECUTE FUNCTION perfdesk_guard_rows();

CREATE FUNCTION perfdesk_apply_grants(member text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    is_reviewer boolean;
    everything text := 'evaluation, fund_line, indicator, fund_management, audit_event, setting, '
                       'perfdesk_member, perfdesk_member_unit, perfdesk_schema';
BEGIN
    SELECT reviewer INTO is_reviewer FROM perfdesk_member WHERE role = member;
    EXECUTE format('REVOKE ALL ON %s FROM %I', everything, member);
    EXECUTE format('REVOKE ALL ON ALL SEQUENCES IN SCHEMA %I FROM %I', current_schema(), member);
    IF is_reviewer IS NULL THEN
        RETURN;
    END IF;
    EXECUTE format('GRANT SELECT ON %s TO %I', everything, member);
    EXECUTE format('GRANT INSERT ON audit_event TO %I', member);
    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO %I', current_schema(), member);
    IF is_reviewer THEN
        EXECUTE format('GRANT UPDATE (status, version, review_comment) ON evaluation TO %I', member);
        EXECUTE format('GRANT UPDATE (review_score) ON indicator TO %I', member);
        EXECUTE format('GRANT INSERT, UPDATE, DELETE ON setting TO %I', member);
    ELSE
        EXECUTE format('GRANT INSERT, UPDATE, DELETE ON evaluation, fund_line, indicator, fund_management TO %I',
                       member);
    END IF;
END $$;
"""

# Run after every migration on a server, so tables added later reach every member.
REGRANT = "SELECT perfdesk_apply_grants(role) FROM perfdesk_member"


# v8: a reviewer's 通过 keeps the scoring scheme with the final evaluation, as 定稿 does (v5's
# final_scheme, finalised_by, finalised_at): the reviewer may write those three with the status.
# A member of several units creating an evaluation is told to name its unit.
REVIEW_KEEPS_SCHEME = r"""
CREATE OR REPLACE FUNCTION perfdesk_guard_evaluation() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    unchanged evaluation;
BEGIN
    IF perfdesk_is_admin() THEN
        RETURN coalesce(NEW, OLD);
    END IF;
    IF TG_OP = 'INSERT' THEN
        IF NEW.unit IS NULL THEN  -- a member of a single unit need not name it
            NEW.unit := (SELECT min(unit) FROM perfdesk_member_unit WHERE role = current_user HAVING count(*) = 1);
        END IF;
        IF NEW.unit IS NULL AND NOT perfdesk_is_reviewer() THEN
            RAISE EXCEPTION 'perfdesk:unit_needed' USING ERRCODE = '42501';
        END IF;
        IF NEW.status NOT IN ('draft', 'submitted') THEN
            RAISE EXCEPTION 'perfdesk:status:%', NEW.status USING ERRCODE = '42501';
        END IF;
        RETURN NEW;
    END IF;
    IF TG_OP = 'DELETE' THEN
        IF OLD.status IN ('submitted', 'final') THEN
            RAISE EXCEPTION 'perfdesk:locked:%', OLD.status USING ERRCODE = '42501';
        END IF;
        RETURN OLD;
    END IF;
    IF NEW.status IS DISTINCT FROM OLD.status THEN
        IF perfdesk_is_reviewer() THEN
            IF OLD.status <> 'submitted' OR NEW.status NOT IN ('returned', 'final') THEN
                RAISE EXCEPTION 'perfdesk:review:%', NEW.status USING ERRCODE = '42501';
            END IF;
            IF NEW.status = 'returned' AND coalesce(btrim(NEW.review_comment), '') = '' THEN
                RAISE EXCEPTION 'perfdesk:return_comment' USING ERRCODE = '42501';
            END IF;
        ELSIF NOT (OLD.status IN ('draft', 'returned') AND NEW.status = 'submitted') THEN
            RAISE EXCEPTION 'perfdesk:status:%', NEW.status USING ERRCODE = '42501';
        END IF;
    END IF;
    IF OLD.status IN ('submitted', 'final') THEN
        unchanged := NEW;
        unchanged.status := OLD.status;
        unchanged.version := OLD.version;
        unchanged.review_comment := OLD.review_comment;
        unchanged.final_scheme := OLD.final_scheme;
        unchanged.finalised_by := OLD.finalised_by;
        unchanged.finalised_at := OLD.finalised_at;
        IF unchanged IS DISTINCT FROM OLD THEN
            RAISE EXCEPTION 'perfdesk:locked:%', OLD.status USING ERRCODE = '42501';
        END IF;
    END IF;
    RETURN NEW;
END $$;
CREATE OR REPLACE FUNCTION perfdesk_apply_grants(member text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    is_reviewer boolean;
    everything text := 'evaluation, fund_line, indicator, fund_management, audit_event, setting, '
                       'perfdesk_member, perfdesk_member_unit, perfdesk_schema';
BEGIN
    SELECT reviewer INTO is_reviewer FROM perfdesk_member WHERE role = member;
    EXECUTE format('REVOKE ALL ON %s FROM %I', everything, member);
    EXECUTE format('REVOKE ALL ON ALL SEQUENCES IN SCHEMA %I FROM %I', current_schema(), member);
    IF is_reviewer IS NULL THEN
        RETURN;
    END IF;
    EXECUTE format('GRANT SELECT ON %s TO %I', everything, member);
    EXECUTE format('GRANT INSERT ON audit_event TO %I', member);
    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO %I', current_schema(), member);
    IF is_reviewer THEN
        EXECUTE format('GRANT UPDATE (status, version, review_comment, final_scheme, finalised_by, finalised_at) ON evaluation TO %I', member);
        EXECUTE format('GRANT UPDATE (review_score) ON indicator TO %I', member);
        EXECUTE format('GRANT INSERT, UPDATE, DELETE ON setting TO %I', member);
    ELSE
        EXECUTE format('GRANT INSERT, UPDATE, DELETE ON evaluation, fund_line, indicator, fund_management TO %I',
                       member);
    END IF;
END $$;
"""


# v9: a row of an evaluation's figures (fund line, indicator, fund-management row) cannot be moved
# out of a submitted or final evaluation into another one: the rules are checked for the
# evaluation a row leaves as well as the one it joins.
ROWS_STAY_PUT = r"""
CREATE OR REPLACE FUNCTION perfdesk_guard_rows() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    state text;
    reviewer boolean;
BEGIN
    IF perfdesk_is_admin() THEN
        RETURN coalesce(NEW, OLD);
    END IF;
    reviewer := perfdesk_is_reviewer();
    IF TG_OP <> 'INSERT' THEN
        SELECT status INTO state FROM evaluation WHERE id = OLD.evaluation_id;
        IF state = 'final' OR (state = 'submitted' AND NOT reviewer) THEN
            RAISE EXCEPTION 'perfdesk:locked:%', state USING ERRCODE = '42501';
        END IF;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        SELECT status INTO state FROM evaluation WHERE id = NEW.evaluation_id;
        IF state = 'final' OR (state = 'submitted' AND NOT reviewer) THEN
            RAISE EXCEPTION 'perfdesk:locked:%', state USING ERRCODE = '42501';
        END IF;
    END IF;
    IF TG_TABLE_NAME = 'indicator' AND NOT reviewer THEN
        IF TG_OP = 'UPDATE' AND NEW.review_score IS DISTINCT FROM OLD.review_score THEN
            RAISE EXCEPTION 'perfdesk:review_only' USING ERRCODE = '42501';
        ELSIF TG_OP = 'INSERT' THEN
            NEW.review_score := NULL;  -- a 复核得分 is the reviewer's to give
        END IF;
    END IF;
    RETURN coalesce(NEW, OLD);
END $$;
"""


# v10: the rows of an evaluation (and its audit events) are visible when their evaluation is, now
# checked per row through the evaluation's primary key. `evaluation_id IN (SELECT id FROM evaluation)`
# made PostgreSQL read every evaluation visible to the role for each statement on one row (a few
# milliseconds per edit with 2,000 evaluations); the planner still hashes the visible ids when a
# statement reads many rows.
ROWS_BY_KEY = r"""
ALTER POLICY fund_line_rows ON fund_line
    USING (EXISTS (SELECT 1 FROM evaluation e WHERE e.id = fund_line.evaluation_id));
ALTER POLICY indicator_rows ON indicator
    USING (EXISTS (SELECT 1 FROM evaluation e WHERE e.id = indicator.evaluation_id));
ALTER POLICY fund_management_rows ON fund_management
    USING (EXISTS (SELECT 1 FROM evaluation e WHERE e.id = fund_management.evaluation_id));
ALTER POLICY audit_event_read ON audit_event
    USING ((SELECT perfdesk_is_reviewer()) OR role = current_user
           OR EXISTS (SELECT 1 FROM evaluation e WHERE e.id = audit_event.evaluation_id));
"""
