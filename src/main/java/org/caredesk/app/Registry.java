package org.caredesk.app;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One instance of each type, made by the one recipe a module gave for it (or taken from an {@link Overrides}).
 * Recipes are collected first and run afterwards, so a recipe may ask for a type whose module comes later in the
 * list; each runs once. A second recipe for the same type is refused: every recipe stands in one place.
 */
final class Registry {
    private final String scope;
    private final Map<Class<?>, Supplier<?>> recipes = new LinkedHashMap<>();
    private final Map<Class<?>, Object> overrides;
    private final Map<Class<?>, Object> made = new HashMap<>();
    private final Set<Class<?>> making = new HashSet<>();
    private boolean sealed;

    Registry(String scope, Overrides overrides) {
        this.scope = scope;
        this.overrides = Map.copyOf(overrides.instances());
    }

    synchronized <T> void provide(Class<T> type, Supplier<? extends T> recipe) {
        if (sealed) {
            throw new IllegalStateException("The " + scope + " is built; " + type.getName() + " comes too late");
        }
        if (recipes.putIfAbsent(type, recipe) != null) {
            throw new IllegalStateException(type.getName() + " has two recipes in the " + scope);
        }
    }

    /**
     * Ends the recipes: refuses an override that replaces nothing, then makes every instance in the order given,
     * so a broken recipe fails when the program opens, not when a screen first asks.
     */
    synchronized void seal() {
        List<String> unused = new ArrayList<>();
        for (Class<?> type : overrides.keySet()) {
            if (!recipes.containsKey(type)) {
                unused.add(type.getName());
            }
        }
        if (!unused.isEmpty()) {
            throw new IllegalStateException("No module of the " + scope + " provides " + unused
                    + ", so overriding it would change nothing");
        }
        sealed = true;
        for (Class<?> type : recipes.keySet()) {
            get(type);
        }
    }

    synchronized <T> T get(Class<T> type) {
        Object o = made.get(type);
        if (o == null) {
            o = overrides.containsKey(type) ? overrides.get(type) : make(type);
            made.put(type, o);
        }
        return type.cast(o);
    }

    private Object make(Class<?> type) {
        Supplier<?> recipe = recipes.get(type);
        if (recipe == null) {
            throw new IllegalStateException("No module of the " + scope + " provides " + type.getName());
        }
        if (!making.add(type)) {
            throw new IllegalStateException(type.getName() + " needs itself to be made in the " + scope);
        }
        try {
            return recipe.get();
        } finally {
            making.remove(type);
        }
    }

    synchronized List<Object> instances() {
        return List.copyOf(made.values());
    }
}
