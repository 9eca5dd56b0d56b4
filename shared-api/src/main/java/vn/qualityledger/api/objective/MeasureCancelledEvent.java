package vn.qualityledger.api.objective;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A measure was cancelled; its incomplete occurrences no longer count from {@code effectiveOn}. */
@Revision("1")
public record MeasureCancelledEvent(ObjectiveId objectiveId, MeasureId measureId, String reason, LocalDate effectiveOn) {
}
