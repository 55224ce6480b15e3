package org.caredesk.roster.service;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.ExcelNumberFormat;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The first visible sheet of an .xlsx roster, read row by row with SAX (POI's event API) instead of POI's workbook
 * model, so memory stays bounded whatever the sheet holds: only the current row's non-empty cells are in memory,
 * besides the shared strings and the styles. The zip is opened by POI ({@link OPCPackage}), so its guards against
 * zip bombs and oversized entries ({@code ZipSecureFile}) stay in force; every XML part is parsed with POI's
 * secured parser (no DTDs, no external entities).
 */
final class RosterWorkbook implements AutoCloseable {
    /** Longest cell text kept: Excel itself stops at 32,767 characters, so more comes from no spreadsheet program. */
    static final int MAX_CELL_TEXT = 40_000;
    private static final int MAX_CACHED_STYLES = 10_000;
    private static final int MAX_COMMON_LENGTH = 12;
    private static final int MAX_COMMON_TEXTS = 50_000;
    private static final Pattern ESCAPED = Pattern.compile("_x([0-9A-Fa-f]{4})_");

    /** Receives the rows of the sheet in order. */
    interface RowSink {
        /** The sheet's declared last row (0-based), from its dimension; a hint only, it may be missing or wrong. */
        default void lastRowHint(int lastRow) {}

        /**
         * One row with at least one cell that has a value.
         *
         * @param index 0-based row index
         * @param cells the row's cells that have a value, by 0-based column
         * @return false to stop reading
         */
        boolean row(int index, Map<Integer, RosterCell> cells);
    }

    /** Thrown through the parser to stop reading early. */
    private static final class Stop extends SAXException {
        private static final long serialVersionUID = 1L;
    }

    private final OPCPackage pkg;
    private final XSSFReader reader;
    private final String sheetName;
    private final String sheetId;
    private final boolean date1904;

    private RosterWorkbook(OPCPackage pkg) throws IOException, OpenXML4JException, SAXException {
        this.pkg = pkg;
        this.reader = new XSSFReader(pkg);
        SheetChoice choice = new SheetChoice();
        parse(reader.getWorkbookData(), choice);
        if (choice.id == null) {
            throw new InvalidFormatException("the workbook lists no sheet");
        }
        this.sheetName = choice.name;
        this.sheetId = choice.id;
        this.date1904 = choice.date1904;
    }

    /** Opens a file read-only; nothing is ever written back to it. */
    static RosterWorkbook open(File file) throws IOException, OpenXML4JException, SAXException {
        OPCPackage pkg = OPCPackage.open(file, PackageAccess.READ);
        try {
            return new RosterWorkbook(pkg);
        } catch (IOException | OpenXML4JException | SAXException | RuntimeException e) {
            pkg.revert();
            throw e;
        }
    }

    /** Opens a workbook from a stream (the demo roster on the classpath); POI reads the zip into memory. */
    static RosterWorkbook open(InputStream in) throws IOException, OpenXML4JException, SAXException {
        OPCPackage pkg = OPCPackage.open(in);
        try {
            return new RosterWorkbook(pkg);
        } catch (IOException | OpenXML4JException | SAXException | RuntimeException e) {
            pkg.revert();
            throw e;
        }
    }

    String sheetName() {
        return sheetName;
    }

    /** Reads the chosen sheet from the top, handing each row with values to {@code sink} until it says stop. */
    void read(RowSink sink) throws IOException, OpenXML4JException, SAXException {
        List<String> strings = sharedStrings();
        StylesTable styles = reader.getStylesTable();
        try (InputStream sheet = reader.getSheet(sheetId)) {
            parse(sheet, new SheetHandler(sink, strings, styles, date1904));
        } catch (Stop stop) {
            // the sink has what it wanted
        }
    }

    private List<String> sharedStrings() throws IOException, InvalidFormatException, SAXException {
        InputStream data;
        try {
            data = reader.getSharedStringsData();
        } catch (InvalidFormatException | IllegalArgumentException e) {
            return List.of(); // a workbook of numbers or inline strings has no shared strings part
        }
        if (data == null) {
            return List.of();
        }
        try (InputStream in = data) {
            SharedStringsHandler handler = new SharedStringsHandler();
            parse(in, handler);
            return handler.strings;
        }
    }

    private static void parse(InputStream in, DefaultHandler handler) throws IOException, SAXException {
        XMLReader xml;
        try {
            xml = XMLHelper.newXMLReader();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("no XML parser", e);
        }
        xml.setContentHandler(handler);
        xml.setErrorHandler(handler);
        xml.parse(new InputSource(in));
    }

    @Override
    public void close() {
        // Read-only: revert releases the file without the save that close() would attempt.
        pkg.revert();
    }

    /** Excel writes characters XML cannot hold as _xHHHH_ (e.g. _x000D_ for a carriage return). */
    static String unescape(String s) {
        if (s.indexOf("_x") < 0) {
            return s;
        }
        Matcher m = ESCAPED.matcher(s);
        StringBuilder b = new StringBuilder(s.length());
        while (m.find()) {
            m.appendReplacement(b, "");
            b.append((char) Integer.parseInt(m.group(1), 16));
        }
        m.appendTail(b);
        return b.toString();
    }

    private static String name(String localName, String qName) {
        if (localName != null && !localName.isEmpty()) {
            return localName;
        }
        int colon = qName.indexOf(':');
        return colon < 0 ? qName : qName.substring(colon + 1);
    }

    private static String attribute(Attributes a, String localName) {
        for (int i = 0; i < a.getLength(); i++) {
            if (localName.equals(name(a.getLocalName(i), a.getQName(i)))) {
                return a.getValue(i);
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- workbook.xml

    /** The first sheet that is neither hidden nor very hidden (else the first), and the workbook's date system. */
    private static final class SheetChoice extends DefaultHandler {
        String name;
        String id;
        boolean visible;
        boolean date1904;

        @Override
        public void startElement(String uri, String localName, String qName, Attributes a) {
            String element = name(localName, qName);
            if ("workbookPr".equals(element)) {
                String d = a.getValue("date1904");
                date1904 = "1".equals(d) || "true".equalsIgnoreCase(d);
            } else if ("sheet".equals(element) && !visible) {
                String state = a.getValue("state");
                boolean shown = state == null || "visible".equals(state);
                if (id == null || shown) {
                    name = a.getValue("name");
                    id = attribute(a, "id");
                    visible = shown;
                }
            }
        }
    }

    // ---------------------------------------------------------------- sharedStrings.xml

    /** Each shared string's text, rich-text runs joined, phonetic guides (rPh) left out as Excel shows them. */
    private static final class SharedStringsHandler extends DefaultHandler {
        final List<String> strings = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();
        private boolean inText;
        private int phonetic;

        @Override
        public void startElement(String uri, String localName, String qName, Attributes a) {
            String element = name(localName, qName);
            if ("si".equals(element)) {
                text.setLength(0);
            } else if ("rPh".equals(element)) {
                phonetic++;
            } else if ("t".equals(element) && phonetic == 0) {
                inText = true;
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            String element = name(localName, qName);
            if ("si".equals(element)) {
                strings.add(unescape(text.toString()));
            } else if ("rPh".equals(element)) {
                phonetic--;
            } else if ("t".equals(element)) {
                inText = false;
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inText) {
                text.append(ch, start, Math.max(0, Math.min(length, MAX_CELL_TEXT - text.length())));
            }
        }
    }

    // ---------------------------------------------------------------- the sheet

    private static final class SheetHandler extends DefaultHandler {
        private final RowSink sink;
        private final List<String> strings;
        private final StylesTable styles;
        private final boolean date1904;
        private final Map<Integer, Boolean> dateStyles = new HashMap<>();
        private final Map<String, String> commonTexts = new HashMap<>();
        private final StringBuilder value = new StringBuilder();
        private final StringBuilder inline = new StringBuilder();

        private Map<Integer, RosterCell> cells = new HashMap<>();
        private int rowIndex = -1;
        private int column = -1;
        private String type;
        private int style;
        private boolean hasValue;
        private boolean inValue;
        private boolean inInline;
        private boolean inInlineText;
        private int phonetic;

        SheetHandler(RowSink sink, List<String> strings, StylesTable styles, boolean date1904) {
            this.sink = sink;
            this.strings = strings;
            this.styles = styles;
            this.date1904 = date1904;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes a) {
            switch (name(localName, qName)) {
                case "dimension":
                    dimension(a.getValue("ref"));
                    break;
                case "row":
                    String r = a.getValue("r");
                    rowIndex = r == null ? rowIndex + 1 : Integer.parseInt(r) - 1;
                    column = -1;
                    cells = new HashMap<>();
                    break;
                case "c":
                    String ref = a.getValue("r");
                    column = ref == null ? column + 1 : new CellReference(ref).getCol();
                    type = a.getValue("t");
                    String s = a.getValue("s");
                    style = s == null ? 0 : Integer.parseInt(s);
                    hasValue = false;
                    value.setLength(0);
                    inline.setLength(0);
                    break;
                case "v":
                    inValue = true;
                    hasValue = true;
                    break;
                case "is":
                    inInline = true;
                    hasValue = true;
                    break;
                case "rPh":
                    phonetic++;
                    break;
                case "t":
                    inInlineText = inInline && phonetic == 0;
                    break;
                default:
                    break;
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            switch (name(localName, qName)) {
                case "v":
                    inValue = false;
                    break;
                case "is":
                    inInline = false;
                    break;
                case "rPh":
                    phonetic--;
                    break;
                case "t":
                    inInlineText = false;
                    break;
                case "c":
                    RosterCell cell = hasValue ? cell() : null;
                    if (cell != null) {
                        cells.put(column, cell);
                    }
                    break;
                case "row":
                    if (!cells.isEmpty() && !sink.row(rowIndex, cells)) {
                        throw new Stop();
                    }
                    break;
                default:
                    break;
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            StringBuilder b = inValue ? value : inInlineText ? inline : null;
            if (b != null) {
                b.append(ch, start, Math.max(0, Math.min(length, MAX_CELL_TEXT - b.length())));
            }
        }

        private void dimension(String ref) {
            if (ref == null) {
                return;
            }
            String last = ref.substring(ref.indexOf(':') + 1);
            try {
                int row = new CellReference(last).getRow();
                if (row >= 0) {
                    sink.lastRowHint(row);
                }
            } catch (RuntimeException e) {
                // a malformed hint is no hint
            }
        }

        private RosterCell cell() {
            String v = value.toString();
            if (type == null || "n".equals(type)) {
                if (v.isBlank()) {
                    return null;
                }
                try {
                    double d = Double.parseDouble(v.strip());
                    boolean date = isDateStyle(d);
                    // In the 1904 date system serial 0 is 1904-01-01: move it to the 1900 system's numbering.
                    return RosterCell.number(date && date1904 ? d + 1462 : d, date);
                } catch (NumberFormatException e) {
                    return RosterCell.string(v);
                }
            }
            switch (type) {
                case "s":
                    int index = Integer.parseInt(v.strip());
                    if (index < 0 || index >= strings.size()) {
                        throw new IllegalArgumentException("shared string " + index + " of " + strings.size());
                    }
                    return RosterCell.string(strings.get(index));
                case "inlineStr":
                    return RosterCell.string(common(unescape(inline.toString())));
                case "b":
                    return RosterCell.bool("1".equals(v.strip()) || "true".equalsIgnoreCase(v.strip()));
                case "e":
                    try {
                        return RosterCell.error(FormulaError.forString(v.strip()).getString());
                    } catch (IllegalArgumentException e) {
                        return RosterCell.error("#ERROR");
                    }
                default:
                    // "str" (a formula's text result) and "d" (an ISO date written as text)
                    return RosterCell.string(common(unescape(v)));
            }
        }

        /**
         * One instance of each short text that repeats (estate, building, staff, category): a workbook written with
         * inline strings, as streaming writers do, would otherwise hold a copy per row in every draft.
         */
        private String common(String s) {
            if (s.length() > MAX_COMMON_LENGTH) {
                return s;
            }
            String known = commonTexts.get(s);
            if (known != null) {
                return known;
            }
            if (commonTexts.size() < MAX_COMMON_TEXTS) {
                commonTexts.put(s, s);
            }
            return s;
        }

        private boolean isDateStyle(double d) {
            if (styles == null || !DateUtil.isValidExcelDate(d)) {
                return false;
            }
            Boolean known = dateStyles.get(style);
            if (known != null) {
                return known;
            }
            boolean date = isDateFormat(style);
            if (dateStyles.size() < MAX_CACHED_STYLES) {
                dateStyles.put(style, date);
            }
            return date;
        }

        private boolean isDateFormat(int s) {
            try {
                XSSFCellStyle cellStyle = styles.getStyleAt(s);
                ExcelNumberFormat format = cellStyle == null ? null : ExcelNumberFormat.from(cellStyle);
                return format != null && DateUtil.isADateFormat(format);
            } catch (RuntimeException e) {
                return false;
            }
        }
    }
}
