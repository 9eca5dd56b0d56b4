package vn.qualityledger.query.document;

import java.util.List;

/**
 * What an administrative document (Nghị định 30/2020/NĐ-CP) prints around its body — the number and symbol, the
 * issuing organisation under its parent, the place before the date, the signer and "Nơi nhận" — as resolved for one
 * document: every results report and every set of minutes fills these in the same way ({@link #resolve}).
 *
 * @param number           printed after "Số:"; one that starts with "/" is the symbol alone, printed with room before it
 *                         for the clerk to write the number in
 * @param organisationName the issuing organisation, printed top-left in upper case
 * @param parentName       its parent body printed above it; blank for none
 * @param place            written before the date: "Hải Dương, ngày … tháng … năm …"
 * @param signerAuthority  printed above the signer's title when they sign for someone: KT. GIÁM ĐỐC; blank when the head
 *                         signs
 * @param signerTitle      the signer's position: GIÁM ĐỐC, PHÓ GIÁM ĐỐC
 * @param recipients       the lines of "Nơi nhận"
 */
public record DocumentHeader(String number, String organisationName, String parentName, String place, String signerAuthority,
                             String signerTitle, String signerName, List<String> recipients) {

    /** The head of the organisation signs unless told otherwise. */
    public static final String DEFAULT_SIGNER_TITLE = "GIÁM ĐỐC";

    public DocumentHeader {
        recipients = List.copyOf(recipients);
    }

    /**
     * The header of a document of a kind ({@code symbol}: BC for a report, BB for minutes) from what a request gave,
     * the rest from the organisation's letterhead: number {@code /<symbol>-<abbreviation>} (to be numbered by the clerk),
     * the configured name, parent and place, signer title {@link #DEFAULT_SIGNER_TITLE}, no authority and no name.
     */
    public static DocumentHeader resolve(Letterhead letterhead, String symbol, String number, String organisationName,
                                         String parentName, String place, String signerAuthority, String signerTitle,
                                         String signerName) {
        return new DocumentHeader(blank(number) ? "/" + symbol + "-" + letterhead.abbreviation() : number,
                blank(organisationName) ? letterhead.name() : organisationName,
                blank(parentName) ? letterhead.parent() : parentName,
                blank(place) ? letterhead.place() : place,
                signerAuthority == null ? "" : signerAuthority,
                blank(signerTitle) ? DEFAULT_SIGNER_TITLE : signerTitle,
                signerName == null ? "" : signerName, letterhead.recipients());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
