package vn.qualityledger.query.report;

import java.time.LocalDate;

/**
 * Evidence accepted by the report's date: the document that proves one occurrence's work.
 *
 * @param completedOn the acceptance's effective day: when the occurrence counts as done
 */
public record AcceptedEvidence(String objectiveId, String measureId, String occurrenceId, LocalDate dueDate,
                               String documentNumber, LocalDate documentDate, String issuer, String title,
                               LocalDate acceptedOn, LocalDate completedOn) {
}
