package vn.qualityledger.api.common;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** An administrative decision (Quyết định) by number and date, e.g. {@code 147/QĐ-SLĐTBXH} of 2023-02-07. */
public record Decision(@NotBlank @Size(max = 100) String number, @NotNull LocalDate date) {
}
