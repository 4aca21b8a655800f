package org.itaoversight.embedded.keycloak;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Keycloak server (the {@code keycloak-quarkus-dist} distribution from Maven Central) in {@code start-dev}
 * mode on loopback ports, with realms imported from JSON files. The distribution is unpacked once into a cache
 * directory (its one-time build step is cached there too); each instance keeps its own database (H2 file) and logs
 * in its work directory, which is wiped when the realm files change, since Keycloak does not re-import a realm it
 * already has.
 */
public final class EmbeddedKeycloak implements AutoCloseable {

    public static final String VERSION = "26.7.5";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKeycloak.class);
    private static final String LOOPBACK = "127.0.0.1";

    /**
     * @param distribution    the {@code keycloak-quarkus-dist-<version>.zip}
     * @param cacheDirectory  where the distribution is unpacked once
     * @param workDirectory   this instance's database, logs and pid file
     * @param realmFiles      realm JSON files to import
     * @param httpPort        0 = a free port
     * @param adminUser       bootstrap administrator of the master realm (for the admin REST API)
     * @param themes          writes the realms' own themes into the installation's {@code themes/} directory
     */
    public record Settings(Path distribution, Path cacheDirectory, Path workDirectory, List<Path> realmFiles,
                           int httpPort, Duration startTimeout, String adminUser, String adminPassword,
                           Consumer<Path> themes) {
    }

    private final Process process;
    private final int httpPort;
    private final Path workDirectory;

    private EmbeddedKeycloak(Process process, int httpPort, Path workDirectory) {
        this.process = process;
        this.httpPort = httpPort;
        this.workDirectory = workDirectory;
    }

    public static EmbeddedKeycloak start(Settings settings) {
        long started = System.nanoTime();
        Path home = unpack(settings.distribution(), settings.cacheDirectory());
        // kc.sh --import-realm reads <home>/data/import, which every instance of this installation shares: two
        // instances starting at once (two test runs, or two test classes) would import each other's realms. The
        // directory is held, across threads and processes, from the moment it is filled until the realms are served.
        synchronized (EmbeddedKeycloak.class) {
            Path imports;
            try {
                imports = Files.createDirectories(home.resolve("data/import"));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + home.resolve("data/import"), e);
            }
            try (FileChannel channel = FileChannel.open(home.resolve("data/import.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                return startHolding(settings, home, imports, started);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot lock " + home.resolve("data/import.lock"), e);
            }
        }
    }

    private static EmbeddedKeycloak startHolding(Settings settings, Path home, Path imports, long started) {
        Path work = settings.workDirectory().toAbsolutePath();
        try {
            Files.createDirectories(work);
            stopOrphan(work);
            prepareDatabase(work, settings.realmFiles());
            try (Stream<Path> old = Files.list(imports)) {
                for (Path file : old.toList()) {
                    Files.delete(file);
                }
            }
            for (Path realm : settings.realmFiles()) {
                Files.copy(realm, imports.resolve(realm.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
            settings.themes().accept(home.resolve("themes"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the Keycloak work directory " + work, e);
        }
        int httpPort = choosePort(settings.httpPort());
        int managementPort = choosePort(0);
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=" + LOOPBACK, "--http-port=" + httpPort, "--http-management-port=" + managementPort,
                "--hostname=http://" + LOOPBACK + ":" + httpPort,
                "--db-url=jdbc:h2:file:" + work.resolve("h2/keycloakdb") + ";NON_KEYWORDS=VALUE",
                "--import-realm",
                "--log=console,file", "--log-file=" + work.resolve("keycloak.log"), "--log-level=WARN,org.keycloak.services:INFO"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve("console.log").toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("JAVA_OPTS_APPEND", "-Xms64m -Xmx512m");
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", settings.adminUser());
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", settings.adminPassword());
        Process process;
        try {
            process = builder.start();
            Files.writeString(work.resolve("keycloak.pid"), Long.toString(process.pid()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Keycloak from " + home, e);
        }
        EmbeddedKeycloak keycloak = new EmbeddedKeycloak(process, httpPort, work);
        try {
            keycloak.awaitReady(settings.realmFiles(), settings.startTimeout());
        } catch (RuntimeException e) {
            keycloak.close();
            throw e;
        }
        LOG.info("Embedded Keycloak {} ready on {} in {} ms", VERSION, keycloak.baseUrl(),
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        return keycloak;
    }

    public String baseUrl() {
        return "http://" + LOOPBACK + ":" + httpPort;
    }

    public String issuer(String realm) {
        return baseUrl() + "/realms/" + realm;
    }

    public int httpPort() {
        return httpPort;
    }

    public long pid() {
        return process.pid();
    }

    private void awaitReady(List<Path> realmFiles, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> realms = realmFiles.stream().map(EmbeddedKeycloak::realmName).toList();
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Keycloak exited with code " + process.exitValue()
                            + " before it served; its output (" + workDirectory.resolve("console.log") + "):\n" + tail());
                }
                if (realms.stream().allMatch(realm -> serves(http, realm))) {
                    return;
                }
                Thread.sleep(250);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Keycloak", e);
        }
        throw new IllegalStateException("Keycloak did not serve realms " + realms + " within " + timeout.toSeconds()
                + " s; its output:\n" + tail());
    }

    /** The realm's discovery document names this very server as issuer. */
    private boolean serves(HttpClient http, String realm) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create(issuer(realm) + "/.well-known/openid-configuration")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"issuer\":\"" + issuer(realm) + "\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static String realmName(Path realmFile) {
        try {
            String json = Files.readString(realmFile);
            java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("\"realm\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
            if (!matcher.find()) {
                throw new IllegalArgumentException(realmFile + " names no realm");
            }
            return matcher.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops Keycloak (SIGTERM, which kc.sh forwards) and everything it started; idempotent. */
    @Override
    public void close() {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : all) {
            try {
                handle.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                handle.destroyForcibly();
            }
        }
        try {
            Files.deleteIfExists(workDirectory.resolve("keycloak.pid"));
        } catch (IOException e) {
            LOG.debug("could not delete the Keycloak pid file", e);
        }
    }

    private String tail() {
        try {
            String text = Files.readString(workDirectory.resolve("console.log"), StandardCharsets.UTF_8);
            return text.length() <= 4_000 ? text : text.substring(text.length() - 4_000);
        } catch (IOException e) {
            return "(no output)";
        }
    }

    /** A Keycloak left running by a process that died (we track its pid in the work directory). */
    private static void stopOrphan(Path work) throws IOException {
        Path pidFile = work.resolve("keycloak.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        Optional<ProcessHandle> orphan = ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip()))
                .filter(p -> p.info().commandLine().orElse("").contains("kc.sh"));
        if (orphan.isPresent()) {
            LOG.warn("Stopping a Keycloak (pid {}) left running by an earlier run", orphan.get().pid());
            List<ProcessHandle> all = new ArrayList<>(orphan.get().descendants().toList());
            all.add(orphan.get());
            all.forEach(ProcessHandle::destroy);
            all.forEach(p -> p.onExit().orTimeout(30, TimeUnit.SECONDS).join());
        }
        Files.delete(pidFile);
    }

    /** Wipes the instance's database when the realm files differ from those it was created with. */
    private static void prepareDatabase(Path work, List<Path> realmFiles) throws IOException {
        String fingerprint = fingerprint(realmFiles);
        Path marker = work.resolve("realms.sha256");
        if (Files.isRegularFile(marker) && Files.readString(marker).strip().equals(fingerprint)) {
            return;
        }
        deleteRecursively(work.resolve("h2"));
        Files.writeString(marker, fingerprint);
    }

    private static String fingerprint(List<Path> files) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path file : files) {
                digest.update(Files.readAllBytes(file));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Unpacks the distribution once into {@code <cache>/keycloak/<version>/}; concurrent callers share it. */
    static Path unpack(Path distribution, Path cacheDirectory) {
        Path home = cacheDirectory.resolve("keycloak").resolve(VERSION);
        Path done = home.resolve(".unpacked");
        if (Files.exists(done)) {
            return home;
        }
        if (!Files.isRegularFile(distribution)) {
            throw new IllegalStateException("the Keycloak distribution " + distribution + " is missing; "
                    + "build the project first (./oversight build copies it from Maven Central)");
        }
        try {
            Files.createDirectories(home.getParent());
            try (FileChannel channel = FileChannel.open(home.getParent().resolve(".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
                if (Files.exists(done)) {
                    return home;
                }
                deleteRecursively(home);
                LOG.info("Unpacking Keycloak {} into {} (once)", VERSION, home);
                try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(distribution))) {
                    for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                        String name = entry.getName();
                        int slash = name.indexOf('/');
                        if (slash < 0 || slash == name.length() - 1) {
                            continue;
                        }
                        Path target = home.resolve(name.substring(slash + 1)).normalize();
                        if (!target.startsWith(home)) {
                            throw new IOException("zip entry escapes the target directory: " + name);
                        }
                        if (entry.isDirectory()) {
                            Files.createDirectories(target);
                        } else {
                            Files.createDirectories(target.getParent());
                            copy(zip, target);
                            if (name.endsWith(".sh")) {
                                Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
                            }
                        }
                    }
                }
                Files.writeString(done, distribution.getFileName().toString());
            }
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack Keycloak into " + home, e);
        }
    }

    private static void copy(InputStream in, Path target) throws IOException {
        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }

    private static int choosePort(int requested) {
        try (ServerSocket socket = new ServerSocket(requested, 1, InetAddress.getByName(LOOPBACK))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak port " + requested + " on " + LOOPBACK + " is already in use", e);
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
