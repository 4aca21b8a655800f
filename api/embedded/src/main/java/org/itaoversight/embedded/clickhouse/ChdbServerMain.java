package org.itaoversight.embedded.clickhouse;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Entry point of the child JVM that hosts the ClickHouse engine of {@code libchdb.so}.
 *
 * <p>It runs clickhouse-local through {@code chdb_query_cmdline} with a keep-alive query that starts the HTTP and
 * native listeners and then sleeps row by row, so the engine serves the normal ClickHouse protocols for as long as
 * that query runs. It stops when the parent kills the keep-alive query, and it kills that query itself when its
 * parent process dies, so no engine outlives the application. It must run in a JVM of its own: libchdb takes over
 * signal handlers the JVM relies on (the parent starts it with {@code LD_PRELOAD=libjsig.so}), and one engine per
 * process cannot be restarted.
 *
 * <p>Only JDK classes are used here: the child's class path is just this class's code source.
 *
 * <p>Arguments, all required: {@code --library=PATH --path=DIR --http-port=N --tcp-port=N --query-id=ID
 * --config-file=FILE}.
 */
public final class ChdbServerMain {

    private ChdbServerMain() {
    }

    public static void main(String[] args) throws Throwable {
        Map<String, String> options = parse(args);
        Path library = Path.of(required(options, "library"));
        int httpPort = Integer.parseInt(required(options, "http-port"));
        String queryId = required(options, "query-id");

        startParentWatchdog(httpPort, queryId);

        Linker linker = Linker.nativeLinker();
        SymbolLookup lookup = SymbolLookup.libraryLookup(library, Arena.global());
        MethodHandle disableSignalHandlers = linker.downcallHandle(
                lookup.find("chdb_set_signal_handlers_enabled").orElseThrow(),
                FunctionDescriptor.ofVoid(ValueLayout.JAVA_INT));
        MethodHandle queryCommandLine = linker.downcallHandle(
                lookup.find("chdb_query_cmdline").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.JAVA_INT, ValueLayout.ADDRESS));
        disableSignalHandlers.invokeExact(0);

        List<String> argv = List.of(
                "clickhouse",
                "--path=" + required(options, "path"),
                "--config-file=" + required(options, "config-file"),
                "--listen_host=127.0.0.1",
                "--http_port=" + httpPort,
                "--tcp_port=" + required(options, "tcp-port"),
                "--query_id=" + queryId,
                // clickhouse-local logs at trace level whatever the config file's logger.level says: every query wrote
                // dozens of trace lines (35 MB in the demo's first minutes) and paid for them in its latency.
                "--log-level=information",
                "--query",
                "SYSTEM START LISTEN HTTP; SYSTEM START LISTEN TCP; "
                        + "SELECT sleepEachRow(1) FROM system.numbers SETTINGS max_block_size = 1 FORMAT Null");
        System.out.println("chdb: starting engine on 127.0.0.1:" + httpPort + " (query id " + queryId + ")");
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment pointers = arena.allocate(ValueLayout.ADDRESS, argv.size() + 1L);
            for (int i = 0; i < argv.size(); i++) {
                pointers.setAtIndex(ValueLayout.ADDRESS, i, arena.allocateFrom(argv.get(i)));
            }
            pointers.setAtIndex(ValueLayout.ADDRESS, argv.size(), MemorySegment.NULL);
            MemorySegment result = (MemorySegment) queryCommandLine.invokeExact(argv.size(), pointers);
            System.out.println("chdb: engine stopped (" + (result.address() == 0 ? "no result" : "result returned") + ")");
        }
        System.out.flush();
        // Engine threads may linger after the keep-alive query ends; the process is done.
        Runtime.getRuntime().halt(0);
    }

    /** When the parent dies without stopping us, stop the engine the same way the parent would. */
    private static void startParentWatchdog(int httpPort, String queryId) {
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> {
            System.out.println("chdb: parent process " + parent.pid() + " exited; stopping the engine");
            try {
                killKeepAlive(httpPort, queryId);
                Thread.sleep(Duration.ofSeconds(15));
            } catch (Exception e) {
                System.out.println("chdb: could not stop the engine cleanly: " + e);
            }
            Runtime.getRuntime().halt(3);
        }));
    }

    static void killKeepAlive(int httpPort, String queryId) throws Exception {
        String sql = "KILL QUERY WHERE query_id = '" + queryId.replace("'", "") + "' SYNC";
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/?query="
                                    + URLEncoder.encode(sql, StandardCharsets.UTF_8)))
                            .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding());
        }
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 2) {
                options.put(arg.substring(2, eq), arg.substring(eq + 1));
            } else {
                unknown.add(arg);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unexpected arguments " + unknown + "; expected --name=value");
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing --" + name + "=…");
        }
        return value;
    }

}
