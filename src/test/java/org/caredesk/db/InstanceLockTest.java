package org.caredesk.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstanceLockTest {
    @TempDir
    Path dataDir;

    @Test
    void aSecondStart_isToldInOneSentence_andTheFolderIsFreeAgainAfterClose() {
        try (InstanceLock first = InstanceLock.acquire(dataDir)) {
            assertThatThrownBy(() -> InstanceLock.acquire(dataDir))
                    .isInstanceOfSatisfying(InstanceLockException.class, e -> {
                        assertThat(e.localized()).startsWith("另一个社区帮扶工作台已经打开了这个数据文件夹");
                        assertThat(e.shownOther()).isFalse();
                    });
            assertThat(first.listenAddress()).as("the command line does not listen").isEmpty();
        }
        try (InstanceLock again = InstanceLock.acquire(dataDir)) {
            assertThat(again.file()).exists();
        }
    }

    @Test
    void aWindow_listensOnTheLoopbackOnly_andWritesItsPortIntoTheLockFile() throws IOException {
        try (InstanceLock lock = InstanceLock.forWindow(dataDir, () -> { })) {
            InetSocketAddress address = lock.listenAddress().orElseThrow();

            assertThat(address.getAddress().isLoopbackAddress()).isTrue();
            assertThat(Files.readString(lock.file())).contains("port=" + address.getPort()).containsPattern(
                    "token=[0-9a-f]{32}");
        }
        assertThat(Files.readString(dataDir.resolve(".lock"))).as("cleared on close").isEmpty();
    }

    @Test
    void aSecondWindow_bringsTheFirstToTheFront() throws InterruptedException {
        CountDownLatch shown = new CountDownLatch(1);
        try (InstanceLock first = InstanceLock.forWindow(dataDir, shown::countDown)) {
            assertThatThrownBy(() -> InstanceLock.forWindow(dataDir, () -> { }))
                    .isInstanceOfSatisfying(InstanceLockException.class, e -> assertThat(e.shownOther()).isTrue());
            assertThat(shown.await(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aRequestWithoutTheToken_isIgnored() throws Exception {
        AtomicInteger shown = new AtomicInteger();
        try (InstanceLock lock = InstanceLock.forWindow(dataDir, shown::incrementAndGet)) {
            int port = lock.listenAddress().orElseThrow().getPort();
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
                s.setSoTimeout(5000);
                s.getOutputStream().write("show 0123456789abcdef\n".getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
                assertThat(s.getInputStream().read()).as("closed without an answer").isEqualTo(-1);
            }
            try (Socket silent = new Socket()) {
                // A peer that says nothing is dropped after the timeout and does not block the next request.
                silent.connect(new InetSocketAddress("127.0.0.1", port), 2000);
                assertThat(InstanceLock.askToShow(lock.file())).isTrue();
            }
        }
        assertThat(shown.get()).isEqualTo(1);
    }

    @Test
    void aStaleLockFileFromACrash_doesNotStopTheNextStart() throws IOException {
        Files.writeString(dataDir.resolve(".lock"), "port=1\ntoken=0123\npid=99999\n");

        try (InstanceLock lock = InstanceLock.forWindow(dataDir, () -> { })) {
            assertThat(Files.readString(lock.file())).doesNotContain("token=0123");
        }
    }

    @Test
    void anotherProcess_holdsTheFolder_untilItDies() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process holder = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), InstanceLockHolder.class.getName(), dataDir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(holder.getInputStream(),
                    StandardCharsets.UTF_8))) {
                in.lines().forEach(lines::add);
            } catch (IOException | java.io.UncheckedIOException e) {
                // closed when the holder dies; lines() reports that unchecked
            }
        });
        reader.setDaemon(true);
        reader.start();
        try {
            assertThat(lines.poll(60, TimeUnit.SECONDS)).isEqualTo(InstanceLockHolder.LOCKED);

            assertThatThrownBy(() -> InstanceLock.acquire(dataDir)).isInstanceOfSatisfying(
                    InstanceLockException.class, e -> assertThat(e.shownOther()).isFalse());
            assertThat(lines.poll(300, TimeUnit.MILLISECONDS)).as("the command line asks no window to show")
                    .isNull();
            assertThatThrownBy(() -> InstanceLock.forWindow(dataDir, () -> { })).isInstanceOfSatisfying(
                    InstanceLockException.class, e -> assertThat(e.shownOther()).isTrue());
            assertThat(lines.poll(10, TimeUnit.SECONDS)).isEqualTo(InstanceLockHolder.SHOWN);
        } finally {
            holder.destroyForcibly();
            assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        try (InstanceLock mine = InstanceLock.acquire(dataDir)) {
            assertThat(mine.file()).exists();
        }
    }

    @Test
    void aSecondStart_whileTheFirstHasTheDatabaseOpen_neverReachesH2() {
        try (InstanceLock lock = InstanceLock.acquire(dataDir); Database db = Database.openFile(dataDir)) {
            assertThatThrownBy(() -> InstanceLock.acquire(dataDir)).isInstanceOf(InstanceLockException.class)
                    .hasMessageNotContaining("h2");
            assertThat(db.description()).isNotBlank();
        }
    }
}
