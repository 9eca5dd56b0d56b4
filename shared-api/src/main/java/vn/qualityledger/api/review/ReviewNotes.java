package vn.qualityledger.api.review;

import jakarta.validation.constraints.Size;

/**
 * The secretary's notes on the inputs of ISO 9001:2015 9.3.2 that the service cannot read from its own records; every
 * note is optional (absent or empty: nothing to report). The other inputs (status of actions from previous reviews,
 * objective attainment, nonconformities and corrective actions, monitoring and measurement results, audit results) are
 * read from the projections as known at the review's cut-off.
 *
 * @param contextChanges        changes in external and internal issues relevant to the QMS (9.3.2 b)
 * @param stakeholderFeedback   customer satisfaction and feedback from relevant interested parties (9.3.2 c 1)
 * @param externalProviders     the performance of external providers (9.3.2 c 7)
 * @param resourceAdequacy      the adequacy of resources (9.3.2 d)
 * @param risksAndOpportunities the effectiveness of actions taken to address risks and opportunities (9.3.2 e)
 * @param improvementProposals  opportunities for improvement proposed before the meeting (9.3.2 f)
 * @param other                 anything else the review should consider
 */
public record ReviewNotes(@Size(max = 8000) String contextChanges,
                          @Size(max = 8000) String stakeholderFeedback,
                          @Size(max = 8000) String externalProviders,
                          @Size(max = 8000) String resourceAdequacy,
                          @Size(max = 8000) String risksAndOpportunities,
                          @Size(max = 8000) String improvementProposals,
                          @Size(max = 8000) String other) {
}
