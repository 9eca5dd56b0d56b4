package vn.qualityledger.query.ledger;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import vn.qualityledger.api.contract.EventContract;
import vn.qualityledger.api.ledger.CheckpointSignedEvent;
import vn.qualityledger.query.feed.CloudEvents;
import vn.qualityledger.query.feed.FeedController;
import vn.qualityledger.query.feed.FeedPage;
import vn.qualityledger.query.feed.FeedQuery;
import vn.qualityledger.query.feed.FeedReader;

/**
 * The checkpoint-only view of the event feed: the CheckpointSigned events ({@value #TYPE}) of the stream
 * {@value CheckpointSignedEvent#STREAM}, the same CloudEvents (id, position, data) the event feed serves among the
 * other events, paged by position like it. For readers without the feed consumer's role (an auditor): checkpoints are
 * public statements, the events they cover are not. Checkpoints signed before they were published as events are not
 * here; {@code GET /api/ledger/checkpoints} lists every one.
 */
@RestController
@Tag(name = "Ledger")
class CheckpointFeedController {

    static final String TYPE = "vn.qualityledger.ledger.CheckpointSigned.v1";
    private static final String PATH = "/api/ledger/checkpoints/feed";
    private static final String SCHEMA_FILE = "CheckpointSigned.v1.schema.json";

    private final FeedReader feed;
    private final CloudEvents cloudEvents;

    CheckpointFeedController(FeedReader feed, CloudEvents cloudEvents) {
        this.feed = feed;
        this.cloudEvents = cloudEvents;
    }

    @GetMapping(path = PATH, produces = CloudEvents.BATCH_CONTENT_TYPE)
    @Operation(summary = "The signed checkpoints after a feed position, oldest first, as a CloudEvents JSON batch (the event feed's CheckpointSigned events); read on from the Link rel=next (or Feed-Resume-After)")
    ResponseEntity<byte[]> page(@Parameter(description = "Read checkpoints after this feed position (the extension position; exclusive); absent: from the first")
                                @RequestParam(defaultValue = "0") @Min(0) long after,
                                @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        FeedPage page = feed.read(new FeedQuery(after, null,
                List.of(new FeedQuery.EventTypeFilter(CheckpointSignedEvent.class.getName(), null)), CheckpointSignedEvent.STREAM, limit));
        String next = ServletUriComponentsBuilder.fromCurrentContextPath().path(PATH)
                .queryParam("after", page.resumeAfter()).queryParam("limit", limit).build().toUriString();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(CloudEvents.BATCH_CONTENT_TYPE))
                .header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"")
                .header(FeedController.RESUME_AFTER, Long.toString(page.resumeAfter()))
                .body(cloudEvents.batch(page.events().stream().map(cloudEvents::of).toList()));
    }

    /** The published schema (also at /api/feed/schemas/ledger/…), kept at the address the checkpoint feed gave it first. */
    @GetMapping(path = "/api/ledger/schemas/" + SCHEMA_FILE, produces = "application/schema+json")
    @Operation(summary = "The JSON Schema of a CheckpointSigned event's data (the checkpoint as the verifier reads it)")
    ResponseEntity<Resource> schema() {
        String path = EventContract.schemaPath(EventContract.typeName(CheckpointSignedEvent.class), "1");
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/schema+json"))
                .body(new ClassPathResource(path));
    }
}
