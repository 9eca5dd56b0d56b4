package vn.qualityledger.query.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import vn.qualityledger.support.documents.DeterministicZip;

/**
 * A Word document in the form of a Vietnamese administrative document (Nghị định 30/2020/NĐ-CP, Phụ lục I), shared by
 * the results report and the review minutes: A4, margins 20/15/20/30 mm, Times New Roman; the organisation under its
 * parent at the top left, the Quốc hiệu and Tiêu ngữ at the top right, the number and symbol, the place and date, the
 * title, the body, "Nơi nhận" and the signer. No generation time enters the file ({@link #metadata}: its dates are the
 * document's cut-off) and the container is normalised ({@link DeterministicZip}), so the same content gives the same
 * bytes. Call the parts in the document's order, then {@link #bytes()} once.
 */
public final class AdministrativeDocx {

    private static final String FONT = "Times New Roman";
    /** The body's size in points. */
    public static final int BODY = 13;
    private static final String NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    private static final String MOTTO = "Độc lập - Tự do - Hạnh phúc";
    /** Twentieths of a point per millimetre. */
    private static final double TWIPS_PER_MM = 1440 / 25.4;
    private static final long TEXT_WIDTH = Math.round((210 - 30 - 15) * TWIPS_PER_MM);

    private final XWPFDocument document = new XWPFDocument();

    public AdministrativeDocx() {
        page();
    }

    /** The document's bytes, normalised; closes it. */
    public byte[] bytes() {
        try (document) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.write(out);
            return DeterministicZip.normalise(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the document", e);
        }
    }

    private void page() {
        CTSectPr section = document.getDocument().getBody().addNewSectPr();
        CTPageSz size = section.addNewPgSz();
        size.setW(BigInteger.valueOf(11906));
        size.setH(BigInteger.valueOf(16838));
        CTPageMar margins = section.addNewPgMar();
        margins.setTop(mm(20));
        margins.setBottom(mm(20));
        margins.setLeft(mm(30));
        margins.setRight(mm(15));
        margins.setHeader(mm(10));
        margins.setFooter(mm(10));
        margins.setGutter(BigInteger.ZERO);
    }

    private static BigInteger mm(double millimetres) {
        return BigInteger.valueOf(Math.round(millimetres * TWIPS_PER_MM));
    }

    /** Fixed metadata: created and modified at {@code cutOff}, by the organisation; nothing of when it was generated. */
    public void metadata(DocumentHeader header, Instant cutOff, String title, String subject) {
        POIXMLProperties.CoreProperties core = document.getProperties().getCoreProperties();
        core.setCreated(Optional.of(Date.from(cutOff)));
        core.setModified(Optional.of(Date.from(cutOff)));
        core.setCreator(header.organisationName());
        core.setLastModifiedByUser(header.organisationName());
        core.setTitle(title);
        core.setSubjectProperty(subject);
        core.setIdentifier(header.number());
        core.setRevision("1");
        POIXMLProperties.ExtendedProperties extended = document.getProperties().getExtendedProperties();
        extended.setApplication("Quality Ledger");
        extended.setCompany(header.organisationName());
    }

