package vn.qualityledger.query.evidence;

import java.time.LocalDate;

/**
 * Which evidence the register shows; every field but {@code asOf} is optional (null: no restriction). {@code monitor}
 * is a monitor of the measure, as the plan names it (a unit or a role's code, e.g. {@code QMR}).
 */
public record EvidenceFilter(String organisationId, Integer year, String objectiveId, String occurrenceId, String monitor,
                             EvidenceStatus status, LocalDate asOf) {
}
