package vn.qualityledger.query.province;

import java.time.LocalDate;
import java.util.List;
import vn.qualityledger.query.dashboard.OrganisationSummary;

/**
 * Every organisation of the province for one year as of a date, on one page: its objectives' summary (as
 * {@code …/years/{year}/summary} gives it) and its nonconformities raised in the year (as
 * {@code …/nonconformities/summary?year=} counts them).
 */
public record ProvinceSummary(int year, LocalDate asOf, List<Organisation> organisations) {

    /** One organisation; {@code summary} has zero objectives when the organisation only has nonconformities that year. */
    public record Organisation(String organisationId, OrganisationSummary summary, Nonconformities nonconformities) {
    }

    /**
     * The organisation's nonconformities raised in the year by the date.
     *
     * @param open    not closed as of the date
     * @param overdue open with an overdue corrective action
     */
    public record Nonconformities(long total, long open, long overdue) {
    }
}
