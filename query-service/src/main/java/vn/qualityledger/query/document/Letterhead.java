package vn.qualityledger.query.document;

import java.util.List;

/**
 * What an organisation's documents carry above and below their body (Nghị định 30/2020/NĐ-CP): its name and its
 * parent's as printed in the top-left corner, the place written before the date, the abbreviation its document symbols
 * end in ("BC-SLĐTBXH"), and the usual recipients. These come from configuration
 * ({@code quality-ledger.reports.letterheads}); where it names none, the organisation's directory gives the name and
 * parent; and a request may override each.
 */
public record Letterhead(String name, String parent, String place, String abbreviation, List<String> recipients) {

    public Letterhead {
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
    }
}
