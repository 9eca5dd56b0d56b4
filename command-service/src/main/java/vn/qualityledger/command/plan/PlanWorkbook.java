package vn.qualityledger.command.plan;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.qualityledger.api.objective.Comparator;
import vn.qualityledger.api.objective.Schedule;
import vn.qualityledger.api.objective.Target;
import vn.qualityledger.support.input.RequestText;

/**
 * Reads a plan workbook (XLSX) laid out like the seed's plan table into the {@link PlanDocument} the JSON import
 * takes, so that both are checked and imported by one {@link PlanImport}. The layout (README, "Plan workbooks"; the
 * template of {@link PlanWorkbookTemplate} is an example of it):
 * <ul>
 *   <li>"Thông tin chung": label and value per row — Mã cơ quan, Tên cơ quan, Cơ quan chủ quản (optional), Múi giờ, Năm, Số quyết định, Ngày
 *       quyết định;</li>
 *   <li>"Mục tiêu" (Phụ lục 1): TT (roman), Mã mục tiêu, Mục tiêu chất lượng, Chỉ số, So sánh, Giá trị, Đơn vị tính;</li>
 *   <li>"Kế hoạch" (Phụ lục 2): the seed's columns TT, Biện pháp/Nội dung, Chủ trì, Phối hợp, Thời gian thực hiện,
 *       Trách nhiệm theo dõi, Cách thức theo dõi và kết quả; a roman TT row opens that objective's measures, "1" is
 *       measure I.1, "a)" or "1.1" its sub-measure I.1.a or I.1.1;</li>
 *   <li>"Đơn vị" (optional): Mã đơn vị, Tên đơn vị, Loại — units may then be named by code or name.</li>
 * </ul>
 * Whatever cannot be read is an error naming its cell ({@code Sheet "Kế hoạch"!E7}); the document is built from the
 * rest, so that the import's own checks can add theirs, each mapped back to its cell, in one answer.
 */
final class PlanWorkbook {

    static final String INFO = "Thông tin chung";
    static final String OBJECTIVES = "Mục tiêu";
    static final String PLAN = "Kế hoạch";
    static final String UNITS = "Đơn vị";
    static final List<String> SHEET_ORDER = List.of(INFO, OBJECTIVES, PLAN, UNITS);

    static final String ORGANISATION_CODE = "Mã cơ quan";
    static final String ORGANISATION_NAME = "Tên cơ quan";
    /** The parent body's name (optional), recorded with the names in the organisation's directory. */
    static final String ORGANISATION_PARENT = "Cơ quan chủ quản";
    static final String TIMEZONE = "Múi giờ";
    static final String YEAR = "Năm";
    static final String DECISION_NUMBER = "Số quyết định";
    static final String DECISION_DATE = "Ngày quyết định";
    static final List<String> INFO_LABELS = List.of(ORGANISATION_CODE, ORGANISATION_NAME, ORGANISATION_PARENT, TIMEZONE, YEAR,
            DECISION_NUMBER, DECISION_DATE);

    static final List<String> OBJECTIVE_HEADERS = List.of("TT", "Mã mục tiêu", "Mục tiêu chất lượng", "Chỉ số", "So sánh", "Giá trị", "Đơn vị tính");
    static final List<String> PLAN_HEADERS = List.of("TT", "Biện pháp/Nội dung", "Chủ trì", "Phối hợp", "Thời gian thực hiện",
            "Trách nhiệm theo dõi", "Cách thức theo dõi và kết quả");
    static final List<String> UNIT_HEADERS = List.of("Mã đơn vị", "Tên đơn vị", "Loại");

    /** How each plan column's header may begin (the seed writes "Mục tiêu chất lượng và biện pháp thực hiện MTCL"). */
    private static final List<List<String>> PLAN_HEADER_FORMS = List.of(List.of("tt"),
            List.of("biện pháp", "nội dung", "mục tiêu chất lượng và biện pháp"), List.of("chủ trì"), List.of("phối hợp"),
            List.of("thời gian thực hiện"), List.of("trách nhiệm theo dõi"), List.of("cách thức theo dõi"));

    private static final Pattern ROMAN = Pattern.compile("^([IVXLC]+)\\.?$");
    private static final Pattern NUMBER = Pattern.compile("^(\\d{1,3})\\.?$");
    private static final Pattern LETTER = Pattern.compile("^([a-zđ])[).]?$");
    private static final Pattern NUMBERED_SUB = Pattern.compile("^(\\d{1,3})\\.(\\d{1,3})\\.?$");
    private static final DateTimeFormatter VIETNAMESE_DATE = DateTimeFormatter.ofPattern("d/M/uuuu");
    private static final DataFormatter CELLS = new DataFormatter(Locale.ROOT);

