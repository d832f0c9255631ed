package dev.authstack.web;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import dev.authstack.it.TestStack;

/**
 * Debian's headless Chromium driven through Debian's ChromeDriver: nothing downloaded, a fresh profile per browser,
 * and the flags this machine's closed network needs. Screenshots land in target/screenshots.
 */
public final class Browser implements AutoCloseable {

    public static final int DESKTOP = 1280;
    public static final int PHONE = 390;

    private final WebDriver driver;
    private final Path profile;
    private final URI base;

    public Browser() {
        this(TestStack.get().baseUri());
    }

    /** A browser for the app at another address, such as nginx in front of it. */
    public Browser(URI base) {
        this.base = base;
        try {
            profile = Files.createTempDirectory("chromium-profile");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions()
                .setBinary("/usr/bin/chromium")
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run", "--user-data-dir=" + profile, "--window-size=" + DESKTOP + ",900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    public WebDriver driver() {
        return driver;
    }

    public Browser open(String path) {
        driver.get(base.resolve(path).toString());
        return this;
    }

    public String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    public WebElement find(String css) {
        return waitFor().until(driver -> {
            WebElement element = driver.findElement(By.cssSelector(css));
            return element.isDisplayed() ? element : null;
        });
    }

    public boolean has(String css) {
        return !driver.findElements(By.cssSelector(css)).isEmpty();
    }

    public String text(String css) {
        return waitFor().until(driver -> {
            WebElement element = driver.findElement(By.cssSelector(css));
            return element.isDisplayed() ? element.getText() : null;
        });
    }

    public Browser type(String css, String text) {
        waitFor().until(driver -> {
            WebElement input = find(css);
            input.clear();
            input.sendKeys(text);
            return true;
        });
        return this;
    }

    /**
     * Clicks what does not load a page (a button that opens a dialog, a checkbox), scrolled to the middle first: a row
     * at the bottom of a long table can sit under the fold, or under the footer.
     */
    public Browser click(String css) {
        WebElement element = find(css);
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        try {
            element.click();
        } catch (org.openqa.selenium.ElementClickInterceptedException covered) {
            ((JavascriptExecutor) driver).executeScript("arguments[0].click()", element);
        }
        return this;
    }

    /** Clicks and waits for the page that the click loads (every form here posts and redirects). */
    public Browser submit(String css) {
        WebElement button = find(css);
        // Scrolled to the middle first: at the bottom of a long page the footer can sit over the button.
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", button);
        try {
            button.click();
        } catch (org.openqa.selenium.ElementClickInterceptedException covered) {
            // Something of the layout still lies over it (seen with long tables): press it as a script would.
            ((JavascriptExecutor) driver).executeScript("arguments[0].click()", button);
        }
        waitFor().until(ExpectedConditions.stalenessOf(button));
        // The old page is gone; wait until the new one has finished loading before anything touches it.
        waitFor().until(driver -> "complete".equals(((JavascriptExecutor) driver).executeScript("return document.readyState")));
        return this;
    }

    public Browser login(String username, String password) {
        open("login.xhtml");
        type("#login\\:username", username).type("#login\\:password", password).submit("#login\\:submit");
        return this;
    }

    /** Null when the element is drawn and lies fully inside the window's width, else where it lies instead. */
    public String outsideTheWindow(WebElement element) {
        @SuppressWarnings("unchecked")
        List<Number> box = (List<Number>) ((JavascriptExecutor) driver).executeScript(
                "const r = arguments[0].getBoundingClientRect(); return [r.left, r.right, r.width, window.innerWidth];", element);
        boolean inside = box.get(2).doubleValue() > 0 && box.get(0).doubleValue() >= 0
                && box.get(1).doubleValue() <= box.get(3).doubleValue();
        return inside ? null : "left, right, width, window: " + box;
    }

    /**
     * Waits up to 15 s, retrying through the moments when a page is being replaced: ChromeDriver then answers with a
     * stale element or "Node with given id does not belong to the document".
     */
    public WebDriverWait waitFor() {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        wait.ignoring(WebDriverException.class);
        return wait;
    }

    /** Saves the page as it looks at the given width, as target/screenshots/NAME-WIDTH.png. */
    public Browser screenshot(String name, int width) {
        Dimension before = driver.manage().window().getSize();
        driver.manage().window().setSize(new Dimension(width, 900));
        try {
            Path directory = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
            Files.createDirectories(directory);
            File shot = ((ChromeDriver) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), directory.resolve(name + "-" + width + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(before);
        }
        return this;
    }

    public Browser screenshots(String name) {
        return screenshot(name, DESKTOP).screenshot(name, PHONE);
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temporary profile harms nothing
        }
    }
}
