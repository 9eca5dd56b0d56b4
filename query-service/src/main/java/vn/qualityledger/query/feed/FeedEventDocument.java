package vn.qualityledger.query.feed;

import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * One event of the feed in the CloudEvents structured JSON format, as a batch page and each Server-Sent Event carry it:
 * the OpenAPI document's description of what {@link CloudEvents} writes with the CloudEvents SDK (this record is never
 * serialised itself).
 *
 * @param specversion     always {@code 1.0}
 * @param id              the event's id, unique in the event store
 * @param source          {@code urn:qualityledger:<organisation id>}
 * @param type            the published name with its revision
 * @param subject         the stream (aggregate id)
 * @param time            when it was stored, in UTC
 * @param datacontenttype always {@code application/json}
 * @param dataschema      the JSON Schema of {@code data} at this revision, also served at {@code /api/feed/schemas}
 * @param data            the event itself, as its schema ({@code dataschema}) describes it
 * @param position        the feed position: resume after it
 * @param streamsequence  the event's position in its stream, from 0
 * @param sequence        the same as {@code streamsequence}, for consumers of contract 1.0.0 (deprecated)
 * @param actorid         who did it, when the event was recorded with attribution
 * @param correlationid   the correlation id shared by the commands of one request (a plan import's, for example)
 */
@Schema(name = "CloudEvent")
record FeedEventDocument(@Schema(example = "1.0") String specversion,
                         @Schema(example = "3f0b2a4e-8c1d-4e5f-9a6b-7c8d9e0f1a2b") String id,
                         @Schema(example = "urn:qualityledger:SLDTBXH-HD") URI source,
                         @Schema(example = "vn.qualityledger.objective.EvidenceSubmitted.v1") String type,
                         @Schema(example = "SLDTBXH-HD.MTCL-2023-01") String subject,
                         @Schema(example = "2023-05-12T02:15:00Z") OffsetDateTime time,
                         @Schema(example = "application/json") String datacontenttype,
                         @Schema(example = "https://qualityledger.vn/schemas/objective/EvidenceSubmitted.v1.schema.json") URI dataschema,
                         @Schema(implementation = Map.class) Object data,
                         @Schema(example = "1024") long position,
                         @Schema(example = "7") long streamsequence,
                         @Schema(example = "7", deprecated = true) long sequence,
                         @Schema(example = "nhanvienvp") String actorid,
                         @Schema(example = "6c1f0e2d-9b8a-4c7d-8e6f-5a4b3c2d1e0f") String correlationid) {
}
