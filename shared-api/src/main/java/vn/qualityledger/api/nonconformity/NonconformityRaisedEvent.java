package vn.qualityledger.api.nonconformity;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A nonconformity was raised; the first event of its stream, so it names the organisation. */
@Revision("1")
public record NonconformityRaisedEvent(NonconformityId nonconformityId, String organisationId, NonconformityOrigin origin,
                                       Severity severity, String unit, String clause, String description, LocalDate raisedOn) {
}
