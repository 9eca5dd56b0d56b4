package vn.qualityledger.api.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;

class EventContractTest {

    private static final List<Class<?>> EVENT_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("vn.qualityledger.api").stream()
            .filter(c -> c.getSimpleName().endsWith("Event") && !c.isNestedClass())
            .<Class<?>>map(JavaClass::reflect)
            .sorted(java.util.Comparator.comparing(Class::getName))
            .toList();

    @Test
    void everyEventOfTheApiIsPublished() {
        assertThat(EVENT_CLASSES).as("classes named …Event in vn.qualityledger.api").hasSizeGreaterThan(20);
        assertThat(EventContract.EVENTS)
                .as("EventContract.EVENTS must list every event class of shared-api (add a new event type there)")
                .containsExactlyInAnyOrderElementsOf(EVENT_CLASSES);
    }

    @Test
    void everyPublishedEventHasAWholeNumberRevision() {
        for (Class<?> event : EventContract.EVENTS) {
            Revision revision = event.getAnnotation(Revision.class);
            assertThat(revision).as(event.getName() + " needs @Revision").isNotNull();
            assertThat(revision.value()).as("revision of " + event.getName() + ": 1, 2, 3…").matches("[1-9][0-9]*");
        }
    }

    @Test
    void namesAreUniqueAndFollowTheFeature() {
        assertThat(EventContract.EVENTS.stream().map(EventContract::typeName).distinct()).hasSameSizeAs(EventContract.EVENTS);
        assertThat(EventContract.typeName(vn.qualityledger.api.objective.EvidenceSubmittedEvent.class))
                .isEqualTo("vn.qualityledger.objective.EvidenceSubmitted");
        assertThat(EventContract.schemaUri("vn.qualityledger.objective.EvidenceSubmitted", "2"))
                .hasToString("https://qualityledger.vn/schemas/objective/EvidenceSubmitted.v2.schema.json");
        assertThat(EventContract.publishedRevisions(vn.qualityledger.api.objective.EvidenceSubmittedEvent.class)).containsExactly("1", "2");
    }
}
