package org.caredesk.common;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NotDirectoryException;
import java.nio.file.ReadOnlyFileSystemException;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What kind of failure an exception stands for, so the user reads what happened instead of "unexpected error".
 * The telling exception is often not on top: H2 and jOOQ wrap the operating system's error, a batch insert hangs
 * it on {@link SQLException#getNextException()}, and a failed close adds it as a suppressed exception. So every
 * cause, suppressed and next exception is looked at, the most specific kind winning.
 */
public enum FailureKind {
    /** The Java heap ran out (or the stack overflowed): the work was too big for this PC's memory. */
    OUT_OF_MEMORY,
    /** The disk (or the user's quota) is full. */
    DISK_FULL,
    /** A folder or file may not be written: read-only, no permission, or a file where a folder belongs. */
    NOT_WRITABLE,
    /** A file, or a part inside it, is larger than the program (or POI) reads. */
    TOO_LARGE,
    /** Anything else. */
    OTHER;

    /** What Linux, macOS and Windows say when a write finds the disk full. */
    private static final String[] DISK_FULL_WORDS = {"no space left on device", "not enough space on the disk",
        "there is not enough space", "disk quota exceeded"};
    private static final String[] NOT_WRITABLE_WORDS = {"read-only file system", "permission denied",
        "access is denied", "operation not permitted", "not a directory", "the database is read only"};
    /**
     * POI's own limits. Not the system's "File too large" (EFBIG): that is a write past a size limit of the
     * system, a failed write of our file, and has its own sentence.
     */
    private static final String[] TOO_LARGE_WORDS = {"would exceed the max size",
        "tried to allocate an array of length", "exceeds the maximum", "max allowed overall size"};
    /** H2's code for a database opened read-only or on a read-only file (ErrorCode.DATABASE_IS_READ_ONLY). */
    private static final int H2_READ_ONLY = 90097;
    private static final int MAX_VISITED = 200;

    /** The most specific kind found anywhere in {@code t}'s causes, suppressed and next exceptions. */
    public static FailureKind of(Throwable t) {
        FailureKind best = OTHER;
        for (Throwable c : everything(t)) {
            FailureKind k = kind(c);
            if (k.ordinal() < best.ordinal()) {
                best = k;
            }
        }
        return best;
    }

    /** The file named by the first file-system exception inside {@code t}, or null. */
    public static String file(Throwable t) {
        for (Throwable c : everything(t)) {
            if (c instanceof FileSystemException f && f.getFile() != null) {
                return f.getFile();
            }
        }
        return null;
    }

    private static FailureKind kind(Throwable c) {
        if (c instanceof VirtualMachineError) {
            return c instanceof OutOfMemoryError || c instanceof StackOverflowError ? OUT_OF_MEMORY : OTHER;
        }
        String message = c.getMessage() == null ? "" : c.getMessage().toLowerCase(Locale.ROOT);
        if (contains(message, DISK_FULL_WORDS)) {
            return DISK_FULL;
        }
        if (c instanceof AccessDeniedException || c instanceof ReadOnlyFileSystemException
                || c instanceof NotDirectoryException || contains(message, NOT_WRITABLE_WORDS)
                || c instanceof SQLException s && s.getErrorCode() == H2_READ_ONLY) {
            return NOT_WRITABLE;
        }
        if (contains(message, TOO_LARGE_WORDS)) {
            return TOO_LARGE;
        }
        return OTHER;
    }

    private static boolean contains(String message, String[] words) {
        for (String w : words) {
            if (message.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** {@code t} and everything hanging from it, each once, breadth first; bounded against cycles and floods. */
    private static List<Throwable> everything(Throwable t) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> queue = new ArrayDeque<>();
        if (t != null) {
            queue.add(t);
        }
        List<Throwable> result = new ArrayList<>();
        while (!queue.isEmpty() && result.size() < MAX_VISITED) {
            Throwable c = queue.poll();
            if (!seen.add(c)) {
                continue;
            }
            result.add(c);
            if (c.getCause() != null) {
                queue.add(c.getCause());
            }
            for (Throwable s : c.getSuppressed()) {
                queue.add(s);
            }
            if (c instanceof SQLException sql && sql.getNextException() != null) {
                queue.add(sql.getNextException());
            }
        }
        return result;
    }
}
