package org.caredesk.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.util.Callback;
import org.caredesk.common.I18n;

/**
 * Loads {@code <Name>.fxml} that sits beside its view class, with the current i18n bundle and controllers built by
 * the application's factory (constructor injection, no framework).
 */
public final class ViewLoader {
    private final Callback<Class<?>, Object> controllerFactory;

    public ViewLoader(Callback<Class<?>, Object> controllerFactory) {
        this.controllerFactory = controllerFactory;
    }

    /** A loaded view: its root node and its controller. */
    public record Loaded<C>(Parent root, C controller) {}

    public <C> Loaded<C> load(Class<C> viewClass) {
        URL url = viewClass.getResource(viewClass.getSimpleName() + ".fxml");
        if (url == null) {
            throw new IllegalStateException("No FXML beside " + viewClass.getName());
        }
        FXMLLoader loader = new FXMLLoader(url, I18n.bundle());
        loader.setControllerFactory(controllerFactory);
        try {
            Parent root = loader.load();
            return new Loaded<>(root, viewClass.cast(loader.getController()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load " + url, e);
        }
    }
}
