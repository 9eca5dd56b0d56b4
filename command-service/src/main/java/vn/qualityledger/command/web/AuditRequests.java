package vn.qualityledger.command.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import vn.qualityledger.api.audit.ChecklistNote;
import vn.qualityledger.api.audit.FindingKind;
import vn.qualityledger.api.audit.TeamMember;
import vn.qualityledger.api.common.Decision;
import vn.qualityledger.api.common.DocumentReference;
import vn.qualityledger.api.common.Ids;

/**
 * Request bodies of the audit endpoints, checked for shape before any command is sent (whether a clause is one of the
 * standard's is a rule of the aggregate, answered with 422). Ids are optional where a client may choose them. The day
 * a thing was done ({@code plannedOn}, {@code heldOn}, {@code recordedOn}...) may be stated, for a round entered after
 * the fact; it defaults to today in Asia/Ho_Chi_Minh and is never after today (see {@link AppliedDates}).
 */
final class AuditRequests {

    private AuditRequests() {
    }

    record PlanInternalAudit(@Pattern(regexp = Ids.PATTERN) String auditId,
                             @NotBlank @Size(max = 50) String organisationId,
                             @NotNull @Min(2000) @Max(2100) Integer year,
                             @NotBlank @Size(max = 500) String title,
                             @NotEmpty List<@NotBlank @Size(max = 50) String> scopeUnits,
                             @NotBlank @Size(max = 4000) String criteria,
                             @NotEmpty List<@NotBlank @Size(max = 20) String> clauses,
                             @NotNull LocalDate plannedFrom,
                             @NotNull LocalDate plannedTo,
                             LocalDate plannedOn) {
    }

    record AppointAuditTeam(@NotNull @Valid TeamMember leadAuditor,
                            List<@NotNull @Valid TeamMember> members,
                            @NotNull @Valid Decision decision,
                            LocalDate appointedOn) {
    }

    record ScheduleUnitAudit(@NotBlank @Size(max = 50) String unit,
                             @NotNull LocalDate date,
                             @NotEmpty List<@NotBlank @Size(max = 128) String> auditors) {
    }

    /** {@code heldOn}: the day the unit was audited, default today; never after today. */
    record RecordUnitAudit(@NotBlank @Size(max = 50) String unit,
                           LocalDate heldOn,
                           @NotEmpty List<@NotNull @Valid ChecklistNote> notes) {
    }

    record RecordAuditFinding(@Pattern(regexp = Ids.PATTERN) String findingId,
                              @NotBlank @Size(max = 50) String unit,
                              @NotBlank @Size(max = 20) String clause,
                              @NotNull FindingKind kind,
                              @NotBlank @Size(max = 4000) String description,
                              @NotBlank @Size(max = 4000) String evidenceSeen,
                              @Pattern(regexp = Ids.PATTERN) String relatedObjectiveId,
                              @Pattern(regexp = Ids.PATTERN) String relatedMeasureId,
                              LocalDate recordedOn) {
    }

    record IssueAuditReport(@NotNull @Valid DocumentReference report,
                            @NotBlank @Size(max = 8000) String summary,
                            LocalDate issuedOn) {
    }

    record CloseInternalAudit(LocalDate closedOn) {
    }
}
