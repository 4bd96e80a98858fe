package org.callobjectives.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.awt.Component;
import java.awt.Container;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.event.KeyEvent;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.swing.JComponent;
import javax.swing.JList;
import org.callobjectives.protocol.AgentState;
import org.callobjectives.protocol.CallEnded;
import org.callobjectives.protocol.CallStarted;
import org.callobjectives.protocol.ChecklistItem;
import org.callobjectives.protocol.ChecklistKind;
import org.callobjectives.protocol.DispositionCode;
import org.callobjectives.protocol.DispositionSubmit;
import org.callobjectives.protocol.ErrorMessage;
import org.callobjectives.protocol.ObjectiveView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Swing pop, the real bridge and a real WebSocket server, under Xvfb; skipped when
 * headless.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PopupBackToBackTest {

  private static final Duration WAIT = PopupRig.WAIT;

  @TempDir Path dir;
  private PopupRig rig;
  private TestWsServer server;
  private BridgeClient client;
  private PopupWindow popup;
  private Robot robot;

  @BeforeEach
  void setUp() throws Exception {
    rig = PopupRig.start(dir, "failure.png");
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

  /**
   * Clicks a text field until it has the cursor (the first click into the pop makes it focusable).
   */
  private void clickInto(Callable<JComponent> field) throws Exception {
    for (int i = 0; i < 3 && !onEdt(() -> field.call().isFocusOwner()); i++) {
      rig.click(field);
      Thread.sleep(100);
    }
    rig.waitFor("the cursor in the field", () -> field.call().isFocusOwner());
  }

  /** Types {@code text} key by key (letters, digits, spaces), as the agent would. */
  private void type(String text) {
    for (char ch : text.toCharArray()) {
      boolean upper = Character.isUpperCase(ch);
      int code =
          ch == ' '
              ? KeyEvent.VK_SPACE
              : KeyEvent.getExtendedKeyCodeForChar(Character.toLowerCase(ch));
      if (upper) {
        robot.keyPress(KeyEvent.VK_SHIFT);
      }
      robot.keyPress(code);
      robot.keyRelease(code);
      if (upper) {
        robot.keyRelease(KeyEvent.VK_SHIFT);
      }
    }
    robot.waitForIdle();
  }

  static CallStarted second() {
    CallStarted a = SampleCalls.salesCall();
    ObjectiveView o =
        new ObjectiveView(
                "support-fix",
                "Fix the router on the first call",
                "Customer confirms the internet works again",
                "Ticket closed as solved",
                "Before hanging up",
                List.of(
                    new ChecklistItem(
                        "identity", "Verify identity", ChecklistKind.COMPLIANCE, true)))
            .forCall(
                null,
                null,
                new ObjectiveView(
                    "nps", "Ask for a review", "Customer agrees to rate us", "m", "t", List.of()));
    return new CallStarted(
        "1700000099.7",
        CallStarted.INBOUND,
        "support",
        "+44 161 496 0000",
        "Bob Brown",
        System.currentTimeMillis(),
        o,
        a.dispositionCodes(),
        false);
  }

  @Test
  void two_calls_back_to_back_keep_the_first_draft_which_is_submitted_after_the_second_pop()
      throws Exception {
    CallStarted a = SampleCalls.salesCall();
    CallStarted b = second();
    server.broadcast(a);
    rig.waitFor(
        "A on the pop",
        () ->
            popup.frame() != null
                && popup.frame().isShowing()
                && popup.callerLabel().getText().contains("Jane Doe"));
    int screenWidth = java.awt.Toolkit.getDefaultToolkit().getScreenSize().width;
    rig.waitFor(
        "the pop sits at the top right",
        () -> popup.frame().getLocationOnScreen().x > screenWidth / 2);

    // During A the agent ticks two items, picks SALE with its hotkey, ticks the advance and types
    // notes.
    rig.click(() -> popup.checklistBoxes().get(0));
    rig.click(() -> popup.checklistBoxes().get(1));
    rig.waitFor(
        "two ticks",
        () ->
            popup.checklistBoxes().get(0).isSelected()
                && popup.checklistBoxes().get(1).isSelected());
    rig.keys(KeyEvent.VK_ALT, KeyEvent.VK_1);
    rig.waitFor("SALE picked by Alt+1", () -> "SALE".equals(popup.selectedCode()));
    rig.click(() -> popup.advanceBox());
    rig.click(() -> popup.notesArea());
    robot.keyPress(KeyEvent.VK_O);
    robot.keyRelease(KeyEvent.VK_O);
    robot.keyPress(KeyEvent.VK_K);
    robot.keyRelease(KeyEvent.VK_K);
    rig.waitFor("notes typed", () -> popup.notesArea().getText().equals("ok"));
    server.broadcast(
        new CallEnded(
            a.callId(),
            System.currentTimeMillis(),
            "caller",
            System.currentTimeMillis() + 120_000));
    server.broadcast(
        new AgentState(
            "1001", AgentState.WRAP_UP, "wrap-up", System.currentTimeMillis() - 5_000, 1, true));
    rig.waitFor(
        "the state shown",
        () ->
            popup.stateLabel().getText().contains("wrap up (wrap-up)")
                && popup.stateLabel().getText().contains("forced wrap-up"));

    // B pops while the agent's cursor is still in A's notes: A stays, B waits behind a banner.
    server.broadcast(b);
    rig.waitFor(
        "the banner for B",
        () ->
            popup.newCallBanner().isVisible()
                && popup.newCallBanner().getText().contains("Bob Brown"));
    assertEquals(a.callId(), onEdt(() -> popup.shownCallId()));
    rig.clickCenter(() -> popup.newCallBanner());
    rig.waitFor("B on the pop", () -> popup.callerLabel().getText().contains("Bob Brown"));
    assertFalse(onEdt(() -> popup.newCallBanner().isVisible()), "the banner goes once B is open");
    rig.waitFor("two calls waiting", () -> popup.pendingList().getModel().getSize() == 2);
    assertTrue(
        onEdt(
            () ->
                popup.secondaryArea().isVisible()
                    && popup.secondaryArea().getText().contains("Ask for a review")),
        "the second objective is shown");
    assertNull(onEdt(() -> popup.selectedCode()), "B starts with an empty form");
    assertFalse(onEdt(() -> popup.checklistBoxes().get(0).isSelected()));
    Draft kept = popup.wrapUps().get(a.callId()).orElseThrow().draft();
    assertEquals("SALE", kept.code());
    assertEquals(List.of("recording", "identity"), kept.checklistDone());
    assertEquals("ok", kept.notes());
    int normalHeight = onEdt(() -> popup.frame().getHeight());
    rig.shot("popup-normal.png");

    // Compact mode: title and advance on one line, well within a 1366x768 screen beside a CRM.
    rig.clickCenter(() -> popup.detailsButton());
    rig.waitFor("compact", () -> popup.frame().getHeight() < normalHeight - 100);
    int compactHeight = onEdt(() -> popup.frame().getHeight());
    assertTrue(compactHeight <= 320, "compact height " + compactHeight);
    int width = onEdt(() -> popup.frame().getWidth());
    assertTrue(
        width <= 1366 / 2 - 60, "leaves most of a 1366 px screen to the CRM: width " + width);
    rig.shot("popup-compact.png");
    rig.clickCenter(() -> popup.detailsButton());
    rig.waitFor("expanded again", () -> popup.frame().getHeight() >= normalHeight - 10);
    assertTrue(normalHeight <= 768 - 32, "expanded height " + normalHeight);

    // Back to A: its ticks, code, advance and notes are all there; submit it (Ctrl+Enter).
    rig.clickPendingRow(0);
    rig.waitFor("A on the pop again", () -> popup.callerLabel().getText().contains("Jane Doe"));
    assertEquals("SALE", onEdt(() -> popup.selectedCode()));
    assertTrue(
        onEdt(
            () ->
                popup.checklistBoxes().get(0).isSelected()
                    && popup.checklistBoxes().get(1).isSelected()
                    && !popup.checklistBoxes().get(2).isSelected()));
    assertTrue(onEdt(() -> popup.advanceBox().isSelected()));
    assertEquals("ok", onEdt(() -> popup.notesArea().getText()));
    rig.keys(KeyEvent.VK_CONTROL, KeyEvent.VK_ENTER);
    DispositionSubmit first = server.next(DispositionSubmit.class, WAIT);
    assertEquals(a.callId(), first.callId());
    assertEquals("SALE", first.code());
    assertTrue(first.advanceObtained());
    assertEquals(List.of("recording", "identity"), first.checklistDone());
    assertEquals("ok", first.notes());
    rig.waitFor("A acked and gone from the list", () -> popup.wrapUps().get(a.callId()).isEmpty());

    // After "saved" the pop moves on to B, the call still waiting.
    rig.waitFor(
        "B shown again",
        () ->
            b.callId().equals(popup.shownCallId())
                && popup.callerLabel().getText().contains("Bob Brown"));
    // The switch dropped the keyboard focus: the agent clicks into B's form, then picks NI by
    // Alt+3.
    rig.waitFor("input accepted again", () -> !popup.inputGuarded());
    rig.click(() -> popup.notesArea());
    rig.keys(KeyEvent.VK_ALT, KeyEvent.VK_3);
    rig.waitFor("NI picked", () -> "NI".equals(popup.selectedCode()));
    rig.clickCenter(() -> popup.submitButton());
    DispositionSubmit secondSent = server.next(DispositionSubmit.class, WAIT);
    assertEquals(b.callId(), secondSent.callId());
    assertEquals("NI", secondSent.code());
    assertEquals(List.of(), secondSent.checklistDone());
    rig.waitFor("nothing waiting", () -> popup.wrapUps().size() == 0);
    rig.waitFor("the pop hides", () -> !popup.frame().isShowing());
    assertTrue(Files.size(Path.of("target", "screenshots", "popup-compact.png")) > 1000);
  }

  @Test
  void a_code_that_contradicts_the_advance_is_explained_and_not_sent_and_a_refusal_keeps_the_draft()
      throws Exception {
    CallStarted a = SampleCalls.salesCall();
    List<DispositionCode> codes =
        List.of(
            new DispositionCode(
                "SALE", "Sale", true, true, false, false, false, true, 1, Boolean.TRUE),
            new DispositionCode(
                "NO_ADVANCE",
                "No advance",
                false,
                true,
                false,
                false,
                false,
                true,
                3,
                Boolean.FALSE));
    CallStarted c =
        new CallStarted(
            a.callId(),
            a.direction(),
            a.queue(),
            a.callerNumber(),
            a.callerName(),
            a.connectedAtMillis(),
            a.objective(),
            codes,
            false);
    server.replies =
        (n, m) ->
            m instanceof DispositionSubmit d
                ? TestWsServer.Reply.of(
                    new ErrorMessage(
                        ErrorMessage.NOT_YOUR_CALL, "call taken by agent 1002", d.requestId()))
                : TestWsServer.WELCOME_AND_ACK.apply(n, m);
    server.broadcast(c);
    rig.waitFor("the pop", () -> popup.frame() != null && popup.frame().isShowing());
    onEdt(
        () -> {
          popup.pickCode(3);
          popup.advanceBox().doClick();
          return null;
        });
    assertEquals(
        "NO_ADVANCE", onEdt(() -> popup.selectedCode()), "the code's own number, not its position");
    onEdt(
        () -> {
          popup.submitButton().doClick();
          return null;
        });
    assertNull(server.received.poll(300, TimeUnit.MILLISECONDS), "nothing sent");
    onEdt(
        () -> {
          popup.advanceBox().doClick();
          popup.submitButton().doClick();
          return null;
        });
    server.next(DispositionSubmit.class, WAIT);
    rig.waitFor(
        "the refusal on the call's form",
        () -> popup.statusLabel().getText().contains("call taken by agent 1002"));
    assertTrue(onEdt(() -> popup.codeCombo().isEnabled()), "the draft stays editable");
    assertEquals("NO_ADVANCE", popup.wrapUps().get(c.callId()).orElseThrow().draft().code());
  }

  @Test
  void html_in_any_text_from_outside_is_shown_as_text_and_never_fetches_anything()
      throws Exception {
    AtomicInteger fetched = new AtomicInteger();
    HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    http.createContext(
        "/",
        ex -> {
          fetched.incrementAndGet();
          ex.sendResponseHeaders(404, -1);
          ex.close();
        });
    http.start();
    try {
      String img = "<html><img src='http://127.0.0.1:" + http.getAddress().getPort() + "/";
      ObjectiveView o =
          new ObjectiveView(
                  "o",
                  img + "title'>Title",
                  img + "advance'>",
                  img + "measure'>",
                  img + "frame'>",
                  List.of(new ChecklistItem("i", img + "item'>", ChecklistKind.QUALITY, true)))
              .forCall(
                  img + "stage'>",
                  null,
                  new ObjectiveView("s", img + "second'>", img + "sadv'>", "m", "t", List.of()),
                  new org.callobjectives.protocol.Commitment(
                      "H-0",
                      img + "agent'>",
                      "o",
                      img + "cadv'>",
                      img + "cframe'>",
                      img + "question'>",
                      System.currentTimeMillis() - 86_400_000L));
      CallStarted c =
          new CallStarted(
              "H-1",
              CallStarted.INBOUND,
              img + "queue'>",
              "+1",
              img + "caller'>",
              System.currentTimeMillis(),
              o,
              List.of(
                  new DispositionCode(
                      "SALE", img + "label'>", true, true, false, false, false, true, 1, null)),
              false);
      server.replies =
          (n, m) ->
              m instanceof DispositionSubmit d
                  ? TestWsServer.Reply.of(
                      new ErrorMessage(
                          ErrorMessage.INVALID_DISPOSITION, img + "error'>", d.requestId()))
                  : TestWsServer.WELCOME_AND_ACK.apply(n, m);
      server.broadcast(c);
      server.broadcast(
          new CallStarted(
              "H-2",
              CallStarted.INBOUND,
              img + "q2'>",
              "+2",
              img + "c2'>",
              0,
              null,
              List.of(),
              false));
      server.broadcast(new AgentState("1001", AgentState.PAUSED, img + "reason'>", 0, 2, false));
      rig.waitFor(
          "the pop",
          () ->
              popup.frame() != null
                  && popup.frame().isShowing()
                  && popup.pendingList().getModel().getSize() == 2
                  && "H-2".equals(popup.shownCallId()));
      rig.waitFor("input accepted again after the switch to H-2", () -> !popup.inputGuarded());
      rig.clickPendingRow(0);
      rig.waitFor("H-1 shown", () -> "H-1".equals(popup.shownCallId()));
      onEdt(
          () -> {
            popup.pickCode(1);
            popup.submitButton().doClick();
            return null;
          });
      rig.waitFor("the error shown", () -> popup.statusLabel().getText().contains("error'>"));
      // Render everything, including the drop-down's and the list's cells.
      onEdt(
          () -> {
            popup.codeCombo().showPopup();
            return null;
          });
      rig.shot("popup-html-as-text.png");
      onEdt(
          () -> {
            popup.codeCombo().hidePopup();
            return null;
          });
      List<String> rendered =
          onEdt(
              () -> {
                List<String> bad = new ArrayList<>();
                List<Component> all = new ArrayList<>();
                collect(popup.frame(), all);
                JList<WrapUp> list = popup.pendingList();
                for (int i = 0; i < list.getModel().getSize(); i++) {
                  all.add(
                      list.getCellRenderer()
                          .getListCellRendererComponent(
                              list, list.getModel().getElementAt(i), i, false, false));
                }
                @SuppressWarnings({"unchecked", "rawtypes"})
                JList<Object> probe = new JList<>();
                for (int i = 0; i < popup.codeCombo().getItemCount(); i++) {
                  all.add(
                      popup
                          .codeCombo()
                          .getRenderer()
                          .getListCellRendererComponent(
                              (JList) probe, popup.codeCombo().getItemAt(i), i, false, false));
                }
                for (Component k : all) {
                  if (k instanceof JComponent j
                      && j.getClientProperty(javax.swing.plaf.basic.BasicHTML.propertyKey)
                          != null) {
                    bad.add(j.getClass().getSimpleName() + ": " + j.getClientProperty("html"));
                  }
                }
                return bad;
              });
      assertEquals(List.of(), rendered, "no component renders HTML");
      assertTrue(
          onEdt(() -> popup.callerLabel().getText().contains("<html><img")), "shown as text");
      assertTrue(
          onEdt(
              () ->
                  popup.commitmentPanel().isShowing()
                      && popup.commitmentQuestion().getText().startsWith("<html><img")
                      && popup.commitmentCaption().getText().contains("(agent <html><img")),
          "the commitment shown as text");
      Thread.sleep(500);
      assertEquals(0, fetched.get(), "no URL was fetched");
    } finally {
      http.stop(0);
    }
  }

  @Test
  void typing_in_call_a_notes_when_call_b_pops_stays_in_a_and_b_waits_behind_a_banner()
      throws Exception {
    CallStarted a = SampleCalls.salesCall();
    CallStarted b = second();
    server.broadcast(a);
    rig.waitFor(
        "A on the pop",
        () ->
            popup.frame() != null
                && popup.frame().isShowing()
                && popup.callerLabel().getText().contains("Jane Doe"));
    clickInto(() -> popup.notesArea());
    type("wants callb");
    rig.waitFor("the first words typed", () -> popup.notesArea().getText().equals("wants callb"));

    // B connects mid-typing; the agent types on without looking up.
    server.broadcast(b);
    rig.waitFor(
        "B's pop handled",
        () -> popup.newCallBanner().isVisible() || b.callId().equals(popup.shownCallId()));
    type(" ack Tuesday");
    rig.waitFor("the typing settled", () -> popup.notesArea().getText().endsWith("Tuesday"));
    rig.shot("popup-new-call-banner.png");
    assertEquals(a.callId(), onEdt(() -> popup.shownCallId()), "the form still shows A");
    assertEquals("wants callb ack Tuesday", onEdt(() -> popup.notesArea().getText()));
    rig.waitFor(
        "A's draft has every word",
        () ->
            popup
                .wrapUps()
                .get(a.callId())
                .orElseThrow()
                .draft()
                .notes()
                .equals("wants callb ack Tuesday"));
    assertEquals(
        "", popup.wrapUps().get(b.callId()).orElseThrow().draft().notes(), "nothing went into B");
    assertTrue(
        onEdt(() -> popup.newCallBanner().getText().contains("New call: Bob Brown")),
        onEdt(() -> popup.newCallBanner().getText()));
    assertEquals(
        2, (int) onEdt(() -> popup.pendingList().getModel().getSize()), "B is in the waiting list");

    // The agent opens B from the banner: an empty form; A keeps its notes.
    rig.clickCenter(() -> popup.newCallBanner());
    rig.waitFor(
        "B on the pop",
        () ->
            b.callId().equals(popup.shownCallId())
                && popup.callerLabel().getText().contains("Bob Brown"));
    assertEquals("", onEdt(() -> popup.notesArea().getText()));
    assertFalse(onEdt(() -> popup.newCallBanner().isVisible()));
    rig.shot("popup-after-banner.png");
    assertEquals(
        "wants callb ack Tuesday", popup.wrapUps().get(a.callId()).orElseThrow().draft().notes());
  }

  @Test
  void
      a_pop_while_the_agent_is_idle_switches_the_form_and_a_click_or_alt_number_at_that_moment_is_swallowed()
          throws Exception {
    // Virtual time: the swallow window lasts exactly until the test moves the clock on.
    java.util.concurrent.atomic.AtomicLong now = new java.util.concurrent.atomic.AtomicLong();
    onEdt(
        () -> {
          popup.inputClock(now::get);
          popup.inputTimes(Duration.ofMillis(400), Duration.ofMillis(1000));
          return null;
        });
    CallStarted a = SampleCalls.salesCall();
    CallStarted b = second();
    server.broadcast(a);
    rig.waitFor(
        "A on the pop",
        () ->
            popup.frame() != null
                && popup.frame().isShowing()
                && popup.callerLabel().getText().contains("Jane Doe"));
    rig.click(() -> popup.checklistBoxes().get(0));
    rig.waitFor("A's first item ticked", () -> popup.checklistBoxes().get(0).isSelected());
    now.addAndGet(Duration.ofMillis(600).toNanos()); // the agent stops working in the form

    server.broadcast(b);
    rig.waitFor("B on the pop", () -> b.callId().equals(popup.shownCallId()));
    // Clicks and a hotkey meant for A arrive just as the form turns to B.
    rig.click(() -> popup.checklistBoxes().get(0));
    rig.keys(KeyEvent.VK_ALT, KeyEvent.VK_1);
    assertTrue(
        onEdt(() -> popup.inputGuarded()), "still within the swallow window on virtual time");
    rig.shot("popup-switch-swallowed.png");
    assertFalse(onEdt(() -> popup.checklistBoxes().get(0).isSelected()), "B's box not ticked");
    assertNull(onEdt(() -> popup.selectedCode()), "no code picked for B");
    assertEquals(List.of(), popup.wrapUps().get(b.callId()).orElseThrow().draft().checklistDone());
    assertNull(popup.wrapUps().get(b.callId()).orElseThrow().draft().code());
    assertEquals(
        List.of("recording"),
        popup.wrapUps().get(a.callId()).orElseThrow().draft().checklistDone());

    now.addAndGet(Duration.ofMillis(1001).toNanos());
    // A moment later the agent, looking at B, ticks B's box on purpose.
    rig.waitFor("input accepted again", () -> !popup.inputGuarded());
    rig.click(() -> popup.checklistBoxes().get(0));
    rig.waitFor("B's box ticked", () -> popup.checklistBoxes().get(0).isSelected());
    rig.waitFor(
        "B's draft",
        () ->
            popup
                .wrapUps()
                .get(b.callId())
                .orElseThrow()
                .draft()
                .checklistDone()
                .equals(List.of("identity")));
  }

  @Test
  void when_the_outbox_cannot_be_written_the_form_stays_editable_and_submits_once_the_disk_is_back()
      throws Exception {
    CallStarted a = SampleCalls.salesCall();
    Path outbox = dir.resolve("outbox.jsonl");
    Files.createDirectory(outbox); // the agent's disk refuses the append
    server.broadcast(a);
    rig.waitFor("A on the pop", () -> popup.frame() != null && popup.frame().isShowing());
    clickInto(() -> popup.notesArea());
    type("call back");
    rig.keys(KeyEvent.VK_ALT, KeyEvent.VK_3);
    rig.waitFor("NI picked", () -> "NI".equals(popup.selectedCode()));
    rig.clickCenter(() -> popup.submitButton());
    rig.waitFor(
        "the failure on the form",
        () ->
            popup.statusLabel().getText().startsWith("Not saved")
                && popup.statusLabel().getText().contains("outbox"));
    rig.shot("popup-outbox-failed.png");
    assertTrue(
        onEdt(() -> popup.codeCombo().isEnabled() && popup.notesArea().isEnabled()), "editable");
    assertFalse(popup.wrapUps().get(a.callId()).orElseThrow().sending());
    assertNull(server.received.poll(200, TimeUnit.MILLISECONDS), "nothing sent");

    Files.delete(outbox);
    rig.clickCenter(() -> popup.submitButton());
    DispositionSubmit sent = server.next(DispositionSubmit.class, WAIT);
    assertEquals(a.callId(), sent.callId());
    assertEquals("NI", sent.code());
    assertEquals("call back", sent.notes());
    rig.waitFor("acked", () -> popup.wrapUps().size() == 0);
  }

  private static CallStarted callOf(String id, String name, String queue, long connectedAt) {
    CallStarted a = SampleCalls.salesCall();
    return new CallStarted(
        id,
        CallStarted.INBOUND,
        queue,
        "+1 555 01" + id.length(),
        name,
        connectedAt,
        a.objective(),
        a.dispositionCodes(),
        false);
  }

  private int rowOf(String callId) throws Exception {
    return onEdt(() -> row(callId));
  }

  /** The row of this call in the waiting list, or -1 (EDT). */
  private int row(String callId) {
    JList<WrapUp> list = popup.pendingList();
    for (int i = 0; i < list.getModel().getSize(); i++) {
      if (list.getModel().getElementAt(i).callId().equals(callId)) {
        return i;
      }
    }
    return -1;
  }

  private String rowText(int index) throws Exception {
    return onEdt(
        () -> {
          JList<WrapUp> list = popup.pendingList();
          Component c =
              list.getCellRenderer()
                  .getListCellRendererComponent(
                      list, list.getModel().getElementAt(index), index, false, false);
          return ((javax.swing.JLabel) c).getText();
        });
  }

  /** Clicks the button with this text in the open "Dismiss this call?" confirmation. */
  private void answerDismiss(String button) throws Exception {
    rig.waitFor(
        "the confirmation",
        () -> popup.dismissDialog() != null && popup.dismissDialog().isShowing());
    JComponent b =
        onEdt(
            () -> {
              List<Component> all = new ArrayList<>();
              collect(popup.dismissDialog(), all);
              return (JComponent)
                  all.stream()
                      .filter(c -> c instanceof javax.swing.JButton j && j.getText().equals(button))
                      .findFirst()
                      .orElseThrow();
            });
    // On a loaded machine the dialog may still be settling when it first shows: click once it
    // stands
    // still, and again (as a user would) while it is still open.
    for (int attempt = 0; attempt < 3 && onEdt(() -> popup.dismissDialog() != null); attempt++) {
      robot.waitForIdle();
      Point before;
      Point after = onEdt(() -> b.isShowing() ? b.getLocationOnScreen() : null);
      if (after == null) {
        break;
      }
      do {
        before = after;
        Thread.sleep(100);
        after = onEdt(() -> b.isShowing() ? b.getLocationOnScreen() : null);
      } while (after != null && !after.equals(before));
      if (after == null) {
        break;
      }
      rig.clickCenter(() -> b);
      long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
      while (System.nanoTime() < until && onEdt(() -> popup.dismissDialog() != null)) {
        Thread.sleep(20);
      }
    }
    // Under Xvfb without a window manager a click on a modal dialog is sometimes lost: then answer
    // with the keyboard, as an agent can (Tab to the button, Space).
    for (int tab = 0; tab < 4 && onEdt(() -> popup.dismissDialog() != null); tab++) {
      if (onEdt(b::isFocusOwner)) {
        rig.keys(0, KeyEvent.VK_SPACE);
        Thread.sleep(200);
      } else {
        rig.keys(0, KeyEvent.VK_TAB);
      }
    }
    rig.waitFor("the confirmation closed", () -> popup.dismissDialog() == null);
  }

  @Test
  void
      the_waiting_list_shows_five_calls_live_and_in_time_first_and_a_past_deadline_call_is_marked_last_and_dismissed_after_a_confirmation()
          throws Exception {
    long now = System.currentTimeMillis();
    // Arrival order: two calls already past their deadline, three inside it, then the live call.
    List<CallStarted> calls =
        List.of(
            callOf("O-1", "Olga Old", "sales", now - 300_000),
            callOf("O-2", "Oscar Over", "sales", now - 290_000),
            callOf("E-1", "Erin Early", "sales", now - 200_000),
            callOf("E-2", "Eve Echo", "support", now - 190_000),
            callOf("E-3", "Ed Ends", "sales", now - 180_000),
            callOf("L-1", "Liam Live", "sales", now - 10_000));
    for (CallStarted c : calls) {
      server.broadcast(c);
    }
    server.broadcast(new CallEnded("O-1", now - 100_000, "caller", now - 5_000));
    server.broadcast(new CallEnded("O-2", now - 100_000, "caller", now - 4_000));
    server.broadcast(new CallEnded("E-1", now - 20_000, "caller", now + 300_000));
    server.broadcast(new CallEnded("E-2", now - 20_000, "caller", now + 100_000));
    server.broadcast(new CallEnded("E-3", now - 20_000, "caller", now + 200_000));
    rig.waitFor(
        "six calls waiting",
        () ->
            popup.frame() != null
                && popup.frame().isShowing()
                && popup.pendingList().getModel().getSize() == 6);
    rig.waitFor("the list in its order", () -> row("E-2") == 0);
    assertEquals(
        List.of(0, 1, 2, 3, 4, 5),
        List.of(rowOf("E-2"), rowOf("E-3"), rowOf("E-1"), rowOf("L-1"), rowOf("O-1"), rowOf("O-2")),
        "in time by deadline, the live call, then past the deadline");
    assertTrue(rowText(4).contains("wrap-up over (stored as undisposed)"), rowText(4));
    assertFalse(rowText(3).contains("wrap-up over"), rowText(3));

    // Five rows in view without scrolling; the window fits a 1366x768 screen.
    rig.waitFor("input accepted", () -> !popup.inputGuarded());
    String rows =
        onEdt(
            () -> {
              JList<WrapUp> list = popup.pendingList();
              Rectangle view = list.getVisibleRect();
              int n = 0;
              for (int i = 0; i < list.getModel().getSize(); i++) {
                Rectangle r = list.getCellBounds(i, i);
                if (r.y >= view.y && r.y + r.height <= view.y + view.height) {
                  n++;
                }
              }
              return n + " rows in " + view + " of " + list.getSize();
            });
    assertTrue(Integer.parseInt(rows.split(" ")[0]) >= 5, "rows in view: " + rows);
    int height = onEdt(() -> popup.frame().getHeight());
    assertTrue(height <= 768 - 32, "height with six calls waiting " + height);
    rig.shot("popup-waiting-list.png");
    rig.clickCenter(() -> popup.detailsButton());
    rig.waitFor("compact", () -> popup.frame().getHeight() < height - 100);
    int compactHeight = onEdt(() -> popup.frame().getHeight());
    assertTrue(compactHeight <= 320, "compact height " + compactHeight);
    rig.shot("popup-waiting-list-compact.png");
    rig.clickCenter(() -> popup.detailsButton());
    rig.waitFor("expanded again", () -> popup.frame().getHeight() >= height - 10);

    // A late disposition for a past-deadline call still works from the window.
    assertFalse(
        onEdt(() -> popup.dismissButton().isVisible()),
        "no Dismiss for a call inside its deadline");
    rig.clickPendingRow(rowOf("O-1"));
    rig.waitFor(
        "O-1 shown with Dismiss offered",
        () ->
            "O-1".equals(popup.shownCallId())
                && popup.dismissButton().isVisible()
                && popup.statusLabel().getText().contains("rap-up time is over"));
    onEdt(
        () -> {
          popup.pickCode(3);
          return null;
        });
    rig.clickCenter(() -> popup.submitButton());
    DispositionSubmit late = server.next(DispositionSubmit.class, WAIT);
    assertEquals("O-1", late.callId());
    assertEquals("NI", late.code());
    rig.waitFor("O-1 acked", () -> popup.wrapUps().get("O-1").isEmpty());

    // The other one is dismissed: "Keep" keeps it, "Dismiss" drops it; nothing is sent for it.
    rig.waitFor(
        "the pop moved on after the save, input accepted again",
        () ->
            popup.shownCallId() != null
                && !"O-1".equals(popup.shownCallId())
                && !popup.inputGuarded()
                && row("O-2") >= 0);
    rig.clickPendingRow(rowOf("O-2"));
    rig.waitFor(
        "O-2 shown with Dismiss offered",
        () -> "O-2".equals(popup.shownCallId()) && popup.dismissButton().isVisible());
    rig.clickCenter(() -> popup.dismissButton());
    rig.shot("popup-dismiss-confirm.png");
    answerDismiss("Keep");
    assertTrue(popup.wrapUps().get("O-2").isPresent(), "kept after Keep");
    rig.clickCenter(() -> popup.dismissButton());
    answerDismiss("Dismiss");
    rig.waitFor("O-2 gone", () -> popup.wrapUps().get("O-2").isEmpty() && row("O-2") < 0);
    rig.waitFor(
        "another call shown",
        () -> popup.shownCallId() != null && !"O-2".equals(popup.shownCallId()));
    assertNull(
        server.received.poll(300, TimeUnit.MILLISECONDS), "nothing sent for the dismissed call");
    assertEquals(4, popup.wrapUps().size());
  }

  @Test
  void
      the_header_shows_caller_number_queue_and_state_in_full_the_figures_once_and_the_upsell_notes_label()
          throws Exception {
    CallStarted c =
        new CallStarted(
            "W-1",
            CallStarted.INBOUND,
            "queue-long-name-for-renewals",
            "15551230426",
            "Caller 0426 Maximilian Featherstonehaugh",
            System.currentTimeMillis(),
            SampleCalls.salesCall().objective(),
            SampleCalls.salesCall().dispositionCodes(),
            false);
    server.broadcast(c);
    server.broadcast(
        new AgentState(
            "1001", AgentState.PAUSED, "wrap-up", System.currentTimeMillis() - 65_000, 3, true));
    server.broadcast(
        new org.callobjectives.protocol.Congratulation(
            "g", "Well done! Target reached: 5 advances", 0));
    rig.waitFor(
        "the pop with the state and the figures",
        () ->
            popup.frame() != null
                && popup.frame().isShowing()
                && popup.stateLabel().getText().contains("forced wrap-up")
                && popup.statsLabel().getText().contains("Target reached"));
    robot.waitForIdle();
    rig.shot("popup-header.png");
    for (Callable<JComponent> line :
        List.<Callable<JComponent>>of(
            () -> popup.callerLabel(), () -> popup.stateLabel(), () -> popup.statsLabel())) {
      String problem =
          onEdt(
              () -> {
                javax.swing.JTextArea a = (javax.swing.JTextArea) line.call();
                java.awt.Dimension want = a.getPreferredSize();
                int rightEdge =
                    javax.swing.SwingUtilities.convertPoint(
                            a, a.getWidth(), 0, popup.frame().getContentPane())
                        .x;
                return a.getHeight() >= want.height
                        && a.getWidth() >= want.width - 1
                        && rightEdge <= popup.frame().getContentPane().getWidth()
                    ? null
                    : "'"
                        + a.getText()
                        + "' has "
                        + a.getSize()
                        + " of "
                        + want
                        + ", right edge "
                        + rightEdge;
              });
      assertNull(problem, problem);
    }
    String caller = onEdt(() -> popup.callerLabel().getText());
    for (String part :
        List.of(
            "Caller 0426 Maximilian Featherstonehaugh",
            "15551230426",
            "queue-long-name-for-renewals")) {
      assertTrue(caller.contains(part), caller);
    }
    assertTrue(
        onEdt(
            () ->
                popup.callerLabel().getPreferredSize().height
                    >= 2
                        * popup
                            .callerLabel()
                            .getFontMetrics(popup.callerLabel().getFont())
                            .getHeight()),
        "the caller line wraps: " + caller);
    assertTrue(
        onEdt(() -> popup.stateLabel().getText())
            .endsWith("forced wrap-up: paused in the queue until you submit"));
    assertEquals(
        "Well done! Target reached: 5 advances", onEdt(() -> popup.statsLabel().getText()));
    List<String> labels =
        onEdt(
            () -> {
              List<Component> all = new ArrayList<>();
              collect(popup.frame(), all);
              return all.stream()
                  .filter(k -> k instanceof javax.swing.JLabel)
                  .map(k -> ((javax.swing.JLabel) k).getText())
                  .filter(t -> t != null && t.endsWith("otes:"))
                  .toList();
            });
    assertEquals(List.of("Upsell notes:", "Notes:"), labels);
  }

  private static void collect(Component c, List<Component> out) {
    out.add(c);
    if (c instanceof Container k) {
      for (Component child : k.getComponents()) {
        collect(child, out);
      }
    }
  }
}
