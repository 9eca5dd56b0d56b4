package vn.qualityledger.support.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ChainHeadsTest {

    private static final byte[] LINK_4 = {4};
    private static final byte[] LINK_6 = {6};

    @Test
    void givesTheHeadOnlyToTheEventRightAfterIt() {
        ChainHeads heads = new ChainHeads(10);
        heads.remember(Map.of("s", new ChainHeads.Head(4, LINK_4)));

        assertThat(heads.linkBefore("s", 5)).isEqualTo(LINK_4);
        // Another replica appended 5 and 6: this head is stale and must not chain event 7.
        assertThat(heads.linkBefore("s", 7)).isNull();
        assertThat(heads.linkBefore("s", 4)).isNull();
        assertThat(heads.linkBefore("other", 5)).isNull();
    }

    @Test
    void anEarlierCommitArrivingLateDoesNotReplaceALaterHead() {
        ChainHeads heads = new ChainHeads(10);
        heads.remember(Map.of("s", new ChainHeads.Head(6, LINK_6)));
        heads.remember(Map.of("s", new ChainHeads.Head(4, LINK_4)));

        assertThat(heads.linkBefore("s", 7)).isEqualTo(LINK_6);
        assertThat(heads.linkBefore("s", 5)).isNull();
    }

    @Test
    void sizeZeroRemembersNothing() {
        ChainHeads heads = new ChainHeads(0);
        heads.remember(Map.of("s", new ChainHeads.Head(4, LINK_4)));
        heads.remember(Map.of("t", new ChainHeads.Head(4, LINK_4)));

        assertThat(heads.linkBefore("s", 5)).isNull();
        assertThat(heads.linkBefore("t", 5)).isNull();
    }
}
