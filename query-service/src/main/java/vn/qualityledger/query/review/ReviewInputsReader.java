package vn.qualityledger.query.review;

import static vn.qualityledger.query.QueryServiceApplication.AGENCY_ZONE;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Service;
import vn.qualityledger.api.review.ManagementReviewHeldEvent;
import vn.qualityledger.query.auditprogramme.AuditProgramme;
import vn.qualityledger.query.auditprogramme.AuditProgramme.AuditStatus;
import vn.qualityledger.query.auditprogramme.AuditProgrammeRepository;
import vn.qualityledger.query.dashboard.DashboardRepository;
import vn.qualityledger.query.dashboard.ObjectiveDashboard;
import vn.qualityledger.query.dashboard.OrganisationSummary;
import vn.qualityledger.query.knownat.AsRecorded;
import vn.qualityledger.query.knownat.AsRecorded.Replay;
import vn.qualityledger.query.nonconformity.NonconformityFilter;
import vn.qualityledger.query.nonconformity.NonconformityRepository;
import vn.qualityledger.query.nonconformity.NonconformityRow;
import vn.qualityledger.query.nonconformity.NonconformitySummary;
import vn.qualityledger.query.review.ManagementReviewRepository.Decision;
import vn.qualityledger.query.review.ManagementReviewRepository.Detail;
import vn.qualityledger.query.tracking.NonconformityStatus;

/**
 * Assembles a review's 9.3.2 inputs from the reads that already exist — dashboards, units, the nonconformity tracker,
 * the audit programme, the review decisions — run over the organisation's streams replayed up to the cut-off
 * ({@link AsRecorded}): no figure has a formula of its own here, and a later correction does not reach a held review.
 */
@Service
public class ReviewInputsReader {

    /** A review and its inputs, read together. */
    public record Review(Detail review, ReviewInputs inputs) {
    }

    private final ManagementReviewRepository reviews;
    private final DashboardRepository dashboards;
    private final NonconformityRepository nonconformities;
    private final AuditProgrammeRepository programmes;
    private final AsRecorded asRecorded;
    private final EventStore eventStore;

    public ReviewInputsReader(ManagementReviewRepository reviews, DashboardRepository dashboards,
                              NonconformityRepository nonconformities, AuditProgrammeRepository programmes, AsRecorded asRecorded,
                              EventStore eventStore) {
        this.reviews = reviews;
        this.dashboards = dashboards;
        this.nonconformities = nonconformities;
        this.programmes = programmes;
        this.asRecorded = asRecorded;
        this.eventStore = eventStore;
    }

    /**
     * The review (its own record as it stands: plan, notes, meeting, decisions) and its inputs as known at its cut-off,
     * or as known now while it is not held; empty for an unknown review.
     */
    public Optional<Review> read(String reviewId) {
        LocalDate today = LocalDate.ofInstant(GenericEventMessage.clock.instant(), AGENCY_ZONE);
        return reviews.review(reviewId, today).map(review -> new Review(review, inputs(review)));
    }

