package org.callobjectives.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.GraphicsEnvironment;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.swing.JComponent;
import javax.swing.SwingUtilities;
import org.callobjectives.protocol.CallEnded;
import org.callobjectives.protocol.CallStarted;
import org.callobjectives.protocol.DispositionAck;
import org.callobjectives.protocol.DispositionCode;
import org.callobjectives.protocol.DispositionSubmit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The real Swing pop under a display (run with {@code xvfb-run -a mvn ...}); skipped when headless.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PopupWindowTest {

  private static final Instant NOW = Instant.parse("2025-03-10T14:00:00Z");

  private final BlockingQueue<DispositionSubmit> submitted = new LinkedBlockingQueue<>();
  private final CompletableFuture<DispositionAck> reply = new CompletableFuture<>();
  private PopupWindow popup;
  private Robot robot;

  @BeforeEach
  void setUp() throws Exception {
    Assumptions.assumeFalse(GraphicsEnvironment.isHeadless(), "needs a display (xvfb-run -a)");
    SwingUtilities.invokeAndWait(PopupWindow::installLookAndFeel);
    popup =
        new PopupWindow(
            d -> {
              submitted.add(d);
              return reply;
            },
            Clock.fixed(NOW, ZoneOffset.UTC));
    robot = new Robot();
    robot.setAutoDelay(20);
    // Start with the pointer outside where the pop will appear (Xvfb starts it mid-screen, inside
    // it).
    robot.mouseMove(5, 5);
    robot.waitForIdle();
  }

  @AfterEach
  void tearDown() {
    if (popup != null) {
      popup.dispose();
    }
  }

  private static <T> T onEdt(Callable<T> c) throws Exception {
    return SwingTesting.onEdt(c);
  }

  private void waitFor(String what, Callable<Boolean> condition) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!onEdt(condition)) {
      if (System.nanoTime() > deadline) {
        java.awt.Rectangle all =
            new java.awt.Rectangle(java.awt.Toolkit.getDefaultToolkit().getScreenSize());
        Files.createDirectories(Path.of("target", "screenshots"));
        ImageIO.write(
            robot.createScreenCapture(all),
            "png",
            Path.of("target", "screenshots", "failure.png").toFile());
        throw new AssertionError("timed out waiting until " + what);
      }
      Thread.sleep(20);
    }
  }

  private void click(JComponent c) throws Exception {
    Point p =
        onEdt(
            () -> {
              Point at = c.getLocationOnScreen();
              return new Point(at.x + Math.min(12, c.getWidth() / 2), at.y + c.getHeight() / 2);
            });
    press(p);
  }

  private void press(Point p) throws InterruptedException {
    SwingTesting.press(robot, p);
  }

  private void clickCenter(JComponent c) throws Exception {
    Point p =
        onEdt(
            () -> {
              Point at = c.getLocationOnScreen();
              return new Point(at.x + c.getWidth() / 2, at.y + c.getHeight() / 2);
            });
    press(p);
  }

  @Test
  void the_pop_appears_on_top_without_focus_records_ticks_and_hides_after_the_ack()
      throws Exception {
    CallStarted call = SampleCalls.salesCall();
    popup.showFigures(
        "Your figures today: 12 calls, 5 advances (42 %), compliance 98 %; upsell opportunities"
            + " this shift 1/2");
    popup.showCall(call);
    waitFor("the pop is showing", () -> popup.frame() != null && popup.frame().isShowing());
    int screenWidth = java.awt.Toolkit.getDefaultToolkit().getScreenSize().width;
    waitFor(
        "the pop sits at the top right",
        () -> popup.frame().getLocationOnScreen().x > screenWidth / 2);
    robot.waitForIdle();

    assertTrue(onEdt(() -> popup.frame().isAlwaysOnTop()));
    assertFalse(onEdt(() -> popup.frame().getFocusableWindowState()), "does not take the keyboard");
    assertFalse(onEdt(() -> popup.frame().isFocused()));
    assertEquals(4, onEdt(() -> popup.checklistBoxes().size()));
    assertTrue(
        onEdt(
            () ->
                popup
                    .advanceArea()
                    .getText()
                    .contains("Customer books a fibre installation date")));
    assertFalse(onEdt(() -> popup.submitButton().isEnabled()), "no code picked yet");

    // The agent ticks "verify identity" and "ask about speed problems" with the mouse; each tick
    // goes out at once for the supervisor's live checklist.
    List<List<String>> ticks = new java.util.concurrent.CopyOnWriteArrayList<>();
    popup.wrapUps().onChecklistTicked((callId, done) -> ticks.add(done));
    click(onEdt(() -> popup.checklistBoxes().get(1)));
    click(onEdt(() -> popup.checklistBoxes().get(2)));
    waitFor(
        "two items ticked",
        () ->
            popup.checklistBoxes().get(1).isSelected()
                && popup.checklistBoxes().get(2).isSelected());
    waitFor("both ticks told", () -> ticks.size() == 2 && ticks.get(1).size() == 2);
    popup.showReminder(
        new org.callobjectives.protocol.ComplianceReminder(
            call.callId(), "verify", "Verify the account holder's identity", 75));
    waitFor(
        "the reminder in the header",
        () -> popup.statsLabel().getText().contains("Reminder: still to do on this call"));
    assertTrue(onEdt(() -> popup.frame().getFocusableWindowState()), "focusable once clicked into");

    clickCenter(onEdt(() -> popup.upsellPlus()));
    click(onEdt(() -> popup.advanceBox()));
    onEdt(
        () -> {
          popup.codeCombo().setSelectedIndex(1);
          popup.csatField().setText("85");
          return null;
        });
    assertTrue(onEdt(() -> popup.submitButton().isEnabled()), "a code is picked");

    popup.callEnded(
        new CallEnded(call.callId(), NOW.toEpochMilli(), "hangup", NOW.toEpochMilli() + 95_000));
    waitFor(
        "the wrap-up countdown",
        () -> popup.statusLabel().getText().contains("wrap-up: 1:35 left"));
    robot.waitForIdle();

    Rectangle bounds =
        onEdt(() -> new Rectangle(popup.frame().getLocationOnScreen(), popup.frame().getSize()));
    BufferedImage shot = robot.createScreenCapture(bounds);
    Path file = Path.of("target", "screenshots", "agent-popup.png");
    Files.createDirectories(file.getParent());
    ImageIO.write(shot, "png", file.toFile());
    assertTrue(Files.size(file) > 1000);

    clickCenter(onEdt(() -> popup.submitButton()));
    DispositionSubmit d = submitted.poll(10, TimeUnit.SECONDS);
    assertEquals(call.callId(), d.callId());
    assertEquals("SALE", d.code());
    assertTrue(d.advanceObtained());
    assertEquals(List.of("identity", "needs"), d.checklistDone());
    assertEquals(1, d.upsellCount());
    assertEquals(85, d.csat());
    assertFalse(onEdt(() -> popup.submitButton().isEnabled()), "no double submit while saving");

    reply.complete(new DispositionAck("r1", call.callId(), false, d));
    waitFor("'saved' is shown", () -> popup.statusLabel().getText().contains("Saved"));
    waitFor("the pop hides", () -> !popup.frame().isShowing());

    // A replay of the same call after a reconnect does not bring it back.
    popup.showCall(
        new CallStarted(
            call.callId(),
            call.direction(),
            call.queue(),
            call.callerNumber(),
            call.callerName(),
            call.connectedAtMillis(),
            call.objective(),
            call.dispositionCodes(),
            true));
    robot.waitForIdle();
    Thread.sleep(200);
    assertFalse(onEdt(() -> popup.frame().isShowing()));
  }

  @Test
  void a_code_that_settles_advance_obtained_sets_the_box_when_picked() throws Exception {
    CallStarted s = SampleCalls.salesCall();
    CallStarted call =
        new CallStarted(
            s.callId(),
            s.direction(),
            s.queue(),
            s.callerNumber(),
            s.callerName(),
            s.connectedAtMillis(),
            s.objective(),
            List.of(
                new DispositionCode(
                    "ADVANCE", "Advance agreed", false, true, false, false, false, true, 1, true),
                new DispositionCode(
                    "NO_ADVANCE", "No advance", false, true, false, false, false, true, 2, false),
                new DispositionCode(
                    "CALLBACK", "Call back", false, true, false, true, false, false, 3, null)),
            false);
    popup.showCall(call);
    waitFor("the pop is showing", () -> popup.frame() != null && popup.frame().isShowing());

    onEdt(
        () -> {
          popup.pickCode(1);
          return null;
        });
    assertTrue(
        onEdt(() -> popup.advanceBox().isSelected()), "ADVANCE means an advance was obtained");
    onEdt(
        () -> {
          popup.pickCode(2);
          return null;
        });
    assertFalse(onEdt(() -> popup.advanceBox().isSelected()), "NO_ADVANCE means none");
    onEdt(
        () -> {
          popup.advanceBox().setSelected(true);
          popup.pickCode(3);
          return null;
        });
    assertTrue(
        onEdt(() -> popup.advanceBox().isSelected()),
        "a code that allows either leaves the agent's answer");
  }
}
