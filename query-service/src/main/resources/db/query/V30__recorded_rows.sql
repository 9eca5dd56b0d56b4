-- Past states from the read model itself (issue 13): every version of an objective-progress row is kept with the
-- interval during which the read model held it, [recorded_from, recorded_to), so that "the objective as recorded at
-- an instant" is one query instead of a replay of its stream into temporary tables. recorded_at on a live row is the
-- timestamp of the event that last changed it; the handlers set it. The replay stays as the check that proves these
-- versions right (AsRecorded#byReplay).

ALTER TABLE objective ADD COLUMN recorded_at TIMESTAMPTZ;
ALTER TABLE measure ADD COLUMN recorded_at TIMESTAMPTZ;
ALTER TABLE occurrence ADD COLUMN recorded_at TIMESTAMPTZ;
ALTER TABLE evidence ADD COLUMN recorded_at TIMESTAMPTZ;
ALTER TABLE measurement ADD COLUMN recorded_at TIMESTAMPTZ;

-- The versions of the rows of those five tables: table <t>_version has <t>'s columns (in the same order) and the
-- interval during which the read model held the version. Written only by the triggers of <t>; read by the past views.
CREATE TABLE objective_version (LIKE objective);
CREATE TABLE measure_version (LIKE measure);
CREATE TABLE occurrence_version (LIKE occurrence);
CREATE TABLE evidence_version (LIKE evidence);
CREATE TABLE measurement_version (LIKE measurement);
ALTER TABLE objective_version ADD COLUMN recorded_from TIMESTAMPTZ NOT NULL, ADD COLUMN recorded_to TIMESTAMPTZ;
ALTER TABLE measure_version ADD COLUMN recorded_from TIMESTAMPTZ NOT NULL, ADD COLUMN recorded_to TIMESTAMPTZ;
ALTER TABLE occurrence_version ADD COLUMN recorded_from TIMESTAMPTZ NOT NULL, ADD COLUMN recorded_to TIMESTAMPTZ;
ALTER TABLE evidence_version ADD COLUMN recorded_from TIMESTAMPTZ NOT NULL, ADD COLUMN recorded_to TIMESTAMPTZ;
ALTER TABLE measurement_version ADD COLUMN recorded_from TIMESTAMPTZ NOT NULL, ADD COLUMN recorded_to TIMESTAMPTZ;
-- A past view reads the versions of a few objectives recorded by an instant; at most one version of a row is open
-- (the one the live table holds), and closing it finds it by the row's key.
CREATE INDEX objective_version_at ON objective_version (id, recorded_from);
CREATE UNIQUE INDEX objective_version_open ON objective_version (id) WHERE recorded_to IS NULL;
CREATE INDEX measure_version_at ON measure_version (objective_id, recorded_from);
CREATE UNIQUE INDEX measure_version_open ON measure_version (objective_id, measure_id) WHERE recorded_to IS NULL;
CREATE INDEX occurrence_version_at ON occurrence_version (objective_id, recorded_from);
CREATE UNIQUE INDEX occurrence_version_open ON occurrence_version (objective_id, occurrence_id) WHERE recorded_to IS NULL;
CREATE INDEX evidence_version_at ON evidence_version (objective_id, recorded_from);
CREATE UNIQUE INDEX evidence_version_open ON evidence_version (objective_id, evidence_id) WHERE recorded_to IS NULL;
CREATE INDEX measurement_version_at ON measurement_version (objective_id, recorded_from);
CREATE UNIQUE INDEX measurement_version_open ON measurement_version (objective_id, measurement_id) WHERE recorded_to IS NULL;

-- The versioned tables: name, the column naming the objective, the row's key.
CREATE FUNCTION versioned_tables() RETURNS TABLE (table_name TEXT, objective_column TEXT, key_columns TEXT[])
LANGUAGE sql IMMUTABLE AS $$
    VALUES ('objective', 'id', ARRAY['id']), ('measure', 'objective_id', ARRAY['objective_id', 'measure_id']),
           ('occurrence', 'objective_id', ARRAY['objective_id', 'occurrence_id']),
           ('evidence', 'objective_id', ARRAY['objective_id', 'evidence_id']),
           ('measurement', 'objective_id', ARRAY['objective_id', 'measurement_id'])
$$;

-- An update that changes nothing but recorded_at (LEAST of a date already earlier, an event delivered again) writes
-- nothing: the row, and so its open version, stays as it was.
CREATE FUNCTION skip_unchanged_row() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    recorded TIMESTAMPTZ := NEW.recorded_at;
BEGIN
    NEW.recorded_at := OLD.recorded_at;
    IF NEW IS NOT DISTINCT FROM OLD THEN
        RETURN NULL;
    END IF;
    NEW.recorded_at := recorded;
    RETURN NEW;
END
$$;

-- For each versioned table <t>: the trigger function record_<t>_version, which closes the row's open version and
-- opens the new one in the <t>_version of the table's own schema (the live one, or a rebuild's shadow, whose
-- transaction points search_path at it); and the past view query_as_recorded.<t>. Both list <t>'s columns as they are
-- now: after adding a column to <t> (and to <t>_version, before recorded_from), call this again. A test compares the
-- columns of the three.
--
-- The past views give the rows of the objectives listed in setting qualityledger.as_recorded_objectives as recorded
-- at qualityledger.as_recorded_at (both set for one transaction by AsRecorded): a read naming its tables unqualified
-- answers as of that instant when the transaction's search_path leads there. Outside such a transaction the settings
-- are missing and a read fails rather than answer from some other instant. Reports are not part of an objective's
-- stream: issued_report is empty there, as a replay of the objective streams leaves it.
CREATE SCHEMA query_as_recorded;

