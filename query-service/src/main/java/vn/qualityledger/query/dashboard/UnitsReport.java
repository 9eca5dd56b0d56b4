package vn.qualityledger.query.dashboard;

import java.time.LocalDate;
import java.util.List;

/** The figures of every unit with work in an organisation's year, ordered by unit. */
public record UnitsReport(String organisationId, int year, LocalDate asOf, List<UnitFigures> units) {
}
