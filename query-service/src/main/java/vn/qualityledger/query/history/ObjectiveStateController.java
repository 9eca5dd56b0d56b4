package vn.qualityledger.query.history;

import static vn.qualityledger.query.QueryServiceApplication.AGENCY_ZONE;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.qualityledger.query.dashboard.DashboardRepository;
import vn.qualityledger.query.dashboard.ObjectiveDashboard;
import vn.qualityledger.query.history.RecordedRows.RecordedEvidence;
import vn.qualityledger.query.history.RecordedRows.RecordedMeasure;
import vn.qualityledger.query.history.RecordedRows.RecordedMeasurement;
import vn.qualityledger.query.history.RecordedRows.RecordedOccurrence;
import vn.qualityledger.query.knownat.AsRecorded;
import vn.qualityledger.query.web.InvalidParameterException;
import vn.qualityledger.query.web.ReadAccess;

/**
 * An objective as it stood at a past instant — rebuilt from the events recorded by then — and what changed between two
 * instants: both sets of figures and the events recorded in between ("why did the completion rate fall?").
 * Figures at an instant are for its local date in Asia/Ho_Chi_Minh.
 */
@RestController
class ObjectiveStateController {


    /** The objective at an instant: its figures, and every row of its plan and work as the read model had it. */
    record ObjectiveState(String objectiveId, Instant at, LocalDate asOf, ObjectiveDashboard figures, List<RecordedMeasure> measures,
                          List<RecordedOccurrence> occurrences, List<RecordedEvidence> evidence, List<RecordedMeasurement> measurements) {
    }

    /**
     * The objective's plan as recorded now: the same rows as a state's measures, occurrences and measurements, without a
     * replay.
     */
    record ObjectivePlan(String objectiveId, List<RecordedMeasure> measures, List<RecordedOccurrence> occurrences,
                         List<RecordedMeasurement> measurements) {
    }

    /**
     * One figure that differs between the two instants.
     *
     * @param figure {@code due}, {@code onTime}, {@code late}, {@code overdue}, {@code completionRate}, {@code onTimeRate},
     *               {@code kpiStatus} or {@code latestMeasurement}
     * @param from   its value at {@code from}: a number, or text for {@code kpiStatus}; null where there was none
     * @param to     its value at {@code to}, the same way
     */
    record FigureChange(String figure, Object from, Object to) {
    }

    record ObjectiveChanges(String objectiveId, Instant from, Instant to, ObjectiveDashboard before, ObjectiveDashboard after,
                           List<FigureChange> changedFigures, List<HistoryEntry> events) {
    }

    private final AsRecorded asRecorded;
    private final DashboardRepository dashboards;
    private final StreamHistory history;
    private final RecordedRows rows;
    private final ReadAccess access;

    ObjectiveStateController(AsRecorded asRecorded, DashboardRepository dashboards, StreamHistory history, RecordedRows rows,
                             ReadAccess access) {
        this.access = access;
        this.asRecorded = asRecorded;
        this.dashboards = dashboards;
        this.history = history;
        this.rows = rows;
    }

    @GetMapping("/api/objectives/{objectiveId}/state")
    ObjectiveState state(@PathVariable String objectiveId, @RequestParam Instant at) {
        access.requireObjective(objectiveId);
        history.requireExists(StreamHistory.Kind.OBJECTIVE, objectiveId);
        LocalDate asOf = LocalDate.ofInstant(at, AGENCY_ZONE);
        return asRecorded.at(at, List.of(objectiveId), () -> new ObjectiveState(objectiveId, at, asOf,
                figures(objectiveId, asOf), measures(objectiveId), occurrences(objectiveId),
                rows.of(RecordedEvidence.class, "evidence", "objective_id", "submitted_on, evidence_id", objectiveId),
                measurements(objectiveId)));
    }

    /**
     * What a page needs to show or act on the plan today (its measures with units, monitors, expected evidence and
     * assignment; its occurrences; the measurements of its target indicator): read from the live read model, where
     * {@code /state} replays the whole stream.
     */
    @GetMapping("/api/objectives/{objectiveId}/plan")
    ObjectivePlan plan(@PathVariable String objectiveId) {
        access.requireObjective(objectiveId);
        history.requireExists(StreamHistory.Kind.OBJECTIVE, objectiveId);
        return new ObjectivePlan(objectiveId, measures(objectiveId), occurrences(objectiveId), measurements(objectiveId));
    }

    private List<RecordedMeasure> measures(String objectiveId) {
        return rows.of(RecordedMeasure.class, "measure", "objective_id", "code", objectiveId);
    }

    private List<RecordedOccurrence> occurrences(String objectiveId) {
        return rows.of(RecordedOccurrence.class, "occurrence", "objective_id", "due_date, occurrence_id", objectiveId);
    }

    private List<RecordedMeasurement> measurements(String objectiveId) {
        return rows.of(RecordedMeasurement.class, "measurement", "objective_id", "period_to, stream_sequence", objectiveId);
    }

    @GetMapping("/api/objectives/{objectiveId}/changes")
    ObjectiveChanges changes(@PathVariable String objectiveId, @RequestParam Instant from, @RequestParam Instant to) {
        if (!from.isBefore(to)) {
            throw new InvalidParameterException("to", "must be after from");
        }
        access.requireObjective(objectiveId);
        history.requireExists(StreamHistory.Kind.OBJECTIVE, objectiveId);
        ObjectiveDashboard before = asRecorded.at(from, List.of(objectiveId),
                () -> figures(objectiveId, LocalDate.ofInstant(from, AGENCY_ZONE)));
        ObjectiveDashboard after = asRecorded.at(to, List.of(objectiveId),
                () -> figures(objectiveId, LocalDate.ofInstant(to, AGENCY_ZONE)));
        return new ObjectiveChanges(objectiveId, from, to, before, after, changed(before, after),
                history.recordedBetween(StreamHistory.Kind.OBJECTIVE, objectiveId, from, to));
    }

    /** Figures at the instant; an objective not yet defined then has none. */
    private ObjectiveDashboard figures(String objectiveId, LocalDate asOf) {
        return dashboards.findObjective(objectiveId, asOf).orElse(null);
    }


    private static List<FigureChange> changed(ObjectiveDashboard before, ObjectiveDashboard after) {
        List<FigureChange> changes = new ArrayList<>();
        if (before == null || after == null) {
            return changes;
        }
        compare(changes, "due", before.occurrences().due(), after.occurrences().due());
        compare(changes, "onTime", before.occurrences().onTime(), after.occurrences().onTime());
        compare(changes, "late", before.occurrences().late(), after.occurrences().late());
        compare(changes, "overdue", before.occurrences().overdue(), after.occurrences().overdue());
        compare(changes, "completionRate", before.completionRate(), after.completionRate());
        compare(changes, "onTimeRate", before.onTimeRate(), after.onTimeRate());
        compare(changes, "kpiStatus", before.kpiStatus(), after.kpiStatus());
        compare(changes, "latestMeasurement", before.latestMeasurement() == null ? null : before.latestMeasurement().value(),
                after.latestMeasurement() == null ? null : after.latestMeasurement().value());
        return changes;
    }

    private static void compare(List<FigureChange> changes, String figure, Object from, Object to) {
        boolean same = from instanceof BigDecimal a && to instanceof BigDecimal b ? a.compareTo(b) == 0 : Objects.equals(from, to);
        if (!same) {
            changes.add(new FigureChange(figure, from, to));
        }
    }
}
