package io.orderhub.testing;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * Headless Chromium driven by Selenium for the console's browser tests: Debian's {@code chromium} and
 * {@code chromium-driver} ({@code /usr/bin/chromium}, {@code /usr/bin/chromedriver}; other paths with
 * -Dorderhub.test.chromium and -Dorderhub.test.chromedriver). Without them the tests are skipped with a message,
 * unless ORDERHUB_TEST_REQUIRE_BROWSER=true (as .ci/run sets) or -Dorderhub.test.require-browser=true: then they fail.
 * Selenium Manager is never asked to download a browser or a driver.
 */
public final class Browser {

    static final Path CHROMIUM = Path.of(System.getProperty("orderhub.test.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("orderhub.test.chromedriver", "/usr/bin/chromedriver"));
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private Browser() {
    }

    /** A headless Chromium (1400 x 1000); skips or fails the calling test if there is none. */
    public static ChromeDriver start() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String message = "no headless browser: " + CHROMIUM + " and " + CHROMEDRIVER + " are needed"
                    + " (apt-get install -y chromium chromium-driver)";
            if (required()) {
                throw new IllegalStateException(message + " — and ORDERHUB_TEST_REQUIRE_BROWSER=true");
            }
            Assumptions.abort("SKIPPED, " + message);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // --no-sandbox: CI containers run as root, where Chromium's own sandbox cannot start
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1400,1000", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        return driver;
    }

    static boolean required() {
        return Boolean.getBoolean("orderhub.test.require-browser")
                || "true".equalsIgnoreCase(System.getenv("ORDERHUB_TEST_REQUIRE_BROWSER"));
    }

    /** Saves a screenshot of the page as target/screenshots/{name}.png. */
    public static Path screenshot(ChromeDriver driver, String name) {
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
