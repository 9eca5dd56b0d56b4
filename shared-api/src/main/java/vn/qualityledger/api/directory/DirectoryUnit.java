package vn.qualityledger.api.directory;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A unit of an organisation as its plan documents name it.
 *
 * @param code the unit's code, as the plan's lead, coordinating and assigned units name it ({@code VP})
 * @param name its name in Vietnamese, in Unicode NFC ({@code Văn phòng Sở})
 * @param kind what kind of unit it is, as the document says ({@code OFFICE}, {@code DIVISION}, {@code GROUP}…); null
 *             when the document does not say
 */
public record DirectoryUnit(@NotBlank @Size(max = 50) String code,
                            @NotBlank @Size(max = 300) String name,
                            @Size(max = 50) String kind) {
}
