package vn.qualityledger.api.common;

import java.time.LocalDate;

/** An administrative decision (Quyết định) by number and date, e.g. {@code 147/QĐ-SLĐTBXH} of 2023-02-07. */
public record Decision(String number, LocalDate date) {
}
