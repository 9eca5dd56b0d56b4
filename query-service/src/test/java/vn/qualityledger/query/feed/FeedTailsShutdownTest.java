package vn.qualityledger.query.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * An open live tail must not hold the graceful shutdown for its whole timeout: stopping the tails completes every
 * emitter (a completed emitter refuses to send), and a tail opened while stopping is completed at once.
 */
class FeedTailsShutdownTest {

    // an empty feed: every poll finds nothing, so a tail stays open until it is completed
    private final FeedTails tails = new FeedTails(mock(FeedReader.class, RETURNS_DEEP_STUBS), mock(CloudEvents.class),
            new FeedProperties(null, null, new FeedProperties.Stream(Duration.ofMillis(20), null, null, 1), null));

    @Test
    void stoppingCompletesEveryOpenTail() throws Exception {
        tails.start();
        SseEmitter first = tails.open(query());
        SseEmitter second = tails.open(query());
        Thread.sleep(100); // both tails have polled a few times
        first.send(SseEmitter.event().comment("still open"));
        assertThat(tails.openTails()).isEqualTo(2);

        tails.stop();

        assertThat(tails.isRunning()).isFalse();
        assertThat(tails.openTails()).isZero();
        for (SseEmitter emitter : List.of(first, second)) {
            assertThatThrownBy(() -> emitter.send(SseEmitter.event().comment("after stop")))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("completed");
        }
    }

    @Test
    void aTailOpenedWhileStoppingIsCompletedAtOnce() {
        tails.start();
        tails.stop();

        SseEmitter late = tails.open(query());

        assertThat(tails.openTails()).isZero();
        assertThatThrownBy(() -> late.send(SseEmitter.event().comment("late")))
                .isInstanceOf(IllegalStateException.class);
    }

    private static FeedQuery query() {
        return new FeedQuery(0, "SLDTBXH-HD", List.of(), null, 100);
    }
}
