package vn.qualityledger.command.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import vn.qualityledger.api.common.Decision;
import vn.qualityledger.api.common.DocumentReference;
import vn.qualityledger.api.common.FileReference;
import vn.qualityledger.api.common.Ids;
import vn.qualityledger.api.objective.Assessment;
import vn.qualityledger.api.objective.MeasureDetails;
import vn.qualityledger.api.objective.Period;
import vn.qualityledger.api.objective.Target;

/**
 * Request bodies of the objective endpoints: what a client sends, checked for shape before any command is sent.
 * Ids are optional where a client may choose them (choose them to make retries safe). The day a thing was done
 * ({@code closedOn}, {@code assignedOn}, {@code submittedOn}...) may be stated, for work entered after the fact; it
 * defaults to today in Asia/Ho_Chi_Minh and is never after today (see {@link AppliedDates}).
 */
final class ObjectiveRequests {

    private ObjectiveRequests() {
    }

    record DefineObjective(@Pattern(regexp = Ids.PATTERN) String objectiveId,
                           @NotBlank @Size(max = 50) String organisationId,
                           @NotNull @Min(2000) @Max(2100) Integer year,
                           @NotBlank @Size(max = 50) String code,
                           @NotBlank @Size(max = 4000) String statement,
                           @Valid Target target) {
    }

    record ReviseObjective(@NotBlank @Size(max = 4000) String statement, @Valid Target target) {
    }

    record PublishObjective(@NotNull @Valid Decision decision) {
    }

    record CloseObjective(@NotNull @Valid Assessment assessment, LocalDate closedOn) {
    }

    record PlanMeasure(@Pattern(regexp = Ids.PATTERN) @Size(max = 100) String measureId,
                       @Pattern(regexp = Ids.PATTERN) String parentMeasureId,
                       @NotNull @Valid MeasureDetails details) {
    }

    record ReviseMeasure(@NotNull @Valid MeasureDetails details, LocalDate revisedOn) {
    }

    record CancelMeasure(@NotBlank @Size(max = 2000) String reason, LocalDate effectiveOn) {
    }

    record AddAdHocOccurrence(@Pattern(regexp = Ids.PATTERN) String occurrenceId,
                              @NotNull LocalDate dueDate,
                              @Size(max = 2000) String note) {
    }

    record AssignTask(@NotBlank @Pattern(regexp = Ids.PATTERN) String measureId,
                      @Pattern(regexp = Ids.PATTERN) String occurrenceId,
                      @NotBlank @Size(max = 50) String unit,
                      @Size(max = 200) String person,
                      LocalDate assignedOn) {
    }

    record SubmitEvidence(@Pattern(regexp = Ids.PATTERN) String evidenceId,
                          @NotBlank @Pattern(regexp = Ids.PATTERN) String occurrenceId,
                          @NotNull @Valid DocumentReference document,
                          LocalDate submittedOn,
                          @Valid FileReference file) {
    }

    /** {@code effectiveOn}, the day the work counts as done, defaults to the day of acceptance. */
    record AcceptEvidence(LocalDate acceptedOn, LocalDate effectiveOn) {
    }

    record RejectEvidence(@NotBlank @Size(max = 2000) String reason, LocalDate rejectedOn) {
    }

    record RecordMeasurement(@Pattern(regexp = Ids.PATTERN) String measurementId,
                             @NotNull @Valid Period period,
                             BigDecimal numerator,
                             BigDecimal denominator,
                             BigDecimal value,
                             @NotBlank @Size(max = 1000) String source,
                             LocalDate recordedOn) {
    }
}
