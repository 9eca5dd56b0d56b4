package vn.qualityledger.api.nonconformity;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The nonconformity was closed. */
@Revision("1")
public record NonconformityClosedEvent(NonconformityId nonconformityId, String note, LocalDate closedOn) {
}
