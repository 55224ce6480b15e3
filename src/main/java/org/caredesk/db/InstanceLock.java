package org.caredesk.db;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running program per data folder. The first start locks {@code <dataDir>/.lock}; a later start finds it
 * locked and gets a clear sentence instead of H2's. A window also listens on the loopback address (never any
 * other) on a port it writes into the lock file with a random token, so a second start can ask it to come to the
 * front. Every wait is bounded; the operating system drops the lock when the process ends, even by a crash.
 */
public final class InstanceLock implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(InstanceLock.class);
    static final String FILE = ".lock";
    /**
     * The lock covers one byte far past the end of the file: on Windows a locked range cannot be read by another
     * process, and the port and token at the start must stay readable.
     */
    private static final long LOCK_POSITION = Long.MAX_VALUE - 1;
    /** How long the running window waits for a request line: short, so a silent peer holds up no one for long. */
    static final int REQUEST_TIMEOUT_MILLIS = 500;
    /** How long a second start waits for the running window to connect and to answer. */
    static final int ANSWER_TIMEOUT_MILLIS = 3000;
    private static final String SHOW = "show";
    private static final String DONE = "ok";
    private static final int MAX_LINE = 200;

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final ServerSocket server;
    private final Thread listener;

    private InstanceLock(Path file, FileChannel channel, FileLock lock, ServerSocket server, Thread listener) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.server = server;
        this.listener = listener;
    }

    /** For the command line: holds the folder, does not listen and never asks another window to show itself. */
    public static InstanceLock acquire(Path dataDir) {
        return acquire(dataDir, null);
    }

    /**
     * For the window: holds the folder and runs {@code onShowRequest} (on a background thread) when a later
     * start asks for the window; a later start of a window asks the running one to come to the front.
     *
     * @throws InstanceLockException when another program holds the folder
     */
    public static InstanceLock forWindow(Path dataDir, Runnable onShowRequest) {
        return acquire(dataDir, Objects.requireNonNull(onShowRequest));
    }

    private static InstanceLock acquire(Path dataDir, Runnable onShowRequest) {
        Path file = dataDir.resolve(FILE);
        FileChannel channel = null;
        try {
            Files.createDirectories(dataDir);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock(LOCK_POSITION, 1, false);
            } catch (OverlappingFileLockException e) {
                lock = null; // this very process holds it: a second window of the same program
            }
            if (lock == null) {
                channel.close();
                boolean shown = onShowRequest != null && askToShow(file);
                throw new InstanceLockException(dataDir.toString(), shown);
            }
            ServerSocket server = null;
            Thread listener = null;
            String token = "";
            if (onShowRequest != null) {
                byte[] random = new byte[16];
                new SecureRandom().nextBytes(random);
                token = HexFormat.of().formatHex(random);
                server = new ServerSocket();
                server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
                listener = listen(server, token, onShowRequest);
            }
            write(channel, server == null ? 0 : server.getLocalPort(), token);
            return new InstanceLock(file, channel, lock, server, listener);
        } catch (IOException e) {
            closeQuietly(channel);
            throw BackupFiles.writeFailure(e, dataDir);
        }
    }

    /** The port and token, readable by a later start; the lock keeps anyone else from rewriting them. */
    private static void write(FileChannel channel, int port, String token) throws IOException {
        String text = "port=" + port + "\ntoken=" + token + "\npid=" + ProcessHandle.current().pid() + "\n";
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII)), 0);
        channel.force(false);
    }

    private static Thread listen(ServerSocket server, String token, Runnable onShowRequest) {
        Thread t = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                    s.setSoTimeout(REQUEST_TIMEOUT_MILLIS);
                    String line = readLine(s);
                    if ((SHOW + " " + token).equals(line)) {
                        s.getOutputStream().write((DONE + "\n").getBytes(StandardCharsets.US_ASCII));
                        s.getOutputStream().flush();
                        onShowRequest.run();
                    }
                } catch (SocketException e) {
                    if (!server.isClosed()) {
                        LOG.debug("Show request dropped", e);
                    }
                } catch (IOException | RuntimeException e) {
                    LOG.warn("Show request failed", e);
                }
            }
        }, "caredesk-instance-listener");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Asks the program that holds the lock to bring its window forward; false when it does not answer in time. */
    static boolean askToShow(Path lockFile) {
        Optional<Properties> content = read(lockFile);
        if (content.isEmpty()) {
            return false;
        }
        int port;
        try {
            port = Integer.parseInt(content.get().getProperty("port", "0"));
        } catch (NumberFormatException e) {
            return false;
        }
        String token = content.get().getProperty("token", "");
        if (port <= 0 || port > 65535 || token.isEmpty()) {
            return false;
        }
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), ANSWER_TIMEOUT_MILLIS);
            s.setSoTimeout(ANSWER_TIMEOUT_MILLIS);
            OutputStream out = s.getOutputStream();
            out.write((SHOW + " " + token + "\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return DONE.equals(readLine(s));
        } catch (IOException e) {
            LOG.info("The running program did not answer a show request: {}", e.toString());
            return false;
        }
    }

    private static Optional<Properties> read(Path lockFile) {
        try {
            byte[] bytes = Files.readAllBytes(lockFile);
            Properties p = new Properties();
            p.load(new StringReader(new String(bytes, 0, Math.min(bytes.length, 4 * MAX_LINE),
                    StandardCharsets.US_ASCII)));
            return Optional.of(p);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** One short line; a peer that sends more or nothing in time is cut off. */
    private static String readLine(Socket s) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII),
                MAX_LINE);
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
            if (line.length() >= MAX_LINE) {
                return "";
            }
            line.append((char) c);
        }
        return line.toString();
    }

    /** Where a show request must connect; empty for the command line's lock. */
    public Optional<InetSocketAddress> listenAddress() {
        return server == null ? Optional.empty()
                : Optional.of((InetSocketAddress) server.getLocalSocketAddress());
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() {
        if (server != null) {
            closeQuietly(server);
            try {
                listener.join(ANSWER_TIMEOUT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            if (channel.isOpen()) {
                channel.truncate(0);
                lock.release();
            }
        } catch (IOException e) {
            LOG.warn("Cannot release {}", file, e);
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            LOG.debug("close failed", e);
        }
    }
}
