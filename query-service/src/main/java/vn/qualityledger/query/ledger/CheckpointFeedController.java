package vn.qualityledger.query.ledger;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
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
import tools.jackson.databind.json.JsonMapper;
import vn.qualityledger.query.feed.CloudEvents;
import vn.qualityledger.query.feed.FeedController;

/**
 * The checkpoint feed: every signed checkpoint as a CloudEvent of type {@value #TYPE}, in the order they were signed,
 * paged like the event feed. A feed of its own rather than items in the event feed's position order: a position is an
 * event's global index in the store, and a checkpoint has none — giving it one would put two items at one position (or
 * invent positions between events), and a consumer resuming "after position p" would then miss or repeat checkpoints.
 * Here the resume token is the checkpoint's own row id.
 */
@RestController
@Tag(name = "Ledger")
class CheckpointFeedController {

    static final String TYPE = "vn.qualityledger.ledger.CheckpointSigned.v1";
    static final String SCHEMA_FILE = "CheckpointSigned.v1.schema.json";
    static final URI SCHEMA = URI.create("https://qualityledger.vn/schemas/ledger/" + SCHEMA_FILE);
    private static final String PATH = "/api/ledger/checkpoints/feed";

    private final Checkpoints checkpoints;
    private final CloudEvents cloudEvents;
    private final JsonMapper json;

    CheckpointFeedController(Checkpoints checkpoints, CloudEvents cloudEvents, JsonMapper json) {
        this.checkpoints = checkpoints;
        this.cloudEvents = cloudEvents;
        this.json = json;
    }

    @GetMapping(path = PATH, produces = CloudEvents.BATCH_CONTENT_TYPE)
    @Operation(summary = "The signed checkpoints after a checkpoint id, oldest first, as a CloudEvents JSON batch; read on from the Link rel=next (or Feed-Resume-After)")
    ResponseEntity<byte[]> page(@Parameter(description = "Read checkpoints after this id (the extension checkpointid; exclusive); absent: from the first")
                                @RequestParam(defaultValue = "0") @Min(0) long after,
                                @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        List<Checkpoints.Signed> page = checkpoints.after(after, limit);
        long resumeAfter = page.isEmpty() ? after : page.get(page.size() - 1).id();
        String next = ServletUriComponentsBuilder.fromCurrentContextPath().path(PATH)
                .queryParam("after", resumeAfter).queryParam("limit", limit).build().toUriString();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(CloudEvents.BATCH_CONTENT_TYPE))
                .header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"")
                .header(FeedController.RESUME_AFTER, Long.toString(resumeAfter))
                .body(cloudEvents.batch(page.stream().map(this::event).toList()));
    }

    @GetMapping(path = "/api/ledger/schemas/" + SCHEMA_FILE, produces = "application/schema+json")
    @Operation(summary = "The JSON Schema of a CheckpointSigned event's data (the checkpoint as the verifier reads it)")
    ResponseEntity<Resource> schema() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/schema+json"))
                .body(new ClassPathResource("schemas/ledger/" + SCHEMA_FILE));
    }

    /** The checkpoint as a CloudEvent: its data is the JSON the checkpoint directory holds and the verifier reads. */
    private CloudEvent event(Checkpoints.Signed signed) {
        var checkpoint = signed.checkpoint();
        return CloudEventBuilder.v1()
                .withId("checkpoint-" + signed.id())
                .withSource(URI.create("urn:qualityledger:ledger"))
                .withType(TYPE)
                .withSubject(checkpoint.origin())
                .withTime(Instant.parse(checkpoint.timestamp()).atOffset(ZoneOffset.UTC))
                .withDataSchema(SCHEMA)
                .withData("application/json", json.writeValueAsBytes(checkpoint))
                .withExtension("checkpointid", Long.toString(signed.id()))
                .withExtension("treesize", Long.toString(checkpoint.treeSize()))
                .build();
    }
}
