package vn.qualityledger.command.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.util.CellReference;
import org.springframework.stereotype.Service;

/**
 * The XLSX form of a plan: read by {@link PlanWorkbook} into the document the JSON import takes, then checked,
 * previewed and imported by the same {@link PlanImport}. The workbook's own errors and the document's are one
 * answer, each naming its cell ({@code Sheet "Kế hoạch"!E7}) instead of a path; nothing is sent while there is any.
 */
@Service
class PlanWorkbookImport {

    /** A document path inside a message ("… is also that of objectives[0]"), said as its cell too. */
    private static final Pattern PATH = Pattern.compile("objectives\\[\\d+](?:\\.\\w+|\\[\\d+])*");
    private static final Pattern CELL = Pattern.compile("^Sheet \"(.+)\"!([A-Z]+)(\\d+)$");

    private final PlanImport planImport;

    PlanWorkbookImport(PlanImport planImport) {
        this.planImport = planImport;
    }

    PlanImport.Preview preview(byte[] workbook) {
        return preview(readable(workbook));
    }

    private PlanImport.Preview preview(PlanWorkbook.Reading reading) {
        List<PlanImport.PlanError> documentErrors = List.of();
        PlanImport.Preview preview = null;
        try {
            preview = planImport.preview(reading.document());
        } catch (PlanImport.PlanRefused refused) {
            documentErrors = refused.errors();
        }
        if (!reading.errors().isEmpty() || !documentErrors.isEmpty()) {
            throw combined(reading, documentErrors);
        }
        return preview;
    }

    PlanImport.Result importPlan(byte[] workbook) {
        PlanWorkbook.Reading reading = readable(workbook);
        if (!reading.errors().isEmpty()) {
            preview(reading); // refuses with the workbook's errors and the document's, nothing sent
        }
        try {
            return planImport.importPlan(reading.document());
        } catch (PlanImport.PlanRefused refused) {
            throw combined(reading, refused.errors());
        }
    }

    /** A file that is no plan workbook at all is refused with that alone: there is no document to check. */
    private static PlanWorkbook.Reading readable(byte[] workbook) {
        PlanWorkbook.Reading reading = PlanWorkbook.read(workbook);
        if (reading.document() == null) {
            throw new PlanImport.PlanRefused(reading.errors());
        }
        return reading;
    }

    /** The workbook's errors first, then the document's mapped to their cells, one per cell, in the workbook's order. */
    private static PlanImport.PlanRefused combined(PlanWorkbook.Reading reading, List<PlanImport.PlanError> document) {
        Map<String, PlanImport.PlanError> byCell = new LinkedHashMap<>();
        reading.errors().forEach(error -> byCell.putIfAbsent(error.field(), error));
        for (PlanImport.PlanError error : document) {
            String cell = cellOf(error.field(), reading.cells());
            Matcher paths = PATH.matcher(error.message());
            String message = paths.replaceAll(path -> Matcher.quoteReplacement(cellOf(path.group(), reading.cells())));
            byCell.putIfAbsent(cell, new PlanImport.PlanError(cell, error.rule(), message, error.objective(), error.measure()));
        }
        List<PlanImport.PlanError> errors = new ArrayList<>(byCell.values());
        errors.sort(Comparator.comparing(PlanImport.PlanError::field, PlanWorkbookImport::workbookOrder));
        return new PlanImport.PlanRefused(errors);
    }

    /** The cell of a document path: that of the path itself or of the nearest path above it that has one. */
    static String cellOf(String path, Map<String, String> cells) {
        String candidate = path;
        while (!candidate.isEmpty()) {
            String cell = cells.get(candidate);
            if (cell != null) {
                return cell;
            }
            int cut = Math.max(candidate.lastIndexOf('.'), candidate.lastIndexOf('['));
            candidate = cut < 0 ? "" : candidate.substring(0, cut);
        }
        return path.isEmpty() ? "workbook" : path;
    }

    /** Sheets in the layout's order, then rows, then columns; anything else first. */
    static int workbookOrder(String a, String b) {
        Matcher left = CELL.matcher(a);
        Matcher right = CELL.matcher(b);
        if (!left.matches() || !right.matches()) {
            return left.matches() ? 1 : right.matches() ? -1 : a.compareTo(b);
        }
        int sheet = Integer.compare(sheetIndex(left.group(1)), sheetIndex(right.group(1)));
        if (sheet != 0) {
            return sheet;
        }
        int row = Integer.compare(Integer.parseInt(left.group(3)), Integer.parseInt(right.group(3)));
        return row != 0 ? row : Integer.compare(CellReference.convertColStringToIndex(left.group(2)),
                CellReference.convertColStringToIndex(right.group(2)));
    }

    private static int sheetIndex(String sheet) {
        int index = PlanWorkbook.SHEET_ORDER.indexOf(sheet);
        return index < 0 ? PlanWorkbook.SHEET_ORDER.size() : index;
    }
}
