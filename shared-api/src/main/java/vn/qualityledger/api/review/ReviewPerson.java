package vn.qualityledger.api.review;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A person at a management review as the plan and the minutes name them: the chair, a participant, an attendee.
 *
 * @param name  the person's full name, e.g. "Nguyễn Văn An"; required
 * @param title their position, e.g. "Phó Giám đốc Sở, QMR"; empty or absent when the document prints none
 */
public record ReviewPerson(@NotBlank @Size(max = 200) String name, @Size(max = 300) String title) {
}
