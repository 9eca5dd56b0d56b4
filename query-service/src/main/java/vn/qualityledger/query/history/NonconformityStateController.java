package vn.qualityledger.query.history;

import static vn.qualityledger.query.QueryServiceApplication.AGENCY_ZONE;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.qualityledger.query.history.RecordedRows.RecordedClosure;
import vn.qualityledger.query.history.RecordedRows.RecordedCorrectiveAction;
import vn.qualityledger.query.history.RecordedRows.RecordedVerification;
import vn.qualityledger.query.knownat.AsRecorded.Replay;
import vn.qualityledger.query.knownat.AsRecorded;
import vn.qualityledger.query.nonconformity.NonconformityDetail;
import vn.qualityledger.query.nonconformity.NonconformityRepository;
import vn.qualityledger.query.web.ReadAccess;

/**
 * A nonconformity exactly as it stood at a past instant: its stream (and the audit or objective it came from) replayed
 * up to then with the projection's own code, read as of that instant's local date in Asia/Ho_Chi_Minh.
 */
@RestController
class NonconformityStateController {


    /** The nonconformity at an instant: as the tracker showed it then, and every row of it as recorded by then. */
    record NonconformityState(String nonconformityId, Instant at, LocalDate asOf, NonconformityDetail nonconformity,
                              List<RecordedCorrectiveAction> actions, List<RecordedVerification> verifications, List<RecordedClosure> closures) {
    }

    private final AsRecorded asRecorded;
    private final NonconformityRepository nonconformities;
    private final StreamHistory history;
    private final RecordedRows rows;
    private final JdbcTemplate jdbc;
    private final ReadAccess access;

    NonconformityStateController(AsRecorded asRecorded, NonconformityRepository nonconformities, StreamHistory history,
                                 RecordedRows rows, JdbcTemplate jdbc, ReadAccess access) {
        this.asRecorded = asRecorded;
        this.nonconformities = nonconformities;
        this.history = history;
        this.rows = rows;
        this.jdbc = jdbc;
        this.access = access;
    }

    @GetMapping("/api/nonconformities/{nonconformityId}/state")
    NonconformityState state(@PathVariable String nonconformityId, @RequestParam Instant at) {
        access.requireStream(nonconformityId);
        history.requireExists(StreamHistory.Kind.NONCONFORMITY, nonconformityId);
        LocalDate asOf = LocalDate.ofInstant(at, AGENCY_ZONE);
        List<String> trackingStreams = new ArrayList<>(List.of(nonconformityId));
        List<String> objectives = new ArrayList<>();
        // Where it came from, so that the origin reads as it was recorded then too.
        jdbc.query("SELECT origin_audit_id, origin_objective_id FROM query.nonconformity WHERE id = ?", rs -> {
            if (rs.getString("origin_audit_id") != null) {
                trackingStreams.add(rs.getString("origin_audit_id"));
            }
            if (rs.getString("origin_objective_id") != null) {
                objectives.add(rs.getString("origin_objective_id"));
            }
        }, nonconformityId);
        return asRecorded.replaying(at, List.of(Replay.auditsAndNonconformities(trackingStreams), Replay.objectives(objectives)),
                () -> new NonconformityState(nonconformityId, at, asOf, nonconformities.detail(nonconformityId, asOf).orElse(null),
                        rows.of(RecordedCorrectiveAction.class, "corrective_action", "nonconformity_id", "planned_on, action_id", nonconformityId),
                        rows.of(RecordedVerification.class, "verification", "nonconformity_id", "stream_sequence", nonconformityId),
                        rows.of(RecordedClosure.class, "nonconformity_closure", "nonconformity_id", "stream_sequence", nonconformityId)));
    }

}
