package org.caredesk.users.ui;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.caredesk.security.Role;

/** One tick box per role, as properties a view binds its check boxes to. */
public final class RoleChoice {
    private final Map<Role, BooleanProperty> ticked = new EnumMap<>(Role.class);

    public RoleChoice() {
        for (Role r : Role.values()) {
            ticked.put(r, new SimpleBooleanProperty(false));
        }
    }

    public BooleanProperty property(Role role) {
        return ticked.get(role);
    }

    public Set<Role> chosen() {
        Set<Role> chosen = EnumSet.noneOf(Role.class);
        ticked.forEach((role, p) -> {
            if (p.get()) {
                chosen.add(role);
            }
        });
        return chosen;
    }

    public void set(Set<Role> roles) {
        ticked.forEach((role, p) -> p.set(roles.contains(role)));
    }

    /** The properties, for listening to any change. */
    public Observable[] observables() {
        return ticked.values().toArray(new Observable[0]);
    }
}
