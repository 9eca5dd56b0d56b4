package vn.qualityledger.api.nonconformity;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A correction or containment was recorded. */
@Revision("1")
public record CorrectionRecordedEvent(NonconformityId nonconformityId, String correction, LocalDate correctedOn) {
}
