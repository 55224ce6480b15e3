package org.caredesk.db;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The child process of {@link InstanceLockTest}: holds a window's lock on a data folder, says {@code locked}, and
 * prints {@code shown} each time another start asks it to come to the front. It runs until it is killed or its
 * input closes.
 */
public final class InstanceLockHolder {
    static final String LOCKED = "locked";
    static final String SHOWN = "shown";

    private InstanceLockHolder() {}

    public static void main(String[] args) throws IOException {
        try (InstanceLock lock = InstanceLock.forWindow(Path.of(args[0]), () -> {
            System.out.println(SHOWN);
            System.out.flush();
        })) {
            System.out.println(LOCKED);
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait until the test closes our input or kills us
            }
        }
    }
}
