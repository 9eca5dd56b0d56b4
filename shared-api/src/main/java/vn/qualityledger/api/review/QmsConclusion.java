package vn.qualityledger.api.review;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * What a management review concluded about the quality management system (ISO 9001:2015 9.3.1): whether it remains
 * suitable, adequate and effective and aligned with the agency's direction, and the conclusion as the minutes word it.
 *
 * @param suitable  the QMS remains suitable (phù hợp)
 * @param adequate  the QMS remains adequate (thỏa đáng)
 * @param effective the QMS remains effective (hiệu lực)
 * @param statement the conclusion as the minutes print it; required
 */
public record QmsConclusion(boolean suitable, boolean adequate, boolean effective,
                            @NotBlank @Size(max = 8000) String statement) {
}
