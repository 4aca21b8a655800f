package org.itaoversight.embedded.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL 18 from the zonky binaries, with its data kept in a directory of ours so that a second start reuses
 * the cluster (~0.5 s instead of an initdb).
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /**
     * Starts PostgreSQL on {@code dataDirectory}; {@code port} 0 takes a free loopback port.
     * A server left running on the same directory by a process that died is stopped first.
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, int port) {
        long started = System.nanoTime();
        try {
            Files.createDirectories(dataDirectory);
            stopOrphan(dataDirectory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("timezone", "UTC");
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = builder.start();
            LOG.info("Embedded PostgreSQL ready on port {} in {} ms (data {})", postgres.getPort(),
                    Duration.ofNanos(System.nanoTime() - started).toMillis(), dataDirectory);
            return new EmbeddedPostgresServer(postgres, dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL could not start on " + dataDirectory + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    /** The process id of the running postmaster, from its pid file. */
    public long postmasterPid() {
        try {
            return parsePid(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).getFirst())
                    .orElseThrow(() -> new IllegalStateException("unreadable postmaster.pid in " + dataDirectory));
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL is not running on " + dataDirectory, e);
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not stop cleanly", e);
        }
    }

    /** A postmaster whose pid file is in our data directory but whose owner died: ask it to stop (fast shutdown). */
    private static void stopOrphan(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        Optional<ProcessHandle> postmaster = lines.isEmpty() ? Optional.empty()
                : parsePid(lines.getFirst()).flatMap(ProcessHandle::of)
                        .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        if (postmaster.isPresent()) {
            LOG.warn("Stopping a PostgreSQL (pid {}) left running on {} by an earlier run", postmaster.get().pid(), dataDirectory);
            postmaster.get().destroy();
            postmaster.get().onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
        }
    }

    private static Optional<Long> parsePid(String line) {
        try {
            return Optional.of(Long.parseLong(line.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
