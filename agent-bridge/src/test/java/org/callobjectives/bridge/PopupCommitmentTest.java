package org.callobjectives.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.GraphicsEnvironment;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.event.KeyEvent;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import javax.swing.JComponent;
import javax.swing.JList;
import javax.swing.SwingUtilities;
import org.callobjectives.protocol.CallEnded;
import org.callobjectives.protocol.CallStarted;
import org.callobjectives.protocol.Commitment;
import org.callobjectives.protocol.CommitmentAnswer;
import org.callobjectives.protocol.DispositionSubmit;
import org.callobjectives.protocol.Hello;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commitment question on the real Swing pop, with the real bridge and a real WebSocket server,
 * under Xvfb; skipped when headless.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PopupCommitmentTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir Path dir;
  private TestWsServer server;
  private BridgeClient client;
  private PopupWindow popup;
  private Robot robot;

  @BeforeEach
  void setUp() throws Exception {
    Assumptions.assumeFalse(GraphicsEnvironment.isHeadless(), "needs a display (xvfb-run -a)");
    SwingUtilities.invokeAndWait(PopupWindow::installLookAndFeel);
    server = TestWsServer.start();
    AtomicReference<BridgeClient> ref = new AtomicReference<>();
    popup =
        new PopupWindow(
            d -> ref.get().submit(d),
            java.time.Clock.systemUTC(),
            WrapUps.open(dir.resolve("outbox.drafts.json")));
    client =
        BridgeClient.builder(server.uri(), "1001", "t")
            .outbox(dir.resolve("outbox.jsonl"))
            .listener(popup.listener())
            .backoff(Duration.ofMillis(50), Duration.ofMillis(200))
            .build();
    ref.set(client);
    client.start();
    server.next(Hello.class, WAIT);
    robot = new Robot();
    robot.setAutoDelay(20);
    robot.mouseMove(5, 5);
    robot.waitForIdle();
  }

  @AfterEach
  void tearDown() {
    if (client != null) {
      client.close();
    }
    if (server != null) {
      server.close();
    }
    if (popup != null) {
      popup.dispose();
    }
  }

  private static <T> T onEdt(Callable<T> c) throws Exception {
    return SwingTesting.onEdt(c);
  }

  private void waitFor(String what, Callable<Boolean> condition) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!onEdt(condition)) {
      if (System.nanoTime() > deadline) {
        shot("commitment-failure.png");
        throw new AssertionError("timed out waiting until " + what);
      }
      Thread.sleep(20);
    }
  }

  private Path shot(String name) throws Exception {
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

  private void click(Callable<JComponent> which) throws Exception {
    JComponent c = onEdt(which);
    Point p =
        onEdt(
            () -> {
              Point at = c.getLocationOnScreen();
              return new Point(at.x + Math.min(12, c.getWidth() / 2), at.y + c.getHeight() / 2);
            });
    SwingTesting.press(robot, p);
  }

  private void clickCenter(Callable<JComponent> which) throws Exception {
    JComponent c = onEdt(which);
    Point p =
        onEdt(
            () -> {
              Point at = c.getLocationOnScreen();
              return new Point(at.x + c.getWidth() / 2, at.y + c.getHeight() / 2);
            });
    SwingTesting.press(robot, p);
  }

  private void clickPendingRow(int index) throws Exception {
    JList<WrapUp> list = onEdt(() -> popup.pendingList());
    Point p =
        onEdt(
            () -> {
              Rectangle r = list.getCellBounds(index, index);
              Point at = list.getLocationOnScreen();
              return new Point(at.x + r.x + 40, at.y + r.y + r.height / 2);
            });
    SwingTesting.press(robot, p);
  }

  private int row(String callId) {
    JList<WrapUp> list = popup.pendingList();
    for (int i = 0; i < list.getModel().getSize(); i++) {
      if (list.getModel().getElementAt(i).callId().equals(callId)) {
        return i;
      }
    }
    return -1;
  }

  private void keys(int modifier, int key) {
    robot.keyPress(modifier);
    robot.keyPress(key);
    robot.keyRelease(key);
    robot.keyRelease(modifier);
    robot.waitForIdle();
  }

  /** Clicks into the notes until they have the cursor: the window then takes the hotkeys. */
  private void focusForm() throws Exception {
    for (int i = 0; i < 3 && !onEdt(() -> popup.notesArea().isFocusOwner()); i++) {
      click(() -> popup.notesArea());
      Thread.sleep(100);
    }
    waitFor("the cursor in the form", () -> popup.notesArea().isFocusOwner());
  }

  private CommitmentAnswer chosen() throws Exception {
    return onEdt(this::chosenOnEdt);
  }

  /** The answer shown as chosen on the buttons (EDT). */
  private CommitmentAnswer chosenOnEdt() {
    CommitmentAnswer shown = null;
    for (CommitmentAnswer a : PopupWindow.COMMITMENT_ANSWERS) {
      if (popup.commitmentButton(a).isSelected()) {
        assertNull(shown, "one answer at most");
        shown = a;
      }
    }
    return shown;
  }

  private CommitmentAnswer drafted(String callId) {
    return popup.wrapUps().get(callId).orElseThrow().draft().commitment();
  }

  private static CallStarted bob(Commitment commitment) {
    CallStarted a = SampleCalls.salesCall();
    CallStarted b =
        new CallStarted(
            "1700000099.7",
            CallStarted.INBOUND,
            "support",
            "+44 161 496 0000",
            "Bob Brown",
            System.currentTimeMillis(),
            a.objective(),
            a.dispositionCodes(),
            false);
    return commitment == null ? b : SampleCalls.withCommitment(b, commitment);
  }

  @Test
  void a_pop_with_a_commitment_shows_the_question_and_kept_by_hotkey_goes_out_with_the_disposition()
      throws Exception {
    CallStarted a = SampleCalls.salesCallWithCommitment();
    server.broadcast(a);
    waitFor(
        "the pop",
        () ->
            popup.frame() != null
                && popup.frame().isShowing()
                && popup.callerLabel().getText().contains("Jane Doe"));
    assertTrue(onEdt(() -> popup.commitmentPanel().isShowing()), "the commitment block shows");
    assertEquals(
        "COMMITMENT FROM TUE 1 DEC 2026  (agent 1002)",
        onEdt(() -> popup.commitmentCaption().getText()));
    assertEquals(
        "Did they send the usage figures?", onEdt(() -> popup.commitmentQuestion().getText()));
    assertTrue(onEdt(() -> popup.commitmentQuestion().getFont().isBold()), "the question in bold");
    assertEquals(
        "Agreed: Customer sends the last 3 months' usage figures\nTime frame: Within a week",
        onEdt(() -> popup.commitmentAdvance().getText()));
    assertEquals(
        List.of("Kept (Alt+K)", "Not kept (Alt+N)", "Not yet due (Alt+D)"),
        onEdt(
            () ->
                PopupWindow.COMMITMENT_ANSWERS.stream()
                    .map(x -> popup.commitmentButton(x).getText())
                    .toList()));
    assertNull(chosen(), "nothing chosen at first");
    int top = onEdt(() -> popup.commitmentPanel().getLocationOnScreen().y);
    int advanceTop = onEdt(() -> popup.advanceArea().getLocationOnScreen().y);
    assertTrue(top < advanceTop, "above the objective");
    assertFullyVisible();
    shot("popup-commitment.png");

    // Compact: the question and the answers stay, what was agreed folds away with the details.
    int normalHeight = onEdt(() -> popup.frame().getHeight());
    clickCenter(() -> popup.detailsButton());
    waitFor("compact", () -> popup.frame().getHeight() < normalHeight - 100);
    assertTrue(
        onEdt(
            () ->
                popup.commitmentQuestion().isShowing()
                    && popup.commitmentButton(CommitmentAnswer.KEPT).isShowing()
                    && !popup.commitmentAdvance().isShowing()));
    int compactHeight = onEdt(() -> popup.frame().getHeight());
    assertTrue(compactHeight <= 420, "compact height with the question " + compactHeight);
    shot("popup-commitment-compact.png");
    clickCenter(() -> popup.detailsButton());
    waitFor("expanded again", () -> popup.frame().getHeight() >= normalHeight - 10);

    // A click on "Not kept", then Alt+K changes it to "Kept"; Alt+K again clears, once more sets.
    clickCenter(() -> popup.commitmentButton(CommitmentAnswer.NOT_KEPT));
    waitFor("not kept chosen", () -> chosenOnEdt() == CommitmentAnswer.NOT_KEPT);
    assertEquals(CommitmentAnswer.NOT_KEPT, drafted(a.callId()));
    assertTrue(
        onEdt(() -> popup.commitmentButton(CommitmentAnswer.NOT_KEPT).getText())
            .startsWith("\u2714 "),
        "ticked");
    focusForm();
    keys(KeyEvent.VK_ALT, KeyEvent.VK_K);
    waitFor("kept chosen by Alt+K", () -> chosenOnEdt() == CommitmentAnswer.KEPT);
    keys(KeyEvent.VK_ALT, KeyEvent.VK_K);
    waitFor("cleared by Alt+K again", () -> chosenOnEdt() == null);
    assertNull(drafted(a.callId()));
    keys(KeyEvent.VK_ALT, KeyEvent.VK_K);
    waitFor("kept again", () -> chosenOnEdt() == CommitmentAnswer.KEPT);
    assertEquals(CommitmentAnswer.KEPT, drafted(a.callId()));
    assertEquals("", onEdt(() -> popup.notesArea().getText()), "no letter typed into the notes");
    shot("popup-commitment-kept.png");

    keys(KeyEvent.VK_ALT, KeyEvent.VK_1);
    waitFor("SALE picked", () -> "SALE".equals(popup.selectedCode()));
    keys(KeyEvent.VK_CONTROL, KeyEvent.VK_ENTER);
    DispositionSubmit sent = server.next(DispositionSubmit.class, WAIT);
    assertEquals(a.callId(), sent.callId());
    assertEquals("SALE", sent.code());
    assertEquals(CommitmentAnswer.KEPT, sent.commitment());
    waitFor("acked", () -> popup.wrapUps().size() == 0);
  }

  @Test
  void a_pop_without_a_commitment_shows_no_block_and_sends_no_answer() throws Exception {
    CallStarted a = SampleCalls.salesCall();
    server.broadcast(a);
    waitFor("the pop", () -> popup.frame() != null && popup.frame().isShowing());
    assertFalse(onEdt(() -> popup.commitmentPanel().isVisible()), "no commitment block");
    focusForm();
    keys(KeyEvent.VK_ALT, KeyEvent.VK_D); // nothing to answer: the hotkey does nothing
    keys(KeyEvent.VK_ALT, KeyEvent.VK_3);
    waitFor("NI picked", () -> "NI".equals(popup.selectedCode()));
    assertNull(drafted(a.callId()));
    clickCenter(() -> popup.submitButton());
    DispositionSubmit sent = server.next(DispositionSubmit.class, WAIT);
    assertEquals("NI", sent.code());
    assertNull(sent.commitment());
  }

  @Test
  void back_to_back_the_answer_stays_with_its_call_and_goes_out_with_it_only() throws Exception {
    CallStarted a = SampleCalls.salesCallWithCommitment();
    CallStarted b =
        bob(
            new Commitment(
                "1700000000.5",
                "1003",
                "fibre-upgrade",
                "Customer checks the router lights",
                "Before the next call",
                "Did they check the router lights?",
                SampleCalls.AGREED_AT - 86_400_000L));
    server.broadcast(a);
    waitFor(
        "A on the pop",
        () ->
            popup.frame() != null
                && popup.frame().isShowing()
                && popup.callerLabel().getText().contains("Jane Doe"));
    focusForm();
    keys(KeyEvent.VK_ALT, KeyEvent.VK_D);
    waitFor("not yet due chosen for A", () -> chosenOnEdt() == CommitmentAnswer.NOT_YET);
    keys(KeyEvent.VK_ALT, KeyEvent.VK_1);
    waitFor("SALE picked for A", () -> "SALE".equals(popup.selectedCode()));
    server.broadcast(
        new CallEnded(
            a.callId(),
            System.currentTimeMillis(),
            "caller",
            System.currentTimeMillis() + 120_000));

    // B pops while the cursor is in A's form: the agent opens it from the banner.
    server.broadcast(b);
    waitFor(
        "B's pop handled",
        () -> popup.newCallBanner().isVisible() || b.callId().equals(popup.shownCallId()));
    if (onEdt(() -> popup.newCallBanner().isVisible())) {
      clickCenter(() -> popup.newCallBanner());
    }
    waitFor("B on the pop", () -> popup.callerLabel().getText().contains("Bob Brown"));
    assertEquals(
        "Did they check the router lights?", onEdt(() -> popup.commitmentQuestion().getText()));
    assertEquals(
        "COMMITMENT FROM MON 30 NOV 2026  (agent 1003)",
        onEdt(() -> popup.commitmentCaption().getText()));
    assertNull(chosen(), "B starts unanswered");
    assertNull(drafted(b.callId()));
    assertEquals(CommitmentAnswer.NOT_YET, drafted(a.callId()), "A's answer kept in its draft");

    // Back to A: its answer is there; it goes out with A.
    waitFor("input accepted again", () -> !popup.inputGuarded());
    clickPendingRow(onEdt(() -> row(a.callId())));
    waitFor("A on the pop again", () -> popup.callerLabel().getText().contains("Jane Doe"));
    assertEquals(
        "Did they send the usage figures?", onEdt(() -> popup.commitmentQuestion().getText()));
    assertEquals(CommitmentAnswer.NOT_YET, chosen());
    assertFullyVisible(); // the widest answer ticked
    shot("popup-commitment-back-to-back.png");
    clickCenter(() -> popup.submitButton());
    DispositionSubmit first = server.next(DispositionSubmit.class, WAIT);
    assertEquals(a.callId(), first.callId());
    assertEquals(CommitmentAnswer.NOT_YET, first.commitment());
    waitFor("A acked", () -> popup.wrapUps().get(a.callId()).isEmpty());

    // The pop moves on to B, still unanswered: B goes out without an answer.
    waitFor("B shown again", () -> b.callId().equals(popup.shownCallId()) && !popup.inputGuarded());
    assertNull(chosen());
    click(() -> popup.notesArea());
    keys(KeyEvent.VK_ALT, KeyEvent.VK_3);
    waitFor("NI picked for B", () -> "NI".equals(popup.selectedCode()));
    clickCenter(() -> popup.submitButton());
    DispositionSubmit second = server.next(DispositionSubmit.class, WAIT);
    assertEquals(b.callId(), second.callId());
    assertNull(second.commitment(), "A's answer did not go out with B");
  }

  /**
   * Every line of the commitment block is inside the block, at its full preferred size, and the
   * block does not widen the pop (nothing beside or below it is cut at the right).
   */
  private void assertFullyVisible() throws Exception {
    String problem =
        onEdt(
            () -> {
              JComponent panel = popup.commitmentPanel();
              java.awt.Container viewport =
                  SwingUtilities.getAncestorOfClass(javax.swing.JViewport.class, panel);
              Rectangle inViewport =
                  SwingUtilities.convertRectangle(panel.getParent(), panel.getBounds(), viewport);
              if (inViewport.x + inViewport.width > viewport.getWidth()
                  || ((JComponent) viewport.getComponent(0)).getWidth() > viewport.getWidth()) {
                return "the block " + inViewport + " widens the pop beyond " + viewport.getSize();
              }
              java.awt.Insets in = panel.getInsets();
              var root = panel;
              for (JComponent c :
                  List.<JComponent>of(
                      popup.commitmentCaption(),
                      popup.commitmentQuestion(),
                      popup.commitmentAdvance(),
                      popup.commitmentButton(CommitmentAnswer.KEPT),
                      popup.commitmentButton(CommitmentAnswer.NOT_KEPT),
                      popup.commitmentButton(CommitmentAnswer.NOT_YET))) {
                Rectangle r = SwingUtilities.convertRectangle(c.getParent(), c.getBounds(), root);
                java.awt.Dimension want = c.getPreferredSize();
                if (r.x < in.left
                    || r.x + r.width > root.getWidth() - in.right
                    || r.y + r.height > root.getHeight() - in.bottom
                    || c.getHeight() < want.height
                    || c.getWidth() < want.width - 1) {
                  return c.getClass().getSimpleName() + " " + r + " wants " + want;
                }
              }
              return null;
            });
    assertNull(problem, problem);
  }
}
