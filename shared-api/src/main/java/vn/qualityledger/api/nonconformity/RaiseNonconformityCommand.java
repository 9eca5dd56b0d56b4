package vn.qualityledger.api.nonconformity;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Raises a nonconformity: starts its stream. Raising the same id again with the same content stores nothing.
 *
 * @param unit   the unit responsible for the nonconformity; null when none is (an objective of the whole organisation)
 * @param clause the ISO 9001:2015 clause not met, one of {@link vn.qualityledger.api.audit.Iso9001Clauses}; optional
 */
public record RaiseNonconformityCommand(@TargetAggregateIdentifier NonconformityId nonconformityId, String organisationId,
                                        NonconformityOrigin origin, Severity severity, String unit, String clause,
                                        String description, LocalDate raisedOn) {
}
