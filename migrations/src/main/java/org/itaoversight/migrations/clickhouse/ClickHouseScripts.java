package org.itaoversight.migrations.clickhouse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The ClickHouse schema scripts shipped on the classpath: the single-node form under {@value #LOCATION} and the
 * cluster form under {@value #CLUSTER_LOCATION} (see {@link ClickHouseClusterScripts}), each in the order of its
 * folder's {@code index.txt} (a jar cannot be listed reliably, so the index is the source of truth; a test keeps it in
 * step with the folder).
 */
public final class ClickHouseScripts {

    public static final String LOCATION = "db/clickhouse/";
    public static final String CLUSTER_LOCATION = "db/clickhouse-cluster/";

    private ClickHouseScripts() {
    }

    /** The single-node schema. */
    public static List<ClickHouseScript> bundled() {
        return bundled(LOCATION);
    }

    /** The cluster form of the schema as written (with its placeholders); {@link ClickHouseClusterScripts} fills them. */
    public static List<ClickHouseScript> bundledClusterForm() {
        return bundled(CLUSTER_LOCATION);
    }

    static List<ClickHouseScript> bundled(String location) {
        ClassLoader loader = ClickHouseScripts.class.getClassLoader();
        List<ClickHouseScript> scripts = new ArrayList<>();
        Set<Integer> versions = new HashSet<>();
        int previous = 0;
        for (String name : read(loader, location + "index.txt").lines()
                .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList()) {
            ClickHouseScript script = ClickHouseScript.of(name, read(loader, location + name));
            if (!versions.add(script.version()) || script.version() <= previous) {
                throw new IllegalStateException("ClickHouse script " + name + " is out of order or repeats version "
                        + script.version() + " in " + location + "index.txt");
            }
            previous = script.version();
            scripts.add(script);
        }
        return List.copyOf(scripts);
    }

    private static String read(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + resource);
            }
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                return String.join("\n", reader.lines().toList()) + "\n";
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
