package org.callobjectives.bridge;

import java.awt.GraphicsEnvironment;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import javax.swing.JComponent;
import javax.swing.JList;
import javax.swing.SwingUtilities;
import org.callobjectives.protocol.Hello;
import org.junit.jupiter.api.Assumptions;

/**
 * The real Swing pop-up wired to a real bridge and a scripted WebSocket server, with a robot to
 * click and type as the agent does (under Xvfb; skips the test when headless).
 */
final class PopupRig implements AutoCloseable {
  static final Duration WAIT = Duration.ofSeconds(10);

  final TestWsServer server;
  final BridgeClient client;
  final PopupWindow popup;
  final Robot robot;
  private final String failureShot;

  private PopupRig(
      TestWsServer server,
      BridgeClient client,
      PopupWindow popup,
      Robot robot,
      String failureShot) {
    this.server = server;
    this.client = client;
    this.popup = popup;
    this.robot = robot;
    this.failureShot = failureShot;
  }

  /** Starts it all for agent 1001, its outbox and drafts in {@code dir}, signed in. */
  static PopupRig start(Path dir, String failureShot) throws Exception {
    Assumptions.assumeFalse(GraphicsEnvironment.isHeadless(), "needs a display (xvfb-run -a)");
    SwingUtilities.invokeAndWait(PopupWindow::installLookAndFeel);
    TestWsServer server = TestWsServer.start();
    AtomicReference<BridgeClient> ref = new AtomicReference<>();
    PopupWindow popup =
        new PopupWindow(
            d -> ref.get().submit(d),
            java.time.Clock.systemUTC(),
            WrapUps.open(dir.resolve("outbox.drafts.json")));
    BridgeClient client =
        BridgeClient.builder(server.uri(), "1001", "t")
            .outbox(dir.resolve("outbox.jsonl"))
            .listener(popup.listener())
            .backoff(Duration.ofMillis(50), Duration.ofMillis(200))
            .build();
    ref.set(client);
    client.start();
    server.next(Hello.class, WAIT);
    Robot robot = new Robot();
    robot.setAutoDelay(20);
    robot.mouseMove(5, 5);
    robot.waitForIdle();
    return new PopupRig(server, client, popup, robot, failureShot);
  }

  @Override
  public void close() {
    client.close();
    server.close();
    popup.dispose();
  }

  static <T> T onEdt(Callable<T> c) throws Exception {
    return SwingTesting.onEdt(c);
  }

  /** Waits until {@code condition} holds on the EDT; on a timeout, a screenshot and an error. */
  void waitFor(String what, Callable<Boolean> condition) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!onEdt(condition)) {
      if (System.nanoTime() > deadline) {
        shot(failureShot);
        throw new AssertionError("timed out waiting until " + what);
      }
      Thread.sleep(20);
    }
  }

  /** The pop-up (or the screen) as a PNG in target/screenshots. */
  Path shot(String name) throws Exception {
    robot.waitForIdle();
    Rectangle bounds =
        onEdt(
            () ->
                popup.frame() != null && popup.frame().isShowing()
                    ? new Rectangle(popup.frame().getLocationOnScreen(), popup.frame().getSize())
                    : new Rectangle(java.awt.Toolkit.getDefaultToolkit().getScreenSize()));
    BufferedImage img = robot.createScreenCapture(bounds);
    Path file = Path.of("target", "screenshots", name);
    Files.createDirectories(file.getParent());
    ImageIO.write(img, "png", file.toFile());
    return file;
  }

  /** Clicks near the left edge of a component (a check box's box, a button's text). */
  void click(Callable<JComponent> which) throws Exception {
    JComponent c = onEdt(which);
    press(
        onEdt(
            () -> {
              Point at = c.getLocationOnScreen();
              return new Point(at.x + Math.min(12, c.getWidth() / 2), at.y + c.getHeight() / 2);
            }));
  }

  void clickCenter(Callable<JComponent> which) throws Exception {
    JComponent c = onEdt(which);
    press(
        onEdt(
            () -> {
              Point at = c.getLocationOnScreen();
              return new Point(at.x + c.getWidth() / 2, at.y + c.getHeight() / 2);
            }));
  }

  void clickPendingRow(int index) throws Exception {
    JList<WrapUp> list = onEdt(() -> popup.pendingList());
    press(
        onEdt(
            () -> {
              Rectangle r = list.getCellBounds(index, index);
              Point at = list.getLocationOnScreen();
              return new Point(at.x + r.x + 40, at.y + r.y + r.height / 2);
            }));
  }

  void press(Point p) throws InterruptedException {
    SwingTesting.press(robot, p);
  }

  /** Presses {@code key} with {@code modifier} held (0: none). */
  void keys(int modifier, int key) {
    if (modifier != 0) {
      robot.keyPress(modifier);
    }
    robot.keyPress(key);
    robot.keyRelease(key);
    if (modifier != 0) {
      robot.keyRelease(modifier);
    }
    robot.waitForIdle();
  }
}
