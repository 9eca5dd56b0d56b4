package vn.qualityledger.query.contract;

import java.util.List;

/**
 * What {@code GET /api/feed/schemas} answers: every published event type with each of its revisions.
 *
 * @param schemaIdBase what every schema {@code $id} (and CloudEvents {@code dataschema}) starts with
 * @param asyncApi     where the AsyncAPI document of the feed is served
 * @param eventTypes   by name
 */
public record SchemaIndex(String schemaIdBase, String asyncApi, List<EventType> eventTypes) {

    /**
     * @param name            the stable name, e.g. {@code vn.qualityledger.objective.EvidenceSubmitted}
     * @param feature         {@code objective}, {@code audit} or {@code nonconformity}
     * @param currentRevision the revision the feed delivers (older stored events are upcast to it)
     * @param revisions       every revision ever published, oldest first
     */
    public record EventType(String name, String feature, String currentRevision, List<Revision> revisions) {
    }

    /**
     * @param revision       1, 2, …
     * @param cloudEventType the CloudEvents {@code type} of events of this revision
     * @param schemaId       the schema's {@code $id}, which is the events' {@code dataschema}
     * @param schemaUrl      where this service serves the schema
     */
    public record Revision(String revision, String cloudEventType, String schemaId, String schemaUrl) {
    }
}
