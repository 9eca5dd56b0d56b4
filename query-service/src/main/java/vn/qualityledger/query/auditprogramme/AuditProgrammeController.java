package vn.qualityledger.query.auditprogramme;

import static vn.qualityledger.query.web.ReadParameters.AS_OF;
import static vn.qualityledger.query.web.ReadParameters.KNOWN_AT;
import static vn.qualityledger.query.web.ReadParameters.orToday;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.qualityledger.query.directory.DirectoryNames;
import vn.qualityledger.query.export.ExportColumn;
import vn.qualityledger.query.export.ExportFormat;
import vn.qualityledger.query.export.ExportTable;
import vn.qualityledger.query.export.Exports;
import vn.qualityledger.query.knownat.AsRecorded.Replay;
import vn.qualityledger.query.knownat.AsRecorded;
import vn.qualityledger.query.web.ReadAccess;

/** Which units were audited in a year and which are still due; findings by unit and clause; open findings per audit. */
@RestController
@Tag(name = "Audit programme")
public class AuditProgrammeController {

    private final AuditProgrammeRepository programmes;
    private final AsRecorded asRecorded;
    private final ReadAccess access;
    private final Clock clock;
    private final DirectoryNames names;

    public AuditProgrammeController(AuditProgrammeRepository programmes, AsRecorded asRecorded, ReadAccess access, Clock clock,
                                    DirectoryNames names) {
        this.names = names;
        this.programmes = programmes;
        this.asRecorded = asRecorded;
        this.access = access;
        this.clock = clock;
    }

    @GetMapping("/api/organisations/{organisationId}/audit-programme")
    @Operation(summary = "The year's internal audit programme as of a date: units audited and still due, findings, open findings per audit")
    public AuditProgramme programme(@PathVariable String organisationId,
                                    @RequestParam @Min(2000) @Max(2100) int year,
                                    @Parameter(description = AS_OF)
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                    @Parameter(description = KNOWN_AT)
                                    @RequestParam(required = false) Instant knownAt) {
        access.requireOrganisation(organisationId);
        LocalDate date = orToday(asOf, clock);
        // The known units come from the plan too, so the year's objectives are replayed along with the audits.
        return asRecorded.orNowReplaying(knownAt, () -> List.of(
                        Replay.objectives(asRecorded.objectivesOf(organisationId, year)),
                        Replay.auditsAndNonconformities(asRecorded.auditsAndNonconformitiesOf(organisationId))),
                () -> programmes.programme(organisationId, year, date));
    }

    @GetMapping("/api/organisations/{organisationId}/audit-programme.{format:" + ExportFormat.EXTENSIONS + "}")
    @Operation(summary = "The programme's units (audited and still due, with their findings), as XLSX or CSV")
    public ResponseEntity<byte[]> export(@PathVariable String organisationId, @PathVariable String format,
                                         @RequestParam @Min(2000) @Max(2100) int year,
                                         @Parameter(description = AS_OF)
                                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                         @Parameter(description = KNOWN_AT)
                                         @RequestParam(required = false) Instant knownAt) {
        AuditProgramme programme = programme(organisationId, year, asOf, knownAt);
        return Exports.file(ExportFormat.of(format), "Chương trình đánh giá nội bộ " + organisationId + " năm " + year
                + " đến ngày " + programme.asOf(), table(ProgrammeUnit.of(programme), names.unitNames(organisationId)));
    }

    /**
     * One known unit of the programme: audited (with when and by which audits) or still due (with when it is
     * scheduled), and the findings recorded about it.
     */
    record ProgrammeUnit(String unit, boolean audited, LocalDate firstHeldOn, LocalDate scheduledOn, List<String> auditIds,
                         AuditProgramme.KindCounts findings) {

        private static final AuditProgramme.KindCounts NO_FINDINGS = new AuditProgramme.KindCounts(0, 0, 0, 0, 0);

        /** The audited units, then the due ones, each in the programme's own order. */
        static List<ProgrammeUnit> of(AuditProgramme programme) {
            Map<String, AuditProgramme.KindCounts> findings = programme.findingsByUnit().stream()
                    .collect(Collectors.toMap(AuditProgramme.UnitFindings::unit, AuditProgramme.UnitFindings::findings, (a, b) -> a));
            List<ProgrammeUnit> units = new ArrayList<>();
            programme.audited().forEach(unit -> units.add(new ProgrammeUnit(unit.unit(), true, unit.firstHeldOn(), null, unit.auditIds(),
                    findings.getOrDefault(unit.unit(), NO_FINDINGS))));
            programme.due().forEach(unit -> units.add(new ProgrammeUnit(unit.unit(), false, null, unit.scheduledOn(), List.of(),
                    findings.getOrDefault(unit.unit(), NO_FINDINGS))));
            return units;
        }
    }

    /** Beside each unit's code its name as the organisation's directory records it ({@code unitNames}). */
    static ExportTable<ProgrammeUnit> table(List<ProgrammeUnit> rows, Map<String, String> unitNames) {
        return ExportTable.of("Chương trình đánh giá", rows,
                ExportColumn.text("Đơn vị", ProgrammeUnit::unit),
                ExportColumn.text("Tên đơn vị", u -> unitNames.get(u.unit())),
                ExportColumn.yesNo("Đã được đánh giá", ProgrammeUnit::audited),
                ExportColumn.date("Ngày đánh giá đầu tiên", ProgrammeUnit::firstHeldOn),
                ExportColumn.date("Ngày dự kiến đánh giá", ProgrammeUnit::scheduledOn),
                ExportColumn.text("Cuộc đánh giá", unit -> String.join(", ", unit.auditIds())),
                ExportColumn.integer("Không phù hợp nặng", unit -> unit.findings().majorNonconformities()),
                ExportColumn.integer("Không phù hợp nhẹ", unit -> unit.findings().minorNonconformities()),
                ExportColumn.integer("Điểm lưu ý", unit -> unit.findings().observations()),
                ExportColumn.integer("Cơ hội cải tiến", unit -> unit.findings().opportunitiesForImprovement()),
                ExportColumn.integer("Tổng số phát hiện", unit -> unit.findings().total()));
    }
}
