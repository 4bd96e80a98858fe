package org.callobjectives.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.event.KeyEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import javax.swing.JComponent;
import javax.swing.JList;
import javax.swing.SwingUtilities;
import org.callobjectives.protocol.CallEnded;
import org.callobjectives.protocol.CallStarted;
import org.callobjectives.protocol.Commitment;
import org.callobjectives.protocol.CommitmentAnswer;
import org.callobjectives.protocol.DispositionSubmit;
import org.junit.jupiter.api.AfterEach;
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

  private static final Duration WAIT = PopupRig.WAIT;

  @TempDir Path dir;
  private PopupRig rig;
  private TestWsServer server;
  private BridgeClient client;
  private PopupWindow popup;
  private Robot robot;

  @BeforeEach
  void setUp() throws Exception {
    rig = PopupRig.start(dir, "commitment-failure.png");
    server = rig.server;
    client = rig.client;
    popup = rig.popup;
    robot = rig.robot;
  }

  @AfterEach
  void tearDown() {
    if (rig != null) {
      rig.close();
    }
  }

  private static <T> T onEdt(Callable<T> c) throws Exception {
    return SwingTesting.onEdt(c);
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

  /** Clicks into the notes until they have the cursor: the window then takes the hotkeys. */
  private void focusForm() throws Exception {
    for (int i = 0; i < 3 && !onEdt(() -> popup.notesArea().isFocusOwner()); i++) {
      rig.click(() -> popup.notesArea());
      Thread.sleep(100);
    }
    rig.waitFor("the cursor in the form", () -> popup.notesArea().isFocusOwner());
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
    rig.waitFor(
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
    rig.shot("popup-commitment.png");

    // Compact: the question and the answers stay, what was agreed folds away with the details.
    int normalHeight = onEdt(() -> popup.frame().getHeight());
    rig.clickCenter(() -> popup.detailsButton());
    rig.waitFor("compact", () -> popup.frame().getHeight() < normalHeight - 100);
    assertTrue(
        onEdt(
            () ->
                popup.commitmentQuestion().isShowing()
                    && popup.commitmentButton(CommitmentAnswer.KEPT).isShowing()
                    && !popup.commitmentAdvance().isShowing()));
    int compactHeight = onEdt(() -> popup.frame().getHeight());
    assertTrue(compactHeight <= 420, "compact height with the question " + compactHeight);
    rig.shot("popup-commitment-compact.png");
    rig.clickCenter(() -> popup.detailsButton());
    rig.waitFor("expanded again", () -> popup.frame().getHeight() >= normalHeight - 10);

    // A click on "Not kept", then Alt+K changes it to "Kept"; Alt+K again clears, once more sets.
    rig.clickCenter(() -> popup.commitmentButton(CommitmentAnswer.NOT_KEPT));
    rig.waitFor("not kept chosen", () -> chosenOnEdt() == CommitmentAnswer.NOT_KEPT);
    assertEquals(CommitmentAnswer.NOT_KEPT, drafted(a.callId()));
    assertTrue(
        onEdt(() -> popup.commitmentButton(CommitmentAnswer.NOT_KEPT).getText())
            .startsWith("\u2714 "),
        "ticked");
    focusForm();
    rig.keys(KeyEvent.VK_ALT, KeyEvent.VK_K);
    rig.waitFor("kept chosen by Alt+K", () -> chosenOnEdt() == CommitmentAnswer.KEPT);
    rig.keys(KeyEvent.VK_ALT, KeyEvent.VK_K);
    rig.waitFor("cleared by Alt+K again", () -> chosenOnEdt() == null);
    assertNull(drafted(a.callId()));
    rig.keys(KeyEvent.VK_ALT, KeyEvent.VK_K);
    rig.waitFor("kept again", () -> chosenOnEdt() == CommitmentAnswer.KEPT);
    assertEquals(CommitmentAnswer.KEPT, drafted(a.callId()));
    assertEquals("", onEdt(() -> popup.notesArea().getText()), "no letter typed into the notes");
    rig.shot("popup-commitment-kept.png");

    rig.keys(KeyEvent.VK_ALT, KeyEvent.VK_1);
    rig.waitFor("SALE picked", () -> "SALE".equals(popup.selectedCode()));
    rig.keys(KeyEvent.VK_CONTROL, KeyEvent.VK_ENTER);
    DispositionSubmit sent = server.next(DispositionSubmit.class, WAIT);
    assertEquals(a.callId(), sent.callId());
    assertEquals("SALE", sent.code());
    assertEquals(CommitmentAnswer.KEPT, sent.commitment());
    rig.waitFor("acked", () -> popup.wrapUps().size() == 0);
  }

  @Test
  void a_pop_without_a_commitment_shows_no_block_and_sends_no_answer() throws Exception {
    CallStarted a = SampleCalls.salesCall();
    server.broadcast(a);
    rig.waitFor("the pop", () -> popup.frame() != null && popup.frame().isShowing());
    assertFalse(onEdt(() -> popup.commitmentPanel().isVisible()), "no commitment block");
    focusForm();
    rig.keys(KeyEvent.VK_ALT, KeyEvent.VK_D); // nothing to answer: the hotkey does nothing
    rig.keys(KeyEvent.VK_ALT, KeyEvent.VK_3);
    rig.waitFor("NI picked", () -> "NI".equals(popup.selectedCode()));
    assertNull(drafted(a.callId()));
    rig.clickCenter(() -> popup.submitButton());
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
    rig.waitFor(
        "A on the pop",
        () ->
            popup.frame() != null
                && popup.frame().isShowing()
                && popup.callerLabel().getText().contains("Jane Doe"));
    focusForm();
    rig.keys(KeyEvent.VK_ALT, KeyEvent.VK_D);
    rig.waitFor("not yet due chosen for A", () -> chosenOnEdt() == CommitmentAnswer.NOT_YET);
    rig.keys(KeyEvent.VK_ALT, KeyEvent.VK_1);
    rig.waitFor("SALE picked for A", () -> "SALE".equals(popup.selectedCode()));
    server.broadcast(
        new CallEnded(
            a.callId(),
            System.currentTimeMillis(),
            "caller",
            System.currentTimeMillis() + 120_000));

    // B pops while the cursor is in A's form: the agent opens it from the banner.
    server.broadcast(b);
    rig.waitFor(
        "B's pop handled",
        () -> popup.newCallBanner().isVisible() || b.callId().equals(popup.shownCallId()));
    if (onEdt(() -> popup.newCallBanner().isVisible())) {
      rig.clickCenter(() -> popup.newCallBanner());
    }
    rig.waitFor("B on the pop", () -> popup.callerLabel().getText().contains("Bob Brown"));
    assertEquals(
        "Did they check the router lights?", onEdt(() -> popup.commitmentQuestion().getText()));
    assertEquals(
        "COMMITMENT FROM MON 30 NOV 2026  (agent 1003)",
        onEdt(() -> popup.commitmentCaption().getText()));
    assertNull(chosen(), "B starts unanswered");
    assertNull(drafted(b.callId()));
    assertEquals(CommitmentAnswer.NOT_YET, drafted(a.callId()), "A's answer kept in its draft");

    // Back to A: its answer is there; it goes out with A.
    rig.waitFor("input accepted again", () -> !popup.inputGuarded());
    rig.clickPendingRow(onEdt(() -> row(a.callId())));
    rig.waitFor("A on the pop again", () -> popup.callerLabel().getText().contains("Jane Doe"));
    assertEquals(
        "Did they send the usage figures?", onEdt(() -> popup.commitmentQuestion().getText()));
    assertEquals(CommitmentAnswer.NOT_YET, chosen());
    assertFullyVisible(); // the widest answer ticked
    rig.shot("popup-commitment-back-to-back.png");
    rig.clickCenter(() -> popup.submitButton());
    DispositionSubmit first = server.next(DispositionSubmit.class, WAIT);
    assertEquals(a.callId(), first.callId());
    assertEquals(CommitmentAnswer.NOT_YET, first.commitment());
    rig.waitFor("A acked", () -> popup.wrapUps().get(a.callId()).isEmpty());

    // The pop moves on to B, still unanswered: B goes out without an answer.
    rig.waitFor(
        "B shown again", () -> b.callId().equals(popup.shownCallId()) && !popup.inputGuarded());
    assertNull(chosen());
    rig.click(() -> popup.notesArea());
    rig.keys(KeyEvent.VK_ALT, KeyEvent.VK_3);
    rig.waitFor("NI picked for B", () -> "NI".equals(popup.selectedCode()));
    rig.clickCenter(() -> popup.submitButton());
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
