package org.caredesk.ui;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Tells the screens that show visits and colours that something changed (a visit, an assessment or an override was
 * saved, a file was edited), so the home screen and an open person's file read again. Called on the FX thread.
 */
public final class CareChanges {
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    public void listen(Runnable listener) {
        listeners.add(listener);
    }

    public void unlisten(Runnable listener) {
        listeners.remove(listener);
    }

    public void fire() {
        for (Runnable r : listeners) {
            r.run();
        }
    }
}
