package org.caredesk.report.template;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.caredesk.common.I18n;
import org.caredesk.common.UserException;
import org.caredesk.db.OwnFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills a district's own .xlsx template (按区里的模板填报): every cell whose text holds {@code {{code}}}
 * placeholders gets the figures, and everything else in the workbook stays as the district made it (cells, styles,
 * merges, column widths, print setup, formulas, data validations, sheets). A cell that is one placeholder and
 * nothing else becomes a number; a placeholder inside longer text is replaced inside the text. Every placeholder
 * is checked against the catalogue of known codes before anything is written; one unknown or malformed placeholder
 * and nothing is written (docs/decisions/0029).
 */
public final class TemplateFiller {
    private static final Logger LOG = LoggerFactory.getLogger(TemplateFiller.class);

    /**
     * How large a template may be.
     *
     * @param fileBytes    the file at most
     * @param contentBytes what its parts other than pictures unpack to, at most: that decides the memory it takes
     */
    public record Limits(long fileBytes, long contentBytes) {
        /**
         * A district's form is a few sheets of a few hundred cells (the demo's unpacks to about 15 KB); 5 MB leaves
         * room for a logo, 4 MB unpacked (some 90,000 cells, about 80 MB of memory) for a very large form.
         */
        public static final Limits DEFAULT = new Limits(5L * 1024 * 1024, 4L * 1024 * 1024);
    }
    /** Problem lines named in the refusal; the rest are counted. */
    static final int LISTED = 10;
    /** A placeholder quoted in a problem line is cut to this many characters. */
    private static final int QUOTED = 40;
    /** The placeholder the sentences show as an example: the one the issue names. */
    private static final String EXAMPLE = Placeholders.OPEN + "在册.严重精神障碍患者" + Placeholders.CLOSE;
    private static final int MAX_TEXT = SpreadsheetVersion.EXCEL2007.getMaxTextLength();

    /**
     * What was filled.
     *
     * @param placeholders  placeholders replaced
     * @param cells         cells changed
     * @param notComputable the codes written as "—" (not computable, or not given)
     */
    public record Filled(int placeholders, int cells, SortedSet<String> notComputable) {}

    /** A cell holding placeholders, parsed. */
    private record Target(XSSFCell cell, Placeholders parsed) {}

    private record Scan(List<Target> targets, List<TemplateProblem> problems) {}

    private final Set<String> knownCodes;
    private final Path tempDir;
    private final Path dataDir;
    private final Limits limits;

    /**
     * @param knownCodes every figure code the report has (the codes of its 指标说明 sheet)
     * @param tempDir    where the filled copy is built: the data folder's {@code tmp/}; the copy may not be saved
     *                   anywhere inside that data folder ({@link OwnFiles})
     */
    public TemplateFiller(Set<String> knownCodes, Path tempDir) {
        this(knownCodes, tempDir, Limits.DEFAULT);
    }

    public TemplateFiller(Set<String> knownCodes, Path tempDir, Limits limits) {
        this.knownCodes = Set.copyOf(knownCodes);
        this.tempDir = tempDir;
        this.dataDir = tempDir.toAbsolutePath().getParent();
        this.limits = limits;
    }

    /**
     * Every placeholder in the template that cannot be filled, sheet by sheet, row by row; empty when all can.
     *
     * @throws UserException when the file is missing, too large, damaged, encrypted, an old .xls or no workbook
     */
    public List<TemplateProblem> check(Path template) {
        XSSFWorkbook wb = TemplateFiles.open(template, limits);
        try {
            return scan(wb).problems();
        } finally {
            TemplateFiles.close(wb);
        }
    }

    /** As {@link #check(Path)}, from a stream; the caller closes it. */
    public List<TemplateProblem> check(InputStream template, String name) {
        XSSFWorkbook wb = TemplateFiles.open(template, name, limits);
        try {
            return scan(wb).problems();
        } finally {
            TemplateFiles.close(wb);
        }
    }

    /**
     * Fills the template with the figures and saves the copy as {@code out}; the template file is not changed.
     *
     * @param figures code → value: a number (whole numbers are counts), a {@link TemplateValue} ({@link
     *                TemplateValue#rate} for a rate), text, or null / "—" / absent for a figure not computable
     * @param record  runs once the file is in place (the audit entry); if it fails, the file is deleted again
     * @throws UserException before anything is written: when the template cannot be read, holds unknown or
     *     malformed placeholders (all listed, sheet and cell) or none at all, or {@code out} is inside the data
     *     folder or is the template itself; afterwards when the file cannot be saved
     */
    public Filled fill(Path template, Map<String, ?> figures, Path out, Consumer<Filled> record) {
        checkOutput(out, template);
        XSSFWorkbook wb = TemplateFiles.open(template, limits);
        try {
            return fill(wb, TemplateFiles.fileName(template), figures, out, record);
        } finally {
            TemplateFiles.close(wb);
        }
    }