    /** The document read, the errors of the workbook itself, and the cell each document path came from. */
    record Reading(PlanDocument document, List<PlanImport.PlanError> errors, Map<String, String> cells) {
    }

    private final Workbook workbook;
    private final List<PlanImport.PlanError> errors = new ArrayList<>();
    private final Map<String, String> cells = new LinkedHashMap<>();
    private final Map<String, String> unitCodes = new HashMap<>();

    private PlanWorkbook(Workbook workbook) {
        this.workbook = workbook;
    }

    static Reading read(byte[] bytes) {
        Workbook workbook;
        try {
            workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException notAWorkbook) {
            return new Reading(null, List.of(new PlanImport.PlanError("workbook", "NOT_A_WORKBOOK",
                    "The file is not an XLSX workbook (Office Open XML spreadsheet)")), Map.of());
        }
        try (workbook) {
            return new PlanWorkbook(workbook).read();
        } catch (IOException closing) {
            throw new java.io.UncheckedIOException(closing);
        }
    }

    private Reading read() {
        Sheet info = workbook.getSheet(INFO);
        Sheet objectiveSheet = workbook.getSheet(OBJECTIVES);
        Sheet planSheet = workbook.getSheet(PLAN);
        if (info == null || objectiveSheet == null || planSheet == null) {
            error("workbook", "NOT_A_PLAN_WORKBOOK", "A plan workbook has the sheets \"" + INFO + "\", \"" + OBJECTIVES + "\" and \""
                    + PLAN + "\" (and optionally \"" + UNITS + "\"); this one has " + sheetNames());
            return new Reading(null, errors, cells);
        }
        units(workbook.getSheet(UNITS));
        Map<String, String> values = info(info);
        Integer year = year(values);
        PlanDocument.Organisation organisation = new PlanDocument.Organisation(values.get(ORGANISATION_CODE),
                values.get(ORGANISATION_NAME), values.get(ORGANISATION_PARENT), values.get(TIMEZONE));
        PlanDocument.DecisionReference decision = values.get(DECISION_NUMBER) == null && values.get(DECISION_DATE) == null ? null
                : new PlanDocument.DecisionReference(values.get(DECISION_NUMBER), values.get(DECISION_DATE));
        Map<String, Integer> objectiveRows = new LinkedHashMap<>();
        List<ObjectiveDraft> objectives = objectives(objectiveSheet, objectiveRows);
        plan(planSheet, objectives, objectiveRows, year);
        List<PlanDocument.ObjectiveEntry> entries = objectives.stream().map(ObjectiveDraft::entry).toList();
        List<PlanDocument.Unit> units = unitCodes.isEmpty() ? null : unitList;
        return new Reading(new PlanDocument(organisation, year, decision, units, entries), errors, cells);
    }

    // ---- Thông tin chung -----------------------------------------------------------------------------------------

    private Map<String, String> info(Sheet sheet) {
        Map<String, String> values = new HashMap<>();
        cells.put("organisation", ref(sheet, 0, 0));
        cells.put("year", ref(sheet, 0, 0));
        Map<String, String> paths = Map.of(ORGANISATION_CODE, "organisation.code", ORGANISATION_NAME, "organisation.name",
                ORGANISATION_PARENT, "organisation.parent",
                TIMEZONE, "organisation.timezone", YEAR, "year", DECISION_NUMBER, "decision.number", DECISION_DATE, "decision.date");
        for (Row row : sheet) {
            String label = text(row.getCell(0));
            if (label == null) {
                continue;
            }
            String known = INFO_LABELS.stream().filter(l -> same(l, label)).findFirst().orElse(null);
            if (known == null && row.getRowNum() == 0) {
                continue; // the sheet's heading ("Thông tin | Giá trị" in the template)
            }
            Cell valueCell = row.getCell(1);
            String ref = ref(sheet, row.getRowNum(), 1);
            if (known == null) {
                error(ref(sheet, row.getRowNum(), 0), "UNKNOWN_LABEL", "\"" + label + "\" is not one of " + String.join(", ", INFO_LABELS));
                continue;
            }
            cells.put(paths.get(known), ref);
            if (known.equals(DECISION_DATE)) {
                values.put(known, isoDate(valueCell, ref));
            } else {
                values.put(known, text(valueCell));
            }
            if (known.equals(DECISION_NUMBER) || known.equals(DECISION_DATE)) {
                cells.putIfAbsent("decision", ref);
            }
        }
        return values;
    }

