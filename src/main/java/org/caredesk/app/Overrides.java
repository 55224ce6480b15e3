package org.caredesk.app;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Instances that replace what a module would build, given before the modules build: a test's fast password hasher,
 * the login's key ring listener, a recording stand-in for a window's actions. Each must replace something a module
 * provides; one that replaces nothing is refused when the modules build, so a renamed service cannot leave a test
 * silently running the real one.
 */
public final class Overrides {
    private final Map<Class<?>, Object> instances = new LinkedHashMap<>();

    public static Overrides none() {
        return new Overrides();
    }

    /** Uses {@code instance} wherever {@code type} is asked for, instead of the module's recipe. */
    public <T> Overrides put(Class<T> type, T instance) {
        if (instance == null) {
            throw new IllegalArgumentException("An override of " + type.getName() + " needs an instance");
        }
        if (instances.putIfAbsent(type, instance) != null) {
            throw new IllegalStateException(type.getName() + " is overridden twice");
        }
        return this;
    }

    Map<Class<?>, Object> instances() {
        return instances;
    }
}
