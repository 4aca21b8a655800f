package org.itaoversight.embedded.clickhouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real ClickHouse engine (from {@code libchdb.so}) running in a child JVM and serving the ClickHouse HTTP
 * protocol on a loopback port, so that the application reaches it through the ordinary JDBC driver exactly as it
 * reaches a ClickHouse server in production.
 *
 * <p>Layout of the work directory: {@code data/} (the engine's {@code --path}, kept across restarts),
 * {@code config.xml} (memory cap and logger), {@code logs/clickhouse.log} (the engine's log) and
 * {@code logs/child.log} (the child JVM's output).
 */
public final class EmbeddedClickHouse implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedClickHouse.class);
    private static final String LOOPBACK = "127.0.0.1";

    private final Process process;
    private final int httpPort;
    private final int tcpPort;
    private final String queryId;
    private final Path childLog;
    private final Path workDirectory;

    private EmbeddedClickHouse(Process process, int httpPort, int tcpPort, String queryId, Path childLog, Path workDirectory) {
        this.process = process;
        this.httpPort = httpPort;
        this.tcpPort = tcpPort;
        this.queryId = queryId;
        this.childLog = childLog;
        this.workDirectory = workDirectory;
    }

    /**
     * Settings of one embedded engine.
     *
     * @param workDirectory     holds the data, the config file and the logs; reused across restarts
     * @param library           the {@code libchdb.so} to load
     * @param httpPort          loopback HTTP port; 0 picks a free one
     * @param tcpPort           loopback native-protocol port; 0 picks a free one
     * @param maxMemoryBytes    the engine's {@code max_server_memory_usage}
     * @param startTimeout      how long to wait for the engine to serve
     */
    public record Settings(Path workDirectory, Path library, int httpPort, int tcpPort, long maxMemoryBytes,
                           Duration startTimeout) {
    }

    /** Starts an engine and returns once it answers on its port as itself (by its keep-alive query's id). */
    public static EmbeddedClickHouse start(Settings settings) {
        return start(settings, "");
    }

    /**
     * As {@link #start(Settings)}, with more server configuration: XML elements placed in the config file's
     * {@code <clickhouse>} root (e.g. the {@code remote_servers} of a cluster of such engines).
     */
    public static EmbeddedClickHouse start(Settings settings, String moreConfig) {
        long started = System.nanoTime();
        Path work = settings.workDirectory().toAbsolutePath();
        Path data = work.resolve("data");
        Path logs = work.resolve("logs");
        Path config = work.resolve("config.xml");
        Path childLog = logs.resolve("child.log");
        runningEngineOf(data).ifPresent(pid -> {
            throw new EmbeddedClickHouseException("ClickHouse data directory " + data + " is in use by another ClickHouse "
                    + "process (pid " + pid + "); stop it or choose another directory");
        });
        try {
            Files.createDirectories(data);
            Files.createDirectories(logs);
            forgetSystemLogs(data);
            Files.writeString(config, configXml(settings.maxMemoryBytes(), logs, moreConfig));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the ClickHouse work directory " + work, e);
        }
        int httpPort = choosePort(settings.httpPort(), "HTTP");
        int tcpPort = choosePort(settings.tcpPort(), "native TCP");
        String queryId = "ita-oversight-keepalive-" + UUID.randomUUID();

        Path javaHome = Path.of(System.getProperty("java.home"));
        List<String> command = List.of(
                javaHome.resolve("bin").resolve("java").toString(),
                "-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "--enable-native-access=ALL-UNNAMED",
                "-cp", codeSource().toString(),
                ChdbServerMain.class.getName(),
                "--library=" + settings.library().toAbsolutePath(),
                "--path=" + data + "/",
                "--http-port=" + httpPort,
                "--tcp-port=" + tcpPort,
                "--query-id=" + queryId,
                "--config-file=" + config);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(childLog.toFile()));
        // libchdb installs its own handlers for signals the JVM uses; libjsig chains them.
        builder.environment().put("LD_PRELOAD", javaHome.resolve("lib").resolve("libjsig.so").toString());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new EmbeddedClickHouseException("cannot start the ClickHouse child JVM: " + e.getMessage(), e);
        }
        EmbeddedClickHouse engine = new EmbeddedClickHouse(process, httpPort, tcpPort, queryId, childLog, work);
        try {
            engine.awaitReady(settings.startTimeout());
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
        LOG.info("Embedded ClickHouse {} ready on http://{}:{} in {} ms (pid {}, data {})", engine.version(), LOOPBACK,
                httpPort, Duration.ofNanos(System.nanoTime() - started).toMillis(), process.pid(), data);
        return engine;
    }

    public int httpPort() {
        return httpPort;
    }

    public int tcpPort() {
        return tcpPort;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    public Path workDirectory() {
        return workDirectory;
    }

    /** The JDBC URL of the server, without a database. */
    public String serverJdbcUrl() {
        return "jdbc:clickhouse:http://" + LOOPBACK + ":" + httpPort;
    }

    /** The JDBC URL of a database on this engine. */
    public String jdbcUrl(String database) {
        return serverJdbcUrl() + "/" + database;
    }

    /** Runs one statement over HTTP and returns its output in TabSeparated form (for tooling and readiness). */
    public String query(String sql) {
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://" + LOOPBACK + ":" + httpPort + "/?query="
                                    + URLEncoder.encode(sql, StandardCharsets.UTF_8)))
                            .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new EmbeddedClickHouseException("ClickHouse answered " + response.statusCode() + ": " + response.body().strip());
            }
            return response.body();
        } catch (IOException e) {
            throw new EmbeddedClickHouseException("cannot reach ClickHouse on port " + httpPort + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedClickHouseException("interrupted while querying ClickHouse", e);
        }
    }

    public String version() {
        return query("SELECT version()").strip();
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String identityCheck = "SELECT count() FROM system.processes WHERE query_id = '" + queryId + "'";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new EmbeddedClickHouseException(diagnose("exited with code " + process.exitValue() + " before it served"));
            }
            try {
                if ("1".equals(query(identityCheck).strip())) {
                    return;
                }
                // Something answers on our port but it is not our engine (yet): keep checking by identity.
            } catch (EmbeddedClickHouseException notYet) {
                // not listening yet
            }
            sleep(Duration.ofMillis(50));
        }
        throw new EmbeddedClickHouseException(diagnose("did not serve within " + timeout.toSeconds() + " s"));
    }

    private String diagnose(String what) {
        String output = tail(childLog, 4_000);
        if (output.contains("Address already in use")) {
            return "ClickHouse could not listen on " + LOOPBACK + ":" + httpPort + " or " + tcpPort
                    + ": the port is already in use by another process";
        }
        if (output.contains("Cannot lock file") || output.contains("is locked by another process")) {
            return "ClickHouse data directory " + workDirectory.resolve("data")
                    + " is in use by another ClickHouse process; stop it or choose another directory";
        }
        return "embedded ClickHouse " + what + "; its output (" + childLog + "):\n" + output;
    }

    /** Stops the engine by killing its keep-alive query, then waits for the child to exit; idempotent. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        try {
            ChdbServerMain.killKeepAlive(httpPort, queryId);
        } catch (Exception e) {
            LOG.warn("Could not ask embedded ClickHouse to stop ({}); terminating it", e.toString());
        }
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                LOG.warn("Embedded ClickHouse (pid {}) did not stop within 20 s; terminating it", process.pid());
                process.destroy();
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        LOG.info("Embedded ClickHouse on port {} stopped", httpPort);
    }

    /**
     * The process that serves this data directory now, if any: the engine writes its pid into {@code status} while it
     * runs (and locks it, with a lock Java cannot see). Checked before anything in the directory is touched, so a
     * second start never changes a running engine's files.
     */
    private static java.util.Optional<Long> runningEngineOf(Path data) {
        Path status = data.resolve("status");
        if (!Files.isRegularFile(status)) {
            return java.util.Optional.empty();
        }
        try {
            return Files.readAllLines(status, StandardCharsets.UTF_8).stream()
                    .filter(line -> line.startsWith("PID:"))
                    .map(line -> line.substring("PID:".length()).strip())
                    .filter(pid -> pid.matches("\\d{1,10}"))
                    .map(Long::parseLong)
                    .filter(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                    .findFirst();
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * Removes the previous run's system log tables ({@code system.query_log} …). The engine keeps its {@code system}
     * database in memory: after a restart it creates those tables anew, finds their old data directory and refuses
     * ("Directory for table data data/system/query_log/ already exists"), so no query was logged again and every
     * flush wrote an error. What they held was never readable after the restart anyway.
     */
    private static void forgetSystemLogs(Path data) throws IOException {
        Path systemTables = data.resolve("data").resolve("system");
        if (!Files.isDirectory(systemTables)) {
            return;
        }
        try (java.util.stream.Stream<Path> paths = Files.walk(systemTables)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
        LOG.info("Removed the previous run's ClickHouse system logs in {}", systemTables);
    }

    private static int choosePort(int requested, String what) {
        try (ServerSocket socket = new ServerSocket(requested, 1, InetAddress.getByName(LOOPBACK))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new EmbeddedClickHouseException("ClickHouse " + what + " port " + requested + " on " + LOOPBACK
                    + " is already in use; choose another port or stop the process that holds it", e);
        }
    }

    private static Path codeSource() {
        try {
            return Path.of(ChdbServerMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String configXml(long maxMemoryBytes, Path logs, String moreConfig) {
        return """
                <clickhouse>
                    <max_server_memory_usage>%d</max_server_memory_usage>
                    <logger>
                        <level>information</level>
                        <log>%s</log>
                        <errorlog>%s</errorlog>
                        <size>50M</size>
                        <count>3</count>
                        <console>0</console>
                    </logger>
                    <query_log>
                        <database>system</database>
                        <table>query_log</table>
                        <flush_interval_milliseconds>7500</flush_interval_milliseconds>
                        <ttl>event_date + INTERVAL 7 DAY DELETE</ttl>
                    </query_log>
                %s
                </clickhouse>
                """.formatted(maxMemoryBytes, logs.resolve("clickhouse.log"), logs.resolve("clickhouse.err.log"), moreConfig);
    }

    private static String tail(Path file, int maxChars) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return text.length() <= maxChars ? text : text.substring(text.length() - maxChars);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedClickHouseException("interrupted while waiting for ClickHouse", e);
        }
    }
}
