package vn.qualityledger.api.objective;

import java.util.List;

/**
 * What the plan says about one measure (one row of "Kế hoạch thực hiện MTCL").
 *
 * @param code             the row's number in the plan, e.g. {@code I.1.a}; unique within the objective
 * @param title            what is to be done
 * @param leadUnits        units that lead the work (Chủ trì); at least one
 * @param coordinatingUnits units that take part (Phối hợp)
 * @param monitors         who reviews the evidence (Trách nhiệm theo dõi); at least one
 * @param expectedEvidence documents that prove the work (Cách thức theo dõi và kết quả)
 * @param schedule         when the work is due (Thời gian thực hiện)
 */
public record MeasureDetails(String code, String title, List<String> leadUnits, List<String> coordinatingUnits,
                             List<String> monitors, List<String> expectedEvidence, Schedule schedule) {
}
