package org.caredesk.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** A clock that moves on by a fixed step each time it is read, so consecutive entries get distinct times. */
public final class StepClock extends Clock {
    private final ZoneId zone;
    private final Duration step;
    private Instant now;

    public StepClock(Instant start, ZoneId zone, Duration step) {
        this.now = start;
        this.zone = zone;
        this.step = step;
    }

    /** Starts at 2025-06-01 10:00 Beijing time and moves one minute per reading. */
    public static StepClock minutes() {
        return new StepClock(Instant.parse("2025-06-01T02:00:00Z"), ZoneId.of("Asia/Shanghai"),
                Duration.ofMinutes(1));
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId z) {
        return new StepClock(now, z, step);
    }

    @Override
    public synchronized Instant instant() {
        Instant t = now;
        now = now.plus(step);
        return t;
    }
}
