-- A measure's schedule rules as planned or last revised (the plan document's rule objects: due, window, rrule,
-- continuous, adhoc), so that the plan read gives them back and a page can say them in words. Rows recorded before
-- this column existed hold NULL until objective-progress is rebuilt (POST /api/admin/projections/objective-progress/rebuild).
ALTER TABLE query.measure ADD COLUMN schedule_rules JSONB;
