package vn.qualityledger.api.audit;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * One line of an auditor's checklist notes (phiếu ghi chép) for a unit audit.
 *
 * @param clause     the ISO 9001:2015 clause checked, e.g. {@code 7.5.3} (one of {@link Iso9001Clauses})
 * @param question   what the auditor asked or checked
 * @param observed   what the auditor saw (records, interviews, practice)
 * @param conformity the verdict
 */
public record ChecklistNote(@NotBlank @Size(max = 20) String clause,
                            @NotBlank @Size(max = 2000) String question,
                            @NotBlank @Size(max = 4000) String observed,
                            @NotNull Conformity conformity) {
}
