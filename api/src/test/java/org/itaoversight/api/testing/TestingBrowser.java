package org.itaoversight.api.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian Chromium driven through its chromedriver, as the browser tests use it: Thai preferred, a fresh
 * profile, nothing fetched in the background, downloads (when asked for) saved without a prompt.
 */
public final class TestingBrowser {

    private TestingBrowser() {
    }

    public static ChromeDriver start(String windowSize, Optional<Path> downloads) {
        try {
            ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium").addArguments("--headless=new",
                    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic", "--lang=th",
                    "--window-size=" + windowSize, "--user-data-dir=" + Files.createTempDirectory("chromium-"));
            downloads.ifPresent(directory -> options.setExperimentalOption("prefs", Map.of(
                    "download.default_directory", directory.toString(), "download.prompt_for_download", false)));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build();
            return new ChromeDriver(service, options);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the browser profile", e);
        }
    }

    /** Saves what the browser shows to target/screenshots/NAME, for people to look at. */
    public static void screenshot(org.openqa.selenium.TakesScreenshot browser, String name) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "screenshots"));
            Files.write(dir.resolve(name), browser.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the screenshot " + name, e);
        }
    }
}