    private ReviewInputs inputs(Detail review) {
        Optional<Instant> cutOff = cutOff(review.id());
        boolean provisional = cutOff.isEmpty();
        // Events are stamped by Axon's clock: "now" on that clock for a review whose cut-off is still to come.
        Instant knownAt = cutOff.orElseGet(GenericEventMessage.clock::instant);
        LocalDate asOf = LocalDate.ofInstant(knownAt, AGENCY_ZONE);
        String organisationId = review.organisationId();
        int year = review.periodTo().getYear();
        List<Replay> replays = List.of(Replay.objectives(asRecorded.objectivesOf(organisationId, year)),
                Replay.auditsAndNonconformities(asRecorded.auditsAndNonconformitiesOf(organisationId)),
                Replay.reviews(reviews.reviewsOf(organisationId)));
        return asRecorded.replaying(knownAt, replays, () -> {
            List<Decision> previous = reviews.decisions(organisationId, null, asOf).stream()
                    .filter(decision -> !decision.reviewId().equals(review.id())).toList();
            List<ObjectiveDashboard> objectives = dashboards.findObjectives(organisationId, year, asOf, null, 0);
            AuditProgramme programme = programmes.programme(organisationId, year, asOf);
            return new ReviewInputs(review.id(), organisationId, review.periodFrom(), review.periodTo(), year, knownAt, asOf,
                    provisional, previousDecisions(previous), objectives,
                    OrganisationSummary.of(organisationId, year, asOf, objectives),
                    nonconformities(organisationId, review.periodFrom(), review.periodTo(), asOf),
                    new ReviewInputs.Monitoring(dashboards.findUnits(organisationId, year, asOf, null), programme.units(),
                            programme.audited().size(), programme.auditedRate()),
                    auditsClosedIn(organisationId, review.periodFrom(), review.periodTo(), asOf, programme), review.notes());
        });
    }

    /**
     * The cut-off as its event recorded it, to the nanosecond (the read model's timestamp keeps microseconds): the
     * instant the replay stops at, and the one the minutes name.
     */
    private Optional<Instant> cutOff(String reviewId) {
        if (eventStore.lastSequenceNumberFor(reviewId).isEmpty()) {
            return Optional.empty();
        }
        DomainEventStream stream = eventStore.readEvents(reviewId, 0);
        while (stream.hasNext()) {
            if (stream.next().getPayload() instanceof ManagementReviewHeldEvent held) {
                return Optional.of(held.cutOff());
            }
        }
        return Optional.empty();
    }

    private static ReviewInputs.PreviousDecisions previousDecisions(List<Decision> decisions) {
        return new ReviewInputs.PreviousDecisions(decisions.size(), count(decisions, "OPEN"), count(decisions, "OVERDUE"),
                count(decisions, "DONE"), decisions);
    }

    private static long count(List<Decision> decisions, String status) {
        return decisions.stream().filter(decision -> status.equals(decision.status())).count();
    }

    /** Counts of the period from the tracker's rows (their status on asOf); open and overdue from its summary. */
    private ReviewInputs.Nonconformities nonconformities(String organisationId, LocalDate from, LocalDate to, LocalDate asOf) {
        NonconformitySummary summary = nonconformities.summary(organisationId, null, asOf);
        List<NonconformityRow> all = nonconformities.list(organisationId,
                new NonconformityFilter(null, null, null, null, null, null, null), asOf, Integer.MAX_VALUE, 0);
        long raised = all.stream().filter(row -> within(row.raisedOn(), from, to)).count();
        long closed = all.stream().filter(row -> row.status() == NonconformityStatus.CLOSED && within(row.closedOn(), from, to)).count();
        List<NonconformityRow> shown = all.stream()
                .filter(row -> within(row.raisedOn(), from, to) || row.status() != NonconformityStatus.CLOSED).toList();
        return new ReviewInputs.Nonconformities(raised, closed, summary.open(), summary.overdue(), summary.overdueActions(), shown);
    }

    /**
     * Audits closed within the period, of its years and the year before it (a round of December may close in
     * January), each as its year's audit programme gives it.
     */
    private List<AuditStatus> auditsClosedIn(String organisationId, LocalDate from, LocalDate to, LocalDate asOf,
                                             AuditProgramme periodEndYear) {
        List<AuditStatus> closed = new ArrayList<>();
        for (int year = from.getYear() - 1; year <= to.getYear(); year++) {
            AuditProgramme programme = year == periodEndYear.year() ? periodEndYear : programmes.programme(organisationId, year, asOf);
            programme.audits().stream().filter(audit -> within(audit.closedOn(), from, to)).forEach(closed::add);
        }
        return closed;
    }

    private static boolean within(LocalDate day, LocalDate from, LocalDate to) {
        return day != null && !day.isBefore(from) && !day.isAfter(to);
    }
}
