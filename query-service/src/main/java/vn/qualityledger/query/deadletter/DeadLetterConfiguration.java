package vn.qualityledger.query.deadletter;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.axonframework.config.ConfigurerModule;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.qualityledger.query.directory.OrganisationDirectoryProjection;
import vn.qualityledger.query.progress.ObjectiveProgressProjection;
import vn.qualityledger.query.review.ManagementReviewProjection;
import vn.qualityledger.query.tracking.NonconformityTrackingProjection;
import vn.qualityledger.support.ProjectionFailures;

/**
 * The projections' dead-letter queues: Axon's JPA sequenced queue (enabled per processor in query-service.yml,
 * {@code axon.eventhandling.processors.<name>.dlq.enabled}; table {@code query.dead_letter_entry}, migration V12),
 * sequenced per stream (Axon's default policy: the aggregate id), with {@link ParkPoisonEvents} deciding what is parked.
 * Each projection's parked streams are the gauge {@code qualityledger.projection.dead_letters{projection}}.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterConfiguration {

    static final List<String> PROJECTIONS = List.of(ObjectiveProgressProjection.PROCESSING_GROUP,
            NonconformityTrackingProjection.PROCESSING_GROUP, ManagementReviewProjection.PROCESSING_GROUP,
            OrganisationDirectoryProjection.PROCESSING_GROUP);

    @Bean
    ConfigurerModule parkPoisonEvents(ProjectionFailures failures) {
        return configurer -> configurer.eventProcessing(processing -> PROJECTIONS.forEach(projection ->
                processing.registerDeadLetterPolicy(projection, c -> new ParkPoisonEvents(projection, failures))));
    }

    @Bean
    SmartInitializingSingleton deadLetterGauges(ObjectProvider<MeterRegistry> registry, ProjectionDeadLetters deadLetters) {
        return () -> registry.ifAvailable(meters -> PROJECTIONS.forEach(projection ->
                Gauge.builder("qualityledger.projection.dead_letters", deadLetters, d -> d.parkedStreams(projection))
                        .description("Streams parked in the projection's dead-letter queue")
                        .tag("projection", projection)
                        .register(meters)));
    }
}
