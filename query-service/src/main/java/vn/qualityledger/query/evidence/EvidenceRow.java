package vn.qualityledger.query.evidence;

import java.time.LocalDate;
import java.util.List;

/**
 * A piece of evidence with what a reviewer needs beside it: the occurrence it proves, the measure's monitors, the
 * document, who filed it and when, and its decision as of the date ({@code decidedOn}, {@code effectiveOn} and
 * {@code reason} null while it awaits review). {@code submittedBy} is null for evidence projected before filers were
 * kept, until a rebuild.
 */
public record EvidenceRow(String objectiveId, String objectiveCode, String measureId, String measureCode, String measureTitle,
                          List<String> monitors, String occurrenceId, LocalDate dueDate, String evidenceId, Document document,
                          LocalDate submittedOn, Filer submittedBy, EvidenceStatus status, LocalDate decidedOn,
                          LocalDate effectiveOn, String reason) {

    public record Document(String number, LocalDate date, String issuer, String title, String link, String sha256) {
    }

    public record Filer(String id, String name) {
    }
}
