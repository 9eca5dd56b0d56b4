package vn.qualityledger.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

/** Axon Server mode is ready only while the connector is connected to its context. */
class AxonServerConnectionHealthIndicatorTest {

    private final AxonServerConnectionManager connections = mock(AxonServerConnectionManager.class);

    @Test
    void isDownWhileTheConnectorIsNotConnected() {
        when(connections.getDefaultContext()).thenReturn("default");
        when(connections.isConnected("default")).thenReturn(false);
        var health = new AxonServerConnectionHealthIndicator(connections).health(true);
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("context", "default").containsEntry("connected", false);
    }

    @Test
    void isUpWhenConnected() {
        when(connections.getDefaultContext()).thenReturn("default");
        when(connections.isConnected("default")).thenReturn(true);
        assertThat(new AxonServerConnectionHealthIndicator(connections).health(true).getStatus()).isEqualTo(Status.UP);
    }
}
