package vn.qualityledger.api.nonconformity;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records the root-cause analysis (phân tích nguyên nhân); a later analysis supersedes it.
 *
 * @param method how the cause was found (e.g. "5 Whys", "Ishikawa"), optional
 */
public record AnalyseRootCauseCommand(@TargetAggregateIdentifier NonconformityId nonconformityId, String rootCause,
                                      String method, LocalDate analysedOn) {
}
