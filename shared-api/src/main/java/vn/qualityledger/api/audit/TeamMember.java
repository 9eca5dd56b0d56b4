package vn.qualityledger.api.audit;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * An auditor on an audit team, as the appointing decision names them.
 *
 * @param userId the user's sign-in id; who may record the team's notes and findings
 * @param name   the auditor's full name as printed on the decision
 * @param unit   the auditor's own unit, which they may not audit; null for an auditor from outside the organisation
 */
public record TeamMember(@NotBlank @Size(max = 128) String userId,
                         @NotBlank @Size(max = 200) String name,
                         @Size(max = 50) String unit) {
}