    /** The parent and the organisation, Quốc hiệu and Tiêu ngữ, "Số: …" and "place, ngày … tháng … năm …". */
    public void letterhead(DocumentHeader header, LocalDate date) {
        XWPFTable table = borderless(2, 2, 40, 60);
        XWPFTableCell left = table.getRow(0).getCell(0);
        if (!header.parentName().isBlank()) {
            text(first(left, ParagraphAlignment.CENTER), header.parentName().toUpperCase(Locale.ROOT), 12, false, false);
        }
        XWPFParagraph organisation = header.parentName().isBlank() ? first(left, ParagraphAlignment.CENTER)
                : next(left, ParagraphAlignment.CENTER);
        text(organisation, header.organisationName().toUpperCase(Locale.ROOT), 12, true, false);
        text(next(left, ParagraphAlignment.CENTER), "_______", 12, true, false);

        XWPFTableCell right = table.getRow(0).getCell(1);
        text(first(right, ParagraphAlignment.CENTER), NATIONAL_TITLE, 12, true, false);
        text(next(right, ParagraphAlignment.CENTER), MOTTO, BODY, true, false);
        text(next(right, ParagraphAlignment.CENTER), "_______________________", BODY, true, false);

        // An unnumbered document ("/BC-SLĐTBXH") leaves room before the symbol for the clerk to write the number in.
        String number = header.number().startsWith("/") ? "      " + header.number() : header.number();
        text(first(table.getRow(1).getCell(0), ParagraphAlignment.CENTER), "Số: " + number, BODY, false, false);
        text(first(table.getRow(1).getCell(1), ParagraphAlignment.CENTER),
                header.place() + ", " + VietnameseText.documentDate(date), 14, false, true);
    }

    /** The kind of document in capitals ("BÁO CÁO", "BIÊN BẢN") over its title, and a short rule. */
    public void title(String kind, String title) {
        XWPFParagraph space = paragraph(ParagraphAlignment.CENTER);
        space.setSpacingBefore(240);
        text(space, kind, 14, true, false);
        text(paragraph(ParagraphAlignment.CENTER), title, 14, true, false);
        text(paragraph(ParagraphAlignment.CENTER), "________", 14, true, false);
    }

    /** "Nơi nhận" at the left, the signer's authority, title and name at the right; the body ends with a paragraph. */
    public void signature(DocumentHeader header) {
        paragraph(ParagraphAlignment.LEFT);
        XWPFTable table = borderless(1, 2, 50, 50);
        XWPFTableCell recipients = table.getRow(0).getCell(0);
        text(first(recipients, ParagraphAlignment.LEFT), "Nơi nhận:", 12, true, true);
        for (String recipient : header.recipients()) {
            text(next(recipients, ParagraphAlignment.LEFT), "- " + recipient, 11, false, false);
        }
        XWPFTableCell signer = table.getRow(0).getCell(1);
        XWPFParagraph title = first(signer, ParagraphAlignment.CENTER);
        if (!header.signerAuthority().isBlank()) {
            text(title, header.signerAuthority().toUpperCase(Locale.ROOT), 14, true, false);
            title = next(signer, ParagraphAlignment.CENTER);
        }
        text(title, header.signerTitle().toUpperCase(Locale.ROOT), 14, true, false);
        for (int i = 0; i < 4; i++) {
            next(signer, ParagraphAlignment.CENTER);
        }
        text(next(signer, ParagraphAlignment.CENTER), header.signerName(), 14, true, false);
        paragraph(ParagraphAlignment.LEFT); // the body ends with a paragraph, as Word writes it, not with a table
    }

    /**
     * The signed ledger checkpoint the document was issued at, in small print below the signature (its last page);
     * nothing at all for none, so that a document issued before checkpoints were printed keeps its bytes.
     */
    public void checkpoint(PrintedCheckpoint checkpoint) {
        if (checkpoint == null) {
            return;
        }
        text(paragraph(ParagraphAlignment.LEFT), checkpoint.line(), 9, false, true);
    }

    // ---- the body -------------------------------------------------------------------------------------------------

    public void heading(String text) {
        XWPFParagraph paragraph = paragraph(ParagraphAlignment.LEFT);
        paragraph.setSpacingBefore(120);
        text(paragraph, text, BODY, true, false);
    }

    public void body(String text) {
        body(text, false, false);
    }

    /** A justified paragraph with a first-line indent of 1 cm. */
    public void body(String text, boolean bold, boolean italic) {
        XWPFParagraph paragraph = paragraph(ParagraphAlignment.BOTH);
        paragraph.setIndentationFirstLine(567); // 1 cm
        text(paragraph, text, BODY, bold, italic);
    }

