package org.caredesk.app;

import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.stage.Window;
import org.caredesk.settings.AppSettings;
import org.caredesk.ui.DialogService;
import org.caredesk.ui.TaskRunner;
import org.caredesk.ui.ViewLoader;

/**
 * What the modules build one window's views with: the context's services, the window's task runner, dialogs, loader
 * and controller factory, and the pieces several features' views share (one of each per window, made once).
 */
public final class Screens {
    private final AppContext ctx;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final ControllerFactory controllers;
    private final ViewLoader loader;
    private final Supplier<Window> window;
    private final Consumer<AppSettings> rebuild;
    private final Consumer<String> onDatabaseReplaced;
    private final Registry shared;

    Screens(AppContext ctx, TaskRunner tasks, DialogService dialogs, ControllerFactory controllers, ViewLoader loader,
            Supplier<Window> window, Consumer<AppSettings> rebuild, Consumer<String> onDatabaseReplaced,
            Overrides overrides) {
        this.ctx = ctx;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.controllers = controllers;
        this.loader = loader;
        this.window = window;
        this.rebuild = rebuild;
        this.onDatabaseReplaced = onDatabaseReplaced;
        this.shared = new Registry("window", overrides);
    }

    public AppContext ctx() {
        return ctx;
    }

    public TaskRunner tasks() {
        return tasks;
    }

    public DialogService dialogs() {
        return dialogs;
    }

    public ControllerFactory controllers() {
        return controllers;
    }

    public ViewLoader loader() {
        return loader;
    }

    /** The window the views are shown in, owner of their dialogs; null before it is shown. */
    public Window window() {
        return window.get();
    }

    /** Called with the saved settings after a change that affects every view (language, font size). */
    public Consumer<AppSettings> rebuild() {
        return rebuild;
    }

    /** Shows the sentence after a restore closed the database (the login must follow). */
    public Consumer<String> onDatabaseReplaced() {
        return onDatabaseReplaced;
    }

    /** Gives the one recipe of a piece of this window that views of several features use. */
    public <T> void provide(Class<T> type, Supplier<? extends T> recipe) {
        shared.provide(type, recipe);
    }

    /** The window's piece of this type (made once, when the window's views are registered). */
    public <T> T get(Class<T> type) {
        return shared.get(type);
    }

    void seal() {
        shared.seal();
    }
}
