-- The names of an audit's team as last appointed, in the order of query.audit.team (the lead auditor first), so that
-- GET /api/audits/{id} and the programme name the team without reading the round's event stream. Rounds appointed
-- before this column existed hold NULL until nonconformity-tracking is rebuilt.
ALTER TABLE query.audit ADD COLUMN team_names TEXT[];
