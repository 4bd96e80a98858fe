package org.callobjectives.server.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;

/** Real headless Chromium for the page tests, with what works on these machines. */
public final class HeadlessChromium {
  public static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  private HeadlessChromium() {}

  public static boolean installed() {
    return Files.isExecutable(CHROMIUM);
  }

  /**
   * A fresh browser with its own profile under {@code dir}, window {@code width}x{@code height}.
   */
  public static ChromeDriver start(Path dir, int width, int height, String... extra)
      throws java.io.IOException {
    ChromeOptions o = new ChromeOptions();
    o.setBinary(CHROMIUM.toString());
    o.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--user-data-dir=" + Files.createTempDirectory(dir, "chromium"),
        "--window-size=" + width + "," + height);
    o.addArguments(extra);
    return new ChromeDriver(o);
  }
}
