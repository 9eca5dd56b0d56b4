package vn.qualityledger.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * Readiness after a restart: the processor runs at once, but it serves current figures only once it holds every
 * segment (the previous process's claims time out first) and has caught up with the events stored meanwhile.
 */
class EventProcessorsHealthIndicatorTest {

    private static final String NAME = "objective-progress";
    private static final long HEAD = 5_000;

    private final EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
    private final StreamingEventProcessor processor = mock(StreamingEventProcessor.class);
    private final TokenStore tokens = mock(TokenStore.class);
    /** The live claims of other replicas, as the token store holds them; none unless a test says so. */
    private Map<Integer, SegmentClaims.Claim> elsewhere = Map.of();
    private final EventProcessorsHealthIndicator readiness = new EventProcessorsHealthIndicator(processing,
            new ProjectionFailures(Duration.ofMinutes(2)), () -> OptionalLong.of(HEAD), 100, name -> elsewhere);

    EventProcessorsHealthIndicatorTest() {
        when(processing.eventProcessors()).thenReturn(Map.<String, EventProcessor>of(NAME, processor));
        when(processing.tokenStore(NAME)).thenReturn(tokens);
        when(processing.deadLetterQueue(NAME)).thenReturn(Optional.empty());
        when(processor.getName()).thenReturn(NAME);
        when(processor.isRunning()).thenReturn(true);
        when(tokens.fetchSegments(NAME)).thenReturn(new int[] {0, 1});
    }

    @Test
    void isDownWhileASegmentIsStillClaimedByTheProcessBeforeTheRestart() {
        claimed(Map.of(0, segment(true, HEAD)));
        Health health = readiness.health(true);
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(details(health)).containsEntry("unclaimedSegments", java.util.List.of(1)).containsEntry("segments", 2);
    }

    @Test
    void isDownWhileAClaimedSegmentIsFurtherBehindTheHeadThanTheBound() {
        claimed(Map.of(0, segment(true, HEAD), 1, segment(false, HEAD - 101)));
        Health health = readiness.health(true);
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(details(health)).containsEntry("segmentsBehind", java.util.List.of(1));
    }

    @Test
    void isUpOnceEverySegmentIsClaimedAndWithinTheBound() {
        claimed(Map.of(0, segment(true, HEAD), 1, segment(false, HEAD - 100)));
        assertThat(readiness.health(true).getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void isDownWhileTheTokenStoreHoldsNoSegmentYet() {
        when(tokens.fetchSegments(NAME)).thenReturn(new int[0]);
        claimed(Map.of());
        assertThat(readiness.health(true).getStatus()).isEqualTo(Status.DOWN);
    }

    @Test
    void isDownWhenASegmentIsInError() {
        EventTrackerStatus failing = segment(true, HEAD);
        when(failing.isErrorState()).thenReturn(true);
        claimed(Map.of(0, segment(true, HEAD), 1, failing));
        assertThat(readiness.health(true).getStatus()).isEqualTo(Status.DOWN);
    }

    @Test
    void staysUpWithParkedStreams_andCountsThem() {
        @SuppressWarnings("unchecked")
        SequencedDeadLetterQueue<EventMessage<?>> queue = mock(SequencedDeadLetterQueue.class);
        when(queue.amountOfSequences()).thenReturn(3L);
        when(processing.deadLetterQueue(NAME)).thenReturn(Optional.of(queue));
        claimed(Map.of(0, segment(true, HEAD), 1, segment(true, HEAD)));
        Health health = readiness.health(true);
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(details(health)).containsEntry("deadLetters", 3L);
    }

    @Test
    void isUpWhenAnotherReplicaHoldsTheOtherSegmentAndKeepsItCurrent() {
        claimed(Map.of(0, segment(true, HEAD)));
        elsewhere = Map.of(1, new SegmentClaims.Claim("4711@replica-2", OptionalLong.of(HEAD - 100)));
        Health health = readiness.health(true);
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(details(health)).containsEntry("segmentsHeldElsewhere", java.util.List.of(1)).doesNotContainKey("unclaimedSegments");
    }

    @Test
    void aReplicaHoldingNoSegmentIsReadyWhileTheOthersAreCurrent() {
        claimed(Map.of());
        elsewhere = Map.of(0, new SegmentClaims.Claim("4711@replica-1", OptionalLong.of(HEAD)),
                1, new SegmentClaims.Claim("4711@replica-1", OptionalLong.of(HEAD)));
        assertThat(readiness.health(true).getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void isDownWhenTheSegmentAnotherReplicaHoldsIsBehind() {
        // the tables are shared: a segment behind elsewhere leaves this replica's figures stale too
        claimed(Map.of(0, segment(true, HEAD)));
        elsewhere = Map.of(1, new SegmentClaims.Claim("4711@replica-2", OptionalLong.of(HEAD - 101)));
        Health health = readiness.health(true);
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(details(health)).containsEntry("segmentsBehind", java.util.List.of(1));
    }

    /** Stubs the claimed segments; built before stubbing, since Mockito cannot stub inside a stubbing. */
    private void claimed(Map<Integer, EventTrackerStatus> segments) {
        when(processor.processingStatus()).thenReturn(segments);
    }

    private static EventTrackerStatus segment(boolean caughtUp, long position) {
        EventTrackerStatus status = mock(EventTrackerStatus.class);
        when(status.isCaughtUp()).thenReturn(caughtUp);
        when(status.getCurrentPosition()).thenReturn(OptionalLong.of(position));
        return status;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> details(Health health) {
        return (Map<String, Object>) health.getDetails().get(NAME);
    }
}
