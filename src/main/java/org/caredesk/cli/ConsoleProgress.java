package org.caredesk.cli;

import java.io.PrintStream;
import org.caredesk.common.I18n;
import org.caredesk.common.Progress;

/**
 * Progress on stderr, one line per tenth of the work, so a log of a long run stays short and stdout carries only
 * results. The command line cannot be cancelled except by Ctrl+C, which ends the process.
 */
final class ConsoleProgress implements Progress {
    private static final int STEPS = 10;
    private final PrintStream err;
    private long lastStep;

    ConsoleProgress(PrintStream err) {
        this.err = err;
    }

    @Override
    public void update(long done, long total) {
        if (total <= 0) {
            return;
        }
        long step = Math.min(STEPS, done * STEPS / total);
        if (step > lastStep && done > 0) {
            lastStep = step;
            err.println(I18n.get("cli.progress", String.valueOf(done), String.valueOf(total)));
        }
    }

    @Override
    public void message(String text) {
        err.println(text);
    }

    @Override
    public boolean isCancelled() {
        return false;
    }
}
