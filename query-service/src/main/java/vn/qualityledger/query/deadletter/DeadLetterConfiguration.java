package vn.qualityledger.query.deadletter;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.ConfigurerModule;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.qualityledger.query.progress.JdbcProjections;
import vn.qualityledger.support.ProjectionFailures;

/**
 * The projections' dead-letter queues: Axon's JPA sequenced queue (enabled per processor in query-service.yml,
 * {@code axon.eventhandling.processors.<name>.dlq.enabled}; table {@code query.dead_letter_entry}, migration V12),
 * sequenced per stream (Axon's default policy: the aggregate id), with {@link ParkPoisonEvents} deciding what is parked.
 * Each projection's parked streams are the gauge {@code qualityledger.projection.dead_letters{projection}}. The
 * projections are the {@link JdbcProjections} (the feed's outbox has no queue: it stops instead).
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterConfiguration {

    @Bean
    ConfigurerModule parkPoisonEvents(ProjectionFailures failures, JdbcProjections projections) {
        return configurer -> configurer.eventProcessing(processing -> projections.processingGroups().forEach(projection ->
                processing.registerDeadLetterPolicy(projection, c -> new ParkPoisonEvents(projection, failures))));
    }

    @Bean
    SmartInitializingSingleton deadLetterGauges(ObjectProvider<MeterRegistry> registry, ProjectionDeadLetters deadLetters,
                                                JdbcProjections projections) {
        return () -> registry.ifAvailable(meters -> projections.processingGroups().forEach(projection ->
                Gauge.builder("qualityledger.projection.dead_letters", deadLetters, d -> d.parkedStreams(projection))
                        .description("Streams parked in the projection's dead-letter queue")
                        .tag("projection", projection)
                        .register(meters)));
    }
}
