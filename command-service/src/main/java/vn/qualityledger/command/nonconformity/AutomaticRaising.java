package vn.qualityledger.command.nonconformity;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.qualityledger.api.audit.AuditFindingRecordedEvent;
import vn.qualityledger.api.audit.FindingKind;
import vn.qualityledger.api.audit.Iso9001Clauses;
import vn.qualityledger.api.common.Actor;
import vn.qualityledger.api.common.CommandErrorDetails;
import vn.qualityledger.api.nonconformity.NonconformityId;
import vn.qualityledger.api.nonconformity.NonconformityOrigin;
import vn.qualityledger.api.nonconformity.NonconformitySource;
import vn.qualityledger.api.nonconformity.RaiseNonconformityCommand;
import vn.qualityledger.api.nonconformity.Severity;
import vn.qualityledger.api.objective.ObjectiveClosedEvent;

/**
 * Raises a nonconformity for every major or minor nonconformity finding and for every objective closed as not achieved,
 * exactly once: the nonconformity's id is derived from what raised it, and raising an existing id with the same content
 * stores nothing, so a redelivered event (a replay, or a restart before the processor's token was saved) is harmless.
 *
 * <p>Its own processing group, a tracking processor whose token lives in {@code event_store.token_entry}. The command
 * is sent inside the event's unit of work, so it carries the causing event's actor, correlation id and (as causation
 * and trace id) the event's own id: the nonconformity is attributed to whoever recorded the finding or closed the year.
 * The one Spring-bound class of the package, besides the aggregate's stereotype.
 */
@Component
@ProcessingGroup(AutomaticRaising.PROCESSING_GROUP)
public class AutomaticRaising {

    public static final String PROCESSING_GROUP = "nonconformity-raising";
    private static final Logger LOG = LoggerFactory.getLogger(AutomaticRaising.class);

    private final CommandGateway commands;

    public AutomaticRaising(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(AuditFindingRecordedEvent finding) {
        if (!finding.kind().raisesNonconformity()) {
            return;
        }
        Severity severity = finding.kind() == FindingKind.MAJOR_NONCONFORMITY ? Severity.MAJOR : Severity.MINOR;
        NonconformityOrigin origin = new NonconformityOrigin(NonconformitySource.AUDIT_FINDING, finding.auditId(),
                finding.findingId(), finding.relatedObjectiveId(), finding.relatedMeasureId(), null);
        raise(new RaiseNonconformityCommand(NonconformityId.forFinding(finding.auditId(), finding.findingId()),
                finding.organisationId(), origin, severity, finding.unit(), finding.clause(), finding.description(),
                finding.recordedOn()));
    }

    /**
     * An objective missed is a nonconformity against clause 6.2 of the whole organisation (no unit). It is MINOR: a
     * single objective not reached in a year that was planned and worked on is a lapse against 6.2, not a system that
     * fails to plan objectives at all (which an audit would record as a major finding).
     */
    @EventHandler
    void on(ObjectiveClosedEvent closed, MetaData metaData) {
        if (closed.assessment().achieved()) {
            return;
        }
        Actor closer = Actor.fromMetaData(metaData);
        if (closer == null || closer.organisation() == null) {
            // everyone acts only in their own organisation, so the closer's is the objective's; without it, no owner
            LOG.error("Objective {} was closed as not achieved without an actor's organisation; no nonconformity raised", closed.objectiveId());
            return;
        }
        String organisationId = closer.organisation();
        NonconformityOrigin origin = new NonconformityOrigin(NonconformitySource.OBJECTIVE_NOT_ACHIEVED, null, null,
                closed.objectiveId(), null, null);
        raise(new RaiseNonconformityCommand(NonconformityId.forObjectiveNotAchieved(closed.objectiveId()), organisationId, origin,
                Severity.MINOR, null, Iso9001Clauses.QUALITY_OBJECTIVES, closed.assessment().reason(), closed.closedOn()));
    }

    /**
     * A refusal (a broken rule, a conflict) would be refused again on every retry, so it is logged and the event passed;
     * anything else (the database away) propagates, and the processor retries the event.
     */
    private void raise(RaiseNonconformityCommand command) {
        try {
            commands.sendAndWait(command);
        } catch (CommandExecutionException refused) {
            if (refused.getDetails().filter(CommandErrorDetails.class::isInstance).isEmpty()) {
                throw refused;
            }
            LOG.error("Nonconformity {} was not raised automatically: {} {}", command.nonconformityId(),
                    refused.getDetails().get(), refused.getMessage());
        }
    }
}
