package vn.qualityledger.query.feed;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;
import vn.qualityledger.api.contract.EventContract;
import vn.qualityledger.query.web.InvalidParameterException;

/**
 * The event feed: every published event in position order, as CloudEvents, a page at a time or as a live tail.
 * A consumer keeps the last position it has processed and reads on after it; see {@link FeedReader} for the guarantees.
 */
@RestController
@RequestMapping("/api/feed")
@Tag(name = "Event feed")
public class FeedController {

    /** The position to read on after, also given in the {@code Link: <...>; rel="next"} header. */
    public static final String RESUME_AFTER = "Feed-Resume-After";
    /** Present (true) when a gap in the global index, a transaction not yet committed, holds back later events. */
    public static final String HELD_BACK = "Feed-Held-Back";

    private static final Pattern CLOUD_EVENT_TYPE = Pattern.compile("(.+)\\.v([^.]+)");
    private static final String ORGANISATION = "The organisation whose streams to read; required unless every organisation is granted to you";
    private static final String TYPE = "Event types: published names (vn.qualityledger.objective.EvidenceSubmitted) or CloudEvents types with their revision (...EvidenceSubmitted.v1); repeat or separate by commas";
    private static final String STREAM = "One stream (aggregate id), e.g. an objective's id";

    private final FeedReader reader;
    private final CloudEvents cloudEvents;
    private final FeedAccess access;
    private final FeedTails tails;
    private final FeedProperties properties;

    public FeedController(FeedReader reader, CloudEvents cloudEvents, FeedAccess access, FeedTails tails, FeedProperties properties) {
        this.reader = reader;
        this.cloudEvents = cloudEvents;
        this.access = access;
        this.tails = tails;
        this.properties = properties;
    }

    @GetMapping(produces = CloudEvents.BATCH_CONTENT_TYPE)
    @Operation(summary = "Events after a position, in position order, as a CloudEvents JSON batch; read on from the Link rel=next (or Feed-Resume-After)")
    @ApiResponse(responseCode = "200", description = "The page: its events in position order, possibly none",
            content = @Content(mediaType = CloudEvents.BATCH_CONTENT_TYPE, array = @ArraySchema(schema = @Schema(implementation = FeedEventDocument.class))))
    public ResponseEntity<byte[]> page(@Parameter(description = ORGANISATION) @RequestParam(required = false) String organisation,
                                       @Parameter(description = "Read events after this position (exclusive); absent: from the start")
                                       @RequestParam(defaultValue = "0") @Min(0) long after,
                                       @Parameter(description = TYPE) @RequestParam(required = false) List<String> type,
                                       @Parameter(description = STREAM) @RequestParam(required = false) String stream,
                                       @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        FeedQuery query = new FeedQuery(after, access.requireOrganisation(organisation), types(type), blankToNull(stream), limit);
        FeedPage page = reader.read(query);
        String baseUrl = baseUrl();
        byte[] body = cloudEvents.batch(page.events().stream().map(e -> cloudEvents.of(e)).toList());
        UriComponentsBuilder next = UriComponentsBuilder.fromUriString(baseUrl).path("/api/feed");
        if (organisation != null && !organisation.isBlank()) {
            next.queryParam("organisation", organisation);
        }
        if (type != null && !type.isEmpty()) {
            next.queryParam("type", String.join(",", type));
        }
        if (query.streamId() != null) {
            next.queryParam("stream", query.streamId());
        }
        next.queryParam("after", page.resumeAfter()).queryParam("limit", limit);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(CloudEvents.BATCH_CONTENT_TYPE))
                .header(HttpHeaders.LINK, "<" + next.encode().build().toUriString() + ">; rel=\"next\"")
                .header(RESUME_AFTER, Long.toString(page.resumeAfter()))
                .header(HELD_BACK, Boolean.toString(page.heldBack()))
                .body(body);
    }

    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Live tail as Server-Sent Events: id = position, data = the structured CloudEvent; resumes after Last-Event-ID (or after)")
    public SseEmitter stream(@Parameter(description = ORGANISATION) @RequestParam(required = false) String organisation,
                             @Parameter(description = "Start after this position when there is no Last-Event-ID; absent: from the start")
                             @RequestParam(required = false) @Min(0) Long after,
                             @Parameter(description = TYPE) @RequestParam(required = false) List<String> type,
                             @Parameter(description = STREAM) @RequestParam(required = false) String stream,
                             @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        FeedQuery query = new FeedQuery(startAfter(lastEventId, after), access.requireOrganisation(organisation), types(type),
                blankToNull(stream), 100);
        return tails.open(query);
    }

    private static long startAfter(String lastEventId, Long after) {
        if (lastEventId != null && !lastEventId.isBlank()) {
            try {
                long position = Long.parseLong(lastEventId.trim());
                if (position >= 0) {
                    return position;
                }
            } catch (NumberFormatException ignored) {
                // answered below
            }
            throw new InvalidParameterException("Last-Event-ID", "must be a position (a whole number >= 0) but was '" + lastEventId + "'");
        }
        return after == null ? 0 : after;
    }

    static List<FeedQuery.EventTypeFilter> types(List<String> names) {
        List<FeedQuery.EventTypeFilter> filters = new ArrayList<>();
        for (String name : names == null ? List.<String>of() : names) {
            if (name.isBlank()) {
                continue;
            }
            String typeName = name.trim();
            String revision = null;
            if (EventContract.byTypeName(typeName).isEmpty()) {
                Matcher withRevision = CLOUD_EVENT_TYPE.matcher(typeName);
                if (withRevision.matches() && EventContract.byTypeName(withRevision.group(1)).isPresent()) {
                    typeName = withRevision.group(1);
                    revision = withRevision.group(2);
                }
            }
            String published = typeName;
            Class<?> eventType = EventContract.byTypeName(typeName).orElseThrow(() ->
                    new InvalidParameterException("type", "must be a published event type but was '" + published + "'"));
            filters.add(new FeedQuery.EventTypeFilter(eventType.getName(), revision));
        }
        return filters;
    }

    private String baseUrl() {
        String configured = properties.baseUrl();
        String url = configured != null && !configured.isBlank() ? configured
                : ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
