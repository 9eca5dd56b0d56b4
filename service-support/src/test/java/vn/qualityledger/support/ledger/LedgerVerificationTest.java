package vn.qualityledger.support.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class LedgerVerificationTest {

    private static final KeyPair KEY = LedgerKeys.generate();
    private static final List<PublicKey> KEYS = List.of(KEY.getPublic());

    private final TestLedger ledger = new TestLedger();

    LedgerVerificationTest() {
        for (int i = 0; i < 30; i++) {
            ledger.append("ORG.MTCL-" + (i % 3), "{\"n\":" + i + "}");
        }
    }

    @Test
    void anUntouchedExportVerifies() {
        Checkpoint checkpoint = ledger.checkpoint(KEY, 30);
        var outcome = LedgerVerification.verify(KEYS, List.of(), ledger.export("ORG.MTCL-1", checkpoint));
        assertThat(outcome.verified()).as(outcome.message()).isTrue();
        assertThat(outcome.message()).startsWith("verified: 10 events of stream ORG.MTCL-1");
    }

    @Test
    void anExportVerifiesAgainstLastYearsCheckpointThroughAConsistencyProof() {
        Checkpoint lastYear = ledger.checkpoint(KEY, 12);
        Checkpoint now = ledger.checkpoint(KEY, 30);
        var outcome = LedgerVerification.verify(KEYS, List.of(lastYear), ledger.export("ORG.MTCL-0", now, 12));
        assertThat(outcome.verified()).as(outcome.message()).isTrue();
    }

    @Test
    void cannotVerifyAnAlteredPayload() {
        Checkpoint checkpoint = ledger.checkpoint(KEY, 30);
        StreamExport export = ledger.export("ORG.MTCL-1", checkpoint);
        assertFailure(replaceEvent(export, 2, withPayload(export.events().get(2).event(), "{\"n\":999}")),
                "sequence 2", "does not match the ledger");
    }

    @Test
    void cannotVerifyAlteredMetadataOrTime() {
        Checkpoint checkpoint = ledger.checkpoint(KEY, 30);
        StreamExport export = ledger.export("ORG.MTCL-1", checkpoint);
        LedgerEvent e = export.events().get(4).event();
        assertFailure(replaceEvent(export, 4, new LedgerEvent(e.eventId(), e.stream(), e.sequence(), e.type(), e.revision(),
                e.timestamp(), e.payload(), "{\"actorId\":\"someone-else\"}".getBytes(StandardCharsets.UTF_8))), "sequence 4");
        assertFailure(replaceEvent(export, 4, new LedgerEvent(e.eventId(), e.stream(), e.sequence(), e.type(), e.revision(),
                "2025-01-01T00:00:00Z", e.payload(), e.metadata())), "sequence 4");
    }

    @Test
    void cannotVerifyAnExportWithADeletedEvent() {
        Checkpoint checkpoint = ledger.checkpoint(KEY, 30);
        StreamExport export = ledger.export("ORG.MTCL-1", checkpoint);
        List<StreamExport.Entry> events = new ArrayList<>(export.events());
        events.remove(3);
        assertFailure(withEvents(export, events), "sequence 3 is missing");
    }

    @Test
    void cannotVerifyAStreamCutShortTogetherWithItsLeaves() {
        Checkpoint checkpoint = ledger.checkpoint(KEY, 30);
        StreamExport export = ledger.export("ORG.MTCL-2", checkpoint);
        assertFailure(withEvents(export, export.events().subList(0, 7)), "holds 10 events", "from sequence 7 on are missing");
    }

    @Test
    void cannotVerifyAStreamWhoseTruncatedHeadWasPassedOff() {
        // The operator cuts the stream to 7 events and rebuilds the heads tree to match: the signed streams root differs.
        Checkpoint checkpoint = ledger.checkpoint(KEY, 30);
        StreamExport export = ledger.export("ORG.MTCL-2", checkpoint);
        StreamHead shorter = new StreamHead("ORG.MTCL-2", 7, export.events().get(6).leafIndex());
        StreamExport forged = new StreamExport(export.format(), export.stream(), checkpoint, shorter, export.headIndex(),
                export.headProof(), export.events().subList(0, 7), export.consistency());
        assertFailure(forged, "its head");
    }

    @Test
    void cannotVerifyAnInsertedEvent() {
        Checkpoint checkpoint = ledger.checkpoint(KEY, 30);
        StreamExport export = ledger.export("ORG.MTCL-1", checkpoint);
        List<StreamExport.Entry> events = new ArrayList<>(export.events());
        StreamExport.Entry copy = events.get(5);
        LedgerEvent forged = new LedgerEvent("forged", copy.event().stream(), 5, copy.event().type(), "1",
                copy.event().timestamp(), "{\"n\":-1}".getBytes(StandardCharsets.UTF_8), null);
        events.add(5, new StreamExport.Entry(copy.leafIndex(), forged, copy.proof()));
        assertFailure(withEvents(export, events), "event forged", "does not match the ledger");
    }

    @Test
    void cannotVerifyReorderedEvents() {
        Checkpoint checkpoint = ledger.checkpoint(KEY, 30);
        StreamExport export = ledger.export("ORG.MTCL-1", checkpoint);
        List<StreamExport.Entry> events = new ArrayList<>(export.events());
        Collections.swap(events, 2, 3);
        assertFailure(withEvents(export, events), "sequence 2 is missing");
        // Swapped sequence numbers in the store: each event's bytes change, so its proof fails.
        LedgerEvent a = export.events().get(2).event();
        assertFailure(replaceEvent(export, 2, new LedgerEvent(a.eventId(), a.stream(), 3, a.type(), a.revision(), a.timestamp(),
                a.payload(), a.metadata())), "does not match the ledger");
    }

    @Test
    void cannotVerifyAProofForTheWrongLeaf() {
        Checkpoint checkpoint = ledger.checkpoint(KEY, 30);
        StreamExport export = ledger.export("ORG.MTCL-1", checkpoint);
        List<StreamExport.Entry> events = new ArrayList<>(export.events());
        StreamExport.Entry e = events.get(1);
        events.set(1, new StreamExport.Entry(e.leafIndex(), e.event(), events.get(2).proof()));
        assertFailure(withEvents(export, events), "sequence 1", "does not match the ledger");
    }

    @Test
    void cannotVerifyARewrittenCheckpoint() {
        Checkpoint real = ledger.checkpoint(KEY, 30);
        Checkpoint rewritten = new Checkpoint(real.origin(), 29, ledger.tree().rootHash(29), real.streamCount(),
                real.streamsRoot(), real.timestamp(), real.keyId(), real.signature());
        assertThat(LedgerVerification.verifyCheckpoints(KEYS, List.of(rewritten)).message()).contains("signature does not hold");
    }

    @Test
    void cannotVerifyACheckpointSignedByAnUnknownKey() {
        Checkpoint other = ledger.checkpoint(LedgerKeys.generate(), 30);
        assertThat(LedgerVerification.verifyCheckpoints(KEYS, List.of(other)).message()).contains("not among the public keys");
    }

    @Test
    void aForkIsNamedWhenTheAuditorHoldsBothCheckpoints() {
        Checkpoint honest = ledger.checkpoint(KEY, 20);
        TestLedger forkedLedger = new TestLedger();
        for (int i = 0; i < 20; i++) {
            forkedLedger.append("ORG.MTCL-" + (i % 3), i == 7 ? "{\"n\":\"rewritten\"}" : "{\"n\":" + i + "}");
        }
        Checkpoint forked = forkedLedger.checkpoint(KEY, 20);
        var outcome = LedgerVerification.verifyCheckpoints(KEYS, List.of(honest, forked));
        assertThat(outcome.verified()).isFalse();
        assertThat(outcome.message()).startsWith("fork:");
    }

    @Test
    void aLogRewrittenAfterACheckpointIsNotConsistentWithIt() {
        Checkpoint lastYear = ledger.checkpoint(KEY, 12);
        TestLedger rewritten = new TestLedger();
        for (int i = 0; i < 30; i++) {
            rewritten.append("ORG.MTCL-" + (i % 3), i == 4 ? "{\"n\":\"rewritten\"}" : "{\"n\":" + i + "}");
        }
        Checkpoint now = rewritten.checkpoint(KEY, 30);
        var outcome = LedgerVerification.verify(KEYS, List.of(lastYear), rewritten.export("ORG.MTCL-1", now, 12));
        assertThat(outcome.verified()).isFalse();
        assertThat(outcome.message()).contains("is not a prefix of");
    }

    @Test
    void aSavedCheckpointWithoutAConsistencyProofDoesNotVerify() {
        Checkpoint lastYear = ledger.checkpoint(KEY, 12);
        var outcome = LedgerVerification.verify(KEYS, List.of(lastYear), ledger.export("ORG.MTCL-1", ledger.checkpoint(KEY, 30)));
        assertThat(outcome.message()).contains("no consistency proof");
    }

    @Test
    void afterARotationOldCheckpointsVerifyWithTheOldPublicKey() {
        KeyPair next = LedgerKeys.generate();
        Checkpoint old = ledger.checkpoint(KEY, 12);
        Checkpoint current = ledger.checkpoint(next, 30);
        StreamExport export = ledger.export("ORG.MTCL-0", current, 12);
        assertThat(LedgerVerification.verify(List.of(KEY.getPublic(), next.getPublic()), List.of(old), export).verified()).isTrue();
        assertThat(LedgerVerification.verify(List.of(next.getPublic()), List.of(old), export).message())
                .contains("signed by key " + LedgerKeys.keyId(KEY.getPublic()));
    }

    private static void assertFailure(StreamExport export, String... fragments) {
        var outcome = LedgerVerification.verify(KEYS, List.of(), export);
        assertThat(outcome.verified()).as(outcome.message()).isFalse();
        assertThat(outcome.message()).contains(fragments);
    }

    private static LedgerEvent withPayload(LedgerEvent e, String json) {
        return new LedgerEvent(e.eventId(), e.stream(), e.sequence(), e.type(), e.revision(), e.timestamp(),
                json.getBytes(StandardCharsets.UTF_8), e.metadata());
    }

    private static StreamExport replaceEvent(StreamExport export, int i, LedgerEvent event) {
        List<StreamExport.Entry> events = new ArrayList<>(export.events());
        StreamExport.Entry e = events.get(i);
        events.set(i, new StreamExport.Entry(e.leafIndex(), event, e.proof()));
        return withEvents(export, events);
    }

    private static StreamExport withEvents(StreamExport export, List<StreamExport.Entry> events) {
        return new StreamExport(export.format(), export.stream(), export.checkpoint(), export.head(), export.headIndex(),
                export.headProof(), events, export.consistency());
    }
}