    /** As {@link #fill(Path, Map, Path, Consumer)}, the template from a stream; the caller closes it. */
    public Filled fill(InputStream template, String name, Map<String, ?> figures, Path out,
            Consumer<Filled> record) {
        checkOutput(out, null);
        XSSFWorkbook wb = TemplateFiles.open(template, name, limits);
        try {
            return fill(wb, name, figures, out, record);
        } finally {
            TemplateFiles.close(wb);
        }
    }

    private void checkOutput(Path out, Path template) {
        OwnFiles.checkOutput(dataDir, out);
        boolean same;
        try {
            same = template != null && Files.exists(out) && Files.isSameFile(out, template);
        } catch (IOException e) {
            // The template cannot be looked at: opening it next names why, before anything is written.
            same = false;
        }
        if (same) {
            throw new UserException("report.template.error.sameFile", out.toString());
        }
    }

    private Filled fill(XSSFWorkbook wb, String name, Map<String, ?> figures, Path out, Consumer<Filled> record) {
        Scan scan = scan(wb);
        if (!scan.problems().isEmpty()) {
            LOG.info("Template {} refused: {} placeholders cannot be filled", name, scan.problems().size());
            throw new UserException("report.template.error.problems", name, scan.problems().size(),
                    listing(scan.problems()));
        }
        if (scan.targets().isEmpty()) {
            // Most likely last month's filled copy chosen instead of the template: a copy of it helps nobody.
            throw new UserException("report.template.error.noPlaceholders", name, EXAMPLE);
        }
        int placeholders = 0;
        SortedSet<String> notComputable = new TreeSet<>();
        for (Target t : scan.targets()) {
            for (String code : t.parsed().codes()) {
                placeholders++;
                if (value(figures, code) instanceof TemplateValue.NotComputable) {
                    notComputable.add(code);
                }
            }
            String sole = t.parsed().soleCode();
            if (sole != null) {
                writeSole(t.cell(), value(figures, sole));
            } else {
                writeInText(t.cell(), t.parsed(), figures);
            }
        }
        recalculate(wb, name);
        Filled filled = new Filled(placeholders, scan.targets().size(), Collections.unmodifiableSortedSet(
                notComputable));
        TemplateFiles.write(wb, tempDir, out);
        try {
            record.accept(filled);
        } catch (RuntimeException e) {
            // A report that the audit log does not show must not exist.
            try {
                Files.deleteIfExists(out);
            } catch (IOException io) {
                e.addSuppressed(io);
            }
            throw e;
        }
        LOG.info("Filled {} placeholders in {} cells of template {} into {}", placeholders, filled.cells(), name,
                out);
        return filled;
    }

    // ---------------------------------------------------------------- reading the placeholders

    private Scan scan(XSSFWorkbook wb) {
        List<Target> targets = new ArrayList<>();
        List<TemplateProblem> problems = new ArrayList<>();
        for (Sheet sheet : wb) {
            for (Row row : sheet) {
                for (Cell cell : row) {
                    if (cell.getCellType() != CellType.STRING) {
                        continue; // a formula keeps its text, numbers and blanks hold no placeholder
                    }
                    String text = cell.getStringCellValue();
                    if (!Placeholders.mayHold(text)) {
                        continue;
                    }
                    Placeholders parsed = Placeholders.parse(text);
                    String address = cell.getAddress().formatAsString();
                    for (Placeholders.Malformed m : parsed.malformed()) {
                        problems.add(new TemplateProblem(sheet.getSheetName(), address, m.kind(), m.fragment()));
                    }
                    for (String code : parsed.codes()) {
                        if (!knownCodes.contains(code)) {
                            problems.add(new TemplateProblem(sheet.getSheetName(), address,
                                    TemplateProblem.Kind.UNKNOWN_CODE, quoted(code)));
                        }
                    }
                    if (!parsed.codes().isEmpty()) {
                        targets.add(new Target((XSSFCell) cell, parsed));
                    }
                }
            }
        }
        return new Scan(targets, problems);
    }

    private static String quoted(String code) {
        String shown = code.length() > QUOTED ? code.substring(0, QUOTED) + "…" : code;
        return Placeholders.OPEN + shown + Placeholders.CLOSE;
    }

    /** The first {@link #LISTED} problem lines, then how many more there are. */
    static String listing(List<TemplateProblem> problems) {
        String text = null;
        for (TemplateProblem p : problems.subList(0, Math.min(LISTED, problems.size()))) {
            text = text == null ? p.sentence() : I18n.get("report.template.problem.join", text, p.sentence());
        }
        if (problems.size() > LISTED) {
            text = I18n.get("report.template.problem.more", text, problems.size() - LISTED);
        }
        return text;
    }

