package vn.qualityledger.support;

import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/** The Axon Server connection's health, in Axon Server mode only (the JPA event store needs no connector). */
@AutoConfiguration(afterName = "org.axonframework.springboot.autoconfig.AxonServerAutoConfiguration")
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "true", matchIfMissing = true)
public class AxonServerHealthConfiguration {

    @Bean
    @ConditionalOnBean(AxonServerConnectionManager.class)
    AxonServerConnectionHealthIndicator axonServerConnectionHealthIndicator(AxonServerConnectionManager connections) {
        return new AxonServerConnectionHealthIndicator(connections);
    }
}
