package vn.qualityledger.api.objective;

/**
 * The year-end verdict on an objective.
 *
 * @param achieved whether the objective was achieved
 * @param reason   why not; required when {@code achieved} is false
 */
public record Assessment(boolean achieved, @jakarta.validation.constraints.Size(max = 2000) String reason) {
}
