package vn.qualityledger.command.config;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Without snapshots every command re-reads the objective's whole stream; a busy objective has thousands of events. */
@Configuration
class SnapshotConfiguration {

    @Bean
    SnapshotTriggerDefinition objectiveSnapshotTrigger(Snapshotter snapshotter,
                                                       @Value("${quality-ledger.snapshot-threshold:100}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }
}
