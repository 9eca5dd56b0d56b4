package vn.qualityledger.api.objective;

import java.time.LocalDate;

/** The days a measurement covers, both ends included (e.g. Q2: 2023-04-01 to 2023-06-30). */
public record Period(LocalDate from, LocalDate to) {
}
