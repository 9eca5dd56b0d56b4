-- The stored file filed with a piece of evidence (EvidenceSubmitted revision 2): its SHA-256, name, size and type,
-- null for evidence filed without one. The content itself is command-service's (schema files), served by
-- GET /api/objectives/{id}/evidence/{evidenceId}/file.
ALTER TABLE evidence ADD COLUMN file_sha256 CHAR(64);
ALTER TABLE evidence ADD COLUMN file_name TEXT;
ALTER TABLE evidence ADD COLUMN file_size BIGINT;
ALTER TABLE evidence ADD COLUMN file_content_type TEXT;
