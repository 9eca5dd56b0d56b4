package vn.qualityledger.query.board;

import java.time.LocalDate;

/** Which occurrences the board shows; every field but {@code asOf} is optional (null: no restriction). */
public record BoardFilter(String organisationId, Integer year, String objectiveId, String unit, OccurrenceStatus status,
                          LocalDate dueFrom, LocalDate dueTo, LocalDate asOf) {
}
