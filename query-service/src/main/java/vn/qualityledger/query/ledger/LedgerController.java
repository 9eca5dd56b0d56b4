package vn.qualityledger.query.ledger;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.qualityledger.query.web.InvalidParameterException;
import vn.qualityledger.query.web.NotFoundException;
import vn.qualityledger.query.web.ReadAccess;
import vn.qualityledger.support.ledger.Checkpoint;
import vn.qualityledger.support.ledger.LedgerEvent;
import vn.qualityledger.support.ledger.LedgerKeys;
import vn.qualityledger.support.ledger.MerkleTree;
import vn.qualityledger.support.ledger.OrganisationExport;
import vn.qualityledger.support.ledger.StreamExport;
import vn.qualityledger.support.ledger.StreamHeads;

/**
 * The verifiable ledger: signed checkpoints, the public key that verifies them, inclusion and consistency proofs, and
 * one stream's events with their proofs for the offline verifier. Proofs are against a checkpoint's size (the newest
 * checkpoint's when none is named): a proof against a size nobody signed proves nothing.
 */
@RestController
class LedgerController {

    private final Checkpoints checkpoints;
    private final LedgerLog log;
    private final KeyPair key;
    private final ReadAccess access;

    LedgerController(Checkpoints checkpoints, LedgerLog log, KeyPair ledgerSigningKey, ReadAccess access) {
        this.checkpoints = checkpoints;
        this.log = log;
        this.key = ledgerSigningKey;
        this.access = access;
    }

    @PostMapping("/api/admin/ledger/checkpoints")
    ResponseEntity<Checkpoint> sign() {
        Checkpoint checkpoint = checkpoints.sign();
        return ResponseEntity.created(URI.create("/api/ledger/checkpoints?treeSize=" + checkpoint.treeSize())).body(checkpoint);
    }

    @GetMapping("/api/ledger/checkpoints")
    List<Checkpoint> list(@RequestParam(required = false) Long treeSize,
                          @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        if (treeSize != null) {
            return checkpoints.ofSize(treeSize).map(List::of).orElseThrow(() -> new NotFoundException("No checkpoint of size " + treeSize));
        }
        return checkpoints.list(limit);
    }

    @GetMapping("/api/ledger/public-key")
    PublicKeyResponse publicKey() {
        return new PublicKeyResponse(LedgerKeys.keyId(key.getPublic()), "Ed25519", LedgerKeys.publicKeyBase64(key.getPublic()),
                LedgerKeys.publicKeyPem(key.getPublic()));
    }

    @GetMapping("/api/ledger/proofs/inclusion")
    InclusionResponse inclusion(@RequestParam String event, @RequestParam(required = false) Long treeSize) {
        Checkpoint checkpoint = checkpoint(treeSize);
        LedgerLog.Leaf leaf = log.leafOf(event).filter(l -> l.leafIndex() < checkpoint.treeSize())
                .orElseThrow(() -> new NotFoundException("Event " + event + " is not in the ledger at size " + checkpoint.treeSize()));
        access.requireStream(leaf.stream());
        MerkleTree tree = log.tree();
        LedgerEvent stored = log.event(leaf.globalIndex())
                .orElseThrow(() -> new NotFoundException("Event " + event + " is no longer in the event store"));
        return new InclusionResponse(checkpoint, leaf.leafIndex(), stored, tree.inclusionProof(leaf.leafIndex(), checkpoint.treeSize()));
    }

    @GetMapping("/api/ledger/proofs/consistency")
    ConsistencyResponse consistency(@RequestParam @Min(0) long from, @RequestParam @Min(0) long to) {
        if (from > to) {
            throw new InvalidParameterException("from", "must not exceed to");
        }
        Checkpoint first = checkpoint(from);
        Checkpoint second = checkpoint(to);
        return new ConsistencyResponse(first, second, log.tree().consistencyProof(from, to));
    }

