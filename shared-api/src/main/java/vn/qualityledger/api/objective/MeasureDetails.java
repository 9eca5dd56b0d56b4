package vn.qualityledger.api.objective;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * What the plan says about one measure (one row of "Kế hoạch thực hiện MTCL").
 *
 * @param code             the row's number in the plan, e.g. {@code I.1.a}; unique within the objective
 * @param title            what is to be done
 * @param leadUnits        units that lead the work (Chủ trì); at least one
 * @param coordinatingUnits units that take part (Phối hợp)
 * @param monitors         who reviews the evidence (Trách nhiệm theo dõi); at least one
 * @param expectedEvidence documents that prove the work (Cách thức theo dõi và kết quả)
 * @param schedule         when the work is due (Thời gian thực hiện)
 */
public record MeasureDetails(@NotBlank @Size(max = 50) String code,
                             @NotBlank @Size(max = 2000) String title,
                             @NotEmpty List<@NotBlank @Size(max = 50) String> leadUnits,
                             List<@NotBlank @Size(max = 50) String> coordinatingUnits,
                             @NotEmpty List<@NotBlank @Size(max = 50) String> monitors,
                             List<@NotBlank @Size(max = 2000) String> expectedEvidence,
                             @NotNull @Valid Schedule schedule) {

    /** Missing lists are empty lists, so that a retried request compares equal to the first. */
    public MeasureDetails {
        leadUnits = leadUnits == null ? null : List.copyOf(leadUnits);
        coordinatingUnits = coordinatingUnits == null ? List.of() : List.copyOf(coordinatingUnits);
        monitors = monitors == null ? null : List.copyOf(monitors);
        expectedEvidence = expectedEvidence == null ? List.of() : List.copyOf(expectedEvidence);
    }
}
