package org.caredesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.caredesk.audit.AuditAction;
import org.caredesk.users.LoginRefusedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Wrong passwords typed at once (issue 18, finding 8): twelve parallel attempts used to fail on a shared temporary
 * file ("NoSuchFileException …login-attempts.properties.tmp"), record only four failures and leave the name
 * unlocked.
 */
class LoginAttemptsTest {
    private static final String PW = "Start-pass1";

    @TempDir
    Path dataDir;

    @Test
    void twelveWrongPasswordsAtOnce_eachCounts_andTheNameIsLocked() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-07T01:00:00Z"), ZoneId.of("Asia/Shanghai"));
        Login login = new Login(1_000, clock);
        login.setUp(dataDir, Login.CommunityChoice.named("幸福社区"), "admin", "王主任", PW.toCharArray()).close();

        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<Future<LoginRefusedException.Reason>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 12; i++) {
                Callable<LoginRefusedException.Reason> attempt = () -> {
                    try {
                        login.unlock(dataDir, "admin", "Wrong-pass9".toCharArray()).close();
                        return null;
                    } catch (LoginRefusedException e) {
                        return e.reason();
                    }
                };
                results.add(pool.submit(attempt));
            }
            for (Future<LoginRefusedException.Reason> r : results) {
                // Any other exception (the file error of before) fails here.
                assertThat(r.get(60, TimeUnit.SECONDS)).isIn(LoginRefusedException.Reason.WRONG_NAME_OR_PASSWORD,
                        LoginRefusedException.Reason.LOCKED);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(new LoginAttempts(dataDir, 5, Duration.ofMinutes(10)).lockedUntil("admin", clock.instant()))
                .isPresent();
        List<LoginAttempts.Event> events = new LoginAttempts(dataDir, 5, Duration.ofMinutes(10)).pending();
        // Attempts that began after the lock are refused before the password is tried, so they are not counted.
        assertThat(events).filteredOn(e -> e.action() == AuditAction.LOGIN_FAILED).hasSizeBetween(5, 12);
        assertThat(events).filteredOn(e -> e.action() == AuditAction.ACCOUNT_LOCKED).hasSize(1);
        LoginRefusedException right = org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> login.open(dataDir, "admin", PW.toCharArray()), LoginRefusedException.class);
        assertThat(right.reason()).isEqualTo(LoginRefusedException.Reason.LOCKED);
    }

    @Test
    void failuresCountedBySeveralProgramsAtOnce_areAllKept() throws Exception {
        int programs = 4;
        int each = 40;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> children = new ArrayList<>();
        for (int i = 0; i < programs; i++) {
            children.add(new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
                    System.getProperty("java.class.path"), LoginAttemptsHammer.class.getName(), dataDir.toString(),
                    "wang", Integer.toString(each)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
        }
        for (Process p : children) {
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as("a child failed to count").isZero();
        }

        List<LoginAttempts.Event> events = new LoginAttempts(dataDir, 5, Duration.ofMinutes(10)).pending();
        assertThat(events).hasSize(programs * each);
    }
}
