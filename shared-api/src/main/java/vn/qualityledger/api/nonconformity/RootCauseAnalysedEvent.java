package vn.qualityledger.api.nonconformity;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The root cause was analysed. */
@Revision("1")
public record RootCauseAnalysedEvent(NonconformityId nonconformityId, String rootCause, String method, LocalDate analysedOn) {
}
