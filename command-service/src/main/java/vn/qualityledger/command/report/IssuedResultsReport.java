package vn.qualityledger.command.report;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import vn.qualityledger.api.common.Actor;
import vn.qualityledger.api.report.IssueResultsReportCommand;
import vn.qualityledger.api.report.ResultsReportId;
import vn.qualityledger.api.report.ResultsReportIssuedEvent;
import vn.qualityledger.command.common.Acting;
import vn.qualityledger.command.common.Refusal;

/**
 * One issued objective results report: the record of what was issued (its parameters and the SHA-256 of its files),
 * never changed afterwards. One event stream per issued report.
 *
 * <p>Issuing the same id again with the same content (the day it was sent aside) applies nothing, so clients may
 * retry; the same id with different content is a conflict.
 */
@Aggregate(cache = "aggregateCache")
public class IssuedResultsReport {

    @AggregateIdentifier
    private ResultsReportId reportId;
    private ResultsReportIssuedEvent issued;

    protected IssuedResultsReport() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(IssueResultsReportCommand command, MetaData metaData) {
        Actor actor = Actor.fromMetaData(metaData);
        Acting.requireOrganisation(actor, command.organisationId());
        ReportIssuingPolicy.requireIssuer(actor);
        ResultsReportIssuedEvent event = new ResultsReportIssuedEvent(command.reportId(), command.organisationId(), command.year(),
                command.kind(), command.cutOff(), command.number(), command.organisationName(), command.parentName(),
                command.place(), command.signerAuthority(), command.signerTitle(), command.signerName(), command.recipients(),
                command.docxSha256(), command.xlsxSha256(), command.generator(), command.checkpointTreeSize(), command.issuedOn());
        if (issued != null) {
            if (ReportIssuingPolicy.sameContent(issued, event)) {
                return;
            }
            throw Refusal.conflict("REPORT_EXISTS", "reportId", "Report " + command.reportId() + " was already issued with other content");
        }
        ReportIssuingPolicy.requireValid(command);
        apply(event);
    }

    @EventSourcingHandler
    void on(ResultsReportIssuedEvent event) {
        reportId = event.reportId();
        issued = event;
    }
}