    /**
     * The stream's events in the checkpoint's tree with their inclusion proofs and the stream's signed head; with
     * {@code consistentWith}, consistency proofs between the checkpoint and those sizes (the checkpoints the auditor
     * holds), so that one file proves the stream against all of them.
     */
    @GetMapping("/api/ledger/streams/{stream}/export")
    StreamExport export(@PathVariable String stream, @RequestParam(required = false) Long treeSize,
                        @RequestParam(required = false) List<Long> consistentWith) {
        access.requireStream(stream);
        Checkpoint checkpoint = checkpoint(treeSize);
        long size = checkpoint.treeSize();
        StreamHeads.Indexed head = log.heads(size).find(stream)
                .orElseThrow(() -> new NotFoundException("Stream " + stream + " has no event in the ledger at size " + size));
        return export(stream, checkpoint, head, consistentWith);
    }

    /**
     * Every stream of the organisation in the checkpoint's tree (a stream's organisation is its first event's, as the
     * feed records it), each exported as {@code …/streams/{stream}/export} exports it, in one file.
     */
    @GetMapping("/api/ledger/organisations/{organisation}/export")
    OrganisationExport organisationExport(@PathVariable String organisation, @RequestParam(required = false) Long treeSize,
                                          @RequestParam(required = false) List<Long> consistentWith) {
        access.requireOrganisation(organisation);
        Checkpoint checkpoint = checkpoint(treeSize);
        StreamHeads heads = log.heads(checkpoint.treeSize());
        List<StreamExport> streams = new ArrayList<>();
        for (String stream : log.streamsOf(organisation)) {
            heads.find(stream).ifPresent(head -> streams.add(export(stream, checkpoint, head, consistentWith)));
        }
        return new OrganisationExport(OrganisationExport.FORMAT, organisation, checkpoint, streams);
    }

    private StreamExport export(String stream, Checkpoint checkpoint, StreamHeads.Indexed head, List<Long> consistentWith) {
        long size = checkpoint.treeSize();
        MerkleTree tree = log.tree();
        List<StreamExport.Entry> entries = new ArrayList<>();
        // The events as the store holds them now (through Axon's API), not the outbox's copy the leaves were hashed from.
        Map<String, LedgerEvent> stored = log.storedEvents(stream);
        for (LedgerLog.Leaf leaf : log.leavesOf(stream, size)) {
            // An event deleted from the store is left out: the verifier names the gap it leaves.
            Optional<LedgerEvent> event = leaf.eventId().equals(leaf.stream())
                    ? log.event(leaf.globalIndex()) // an event of no aggregate: its stream is itself, only the outbox has it
                    : Optional.ofNullable(stored.get(leaf.eventId()));
            event.ifPresent(e -> entries.add(new StreamExport.Entry(leaf.leafIndex(), e, tree.inclusionProof(leaf.leafIndex(), size))));
        }
        List<StreamExport.Consistency> consistency = new ArrayList<>();
        for (long other : consistentWith == null ? List.<Long>of() : consistentWith) {
            if (other < 0 || other > tree.size()) {
                throw new InvalidParameterException("consistentWith", "the ledger has " + tree.size() + " leaves");
            }
            long from = Math.min(other, size);
            long to = Math.max(other, size);
            consistency.add(new StreamExport.Consistency(from, to, tree.consistencyProof(from, to)));
        }
        return new StreamExport(StreamExport.FORMAT, stream, checkpoint, head.head(), head.index(), head.proof(), entries, consistency);
    }

    private Checkpoint checkpoint(Long treeSize) {
        if (treeSize == null) {
            return checkpoints.latest().orElseThrow(() -> new NotFoundException("No checkpoint has been signed yet"));
        }
        return checkpoints.ofSize(treeSize).orElseThrow(() -> new NotFoundException("No checkpoint of size " + treeSize));
    }

    record PublicKeyResponse(String keyId, String algorithm, String publicKey, String pem) {
    }

    record InclusionResponse(Checkpoint checkpoint, long leafIndex, LedgerEvent event, List<byte[]> proof) {
    }

    record ConsistencyResponse(Checkpoint first, Checkpoint second, List<byte[]> proof) {
    }
}
