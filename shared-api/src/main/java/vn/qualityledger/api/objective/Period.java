package vn.qualityledger.api.objective;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/** The days a measurement covers, both ends included (e.g. Q2: 2023-04-01 to 2023-06-30). */
public record Period(@NotNull LocalDate from, @NotNull LocalDate to) {
}
