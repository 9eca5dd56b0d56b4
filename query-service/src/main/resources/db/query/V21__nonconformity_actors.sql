-- Who did each step of a nonconformity (from the event's metadata: actorId, actorName), so that the detail names them
-- and a verifier is not offered the verification of an action they implemented themselves. Rows projected before
-- these columns existed hold null until a rebuild.
ALTER TABLE nonconformity ADD COLUMN raised_by TEXT;
ALTER TABLE nonconformity ADD COLUMN raised_by_name TEXT;
ALTER TABLE nonconformity ADD COLUMN corrected_by TEXT;
ALTER TABLE nonconformity ADD COLUMN corrected_by_name TEXT;
ALTER TABLE nonconformity ADD COLUMN analysed_by TEXT;
ALTER TABLE nonconformity ADD COLUMN analysed_by_name TEXT;
ALTER TABLE corrective_action ADD COLUMN planned_by TEXT;
ALTER TABLE corrective_action ADD COLUMN planned_by_name TEXT;
ALTER TABLE corrective_action ADD COLUMN implemented_by TEXT;
ALTER TABLE corrective_action ADD COLUMN implemented_by_name TEXT;
ALTER TABLE verification ADD COLUMN verified_by TEXT;
ALTER TABLE verification ADD COLUMN verified_by_name TEXT;
ALTER TABLE nonconformity_closure ADD COLUMN actor_id TEXT;
ALTER TABLE nonconformity_closure ADD COLUMN actor_name TEXT;
