package vn.qualityledger.support;

import java.time.Clock;
import java.time.Duration;
import org.axonframework.config.ConfigurerModule;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
import tools.jackson.databind.jsontype.PolymorphicTypeValidator;

/** Axon settings both services need, auto-configured so that neither can forget one. */
@AutoConfiguration
public class AxonSupportConfiguration {

    /** Packages whose classes may appear as polymorphic type ids in stored JSON. */
    static final String[] TRUSTED_PACKAGES = {"org.axonframework.", "vn.qualityledger."};

    /**
     * Jackson 3 refuses polymorphic type ids unless a validator allows them. Without this, a processor writes its
     * {@code ReplayToken} (which holds the token it replays to as a polymorphic field) and cannot read it back.
     */
    @Bean
    Jackson3SerializerCustomizer trustedTypesJsonMapperCustomizer() {
        return builder -> builder.polymorphicTypeValidator(trustedTypes());
    }

    static PolymorphicTypeValidator trustedTypes() {
        BasicPolymorphicTypeValidator.Builder validator = BasicPolymorphicTypeValidator.builder();
        for (String trustedPackage : TRUSTED_PACKAGES) {
            validator.allowIfSubType(trustedPackage);
        }
        return validator.build();
    }

    /**
     * A projection that fails on an event must stop and retry, not log and move on: a silently skipped event would
     * leave a dashboard figure wrong forever. {@link ProjectionFailures} propagates, and remembers for readiness. The
     * projections run on tracking processors, whose retry mode readiness sees by itself ({@code isError}, a segment's
     * error state); the record only bridges the moment between a failure and that state, so it is short: a two-minute
     * memory kept query-service unready for a minute after PostgreSQL came back from a restart (bin/fault.sh).
     */
    @Bean
    ProjectionFailures projectionFailures(@Value("${quality-ledger.projection-failure-memory:PT10S}") Duration memory) {
        return new ProjectionFailures(memory);
    }

    @Bean
    ConfigurerModule propagateProjectionErrors(ProjectionFailures failures) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerDefaultListenerInvocationErrorHandler(c -> failures));
    }

    /**
     * Readiness: the processors have claimed their segments and are within {@code readiness-max-lag} events of the
     * event store's head (default 100: a few batches, well under a second of catch-up).
     */
    @Bean
    EventProcessorsHealthIndicator eventProcessorsHealthIndicator(EventProcessingConfiguration processing, ProjectionFailures failures,
                                                                  ObjectProvider<EventStore> eventStore, SegmentClaims claims,
                                                                  @Value("${quality-ledger.readiness-max-lag:100}") long maxLag) {
        Supplier<OptionalLong> head = () -> {
            EventStore store = eventStore.getIfAvailable();
            TrackingToken token = store == null ? null : store.createHeadToken();
            return token == null ? OptionalLong.empty() : token.position();
        };
        return new EventProcessorsHealthIndicator(processing, failures, head, maxLag, claims::live);
    }

    /** Shares the processors' segments between replicas (one replica alone releases nothing). */
    @Bean
    SegmentBalancer segmentBalancer(EventProcessingConfiguration processing, JdbcTemplate jdbc,
                                    @Value("${spring.jpa.properties.hibernate.default_schema:public}") String schema,
                                    @Value("${quality-ledger.segment-balancing-interval:PT2S}") Duration interval) {
        return new SegmentBalancer(processing, jdbc, schema, interval, Clock.systemUTC());
    }

    /** The token store's claims as the other replicas left them: its table in the service's JPA default schema. */
    @Bean
    SegmentClaims segmentClaims(JdbcTemplate jdbc, @Qualifier("serializer") Serializer serializer,
                                @Value("${spring.jpa.properties.hibernate.default_schema:public}") String schema,
                                @Value("${axon.eventhandling.tokenstore.claim-timeout:10s}") Duration claimTimeout) {
        return new SegmentClaims(jdbc, serializer, schema, claimTimeout, Clock.systemUTC());
    }
}
