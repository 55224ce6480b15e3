package org.caredesk.audit;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.caredesk.common.I18n;

/**
 * The outcome of checking the audit chain: intact, or the first problem found, said in one sentence.
 *
 * @param entries how many entries were read
 * @param seq     the entry the problem is at (for a deletion: the first missing number); 0 when intact
 */
public record ChainCheck(Finding finding, long entries, long seq, String key, List<Object> args) {

    public enum Finding {
        INTACT,
        /** An entry's content no longer matches its own hash. */
        EDITED,
        /** Numbers are missing between two entries. */
        DELETED,
        /** An entry the program did not write: numbered past the last one it wrote, or below the first. */
        INSERTED,
        /** An entry that is whole in itself does not carry the previous entry's hash. */
        BROKEN_LINK,
        /** Entries are missing at the end, where no later entry could show the gap. */
        TRUNCATED,
        /** The last entry differs from the one the program wrote last. */
        REPLACED,
        /** The head row that records the last entry is missing. */
        HEAD_MISSING
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    public ChainCheck {
        args = List.copyOf(args);
    }

    public boolean intact() {
        return finding == Finding.INTACT;
    }

    /** One sentence in the current language. */
    public String sentence() {
        return I18n.get(key, args.toArray());
    }

    public static ChainCheck intact(long entries) {
        return new ChainCheck(Finding.INTACT, entries, 0, "audit.verify.intact", List.of(String.valueOf(entries)));
    }

    public static ChainCheck edited(long entries, long seq, LocalDateTime at) {
        return new ChainCheck(Finding.EDITED, entries, seq, "audit.verify.edited", List.of(num(seq), time(at)));
    }

    /**
     * Numbers {@code first}..{@code last} are missing between an entry logged at {@code after} (null: they were
     * the first ones) and one logged at {@code before}.
     */
    public static ChainCheck deleted(long entries, long first, long last, LocalDateTime after,
            LocalDateTime before) {
        Object afterText = after == null ? new I18n.Key("audit.verify.start") : time(after);
        return new ChainCheck(Finding.DELETED, entries, first, "audit.verify.deleted",
                List.of(entriesText(first, last), afterText, time(before)));
    }

    public static ChainCheck inserted(long entries, long seq, LocalDateTime at) {
        return new ChainCheck(Finding.INSERTED, entries, seq, "audit.verify.inserted", List.of(num(seq), time(at)));
    }

    public static ChainCheck brokenLink(long entries, long seq, LocalDateTime at) {
        return new ChainCheck(Finding.BROKEN_LINK, entries, seq, "audit.verify.brokenLink",
                List.of(num(seq), time(at), num(seq - 1)));
    }

    public static ChainCheck truncated(long entries, long first, long last) {
        return new ChainCheck(Finding.TRUNCATED, entries, first, "audit.verify.truncated",
                List.of(entriesText(first, last)));
    }

    public static ChainCheck replaced(long entries, long seq, LocalDateTime at) {
        return new ChainCheck(Finding.REPLACED, entries, seq, "audit.verify.replaced", List.of(num(seq), time(at)));
    }

    public static ChainCheck headMissing(long entries) {
        return new ChainCheck(Finding.HEAD_MISSING, entries, 0, "audit.verify.headMissing", List.of());
    }

    private static String num(long n) {
        return Long.toString(n);
    }

    private static String time(LocalDateTime t) {
        return t == null ? "" : TIME.format(t);
    }

    /** "第 5 条记录" or "第 5 至 7 条记录", translated when the sentence is built. */
    private static Object entriesText(long first, long last) {
        return first == last ? new LazyText("audit.verify.oneEntry", num(first))
                : new LazyText("audit.verify.entryRange", num(first), num(last));
    }

    /** A sentence fragment with arguments, translated when the whole sentence is. */
    private record LazyText(String key, String... args) {
        @Override
        public String toString() {
            return I18n.get(key, (Object[]) args);
        }
    }
}
