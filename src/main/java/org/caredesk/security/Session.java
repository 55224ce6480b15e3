package org.caredesk.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Who is logged in on this program instance, and since when they have done nothing. Services call
 * {@link #require(Permission)} before they act; the window calls {@link #touch(Instant)} on user input and
 * {@link #isIdle(Instant)} on a timer, and asks for the password again when it is idle.
 *
 * <p>Thread-safe: background tasks check permissions while the FX thread logs in, touches and logs out.
 * Idle time is measured between instants, not wall-clock dates, so a time-zone change does not lock anyone out.
 */
public final class Session {
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(10);

    private volatile BiConsumer<UserIdentity, Permission> onDenied = (u, p) -> { };
    private UserIdentity identity;
    private Instant lastActivity;
    private Duration idleTimeout;

    public Session() {
        this(DEFAULT_IDLE_TIMEOUT);
    }

    public Session(Duration idleTimeout) {
        setIdleTimeout(idleTimeout);
    }

    /** Starts a session for a user who has just proved who they are. */
    public synchronized void login(UserIdentity user, Instant now) {
        this.identity = Objects.requireNonNull(user, "user");
        this.lastActivity = Objects.requireNonNull(now, "now");
    }

    /** Ends the session; every later {@link #require} is refused until the next login. */
    public synchronized void logout() {
        identity = null;
        lastActivity = null;
    }

    public synchronized boolean isLoggedIn() {
        return identity != null;
    }

    /** The logged-in user; refuses when nobody is. */
    public synchronized UserIdentity identity() {
        if (identity == null) {
            throw new AccessDeniedException();
        }
        return identity;
    }

    public synchronized Optional<UserIdentity> current() {
        return Optional.ofNullable(identity);
    }

    /**
     * Replaces the identity of the same user, e.g. after an administrator changed their own roles; a different
     * user needs a {@link #login}.
     */
    public synchronized void refresh(UserIdentity updated) {
        if (identity != null && identity.id().equals(updated.id())) {
            identity = updated;
        }
    }

    public synchronized boolean has(Permission permission) {
        return identity != null && PermissionMatrix.allows(identity.roles(), permission);
    }

    /**
     * Checks that the logged-in user may do something. A refusal is told to the {@link #onDenied} listener first
     * (the audit log records it), outside this session's monitor so the listener may take its time.
     *
     * @return the user, to name them as the actor
     * @throws AccessDeniedException when nobody is logged in or their roles do not grant the permission
     */
    public UserIdentity require(Permission permission) {
        UserIdentity who;
        synchronized (this) {
            who = identity;
        }
        if (who == null) {
            throw new AccessDeniedException();
        }
        if (!PermissionMatrix.allows(who.roles(), permission)) {
            onDenied.accept(who, permission);
            throw new AccessDeniedException(permission);
        }
        return who;
    }

    /** Who is told of every refused {@link #require}: the audit log, so an attempt past the matrix is on record. */
    public void onDenied(BiConsumer<UserIdentity, Permission> listener) {
        this.onDenied = listener == null ? (u, p) -> { } : listener;
    }

    /** Records user activity (a key press, a click) at {@code now}. */
    public synchronized void touch(Instant now) {
        if (identity != null && (lastActivity == null || now.isAfter(lastActivity))) {
            lastActivity = now;
        }
    }

    /** Whether a logged-in user has done nothing for the idle timeout or longer. */
    public synchronized boolean isIdle(Instant now) {
        return identity != null && !now.isBefore(lastActivity.plus(idleTimeout));
    }

    public synchronized Duration idleTimeout() {
        return idleTimeout;
    }

    /** Changes the idle timeout, e.g. after the setting was saved; applies to the running session at once. */
    public synchronized void setIdleTimeout(Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("idle timeout must be positive: " + timeout);
        }
        this.idleTimeout = timeout;
    }
}
