-- Who filed each piece of evidence (from the event's metadata), so that a review queue can show it and a monitor is
-- not offered to review their own filing. Rows projected before this column existed hold null until a rebuild.
ALTER TABLE evidence ADD COLUMN submitted_by TEXT;
ALTER TABLE evidence ADD COLUMN submitted_by_name TEXT;
