package vn.qualityledger.command.plan;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import vn.qualityledger.api.common.Ids;
import vn.qualityledger.api.objective.Schedule;
import vn.qualityledger.api.objective.Target;

/**
 * A year's quality objectives and their implementation plan, in the form of {@code shared/data/mtcl-2023.json}
 * (documented in the README under "Plan documents"). The document's {@code source} and {@code notes} say where it was
 * transcribed from and are ignored; any other unknown field is refused (request JSON is strict), and so is a null entry
 * in any list ({@code "objectives": [null]}), with its path.
 */
@JsonIgnoreProperties({"source", "notes"})
public record PlanDocument(@NotNull @Valid Organisation organisation,
                           @NotNull @Min(2000) @Max(2100) Integer year,
                           @Valid DecisionReference decision,
                           List<@Valid Unit> units,
                           @NotNull @Size(min = 1, max = 200) List<@Valid ObjectiveEntry> objectives) {

    /**
     * The organisation; {@code name} and {@code parent} (its parent body's name), when given, are recorded in its
     * directory with the units' names.
     */
    public record Organisation(@NotBlank @Pattern(regexp = Ids.PATTERN) @Size(max = 50) String code, String name, String parent,
                               String timezone) {
    }

    /**
     * The decision that publishes the plan. {@code date} is kept as text because older documents give only a month
     * ("2022-03"); the objectives are published only when the number and a full date are known.
     */
    public record DecisionReference(@Size(max = 100) String number, @Size(max = 10) String date) {
    }

    public record Unit(@NotBlank String code, String name, String kind) {
    }

    public record ObjectiveEntry(@NotBlank @Pattern(regexp = Ids.PATTERN) @Size(max = 50) String code,
                                 @NotBlank @Size(max = 4000) String statement,
                                 @Valid Target target,
                                 @NotNull List<@Valid MeasureEntry> measures) {
    }

    public record MeasureEntry(@NotBlank @Pattern(regexp = Ids.PATTERN) @Size(max = 50) String code,
                               @NotBlank @Size(max = 2000) String title,
                               @NotNull @Size(min = 1) List<@NotBlank String> lead,
                               List<@NotBlank String> coordinating,
                               @NotNull @Valid Schedule schedule,
                               @NotNull @Size(min = 1) List<@NotBlank String> monitoredBy,
                               List<@NotBlank String> evidence,
                               List<@Valid MeasureEntry> subMeasures) {
    }
}