    // ---------------------------------------------------------------- writing the figures

    private static TemplateValue value(Map<String, ?> figures, String code) {
        return TemplateValue.of(figures.get(code));
    }

    /** A cell that is one placeholder: a number in the cell's own style, or text that is never a formula. */
    private static void writeSole(XSSFCell cell, TemplateValue value) {
        if (value instanceof TemplateValue.Count c) {
            cell.setCellValue((double) c.value());
        } else if (value instanceof TemplateValue.Decimal d) {
            cell.setCellValue(d.value().doubleValue());
        } else if (value instanceof TemplateValue.Rate r) {
            // A percent format shows 0.905 as 90.5%; a plain cell under a "（%）" heading wants 90.5.
            BigDecimal shown = percentStyle(cell) ? r.fraction() : r.fraction().movePointRight(2);
            cell.setCellValue(shown.doubleValue());
        } else {
            // setCellValue(String) always makes a text cell: "=1+1" from user text stays those four characters.
            cell.setCellValue(cut(value.inText()));
        }
    }

    /**
     * Placeholders inside longer text: replaced in the text. Rich-text runs (a bold word, a red part) keep their
     * fonts over the text they covered; a run that covered a placeholder covers its value.
     */
    private static void writeInText(XSSFCell cell, Placeholders parsed, Map<String, ?> figures) {
        XSSFRichTextString old = cell.getRichStringCellValue();
        List<Placeholders.Segment> segments = parsed.segments();
        int[] starts = new int[segments.size() + 1];
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < segments.size(); i++) {
            starts[i] = b.length();
            Placeholders.Segment s = segments.get(i);
            b.append(s.placeholder() ? value(figures, s.code()).inText() : s.text());
        }
        starts[segments.size()] = b.length();
        String text = cut(b.toString());
        if (old.numFormattingRuns() == 0) {
            cell.setCellValue(text);
            return;
        }
        XSSFRichTextString fresh = new XSSFRichTextString(text);
        for (int r = 0; r < old.numFormattingRuns(); r++) {
            int from = old.getIndexOfFormattingRun(r);
            int length = old.getLengthOfFormattingRun(r);
            XSSFFont font = old.getFontOfFormattingRun(r);
            if (font == null || from < 0 || length <= 0) {
                continue;
            }
            int start = Math.min(text.length(), moved(from, segments, starts));
            int end = Math.min(text.length(), moved(from + length, segments, starts));
            if (end > start) {
                fresh.applyFont(start, end, font);
            }
        }
        cell.setCellValue(fresh);
    }

    /** Where a position in the old text lies in the new: inside literal text it moves with it. */
    private static int moved(int position, List<Placeholders.Segment> segments, int[] starts) {
        for (int i = 0; i < segments.size(); i++) {
            Placeholders.Segment s = segments.get(i);
            if (position >= s.start() && position < s.end()) {
                if (s.placeholder()) {
                    return position == s.start() ? starts[i] : starts[i + 1];
                }
                return starts[i] + position - s.start();
            }
        }
        return starts[segments.size()];
    }

    private static String cut(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
    }

    /** Whether the cell's number format shows a percentage: a % outside quotes and escapes. */
    static boolean percentStyle(Cell cell) {
        String format = cell.getCellStyle() == null ? null : cell.getCellStyle().getDataFormatString();
        if (format == null) {
            return false;
        }
        boolean quoted = false;
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\\' && !quoted) {
                i++;
            } else if (c == '%' && !quoted) {
                return true;
            }
        }
        return false;
    }

    /**
     * Computes the template's formulas over the filled cells, so viewers that show stored results (previews, POI,
     * some phone apps) show the right ones, and asks Excel, WPS and LibreOffice to compute them again on open. A
     * formula POI cannot compute (a function it lacks, a link to another workbook) keeps its old stored result
     * until the program that opens the file computes it.
     */
    private static void recalculate(XSSFWorkbook wb, String name) {
        XSSFFormulaEvaluator evaluator = wb.getCreationHelper().createFormulaEvaluator();
        int failed = 0;
        for (Sheet sheet : wb) {
            for (Row row : sheet) {
                for (Cell cell : row) {
                    if (cell.getCellType() != CellType.FORMULA) {
                        continue;
                    }
                    try {
                        evaluator.evaluateFormulaCell(cell);
                    } catch (RuntimeException e) {
                        failed++;
                        LOG.debug("Formula {} in {} of {} left to the spreadsheet program", cell.getCellFormula(),
                                cell.getAddress(), name, e);
                    }
                }
            }
        }
        if (failed > 0) {
            LOG.info("{} formulas of template {} are computed only when the file is opened", failed, name);
        }
        wb.setForceFormulaRecalculation(true);
    }
}
