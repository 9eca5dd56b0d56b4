package vn.qualityledger.api.nonconformity;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Verifies whether an implemented corrective action removed the cause (đánh giá hiệu lực).
 *
 * @param reason why it was not effective; required when {@code effective} is false
 */
public record VerifyActionEffectivenessCommand(@TargetAggregateIdentifier NonconformityId nonconformityId,
                                               CorrectiveActionId actionId, boolean effective, String reason,
                                               LocalDate verifiedOn) {
}
