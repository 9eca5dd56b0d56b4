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
import vn.qualityledger.query.auditprogramme.AuditProgramme;
import vn.qualityledger.query.auditprogramme.AuditProgrammeRepository;
import vn.qualityledger.query.history.RecordedRows.RecordedAudit;
import vn.qualityledger.query.history.RecordedRows.RecordedFinding;
import vn.qualityledger.query.history.RecordedRows.RecordedUnitAuditHeld;
import vn.qualityledger.query.history.RecordedRows.RecordedUnitAudit;
import vn.qualityledger.query.knownat.AsRecorded.Replay;
import vn.qualityledger.query.knownat.AsRecorded;
import vn.qualityledger.query.web.ReadAccess;

/**
 * An internal audit exactly as it stood at a past instant: its stream and the streams of the nonconformities its
 * findings raised, replayed up to then with the projection's own code, read as of that instant's local date.
 */
@RestController
class AuditStateController {


    /**
     * @param figures the audit as the audit programme showed it then (findings by kind, open findings); null before it
     *                was planned
     */
    record AuditState(String auditId, Instant at, LocalDate asOf, AuditProgramme.AuditStatus figures, RecordedAudit audit,
                      List<RecordedUnitAudit> unitAudits, List<RecordedUnitAuditHeld> unitAuditsHeld, List<RecordedFinding> findings) {
    }

    private final AsRecorded asRecorded;
    private final AuditProgrammeRepository programmes;
    private final StreamHistory history;
    private final RecordedRows rows;
    private final JdbcTemplate jdbc;
    private final ReadAccess access;

    AuditStateController(AsRecorded asRecorded, AuditProgrammeRepository programmes, StreamHistory history, RecordedRows rows,
                         JdbcTemplate jdbc, ReadAccess access) {
        this.asRecorded = asRecorded;
        this.programmes = programmes;
        this.history = history;
        this.rows = rows;
        this.jdbc = jdbc;
        this.access = access;
    }

    @GetMapping("/api/audits/{auditId}/state")
    AuditState state(@PathVariable String auditId, @RequestParam Instant at) {
        access.requireStream(auditId);
        history.requireExists(StreamHistory.Kind.AUDIT, auditId);
        LocalDate asOf = LocalDate.ofInstant(at, AGENCY_ZONE);
        List<String> streams = new ArrayList<>(List.of(auditId));
        streams.addAll(jdbc.queryForList("SELECT id FROM query.nonconformity WHERE origin_audit_id = ?", String.class, auditId));
        // The programme also reads the plan's units; no objective is replayed, so its tables are there but empty.
        return asRecorded.replaying(at, List.of(Replay.auditsAndNonconformities(streams), Replay.objectives(List.of())), () -> {
            RecordedAudit audit = rows.of(RecordedAudit.class, "audit", "id", "id", auditId).stream().findFirst().orElse(null);
            AuditProgramme.AuditStatus figures = audit == null ? null : programmes.programme(audit.organisationId(), audit.year(), asOf)
                    .audits().stream().filter(a -> a.auditId().equals(auditId)).findFirst().orElse(null);
            return new AuditState(auditId, at, asOf, figures, audit,
                    rows.of(RecordedUnitAudit.class, "unit_audit", "audit_id", "unit", auditId),
                    rows.of(RecordedUnitAuditHeld.class, "unit_audit_held", "audit_id", "held_on, unit", auditId),
                    rows.of(RecordedFinding.class, "finding", "audit_id", "recorded_on, finding_id", auditId));
        });
    }

}
