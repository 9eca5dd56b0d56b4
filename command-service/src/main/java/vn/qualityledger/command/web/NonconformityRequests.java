package vn.qualityledger.command.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import vn.qualityledger.api.common.DocumentReference;
import vn.qualityledger.api.common.Ids;
import vn.qualityledger.api.nonconformity.Severity;

/**
 * Request bodies of the nonconformity endpoints. Only nonconformities found by hand or from a complaint are raised
 * over HTTP; those of audit findings and missed objectives are raised by the service itself. The day a thing was done
 * ({@code raisedOn}, {@code correctedOn}...) may be stated, for work entered after the fact; it defaults to today in
 * Asia/Ho_Chi_Minh and is never after today (see {@link AppliedDates}). A due date is the user's to choose.
 */
final class NonconformityRequests {

    private NonconformityRequests() {
    }

    /** Where a nonconformity raised by hand came from. */
    enum RaisedFrom { MANUAL, COMPLAINT }

    record RaiseNonconformity(@Pattern(regexp = Ids.PATTERN) String nonconformityId,
                              @NotBlank @Size(max = 50) String organisationId,
                              @NotNull RaisedFrom source,
                              @Size(max = 500) String complaintReference,
                              @NotNull Severity severity,
                              @Size(max = 50) String unit,
                              @Size(max = 20) String clause,
                              @NotBlank @Size(max = 4000) String description,
                              @Pattern(regexp = Ids.PATTERN) String objectiveId,
                              @Pattern(regexp = Ids.PATTERN) String measureId,
                              LocalDate raisedOn) {
    }

    record RecordCorrection(@NotBlank @Size(max = 4000) String correction, LocalDate correctedOn) {
    }

    record AnalyseRootCause(@NotBlank @Size(max = 4000) String rootCause, @Size(max = 200) String method, LocalDate analysedOn) {
    }

    record PlanCorrectiveAction(@Pattern(regexp = Ids.PATTERN) String actionId,
                                @NotBlank @Size(max = 50) String ownerUnit,
                                @NotBlank @Size(max = 4000) String description,
                                @NotNull LocalDate dueDate,
                                LocalDate plannedOn) {
    }

    record ImplementCorrectiveAction(@NotNull @Valid DocumentReference evidence, @Size(max = 2000) String note, LocalDate implementedOn) {
    }

    record VerifyActionEffectiveness(@NotNull Boolean effective, @Size(max = 2000) String reason, LocalDate verifiedOn) {
    }

    record CloseNonconformity(@Size(max = 2000) String note, LocalDate closedOn) {
    }

    record ReopenNonconformity(@NotBlank @Size(max = 2000) String reason, LocalDate reopenedOn) {
    }
}
