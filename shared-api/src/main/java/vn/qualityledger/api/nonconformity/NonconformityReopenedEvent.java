package vn.qualityledger.api.nonconformity;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A closed nonconformity was reopened. */
@Revision("1")
public record NonconformityReopenedEvent(NonconformityId nonconformityId, String reason, LocalDate reopenedOn) {
}