    private Integer year(Map<String, String> values) {
        String year = values.get(YEAR);
        if (year == null) {
            return null; // the document's own check names the missing year
        }
        try {
            return Integer.valueOf(year.replaceAll("\\.0+$", ""));
        } catch (NumberFormatException notAYear) {
            error(cells.get("year"), "Type", "must be a year, e.g. 2023");
            return null;
        }
    }

    /** A date cell, or text as the seed writes it (07/02/2023) or ISO; a month alone (02/2023) is kept as yyyy-MM. */
    private String isoDate(Cell cell, String ref) {
        if (cell != null && cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate().toString();
        }
        String text = text(cell);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text, VIETNAMESE_DATE).toString();
        } catch (DateTimeParseException notVietnamese) {
            Matcher month = Pattern.compile("^(\\d{1,2})/(\\d{4})$").matcher(text);
            if (month.matches()) {
                return "%s-%02d".formatted(month.group(2), Integer.parseInt(month.group(1)));
            }
            if (text.matches("\\d{4}-\\d{2}(-\\d{2})?")) {
                return text;
            }
            error(ref, "IsoDate", "must be a date dd/mm/yyyy, e.g. 07/02/2023");
            return null;
        }
    }

    // ---- Đơn vị ----------------------------------------------------------------------------------------------------

    private final List<PlanDocument.Unit> unitList = new ArrayList<>();

    private void units(Sheet sheet) {
        if (sheet == null) {
            return;
        }
        if (!headers(sheet, 0, UNIT_HEADERS.stream().map(h -> List.of(h.toLowerCase(Locale.ROOT))).toList(), UNIT_HEADERS)) {
            return;
        }
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            String code = row == null ? null : text(row.getCell(0));
            if (code == null) {
                continue;
            }
            String name = text(row.getCell(1));
            String path = "units[" + unitList.size() + "]";
            cells.put(path, ref(sheet, r, 0));
            cells.put(path + ".code", ref(sheet, r, 0));
            cells.put(path + ".name", ref(sheet, r, 1));
            cells.put(path + ".kind", ref(sheet, r, 2));
            unitList.add(new PlanDocument.Unit(code, name, text(row.getCell(2))));
            unitCodes.put(key(code), code);
            if (name != null) {
                unitCodes.putIfAbsent(key(name), code);
            }
        }
    }

    // ---- Mục tiêu --------------------------------------------------------------------------------------------------

    /** An objective as read so far; its measures are added from the plan sheet. */
    private record ObjectiveDraft(String code, String statement, Target target, List<MeasureDraft> measures) {
        PlanDocument.ObjectiveEntry entry() {
            return new PlanDocument.ObjectiveEntry(code, statement, target, measures.stream().map(MeasureDraft::entry).toList());
        }
    }

    private List<ObjectiveDraft> objectives(Sheet sheet, Map<String, Integer> byNumeral) {
        List<ObjectiveDraft> objectives = new ArrayList<>();
        cells.put("objectives", ref(sheet, 1, 0));
        if (!headers(sheet, 0, OBJECTIVE_HEADERS.stream().map(h -> List.of(h.toLowerCase(Locale.ROOT))).toList(), OBJECTIVE_HEADERS)) {
            return objectives;
        }
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (blank(row, OBJECTIVE_HEADERS.size())) {
                continue;
            }
            String path = "objectives[" + objectives.size() + "]";
            String numeral = text(row.getCell(0));
            Matcher roman = numeral == null ? null : ROMAN.matcher(numeral);
            if (roman == null || !roman.matches()) {
                error(ref(sheet, r, 0), "TT_ROMAN", "An objective's TT is a roman numeral (I, II, …), as in the plan table");
            } else if (byNumeral.putIfAbsent(roman.group(1), objectives.size()) != null) {
                error(ref(sheet, r, 0), "DUPLICATE_TT", "TT " + roman.group(1) + " is given to two objectives");
            }
            cells.put(path, ref(sheet, r, 0));
            cells.put(path + ".code", ref(sheet, r, 1));
            cells.put(path + ".statement", ref(sheet, r, 2));
            cells.put(path + ".target", ref(sheet, r, 3));
            cells.put(path + ".target.indicator", ref(sheet, r, 3));
            cells.put(path + ".target.comparator", ref(sheet, r, 4));
            cells.put(path + ".target.value", ref(sheet, r, 5));
            cells.put(path + ".target.unit", ref(sheet, r, 6));
            cells.put(path + ".measures", ref(sheet, r, 0));
            objectives.add(new ObjectiveDraft(text(row.getCell(1)), text(row.getCell(2)), target(sheet, row), new ArrayList<>()));
        }
        return objectives;
    }

    /** No target when its four cells are empty (an objective without an indicator, as MTCL-2023-07). */
    private Target target(Sheet sheet, Row row) {
        String indicator = text(row.getCell(3));
        String comparator = text(row.getCell(4));
        String value = text(row.getCell(5));
        String unit = text(row.getCell(6));
        if (indicator == null && comparator == null && value == null && unit == null) {
            return null;
        }
        Comparator read = null;
        if (comparator != null) {
            try {
                read = Comparator.ofSymbol(comparator.replace("≥", ">=").replace("≤", "<="));
            } catch (IllegalArgumentException unknown) {
                error(ref(sheet, row.getRowNum(), 4), "Comparator", "must be one of >=, >, <=, <, =");
            }
        }
        BigDecimal number = null;
        if (value != null) {
            try {
                number = new BigDecimal(value.replace(',', '.'));
            } catch (NumberFormatException notANumber) {
                error(ref(sheet, row.getRowNum(), 5), "Type", "must be a number, e.g. 95 or 95.5");
            }
        }
        return new Target(indicator, read, number, unit);
    }

    // ---- Kế hoạch --------------------------------------------------------------------------------------------------

    private record MeasureDraft(String code, String number, String title, List<String> lead, List<String> coordinating, Schedule schedule,
                                List<String> monitors, List<String> evidence, List<MeasureDraft> subMeasures) {
        PlanDocument.MeasureEntry entry() {
            return new PlanDocument.MeasureEntry(code, title, lead, coordinating, schedule, monitors, evidence,
                    subMeasures.isEmpty() ? null : subMeasures.stream().map(MeasureDraft::entry).toList());
        }
    }

    private void plan(Sheet sheet, List<ObjectiveDraft> objectives, Map<String, Integer> byNumeral, Integer year) {
        int header = headerRow(sheet);
        if (header < 0) {
            error(ref(sheet, 0, 0), "NOT_A_PLAN_TABLE", "The sheet has no header row of the plan table: " + String.join(" | ", PLAN_HEADERS));
            return;
        }
        // The seed's two-level header: "Trách nhiệm thực hiện" above "Chủ trì" and "Phối hợp".
        boolean twoLevel = text(sheet.getRow(header).getCell(2)) != null && same("Trách nhiệm thực hiện", text(sheet.getRow(header).getCell(2)));
        int first = header + (twoLevel ? 2 : 1);
        if (!headers(sheet, header, PLAN_HEADER_FORMS, PLAN_HEADERS, twoLevel)) {
            return;
        }
        String numeral = null;
        ObjectiveDraft objective = null;
        int objectiveIndex = -1;
        MeasureDraft measure = null;
        for (int r = first; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (blank(row, PLAN_HEADERS.size())) {
                continue;
            }
            String tt = text(row.getCell(0));
            String ttRef = ref(sheet, r, 0);
            Matcher roman = tt == null ? null : ROMAN.matcher(tt);
            if (roman != null && roman.matches()) {
                numeral = roman.group(1);
                Integer index = byNumeral.get(numeral);
                if (index == null) {
                    error(ttRef, "UNKNOWN_OBJECTIVE", "No objective of TT " + numeral + " on the sheet \"" + OBJECTIVES + "\"");
                    objective = null;
                } else {
                    objective = objectives.get(index);
                    objectiveIndex = index;
                }
                measure = null;
                continue;
            }
            if (tt == null) {
                error(ttRef, "TT_MISSING", "Each row of the plan has its TT: I, II, … for an objective, 1, 2, … for a measure, a), b) or 1.1 for a sub-measure");
                continue;
            }
            if (numeral == null) {
                error(ttRef, "MEASURE_BEFORE_OBJECTIVE", "A measure comes under an objective's row (TT I, II, …)");
                continue;
            }
            Matcher number = NUMBER.matcher(tt);
            Matcher letter = LETTER.matcher(tt.toLowerCase(Locale.ROOT));
            Matcher numberedSub = NUMBERED_SUB.matcher(tt);
            if (number.matches()) {
                if (objective == null) {
                    continue; // its objective's row is already reported
                }
                String path = "objectives[" + objectiveIndex + "].measures[" + objective.measures().size() + "]";
                measure = measureRow(sheet, row, path, numeral + "." + number.group(1), number.group(1), year);
                objective.measures().add(measure);
            } else if (letter.matches() || numberedSub.matches()) {
                if (measure == null) {
                    if (objective != null) {
                        error(ttRef, "SUB_MEASURE_WITHOUT_MEASURE", "A sub-measure (" + tt + ") comes under a measure's row (1, 2, …)");
                    }
                    continue;
                }
                String suffix;
                if (letter.matches()) {
                    suffix = letter.group(1);
                } else if (numberedSub.group(1).equals(measure.number())) {
                    suffix = numberedSub.group(2);
                } else {
                    error(ttRef, "SUB_MEASURE_OF_ANOTHER", "Sub-measure " + tt + " is not of measure " + measure.number() + " above it");
                    continue;
                }
                int measureIndex = objective.measures().indexOf(measure);
                String path = "objectives[" + objectiveIndex + "].measures[" + measureIndex + "].subMeasures[" + measure.subMeasures().size() + "]";
                measure.subMeasures().add(measureRow(sheet, row, path, measure.code() + "." + suffix, measure.number(), year));
            } else {
                error(ttRef, "TT_UNREADABLE", "\"" + tt + "\" is no TT: I, II, … for an objective, 1, 2, … for a measure, a), b) or 1.1 for a sub-measure");
            }
        }
    }

    private MeasureDraft measureRow(Sheet sheet, Row row, String path, String code, String number, Integer year) {
        int r = row.getRowNum();
        String[] fields = {"code", "title", "lead", "coordinating", "schedule", "monitoredBy", "evidence"};
        cells.put(path, ref(sheet, r, 0));
        for (int c = 0; c < fields.length; c++) {
            cells.put(path + "." + fields[c], ref(sheet, r, c));
        }
        cells.put(path + ".subMeasures", ref(sheet, r, 0));
        return new MeasureDraft(code, number, text(row.getCell(1)), units(sheet, row, 2), orNull(units(sheet, row, 3)),
                schedule(sheet, row, year), units(sheet, row, 5), orNull(lines(text(row.getCell(6)))), new ArrayList<>());
    }

    private Schedule schedule(Sheet sheet, Row row, Integer year) {
        String text = text(row.getCell(4));
        if (text == null || year == null) {
            return null; // the document's check says the schedule is missing; without a year no phrase can be placed
        }
        SchedulePhrases.Reading reading = SchedulePhrases.read(text, year);
        if (!reading.read()) {
            error(ref(sheet, row.getRowNum(), 4), "SCHEDULE_PHRASE_UNKNOWN", "Cannot read \"" + reading.unreadPart()
                    + "\" as a schedule; the phrases accepted are listed on the template's sheet \"" + PlanWorkbookTemplate.PHRASES + "\"");
            return null;
        }
        return new Schedule(text, reading.rules());
    }

    /** Units by code or, when the workbook lists them, by name; one per line or separated by ";". */
    private List<String> units(Sheet sheet, Row row, int column) {
        List<String> units = new ArrayList<>();
        for (String token : lines(text(row.getCell(column)), ";")) {
            String unit = token.replaceAll("\\.+$", "").trim();
            if (unitCodes.isEmpty()) {
                units.add(unit);
                continue;
            }
            String code = unitCodes.get(key(unit));
            if (code == null) {
                error(ref(sheet, row.getRowNum(), column), "UNKNOWN_UNIT", "\"" + unit + "\" is neither a code nor a name on the sheet \"" + UNITS + "\"");
            } else {
                units.add(code);
            }
        }
        return units;
    }

    private static List<String> lines(String text, String... separators) {
        if (text == null) {
            return List.of();
        }
        String split = "\\R" + (separators.length == 0 ? "" : "|" + String.join("|", separators));
        List<String> items = new ArrayList<>();
        for (String line : text.split(split)) {
            String item = RequestText.normalised(line.replaceFirst("^\\s*[-–•+]\\s*", ""));
            if (!item.isEmpty()) {
                items.add(item);
            }
        }
        return items;
    }

    private static <T> List<T> orNull(List<T> list) {
        return list.isEmpty() ? null : list;
    }

    // ---- headers and cells -----------------------------------------------------------------------------------------

    /** The first row whose first cell is "TT" with the plan's second column beside it (rows above may hold the title). */
    private int headerRow(Sheet sheet) {
        for (int r = 0; r <= Math.min(sheet.getLastRowNum(), 20); r++) {
            Row row = sheet.getRow(r);
            if (row != null && "tt".equals(key(text(row.getCell(0))))) {
                return r;
            }
        }
        return -1;
    }

    private boolean headers(Sheet sheet, int header, List<List<String>> forms, List<String> names) {
        return headers(sheet, header, forms, names, false);
    }

    /** Whether the header row has the expected columns in order; a clear error at the first one that differs if not. */
    private boolean headers(Sheet sheet, int header, List<List<String>> forms, List<String> names, boolean twoLevel) {
        Row row = sheet.getRow(header);
        for (int c = 0; c < forms.size(); c++) {
            Row source = twoLevel && (c == 2 || c == 3) ? sheet.getRow(header + 1) : row;
            String found = source == null ? null : key(text(source.getCell(c)));
            boolean matches = found != null && forms.get(c).stream().anyMatch(found::startsWith);
            if (!matches) {
                error(ref(sheet, source == null ? header : source.getRowNum(), c), "NOT_A_PLAN_TABLE",
                        "The sheet \"" + sheet.getSheetName() + "\" has the columns " + String.join(" | ", names) + "; column "
                                + CellReference.convertNumToColString(c) + " should be \"" + names.get(c) + "\" but is "
                                + (found == null ? "empty" : "\"" + text(source.getCell(c)) + "\""));
                return false;
            }
        }
        return true;
    }

    private static boolean blank(Row row, int columns) {
        if (row == null) {
            return true;
        }
        for (int c = 0; c < columns; c++) {
            if (shown(row.getCell(c)) != null) {
                return false;
            }
        }
        return true;
    }

    /**
     * The cell as shown (numbers without a spurious ".0"), in NFC and trimmed; null when empty. What a JSON document's
     * text may not hold (control characters, line breaks in a code, over {@link RequestText#MAX_LENGTH} characters) is
     * refused here as the strict JSON reading refuses it, at the cell.
     */
    private String text(Cell cell) {
        String text = shown(cell);
        if (text != null) {
            String ref = ref(cell.getSheet(), cell.getRowIndex(), cell.getColumnIndex());
            String violation = RequestText.violation(text, !singleLine(cell));
            if (violation != null) {
                error(ref, "NoControlCharacters", violation);
            } else if (text.length() > RequestText.MAX_LENGTH) {
                error(ref, "Size", "must be at most " + RequestText.MAX_LENGTH + " characters");
            }
        }
        return text;
    }

    static String shown(Cell cell) {
        if (cell == null) {
            return null;
        }
        String shown = cell.getCellType() == CellType.FORMULA ? cellCachedText(cell) : CELLS.formatCellValue(cell);
        String text = RequestText.normalised(shown);
        return text.isEmpty() ? null : text;
    }

    /** Codes, numbers, dates and TT are one line; prose and lists (one item a line) may have line breaks. */
    private static boolean singleLine(Cell cell) {
        int column = cell.getColumnIndex();
        return switch (cell.getSheet().getSheetName()) {
            case INFO -> true;
            case OBJECTIVES -> column != 2 && column != 3;
            case PLAN -> column == 0;
            case UNITS -> column != 1;
            default -> false;
        };
    }

    /** A formula's last computed value, as the person saw it (we do not evaluate formulas). */
    private static String cellCachedText(Cell cell) {
        return switch (cell.getCachedFormulaResultType()) {
            case STRING -> cell.getStringCellValue();
            case NUMERIC -> CELLS.formatRawCellContents(cell.getNumericCellValue(), cell.getCellStyle().getDataFormat(),
                    cell.getCellStyle().getDataFormatString());
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            default -> "";
        };
    }

    private static boolean same(String a, String b) {
        return key(a).equals(key(b));
    }

    /** How names and headers are compared: NFC, case and runs of spaces ignored. */
    private static String key(String text) {
        return text == null ? null : RequestText.normalised(text).replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    static String ref(Sheet sheet, int row, int column) {
        return "Sheet \"" + sheet.getSheetName() + "\"!" + CellReference.convertNumToColString(column) + (row + 1);
    }

    private String sheetNames() {
        List<String> names = new ArrayList<>();
        workbook.forEach(sheet -> names.add("\"" + sheet.getSheetName() + "\""));
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    private void error(String field, String rule, String message) {
        errors.add(new PlanImport.PlanError(field, rule, message));
    }
}
