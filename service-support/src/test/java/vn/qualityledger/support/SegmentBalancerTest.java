package vn.qualityledger.support;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** A replica releases what it holds beyond its share of the segments, and nothing while it is alone. */
class SegmentBalancerTest {

    private static final String NAME = "objective-progress";

    private final EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
    private final StreamingEventProcessor processor = mock(StreamingEventProcessor.class);
    private final TokenStore tokens = mock(TokenStore.class);
    private final JdbcTemplate jdbc = mock(JdbcTemplate.class);
    private final SegmentBalancer balancer = new SegmentBalancer(processing, jdbc, "query", Duration.ofSeconds(2),
            Clock.fixed(Instant.parse("2026-12-02T06:00:00Z"), ZoneOffset.UTC));

    SegmentBalancerTest() {
        when(processing.eventProcessors()).thenReturn(Map.<String, EventProcessor>of(NAME, processor));
        when(processing.tokenStore(NAME)).thenReturn(tokens);
        when(processor.getName()).thenReturn(NAME);
        when(tokens.fetchSegments(NAME)).thenReturn(new int[] {0, 1});
        EventTrackerStatus status = mock(EventTrackerStatus.class);
        when(processor.processingStatus()).thenReturn(Map.of(0, status, 1, status));
    }

    @Test
    void releasesTheSegmentBeyondItsShareWhenASecondReplicaIsAlive() {
        replicasAlive(2);
        balancer.balance();
        verify(processor).releaseSegment(1, 10_000, TimeUnit.MILLISECONDS);
        verify(processor, never()).releaseSegment(eq(0), anyLong(), any());
    }

    @Test
    void releasesNothingWhileAlone() {
        replicasAlive(1);
        balancer.balance();
        verify(processor, never()).releaseSegment(anyInt(), anyLong(), any());
    }

    private void replicasAlive(int count) {
        when(jdbc.queryForObject(anyString(), eq(Integer.class), any(Object[].class))).thenReturn(count);
    }
}
