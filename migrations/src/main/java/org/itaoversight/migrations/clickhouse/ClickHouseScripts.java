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
 * The ClickHouse schema scripts shipped on the classpath under {@value #LOCATION}, in the order of its
 * {@code index.txt} (a jar cannot be listed reliably, so the index is the source of truth; a test keeps it in step
 * with the folder).
 */
public final class ClickHouseScripts {

    public static final String LOCATION = "db/clickhouse/";

    private ClickHouseScripts() {
    }

    public static List<ClickHouseScript> bundled() {
        ClassLoader loader = ClickHouseScripts.class.getClassLoader();
        List<ClickHouseScript> scripts = new ArrayList<>();
        Set<Integer> versions = new HashSet<>();
        int previous = 0;
        for (String name : read(loader, LOCATION + "index.txt").lines()
                .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList()) {
            ClickHouseScript script = ClickHouseScript.of(name, read(loader, LOCATION + name));
            if (!versions.add(script.version()) || script.version() <= previous) {
                throw new IllegalStateException("ClickHouse script " + name + " is out of order or repeats version "
                        + script.version() + " in " + LOCATION + "index.txt");
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
