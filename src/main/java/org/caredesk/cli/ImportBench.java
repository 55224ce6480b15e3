package org.caredesk.cli;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.function.Consumer;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.caredesk.app.AppContext;
import org.caredesk.common.I18n;
import org.caredesk.common.Progress;
import org.caredesk.roster.service.ImportResult;
import org.caredesk.roster.service.RosterImporter;
import org.caredesk.people.service.SyntheticPeople;
import org.caredesk.roster.service.SyntheticRoster;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Roster import of many fictitious people, in a throwaway folder with a database file: the roster is written with
 * SXSSF, then, in the same run, read three ways, each with its time and peak heap: POI's own streaming reader
 * only walking the cells (the floor any importer stands on), the importer's dry run, and the real import.
 *
 * <p>Peak heap is the sum of the heap pools' peaks, reset after a garbage collection before each phase: an upper
 * bound (the pools may peak at different moments) that includes garbage not yet collected. The decisive figure is
 * whether the run finishes at all under {@code -Xmx512m}.
 */
final class ImportBench {
    static final int DEFAULT_ROWS = 200_000;

    private final int rows;
    private final long seed;
    private final Clock clock;

    ImportBench(int rows, long seed, Clock clock) {
        this.rows = rows;
        this.seed = seed;
        this.clock = clock;
    }

    /**
     * Runs the phases, handing each figure to {@code out} as soon as it is measured, so the figures of the phases
     * that finished are printed even when a later one fails (out of memory, the very thing measured).
     */
    void run(Progress progress, Consumer<String> say, Consumer<SearchBench.Figure> out) {
        Path dir = BenchFolder.create();
        try {
            Path file = dir.resolve("roster.xlsx");
            long started = System.nanoTime();
            SyntheticRoster.write(file, new SyntheticPeople(seed, 1, LocalDate.now(clock)), rows);
            out.accept(new SearchBench.Figure("rows", rows, "count"));
            out.accept(new SearchBench.Figure("write_time", seconds(started), "s"));
            out.accept(new SearchBench.Figure("file_size", file.toFile().length() / (1024 * 1024), "MB"));

            say.accept(I18n.get("cli.bench.import.bare"));
            resetPeaks();
            started = System.nanoTime();
            long cells = bareRead(file);
            out.accept(new SearchBench.Figure("bare_read_time", seconds(started), "s"));
            out.accept(new SearchBench.Figure("bare_read_heap_peak", peakMegabytes(), "MB"));
            out.accept(new SearchBench.Figure("bare_read_cells", cells, "count"));

            try (AppContext ctx = BenchFolder.context(dir, true, clock)) {
                // A throwaway folder of generated people: nobody's data, so the benchmark acts as the test identity.
                ctx.session().login(AppContext.TEST_IDENTITY, clock.instant());
                RosterImporter importer = ctx.service(RosterImporter.class);

                say.accept(I18n.get("cli.bench.import.dryRun"));
                resetPeaks();
                started = System.nanoTime();
                ImportResult dry = importer.importFile(file, true, progress);
                out.accept(new SearchBench.Figure("dry_run_time", seconds(started), "s"));
                out.accept(new SearchBench.Figure("dry_run_heap_peak", peakMegabytes(), "MB"));
                out.accept(new SearchBench.Figure("dry_run_problems", dry.problems().size(), "count"));

                say.accept(I18n.get("cli.bench.import.real"));
                resetPeaks();
                started = System.nanoTime();
                ImportResult real = importer.importFile(file, false, progress);
                out.accept(new SearchBench.Figure("import_time", seconds(started), "s"));
                out.accept(new SearchBench.Figure("import_heap_peak", peakMegabytes(), "MB"));
                out.accept(new SearchBench.Figure("imported", real.imported(), "count"));
                out.accept(new SearchBench.Figure("heap_max", Runtime.getRuntime().maxMemory() / (1024 * 1024),
                        "MB"));
            }
            out.accept(new SearchBench.Figure("database_size", BenchFolder.size(dir) / (1024 * 1024), "MB"));
        } finally {
            BenchFolder.delete(dir);
        }
    }

    /** POI's streaming reader as its documentation shows it, counting the cells of the first sheet. */
    static long bareRead(Path file) {
        long[] cells = {0};
        OPCPackage pkg = null;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            XSSFSheetXMLHandler.SheetContentsHandler counter = new XSSFSheetXMLHandler.SheetContentsHandler() {
                @Override
                public void startRow(int rowNum) {}

                @Override
                public void endRow(int rowNum) {}

                @Override
                public void cell(String ref, String value, XSSFComment comment) {
                    cells[0]++;
                }
            };
            XMLReader xml = XMLHelper.newXMLReader();
            xml.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings, counter,
                    new DataFormatter(), false));
            try (InputStream sheet = reader.getSheetsData().next()) {
                xml.parse(new InputSource(sheet));
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("bare read of " + file + " failed", e);
        } finally {
            if (pkg != null) {
                pkg.revert();
            }
        }
        return cells[0];
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peakMegabytes() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes / (1024 * 1024);
    }
}
