package vn.qualityledger.query.export;

import java.util.List;

/**
 * A list as a table to download: each list's controller fills one from the rows its JSON read gives, and the XLSX and
 * CSV writers read only this, so every list is exported the same way.
 *
 * @param title the sheet's name (Excel allows 31 characters) and the workbook's title
 */
public record ExportTable<T>(String title, List<ExportColumn<T>> columns, List<T> rows) {

    @SafeVarargs
    public static <T> ExportTable<T> of(String title, List<T> rows, ExportColumn<T>... columns) {
        return new ExportTable<>(title, List.of(columns), rows);
    }

    List<String> headings() {
        return columns.stream().map(ExportColumn::heading).toList();
    }

    /** Each row's cells in column order, typed as the columns say. */
    List<List<Object>> cells() {
        return rows.stream().map(row -> columns.stream().map(column -> column.cell(row)).toList()).toList();
    }
}