    /** A paragraph of runs: a bold label then plain text ("Chủ trì: " + name). */
    public void labelled(String label, String text) {
        XWPFParagraph paragraph = paragraph(ParagraphAlignment.BOTH);
        paragraph.setIndentationFirstLine(567);
        text(paragraph, label, BODY, true, false);
        text(paragraph, text, BODY, false, false);
    }

    private XWPFParagraph paragraph(ParagraphAlignment alignment) {
        XWPFParagraph paragraph = document.createParagraph();
        paragraph.setAlignment(alignment);
        paragraph.setSpacingAfter(60);
        return paragraph;
    }

    private static XWPFRun text(XWPFParagraph paragraph, String text, int points, boolean bold, boolean italic) {
        XWPFRun run = paragraph.createRun();
        run.setFontFamily(FONT);
        run.setFontSize(points);
        run.setBold(bold);
        run.setItalic(italic);
        run.setText(text);
        return run;
    }

    private static XWPFParagraph first(XWPFTableCell cell, ParagraphAlignment alignment) {
        XWPFParagraph paragraph = cell.getParagraphs().get(0);
        paragraph.setAlignment(alignment);
        return paragraph;
    }

    private static XWPFParagraph next(XWPFTableCell cell, ParagraphAlignment alignment) {
        XWPFParagraph paragraph = cell.addParagraph();
        paragraph.setAlignment(alignment);
        return paragraph;
    }

    /** A table without borders, for the letterhead and the signature block; widths in percent of the text width. */
    private XWPFTable borderless(int rows, int columns, int... widths) {
        XWPFTable table = document.createTable(rows, columns);
        table.removeBorders();
        widths(table, widths);
        for (XWPFTableRow row : table.getRows()) {
            widths(row, widths);
        }
        return table;
    }

    /** A ruled table with a bold header row repeated on every page; widths in percent of the text width. */
    public XWPFTable grid(List<String> headers, int[] widths) {
        XWPFTable table = document.createTable(1, headers.size());
        table.setTableAlignment(TableRowAlign.CENTER);
        // half-point black rules, stated in full: a border without a width is drawn as each program pleases
        table.setTopBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, "000000");
        table.setBottomBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, "000000");
        table.setLeftBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, "000000");
        table.setRightBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, "000000");
        table.setInsideHBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, "000000");
        table.setInsideVBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, "000000");
        widths(table, widths);
        XWPFTableRow header = table.getRow(0);
        widths(header, widths);
        header.setRepeatHeader(true);
        for (int i = 0; i < headers.size(); i++) {
            text(first(header.getCell(i), ParagraphAlignment.CENTER), headers.get(i), 12, true, false);
        }
        return table;
    }

    /** A row of text cells, as wide as the header's; cells from {@code firstNumber} on are centred (counts, dates). */
    public static void row(XWPFTable table, List<String> values, int firstNumber) {
        XWPFTableRow row = table.createRow();
        XWPFTableRow header = table.getRow(0);
        for (int i = 0; i < values.size(); i++) {
            row.getCell(i).setWidth(header.getCell(i).getWidth() + "");
            text(first(row.getCell(i), i >= firstNumber ? ParagraphAlignment.CENTER : ParagraphAlignment.LEFT),
                    values.get(i), 12, false, false);
        }
    }

    /** The table's grid, in twips of the text width (A4 less the margins: 165 mm). */
    private static void widths(XWPFTable table, int... percent) {
        table.setWidth(String.valueOf(TEXT_WIDTH));
        var grid = table.getCTTbl().getTblGrid() == null ? table.getCTTbl().addNewTblGrid() : table.getCTTbl().getTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        for (int width : percent) {
            grid.addNewGridCol().setW(BigInteger.valueOf(twips(width)));
        }
    }

    private static void widths(XWPFTableRow row, int... percent) {
        for (int i = 0; i < percent.length && i < row.getTableCells().size(); i++) {
            row.getCell(i).setWidth(String.valueOf(twips(percent[i])));
        }
    }

    private static long twips(int percent) {
        return Math.round(TEXT_WIDTH * percent / 100.0);
    }
}
