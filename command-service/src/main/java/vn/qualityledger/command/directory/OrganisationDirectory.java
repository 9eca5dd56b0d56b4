package vn.qualityledger.command.directory;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import vn.qualityledger.api.common.Actor;
import vn.qualityledger.api.directory.OrganisationDirectoryId;
import vn.qualityledger.api.directory.OrganisationDirectoryRecordedEvent;
import vn.qualityledger.api.directory.RecordOrganisationDirectoryCommand;
import vn.qualityledger.command.common.Acting;

/**
 * The names an organisation is known by (its own, its parent's, its units'), one stream per organisation. Each
 * recording holds the whole directory; the same content again applies nothing, so a repeated plan import stores
 * nothing, and other names are a new event: a rename stays in the history.
 */
@Aggregate
public class OrganisationDirectory {

    @AggregateIdentifier
    private OrganisationDirectoryId directoryId;
    private OrganisationDirectoryRecordedEvent current;

    protected OrganisationDirectory() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordOrganisationDirectoryCommand command, MetaData metaData) {
        Actor actor = Actor.fromMetaData(metaData);
        Acting.requireOrganisation(actor, command.organisationId());
        DirectoryPolicy.requireKeeper(actor);
        DirectoryPolicy.requireValid(command);
        OrganisationDirectoryRecordedEvent recorded = DirectoryPolicy.recorded(command);
        if (recorded.equals(current)) {
            return;
        }
        apply(recorded);
    }

    /** Whether the command's names are those recorded now, so that sending it would store nothing (the plan preview). */
    public boolean records(RecordOrganisationDirectoryCommand command) {
        return DirectoryPolicy.recorded(command).equals(current);
    }

    @EventSourcingHandler
    void on(OrganisationDirectoryRecordedEvent event) {
        directoryId = event.directoryId();
        current = event;
    }
}
