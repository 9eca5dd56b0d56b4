package vn.qualityledger.query.evidence;

import java.time.LocalDate;
import java.util.List;

/**
 * A piece of evidence with what a reviewer needs beside it: the occurrence it proves, the measure's monitors, the
 * document, who filed it and when, and its decision as of the date ({@code decidedOn}, {@code effectiveOn} and
 * {@code reason} null while it awaits review). {@code submittedBy} is null for evidence projected before filers were
 * kept, until a rebuild. {@code file} is the stored copy filed with it (null when none was), served at
 * {@code /api/objectives/{objectiveId}/evidence/{evidenceId}/file}.
 */
public record EvidenceRow(String objectiveId, String objectiveCode, String measureId, String measureCode, String measureTitle,
                          List<String> monitors, String occurrenceId, LocalDate dueDate, String evidenceId, Document document,
                          LocalDate submittedOn, Filer submittedBy, EvidenceStatus status, LocalDate decidedOn,
                          LocalDate effectiveOn, String reason, File file) {

    public record Document(String number, LocalDate date, String issuer, String title, String link, String sha256) {
    }

    public record Filer(String id, String name) {
    }

    /** The stored file: its SHA-256 (lower-case hex, computed when it was uploaded), name, size in bytes and media type. */
    public record File(String sha256, String name, long size, String contentType) {
    }
}
