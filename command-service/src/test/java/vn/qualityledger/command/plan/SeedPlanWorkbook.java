package vn.qualityledger.command.plan;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import tools.jackson.databind.JsonNode;

/**
 * A plan document ({@code data/mtcl-2023.json}) re-typed as a plan workbook the way the secretary would type the
 * seed's table: the seed's two-level header under a title row, objectives by roman numeral, sub-measures as a), b),
 * units by their names, monitors as a dashed list, evidence one per line, the seed's own schedule phrases, the year
 * as a number and the decision's date as dd/mm/yyyy text.
 */
public final class SeedPlanWorkbook {

    private SeedPlanWorkbook() {
    }

    /** The plan document re-typed: units by their names, evidence one per line with a dash, sub-measures as a), b). */
    public static byte[] retyped(JsonNode plan) throws IOException {
        Workbook workbook = new XSSFWorkbook();
        Sheet info = workbook.createSheet(PlanWorkbook.INFO);
        row(info, 0, "Thông tin", "Giá trị");
        row(info, 1, "Mã cơ quan", plan.path("organisation").path("code").asString());
        row(info, 2, "Tên cơ quan", plan.path("organisation").path("name").asString());
        row(info, 3, "Múi giờ", plan.path("organisation").path("timezone").asString());
        info.createRow(4).createCell(0).setCellValue("Năm");
        info.getRow(4).createCell(1).setCellValue(plan.path("year").asInt()); // a number, as Excel keeps it
        row(info, 5, "Số quyết định", plan.path("decision").path("number").asString());
        row(info, 6, "Ngày quyết định", "07/02/2023");

        Sheet units = workbook.createSheet(PlanWorkbook.UNITS);
        row(units, 0, "Mã đơn vị", "Tên đơn vị", "Loại");
        Map<String, String> names = new HashMap<>();
        int u = 1;
        for (JsonNode unit : plan.path("units")) {
            row(units, u++, unit.path("code").asString(), unit.path("name").asString(), unit.path("kind").asString());
            names.put(unit.path("code").asString(), unit.path("name").asString());
        }

        Sheet objectives = workbook.createSheet(PlanWorkbook.OBJECTIVES);
        row(objectives, 0, PlanWorkbook.OBJECTIVE_HEADERS.toArray(String[]::new));
        Sheet table = workbook.createSheet(PlanWorkbook.PLAN);
        row(table, 0, "KẾ HOẠCH thực hiện mục tiêu chất lượng năm 2023");
        // the seed's two-level header
        row(table, 2, "TT", "Mục tiêu chất lượng và biện pháp thực hiện MTCL", "Trách nhiệm thực hiện", "", "Thời gian thực hiện",
                "Trách nhiệm theo dõi MTCL", "Cách thức theo dõi và kết quả");
        row(table, 3, "", "", "Chủ trì", "Phối hợp");
        int o = 1;
        int r = 4;
        for (JsonNode objective : plan.path("objectives")) {
            String numeral = objective.path("measures").path(0).path("code").asString().split("\\.")[0];
            JsonNode target = objective.path("target");
            if (target.isObject()) {
                row(objectives, o, numeral, objective.path("code").asString(), objective.path("statement").asString(),
                        target.path("indicator").asString(), target.path("comparator").asString());
                objectives.getRow(o).createCell(5).setCellValue(target.path("value").asDouble());
                objectives.getRow(o).createCell(6).setCellValue(target.path("unit").asString());
            } else {
                row(objectives, o, numeral, objective.path("code").asString(), objective.path("statement").asString());
            }
            o++;
            row(table, r++, numeral + ".", objective.path("statement").asString().toUpperCase(java.util.Locale.ROOT));
            for (JsonNode measure : objective.path("measures")) {
                row(table, r++, measureRow(measure, measure.path("code").asString().split("\\.")[1], names));
                for (JsonNode sub : measure.path("subMeasures")) {
                    String code = sub.path("code").asString();
                    row(table, r++, measureRow(sub, code.substring(code.lastIndexOf('.') + 1) + ")", names));
                }
            }
        }
        return bytes(workbook);
    }

    private static String[] measureRow(JsonNode measure, String tt, Map<String, String> names) {
        return new String[] {tt, measure.path("title").asString(), units(measure.path("lead"), names, "; "),
                units(measure.path("coordinating"), names, "\n"), measure.path("schedule").path("text").asString(),
                units(measure.path("monitoredBy"), names, "\n- "), lines(measure.path("evidence"))};
    }

    private static String units(JsonNode codes, Map<String, String> names, String separator) {
        List<String> typed = new ArrayList<>();
        codes.forEach(code -> typed.add(names.getOrDefault(code.asString(), code.asString())));
        return (separator.startsWith("\n-") ? "- " : "") + String.join(separator, typed);
    }

    private static String lines(JsonNode items) {
        List<String> typed = new ArrayList<>();
        items.forEach(item -> typed.add("- " + item.asString()));
        return String.join("\n", typed);
    }

    private static void row(Sheet sheet, int index, String... values) {
        Row row = sheet.createRow(index);
        for (int c = 0; c < values.length; c++) {
            if (!values[c].isEmpty()) {
                row.createCell(c).setCellValue(values[c]);
            }
        }
    }

    private static byte[] bytes(Workbook workbook) throws IOException {
        try (workbook) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
