package org.caredesk.app;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import javafx.util.Callback;

/**
 * Builds FXML controllers (the view classes) with their dependencies, Cryptomator-style without a DI framework:
 * each view registers how it is made from the {@link AppContext} and the shell.
 */
public final class ControllerFactory implements Callback<Class<?>, Object> {
    private final Map<Class<?>, Function<Class<?>, Object>> makers = new HashMap<>();

    public <T> ControllerFactory register(Class<T> type, Function<Class<?>, T> maker) {
        makers.put(type, maker::apply);
        return this;
    }

    @Override
    public Object call(Class<?> type) {
        Function<Class<?>, Object> maker = makers.get(type);
        if (maker == null) {
            throw new IllegalStateException("No controller registered for " + type.getName());
        }
        return maker.apply(type);
    }
}
