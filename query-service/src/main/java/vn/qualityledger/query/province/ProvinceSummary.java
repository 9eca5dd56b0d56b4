package vn.qualityledger.query.province;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.qualityledger.query.dashboard.OrganisationSummary;
import vn.qualityledger.query.review.ReviewDue;

/**
 * Every organisation of the province for one year as of a date, on one page: its objectives' summary (as
 * {@code …/years/{year}/summary} gives it), its nonconformities raised in the year (as
 * {@code …/nonconformities/summary?year=} counts them), its internal audits held (as the audit programme lists them) and
 * its last management review with whether one is due (as {@code …/reviews} gives it).
 *
 * @param knownAt the instant the figures were read as recorded by, or null for what is recorded now
 * @param sort    the order of {@code organisations}, as the {@code sort} parameter names it
 */
public record ProvinceSummary(int year, LocalDate asOf, Instant knownAt, String sort, List<Organisation> organisations) {

    /**
     * One organisation; {@code summary} has zero objectives when the organisation only has nonconformities that year.
     *
     * @param auditsHeld       the year's internal audits (planned by the date) in which at least one unit was audited by it
     * @param review           the plan's rule I.4 on the date: the last review held ({@code lastHeldOn}, of any year) and
     *                         whether one is due
     * @param organisationName its name as its directory records it now (whatever {@code knownAt}), or null: show the code
     */
    public record Organisation(String organisationId, OrganisationSummary summary, Nonconformities nonconformities,
                               long auditsHeld, ReviewDue review, String organisationName) {

        Organisation named(String name) {
            return new Organisation(organisationId, summary, nonconformities, auditsHeld, review, name);
        }
    }

    // Named for the API document: springdoc names schemas by simple name, and another record is called the same.
    /**
     * The organisation's nonconformities raised in the year by the date.
     *
     * @param open    not closed as of the date
     * @param overdue open with an overdue corrective action
     */
    @Schema(name = "ProvinceNonconformities")
    public record Nonconformities(long total, long open, long overdue) {
    }
}
