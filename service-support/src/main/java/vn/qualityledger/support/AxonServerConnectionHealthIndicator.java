package vn.qualityledger.support;

import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Whether the Axon Server connector is connected to its context. Axon 4.13's own indicator extends a Spring Boot 3
 * class that Boot 4 no longer has, so without this one a service in Axon Server mode reported ready while no Axon
 * Server was reachable, and every command failed. In the readiness group of the {@code axonserver} profile.
 */
public class AxonServerConnectionHealthIndicator extends AbstractHealthIndicator {

    private final AxonServerConnectionManager connections;

    public AxonServerConnectionHealthIndicator(AxonServerConnectionManager connections) {
        this.connections = connections;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        String context = connections.getDefaultContext();
        boolean connected = connections.isConnected(context);
        (connected ? builder.up() : builder.down()).withDetail("context", context).withDetail("connected", connected);
    }
}
