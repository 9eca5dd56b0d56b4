package vn.qualityledger.support.upcastingproof;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A test-only event published at revision 2. Revision 1 stored {@code {"noteId", "unitName", "text", "recordedOn"}};
 * revision 2 renamed {@code unitName} to {@code unit} and added {@code language}, which events of revision 1 lack
 * (they were all written in Vietnamese).
 */
@Revision("2")
public record NoteRecordedEvent(String noteId, String unit, String text, String language, LocalDate recordedOn) {
}