CREATE FUNCTION create_row_versions() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    t RECORD;
    columns TEXT;
    new_values TEXT;
    open_version TEXT;
BEGIN
    FOR t IN SELECT * FROM query.versioned_tables() LOOP
        SELECT string_agg(format('%I', c.column_name), ', ' ORDER BY c.ordinal_position),
               string_agg(format('NEW.%I', c.column_name), ', ' ORDER BY c.ordinal_position)
        INTO columns, new_values
        FROM information_schema.columns c WHERE c.table_schema = 'query' AND c.table_name = t.table_name;
        SELECT string_agg(format('v.%1$I = NEW.%1$I', k), ' AND ') INTO open_version FROM unnest(t.key_columns) k;
        EXECUTE format($function$
            CREATE OR REPLACE FUNCTION query.%1$I() RETURNS trigger LANGUAGE plpgsql AS $body$
            BEGIN
                IF TG_TABLE_SCHEMA <> current_schema() THEN
                    RAISE EXCEPTION 'versions of %%.%% would be written to schema %%', TG_TABLE_SCHEMA, TG_TABLE_NAME, current_schema()
                        USING HINT = 'write the table with search_path set to its own schema (ReadModelSchema.use)';
                END IF;
                IF NEW.recorded_at IS NULL THEN
                    RAISE EXCEPTION 'a row of %%.%% must say when it was recorded (recorded_at)', TG_TABLE_SCHEMA, TG_TABLE_NAME;
                END IF;
                IF TG_OP = 'UPDATE' THEN
                    UPDATE %2$I v SET recorded_to = GREATEST(v.recorded_from, NEW.recorded_at)
                    WHERE %3$s AND v.recorded_to IS NULL;
                END IF;
                INSERT INTO %2$I (%4$s, recorded_from) VALUES (%5$s, NEW.recorded_at);
                RETURN NULL;
            END
            $body$
            $function$, 'record_' || t.table_name || '_version', t.table_name || '_version', open_version, columns, new_values);
        EXECUTE format('DROP VIEW IF EXISTS query_as_recorded.%I', t.table_name);
        EXECUTE format($view$
            CREATE VIEW query_as_recorded.%1$I AS
            SELECT %2$s FROM query.%3$I
            WHERE %4$I = ANY (current_setting('qualityledger.as_recorded_objectives')::TEXT[])
              AND recorded_from <= current_setting('qualityledger.as_recorded_at')::TIMESTAMPTZ
              AND (recorded_to IS NULL OR recorded_to > current_setting('qualityledger.as_recorded_at')::TIMESTAMPTZ)
            $view$, t.table_name, columns, t.table_name || '_version', t.objective_column);
    END LOOP;
    DROP VIEW IF EXISTS query_as_recorded.issued_report;
    CREATE VIEW query_as_recorded.issued_report AS SELECT * FROM query.issued_report WHERE false;
END
$$;

SELECT create_row_versions();

-- The triggers of the versioned tables of a schema: the live one here, a rebuild's shadow when it is made
-- (ObjectiveProgressProjection#completeCopy).
CREATE FUNCTION add_row_versions(target_schema TEXT) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    t RECORD;
BEGIN
    FOR t IN SELECT * FROM query.versioned_tables() LOOP
        EXECUTE format('CREATE TRIGGER skip_unchanged_row BEFORE UPDATE ON %I.%I FOR EACH ROW EXECUTE FUNCTION query.skip_unchanged_row()',
                       target_schema, t.table_name);
        EXECUTE format('CREATE TRIGGER record_version AFTER INSERT OR UPDATE ON %I.%I FOR EACH ROW EXECUTE FUNCTION query.%I()',
                       target_schema, t.table_name, 'record_' || t.table_name || '_version');
    END LOOP;
END
$$;

SELECT add_row_versions('query');

-- The rows there are have no versions yet, and recorded_at cannot be known without their events: the processor
-- replays objective-progress from the first event once (its token and its parked events go; a poison event is parked
-- again when it is reached).
TRUNCATE objective, measure, occurrence, evidence, measurement, issued_report;
DELETE FROM token_entry WHERE processor_name = 'objective-progress';
DELETE FROM dead_letter_entry WHERE processing_group = 'objective-progress';
