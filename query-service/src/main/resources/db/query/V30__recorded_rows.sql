-- Past states from the read model itself (issue 13): every version of an objective-progress row is kept with the
-- interval during which the read model held it, [recorded_from, recorded_to), so that "the objective as recorded at
-- an instant" is one query instead of a replay of its stream into temporary tables. recorded_at on a live row is the
-- timestamp of the event that last changed it; the handlers set it. The replay stays as the check that proves these
-- versions right (AsRecorded#replayingAll).

ALTER TABLE objective ADD COLUMN recorded_at TIMESTAMPTZ;
ALTER TABLE measure ADD COLUMN recorded_at TIMESTAMPTZ;
ALTER TABLE occurrence ADD COLUMN recorded_at TIMESTAMPTZ;
ALTER TABLE evidence ADD COLUMN recorded_at TIMESTAMPTZ;
ALTER TABLE measurement ADD COLUMN recorded_at TIMESTAMPTZ;

-- The versions of the rows of those five tables, in one table: a version's row is the row as to_jsonb gives it.
-- row_key is the row's key within its objective (the objective's own id for table objective).
CREATE TABLE recorded_row (
    table_name    VARCHAR(63)  NOT NULL,
    objective_id  VARCHAR(128) NOT NULL,
    row_key       VARCHAR(128) NOT NULL,
    row           JSONB        NOT NULL,
    recorded_from TIMESTAMPTZ  NOT NULL,
    recorded_to   TIMESTAMPTZ,
    CHECK (recorded_to IS NULL OR recorded_to >= recorded_from)
);
-- A past view reads one table's versions of a few objectives recorded by an instant.
CREATE INDEX recorded_row_at ON recorded_row (table_name, objective_id, recorded_from);
-- At most one version of a row is open: the one the live table holds.
CREATE UNIQUE INDEX recorded_row_open ON recorded_row (table_name, objective_id, row_key) WHERE recorded_to IS NULL;

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

-- Closes the row's open version and opens the new one, in the recorded_row of the table's own schema: the live one,
-- or a rebuild's shadow (whose transaction points search_path at it). Arguments: the row's objective column, its key
-- column within the objective.
CREATE FUNCTION record_row_version() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    written      JSONB := to_jsonb(NEW);
    row_objective VARCHAR := written ->> TG_ARGV[0];
    row_id        VARCHAR := written ->> TG_ARGV[1];
BEGIN
    IF TG_TABLE_SCHEMA <> current_schema() THEN
        RAISE EXCEPTION 'versions of %.% would be written to schema %', TG_TABLE_SCHEMA, TG_TABLE_NAME, current_schema()
            USING HINT = 'write the table with search_path set to its own schema (ReadModelSchema.use)';
    END IF;
    IF NEW.recorded_at IS NULL THEN
        RAISE EXCEPTION 'a row of % must say when it was recorded (recorded_at)', TG_TABLE_NAME;
    END IF;
    IF TG_OP = 'UPDATE' THEN
        UPDATE recorded_row v SET recorded_to = GREATEST(v.recorded_from, NEW.recorded_at)
        WHERE v.table_name = TG_TABLE_NAME AND v.objective_id = row_objective AND v.row_key = row_id AND v.recorded_to IS NULL;
    END IF;
    INSERT INTO recorded_row (table_name, objective_id, row_key, row, recorded_from)
    VALUES (TG_TABLE_NAME, row_objective, row_id, written, NEW.recorded_at);
    RETURN NULL;
END
$$;

-- The triggers of the five tables of a schema (the live one here; a rebuild's shadow when it is made).
CREATE FUNCTION add_row_versions(target_schema TEXT) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    versioned TEXT[][] := ARRAY[['objective', 'id', 'id'], ['measure', 'objective_id', 'measure_id'],
        ['occurrence', 'objective_id', 'occurrence_id'], ['evidence', 'objective_id', 'evidence_id'],
        ['measurement', 'objective_id', 'measurement_id']];
    i INT;
BEGIN
    FOR i IN 1 .. array_length(versioned, 1) LOOP
        EXECUTE format('CREATE TRIGGER skip_unchanged_row BEFORE UPDATE ON %I.%I FOR EACH ROW EXECUTE FUNCTION query.skip_unchanged_row()',
                       target_schema, versioned[i][1]);
        EXECUTE format('CREATE TRIGGER record_row_version AFTER INSERT OR UPDATE ON %I.%I FOR EACH ROW EXECUTE FUNCTION query.record_row_version(%L, %L)',
                       target_schema, versioned[i][1], versioned[i][2], versioned[i][3]);
    END LOOP;
END
$$;

SELECT add_row_versions('query');

-- The past views: schema query_as_recorded holds a view named like each objective-progress table that gives the rows
-- of the objectives listed in setting qualityledger.as_recorded_objectives as recorded at qualityledger.as_recorded_at
-- (both set for one transaction by AsRecorded). A read that names its tables unqualified answers as of that instant
-- when the transaction's search_path leads there. Reports are not part of an objective's stream: issued_report is empty
-- there, as a replay of the objective streams leaves it. Outside such a transaction the settings are missing and a read
-- fails rather than answer from some other instant. Recreate the views (this function) after adding a column to a
-- table: a view's columns are fixed when it is made (a test compares them with the tables').
CREATE SCHEMA query_as_recorded;

CREATE FUNCTION create_as_recorded_views() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['objective', 'measure', 'occurrence', 'evidence', 'measurement'] LOOP
        EXECUTE format('DROP VIEW IF EXISTS query_as_recorded.%I', t);
        EXECUTE format($view$
            CREATE VIEW query_as_recorded.%1$I AS
            SELECT r.* FROM query.recorded_row v CROSS JOIN LATERAL jsonb_populate_record(NULL::query.%1$I, v.row) r
            WHERE v.table_name = %1$L
              AND v.objective_id = ANY (current_setting('qualityledger.as_recorded_objectives')::TEXT[])
              AND v.recorded_from <= current_setting('qualityledger.as_recorded_at')::TIMESTAMPTZ
              AND (v.recorded_to IS NULL OR v.recorded_to > current_setting('qualityledger.as_recorded_at')::TIMESTAMPTZ)
            $view$, t);
    END LOOP;
    DROP VIEW IF EXISTS query_as_recorded.issued_report;
    CREATE VIEW query_as_recorded.issued_report AS SELECT * FROM query.issued_report WHERE false;
END
$$;

SELECT create_as_recorded_views();

-- The rows there are have no versions yet, and recorded_at cannot be known without their events: the processor
-- replays objective-progress from the first event once (its token and its parked events go; a poison event is parked
-- again when it is reached).
TRUNCATE objective, measure, occurrence, evidence, measurement, issued_report;
DELETE FROM token_entry WHERE processor_name = 'objective-progress';
DELETE FROM dead_letter_entry WHERE processing_group = 'objective-progress';
