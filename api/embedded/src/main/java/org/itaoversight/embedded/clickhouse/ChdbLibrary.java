package org.itaoversight.embedded.clickhouse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ClickHouse engine as a shared library: {@code libchdb.so} from the npm package
 * {@value #PACKAGE}@{@value #VERSION} (chDB, Apache-2.0). Fetched once with the ordinary npm client into a cache
 * directory outside the repository, checked against the pinned integrity hash, and unpacked there. Concurrent
 * callers (several test JVMs, a demo) share one download through a file lock.
 */
public final class ChdbLibrary {

    public static final String PACKAGE = "@chdb/lib-linux-x64-gnu";
    public static final String VERSION = "26.7.3-stable.1";
    /** The npm registry's integrity string of the package tarball (SHA-512). */
    public static final String INTEGRITY =
            "sha512-XP97mMqnc5tZpKQywR8N7cLTsHNiTmHr30pC5mzo3jWmukjKn2IBa60c2B/gWUNcuFjOMjWoorQICCqBVj5wpw==";
    /** Size of {@code libchdb.so} in that tarball; a cached copy of another size is a partial or foreign file. */
    public static final long LIBRARY_SIZE = 566_330_096L;

    private static final Logger LOG = LoggerFactory.getLogger(ChdbLibrary.class);

    private final Path cacheDirectory;

    /** @param cacheDirectory the platform's cache root; the library goes to {@code chdb/<version>/} below it */
    public ChdbLibrary(Path cacheDirectory) {
        this.cacheDirectory = cacheDirectory;
    }

    /** The cache root: {@code $ITA_OVERSIGHT_CACHE}, else {@code $XDG_CACHE_HOME/ita-oversight}, else {@code ~/.cache/ita-oversight}. */
    public static Path defaultCacheDirectory() {
        String explicit = System.getenv("ITA_OVERSIGHT_CACHE");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("ita-oversight");
    }

    /**
     * The engine to run: {@code $ITA_OVERSIGHT_CHDB_LIBRARY} when set (an existing {@code libchdb.so}), otherwise the
     * pinned one, fetched into {@code cacheDirectory} when missing.
     */
    public static Path locate(Path cacheDirectory) {
        String explicit = System.getenv("ITA_OVERSIGHT_CHDB_LIBRARY");
        return explicit != null && !explicit.isBlank() ? Path.of(explicit) : new ChdbLibrary(cacheDirectory).resolve();
    }

    public Path libraryPath() {
        return cacheDirectory.resolve("chdb").resolve(VERSION).resolve("libchdb.so");
    }

    /** Returns the path of a verified {@code libchdb.so}, fetching it first if the cache does not hold it. */
    public Path resolve() {
        Path library = libraryPath();
        if (isComplete(library)) {
            return library;
        }
        try {
            Files.createDirectories(library.getParent());
            try (FileChannel lockChannel = FileChannel.open(library.resolveSibling(".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = lockChannel.lock()) {
                if (!isComplete(library)) {
                    fetch(library);
                }
            }
            return library;
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare the ClickHouse engine library in " + library.getParent(), e);
        }
    }

    private static boolean isComplete(Path library) {
        try {
            return Files.isRegularFile(library) && Files.size(library) == LIBRARY_SIZE;
        } catch (IOException e) {
            return false;
        }
    }

    private void fetch(Path library) throws IOException {
        Path work = Files.createTempDirectory(library.getParent(), "fetch-");
        try {
            LOG.info("Fetching the ClickHouse engine {}@{} (~178 MB, once) into {}", PACKAGE, VERSION, library.getParent());
            run(work, List.of("npm", "pack", PACKAGE + "@" + VERSION, "--pack-destination", work.toString(),
                    "--silent", "--no-fund", "--no-audit"), "npm is needed once to fetch the ClickHouse engine "
                    + "(apt-get install npm, or set ITA_OVERSIGHT_CHDB_LIBRARY to an existing libchdb.so)");
            Path tarball;
            try (Stream<Path> files = Files.list(work)) {
                tarball = files.filter(p -> p.getFileName().toString().endsWith(".tgz")).findFirst()
                        .orElseThrow(() -> new IOException("npm pack left no tarball in " + work));
            }
            String integrity = integrityOf(tarball);
            if (!INTEGRITY.equals(integrity)) {
                throw new IOException("integrity check failed for " + tarball.getFileName() + ": expected "
                        + INTEGRITY + ", got " + integrity + "; the download is not the pinned package");
            }
            run(work, List.of("tar", "-xzf", tarball.toString(), "-C", work.toString(), "package/libchdb.so"),
                    "tar is needed to unpack the ClickHouse engine");
            Path unpacked = work.resolve("package").resolve("libchdb.so");
            if (Files.size(unpacked) != LIBRARY_SIZE) {
                throw new IOException("unpacked libchdb.so has " + Files.size(unpacked) + " bytes, expected " + LIBRARY_SIZE);
            }
            Files.move(unpacked, library, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            LOG.info("ClickHouse engine ready at {}", library);
        } finally {
            deleteRecursively(work);
        }
    }

    static String integrityOf(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-512");
            byte[] buffer = new byte[1 << 20];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return "sha512-" + Base64.getEncoder().encodeToString(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void run(Path directory, List<String> command, String hint) throws IOException {
        Path output = directory.resolve("command.log");
        Process process;
        try {
            process = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        } catch (IOException e) {
            throw new IOException(command.getFirst() + " could not be started: " + hint, e);
        }
        try {
            if (!process.waitFor(15, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish within 15 minutes");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command.getFirst(), e);
        }
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed with exit code " + process.exitValue() + ": "
                    + Files.readString(output).strip());
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
