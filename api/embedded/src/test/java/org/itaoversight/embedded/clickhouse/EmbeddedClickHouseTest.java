package org.itaoversight.embedded.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedClickHouseTest {

    /** An engine of a test's own, with a small memory cap. */
    static EmbeddedClickHouse.Settings settings(Path workDirectory, int httpPort) {
        return new EmbeddedClickHouse.Settings(workDirectory, ChdbLibrary.locate(ChdbLibrary.defaultCacheDirectory()),
                httpPort, 0, 1L << 30, Duration.ofSeconds(60));
    }

    @Test
    void servesTheRealEngineWithItsMemoryCapAndLog(@TempDir Path work) {
        try (EmbeddedClickHouse engine = EmbeddedClickHouse.start(settings(work, 0))) {
            assertThat(engine.version()).startsWith("26.");
            assertThat(engine.query("SELECT value FROM system.server_settings WHERE name = 'max_server_memory_usage'").strip())
                    .isEqualTo(String.valueOf(1L << 30));
            assertThat(engine.query("SELECT sum(number) FROM numbers(1000000)").strip()).isEqualTo("499999500000");
            assertThat(work.resolve("logs/clickhouse.log")).isNotEmptyFile();
        }
    }

    @Test
    void logsAtTheConfiguredLevelNotEveryQuerysTrace(@TempDir Path work) throws Exception {
        try (EmbeddedClickHouse engine = EmbeddedClickHouse.start(settings(work, 0))) {
            engine.query("CREATE TABLE logged (code String) ENGINE = MergeTree ORDER BY code");
            for (int i = 0; i < 20; i++) {
                engine.query("INSERT INTO logged VALUES ('" + i + "')");
                engine.query("SELECT count() FROM logged WHERE code = '" + i + "'");
            }
        }
        // At trace level each of these queries writes dozens of <Trace> and <Debug> lines; at information, none.
        assertThat(Files.readAllLines(work.resolve("logs/clickhouse.log"), StandardCharsets.UTF_8))
                .isNotEmpty()
                .noneMatch(line -> line.contains("<Trace>") || line.contains("<Debug>"));
    }

    @Test
    void aRestartOnTheSameDirectoryKeepsTheData(@TempDir Path work) {
        try (EmbeddedClickHouse first = EmbeddedClickHouse.start(settings(work, 0))) {
            first.query("CREATE TABLE kept (code String, score Decimal(5, 2)) ENGINE = MergeTree ORDER BY code");
            first.query("INSERT INTO kept VALUES ('6730301', 89.79), ('6111101', 92.10)");
            first.query("SYSTEM FLUSH LOGS");
        }
        try (EmbeddedClickHouse second = EmbeddedClickHouse.start(settings(work, 0))) {
            assertThat(second.query("SELECT code, score FROM kept ORDER BY code FORMAT TabSeparated"))
                    .isEqualTo("6111101\t92.1\n6730301\t89.79\n");
            // The query log works after a restart too (its table is made anew; the old one's directory was in the way).
            second.query("SELECT 'logged after the restart'");
            second.query("SYSTEM FLUSH LOGS");
            assertThat(second.query("SELECT count() FROM system.query_log WHERE query LIKE '%logged after the restart%' AND query NOT LIKE '%query_log%'").strip())
                    .isNotEqualTo("0");
        }
    }

    @Test
    void aBusyPortIsAClearErrorAndStartsNothing(@TempDir Path work) throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThatThrownBy(() -> EmbeddedClickHouse.start(settings(work, busy.getLocalPort())))
                    .isInstanceOf(EmbeddedClickHouseException.class)
                    .hasMessageContaining("port " + busy.getLocalPort())
                    .hasMessageContaining("already in use");
        }
        assertThat(enginesOn(work)).isEmpty();
    }

    @Test
    void aDataDirectoryInUseByAnotherEngineIsAClearError(@TempDir Path work) {
        try (EmbeddedClickHouse first = EmbeddedClickHouse.start(settings(work, 0))) {
            first.query("SYSTEM FLUSH LOGS");  // its system log tables now have their directories
            assertThatThrownBy(() -> EmbeddedClickHouse.start(settings(work, 0)))
                    .isInstanceOf(EmbeddedClickHouseException.class)
                    .hasMessageContaining(work.resolve("data").toString())
                    .hasMessageContaining("in use by another ClickHouse process");
            assertThat(first.version()).startsWith("26.");
            // The refused start touched nothing of the running engine: its query log still flushes and answers.
            first.query("SELECT 'still logged'");
            first.query("SYSTEM FLUSH LOGS");
            assertThat(first.query("SELECT count() FROM system.query_log WHERE query LIKE '%still logged%' "
                    + "AND query NOT LIKE '%query_log%'").strip()).isNotEqualTo("0");
        }
    }

    @Test
    void stopLeavesNoProcessAndFreesThePort(@TempDir Path work) throws Exception {
        EmbeddedClickHouse engine = EmbeddedClickHouse.start(settings(work, 0));
        long pid = engine.pid();
        int port = engine.httpPort();

        engine.close();

        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
        try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
        engine.close();
    }

    @Test
    void theEngineStopsWhenItsParentDiesWithoutStoppingIt(@TempDir Path work) throws Exception {
        Process parent = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                EmbeddedClickHouseParentMain.class.getName(), work.toString())
                .redirectErrorStream(true).start();
        long childPid;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("engine-pid=")) {
                // skip log lines
            }
            assertThat(line).as("the parent started an engine").isNotNull();
            childPid = Long.parseLong(line.substring("engine-pid=".length()).strip());
            assertThat(ProcessHandle.of(childPid)).isPresent();

            parent.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }

        ProcessHandle.of(childPid).ifPresent(child -> child.onExit().orTimeout(30, TimeUnit.SECONDS).join());
        assertThat(ProcessHandle.of(childPid).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(Files.readString(work.resolve("logs/child.log"))).contains("parent process", "exited; stopping the engine");
    }

    private static List<ProcessHandle> enginesOn(Path work) {
        return ProcessHandle.current().children()
                .filter(p -> p.info().commandLine().orElse("").contains(ChdbServerMain.class.getName()))
                .filter(p -> p.info().commandLine().orElse("").contains(work.toString()))
                .toList();
    }
}
