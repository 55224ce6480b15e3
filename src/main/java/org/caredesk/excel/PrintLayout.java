package org.caredesk.excel;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.apache.poi.ss.usermodel.Footer;
import org.apache.poi.ss.usermodel.Header;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.caredesk.common.I18n;

/**
 * How every sheet the program writes prints: workbooks are printed for meetings and sent up to the district, so each
 * sheet must print on its own, readable, without the reader setting anything. A4 landscape, all columns on one page
 * width (pages run down, never across: a roster split by columns over nine pages is unusable), the header rows
 * frozen on screen and repeated on every printed page, and the sheet's title and as-of date in the page header with
 * the page number in the footer.
 */
public final class PrintLayout {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    // Excel's header and footer codes (ECMA-376 part 1, 18.3.1.39): bold on, this page's number, the page count.
    private static final String BOLD = "&B";
    private static final String PAGE = "&P";
    private static final String PAGES = "&N";
    /**
     * One line of the default 11-point font with its leading, and how many of the column width's units a CJK
     * character takes: measured by printing an audit export through LibreOffice (a 90-unit column held about 110
     * units of mixed text counted at two per CJK character).
     */
    private static final float LINE_POINTS = 14f;
    private static final float CJK_WIDTH = 1.6f;

    private PrintLayout() {}

    /**
     * @param title      what the sheet is, printed at the top of every page (e.g. 人员名单 — 锦华社区)
     * @param asOf       the day the figures are as of
     * @param headerRows how many rows at the top are the header (frozen and repeated); 0 for none
     */
    public static void apply(Sheet sheet, String title, LocalDate asOf, int headerRows) {
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(true);
        // Fit width 1 and height 0: as many pages down as the rows need, never a column cut onto another page.
        sheet.setFitToPage(true);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setAutobreaks(true);
        sheet.setHorizontallyCenter(true);
        if (headerRows > 0) {
            sheet.createFreezePane(0, headerRows);
            sheet.setRepeatingRows(new CellRangeAddress(0, headerRows - 1, -1, -1));
        }
        Header header = sheet.getHeader();
        header.setCenter(BOLD + escape(title));
        header.setRight(escape(I18n.get("excel.print.asOf", DATE.format(asOf))));
        // The page codes are put in after escaping, so the sentence around them can be any language.
        String page = escape(I18n.get("excel.print.page", "\u0001", "\u0002"))
                .replace("\u0001", PAGE).replace("\u0002", PAGES);
        Footer footer = sheet.getFooter();
        footer.setCenter(page);
    }

    /**
     * The height for a row whose wrapped cell holds {@code text} in a column {@code widthChars} wide: readers such as
     * LibreOffice keep a streamed row at one line and print the wrapped lines over the next rows.
     */
    public static float wrappedHeight(String text, int widthChars) {
        float width = 0;
        int lines = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                lines++;
                width = 0;
                continue;
            }
            float w = c >= 0x2E80 ? CJK_WIDTH : 1;
            if (width + w > widthChars) {
                lines++;
                width = 0;
            }
            width += w;
        }
        return lines * LINE_POINTS;
    }

    /** A literal {@code &} in a header is written twice: alone it starts one of Excel's header codes. */
    static String escape(String text) {
        return text.replace("&", "&&");
    }
}
