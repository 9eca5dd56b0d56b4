package vn.qualityledger.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import vn.qualityledger.api.contract.EventContract;
import vn.qualityledger.support.upcasting.EventRevisionUpcast;
import vn.qualityledger.support.upcasting.PublishedEventUpcaster;
import vn.qualityledger.support.upcasting.UpcastingConfiguration;
import vn.qualityledger.support.upcastingproof.NoteRecordedEvent;
import vn.qualityledger.support.upcastingproof.NoteRecordedV1ToV2;

/**
 * Every revision ever published still reads: its schema file is still served, and the services have an upcaster from
 * it to the next revision. The upcasters are the ones the services get (this module's auto-configuration).
 */
class PublishedRevisionsTest {

    @Test
    void everyOlderRevisionOfAPublishedEventHasItsSchemaAndAnUpcaster() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(UpcastingConfiguration.class))
                .run(context -> assertThat(gaps(EventContract.EVENTS, context.getBean(PublishedEventUpcaster.class).steps()))
                        .as("a revision after the first needs an EventRevisionUpcast in vn.qualityledger.support.upcasting"
                                + " from the revision before it, and every published schema file stays")
                        .isEmpty());
    }

    @Test
    void aRevisionWithoutItsUpcasterIsFound() {
        // The test-only event has no schema files: those gaps are expected here.
        assertThat(gaps(List.of(NoteRecordedEvent.class), List.of())).containsExactly(
                "no schema file schemas/upcastingproof/NoteRecorded.v1.schema.json",
                "no upcaster of vn.qualityledger.upcastingproof.NoteRecorded from revision 1 to 2",
                "no schema file schemas/upcastingproof/NoteRecorded.v2.schema.json");
        assertThat(gaps(List.of(NoteRecordedEvent.class), List.of(new NoteRecordedV1ToV2()))).containsExactly(
                "no schema file schemas/upcastingproof/NoteRecorded.v1.schema.json",
                "no schema file schemas/upcastingproof/NoteRecorded.v2.schema.json");
    }

    /** What is missing for older revisions to read: an upcaster to the next revision, a schema file; or a step beyond the current revision. */
    static List<String> gaps(List<Class<?>> events, List<EventRevisionUpcast> steps) {
        List<String> gaps = new ArrayList<>();
        for (Class<?> event : events) {
            String typeName = EventContract.typeName(event);
            List<String> revisions = EventContract.publishedRevisions(event);
            for (String revision : revisions) {
                if (EventRevisionUpcast.class.getClassLoader().getResource(EventContract.schemaPath(typeName, revision)) == null) {
                    gaps.add("no schema file " + EventContract.schemaPath(typeName, revision));
                }
                boolean current = revision.equals(EventContract.revision(event));
                boolean upcast = steps.stream().anyMatch(s -> s.eventType() == event && s.fromRevision().equals(revision));
                if (!current && !upcast) {
                    gaps.add("no upcaster of " + typeName + " from revision " + revision + " to " + (Integer.parseInt(revision) + 1));
                }
            }
        }
        steps.stream().filter(s -> events.contains(s.eventType()))
                .filter(s -> Integer.parseInt(s.fromRevision()) >= Integer.parseInt(EventContract.revision(s.eventType())))
                .forEach(s -> gaps.add("upcaster " + s + " goes beyond the current revision"));
        return gaps;
    }
}
