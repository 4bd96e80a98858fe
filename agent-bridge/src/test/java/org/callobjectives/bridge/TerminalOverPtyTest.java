package org.callobjectives.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.callobjectives.protocol.CallEnded;
import org.callobjectives.protocol.CallStarted;
import org.callobjectives.protocol.ChecklistItem;
import org.callobjectives.protocol.ChecklistKind;
import org.callobjectives.protocol.DispositionAck;
import org.callobjectives.protocol.DispositionCode;
import org.callobjectives.protocol.DispositionSubmit;
import org.callobjectives.protocol.ObjectiveView;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.jni.JniTerminalProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The terminal mode on a real pseudo-terminal (the kernel's pty, through JLine's native provider):
 * keystrokes go in at the master side, the screen is what comes out of it.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TerminalOverPtyTest {

  static final Instant NOW = Instant.parse("2025-03-10T14:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  @TempDir Path dir;

  private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
  private PipedOutputStream keys;
  private Terminal terminal;
  private HeadlessUi ui;
  private WrapUps wrapUps;
  private Thread loop;
  private final List<DispositionSubmit> submitted = new CopyOnWriteArrayList<>();

  /** Codes with numbers that differ from their list position, and advance rules. */
  static List<DispositionCode> codes() {
    return List.of(
        new DispositionCode("SALE", "Sale", true, true, false, false, false, true, 1, Boolean.TRUE),
        new DispositionCode(
            "NO_ADVANCE", "No advance", false, true, false, false, false, true, 3, Boolean.FALSE),
        new DispositionCode(
            "CALLBACK", "Call back", false, true, false, true, false, false, 4, null),
        new DispositionCode("NO_ADV", "Old code", false, true, false, false, false, true, 7, null));
  }

  static CallStarted call(String id, String name, String queue) {
    List<ChecklistItem> items =
        List.of(
            new ChecklistItem("i1", "Recording notice", ChecklistKind.COMPLIANCE, true),
            new ChecklistItem("i2", "Verify identity", ChecklistKind.COMPLIANCE, true),
            new ChecklistItem("i3", "Needs", ChecklistKind.QUALITY, false),
            new ChecklistItem("i4", "Budget", ChecklistKind.QUALITY, false),
            new ChecklistItem("i5", "Timeline", ChecklistKind.QUALITY, false),
            new ChecklistItem("i6", "Offer the bundle", ChecklistKind.UPSELL, false));
    ObjectiveView o =
        new ObjectiveView(
            "o", "Book the demo", "Customer books a demo", "Demo in the CRM", "this call", items);
    return new CallStarted(
        id,
        CallStarted.INBOUND,
        queue,
        "+1 555 01" + id.hashCode() % 90,
        name,
        NOW.toEpochMilli(),
        o,
        codes(),
        false);
  }

  @BeforeEach
  void setUp() throws Exception {
    keys = new PipedOutputStream();
    PipedInputStream in = new PipedInputStream(keys, 1 << 16);
    terminal =
        new JniTerminalProvider()
            .newTerminal(
                "pty-test",
                "xterm-256color",
                in,
                screen,
                StandardCharsets.UTF_8,
                Terminal.SignalHandler.SIG_DFL,
                false,
                null,
                new Size(200, 50));
    debugScreen = this::rawScreen;
    wrapUps = WrapUps.open(dir.resolve("outbox-1001.drafts.json"));
    ui = new HeadlessUi(terminal, CLOCK, wrapUps);
    loop =
        new Thread(
            () ->
                ui.run(
                    d -> {
                      submitted.add(d);
                      return new CompletableFuture<
                          DispositionAck>(); // no ack: the draft stays pending
                    }),
            "ui-loop");
    loop.setDaemon(true);
    loop.start();
    waitFor("the idle prompt", () -> screen().contains("no calls waiting] >"));
  }

  @AfterEach
  void tearDown() throws Exception {
    keys.close();
    loop.join(5000);
    terminal.close();
  }

  private synchronized String screen() {
    synchronized (screen) {
      return Text.clean(screen.toString(StandardCharsets.UTF_8));
    }
  }

  private String rawScreen() {
    synchronized (screen) {
      return screen.toString(StandardCharsets.UTF_8);
    }
  }

  /**
   * The line the cursor is on, as a terminal shows it: the output after the last line feed, with
   * carriage return, cursor left/right, insert/delete characters and erase-to-end applied (the
   * edits JLine makes when it redraws a prompt); other escape sequences are skipped.
   */
  private String cursorLine() {
    String raw = rawScreen();
    String out = raw.substring(raw.lastIndexOf('\n') + 1);
    StringBuilder line = new StringBuilder();
    int col = 0;
    for (int i = 0; i < out.length(); i++) {
      char ch = out.charAt(i);
      if (ch == '\r') {
        col = 0;
      } else if (ch == '\u001B' && i + 1 < out.length() && out.charAt(i + 1) == '[') {
        int j = i + 2;
        while (j < out.length() && (out.charAt(j) < '@' || out.charAt(j) > '~')) {
          j++;
        }
        if (j >= out.length()) {
          break;
        }
        String arg = out.substring(i + 2, j);
        int n = arg.matches("\\d+") ? Integer.parseInt(arg) : 1;
        switch (out.charAt(j)) {
          case 'D' -> col = Math.max(0, col - n);
          case 'C' -> col += n;
          case '@' -> {
            while (line.length() < col) {
              line.append(' ');
            }
            line.insert(col, " ".repeat(n));
          }
          case 'P' -> {
            if (col < line.length()) {
              line.delete(col, Math.min(line.length(), col + n));
            }
          }
          case 'K' -> {
            if (col < line.length()) {
              line.setLength(col);
            }
          }
          default -> {}
        }
        i = j;
      } else if (ch >= ' ') {
        while (line.length() < col) {
          line.append(' ');
        }
        if (col < line.length()) {
          line.setCharAt(col, ch);
        } else {
          line.append(ch);
        }
        col++;
      }
    }
    return line.toString();
  }

  private void type(String s) throws Exception {
    keys.write(s.getBytes(StandardCharsets.UTF_8));
    keys.flush();
  }

  private static java.util.function.Supplier<String> debugScreen;

  private static void waitFor(String what, BooleanSupplier c) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!c.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "timed out waiting for "
                + what
                + (debugScreen == null
                    ? ""
                    : "; screen ends: "
                        + debugScreen
                            .get()
                            .substring(Math.max(0, debugScreen.get().length() - 600))
                            .replace("\u001B", "ESC")));
      }
      Thread.sleep(10);
    }
  }

  private Draft draft(String callId) {
    return wrapUps.get(callId).orElseThrow().draft();
  }

  @Test
  void
      a_pop_arriving_mid_answer_changes_neither_the_question_nor_the_call_the_answer_is_stored_for()
          throws Exception {
    CallStarted a = call("A-1", "Alice Adams", "sales");
    CallStarted b = call("B-2", "Bob Brown", "support");
    ui.onCallStarted(a);
    waitFor("A's pop", () -> screen().contains("CALL from Alice Adams"));
    ui.onCallEnded(new CallEnded("A-1", NOW.toEpochMilli(), "caller", NOW.toEpochMilli() + 95_000));
    type("\r"); // Enter opens A's form
    waitFor(
        "A's code question, naming A's caller, queue and time left",
        () ->
            screen().contains("[Alice Adams <")
                && screen().contains("sales | 1:35 left] Code (1, 3, 4, 7 or name):"));

    // 1. Typed NO_ADV, a call pops, typed ANCE: the answer is NO_ADVANCE for A, the call on screen.
    type("NO_ADV");
    waitFor("the typing echoed", () -> screen().endsWith("NO_ADV"));
    ui.onCallStarted(b);
    waitFor(
        "B's pop above the prompt, and A's prompt with the typed text below it",
        () ->
            screen().contains("CALL from Bob Brown")
                && screen()
                    .substring(screen().lastIndexOf("CALL from Bob Brown"))
                    .endsWith("NO_ADV"));
    String afterPop = screen().substring(screen().lastIndexOf("CALL from Bob Brown"));
    assertTrue(afterPop.contains("Your form for Alice Adams"), afterPop);
    assertTrue(
        afterPop.contains("[Alice Adams <"),
        "the prompt redrawn below the pop names A: " + afterPop);
    assertTrue(afterPop.endsWith("NO_ADV"), "what was typed stays on the same prompt: " + afterPop);
    type("ANCE\r");
    waitFor("A's code stored", () -> "NO_ADVANCE".equals(draft("A-1").code()));
    assertNull(draft("B-2").code(), "nothing typed for A reaches B");

    // The code and the advance answer must agree (NO_ADVANCE means no advance).
    waitFor(
        "the advance question for A",
        () -> screen().contains("Advance obtained (Customer books a demo)? [y/n]:"));
    type("y\r");
    waitFor("the mismatch explained", () -> screen().contains("NO_ADVANCE means no advance"));
    type("\rn\r"); // keep the code, answer no

    // 2. Typed 1,2, ; B ends (would once have switched the question); typed 6: items 1,2,6 of A.
    waitFor(
        "A's checklist question",
        () -> screen().contains("Items done (e.g. 1,3; 'all'; '-' = none):"));
    type("1,2,");
    waitFor("the typing echoed", () -> screen().endsWith("1,2,"));
    ui.onCallEnded(new CallEnded("B-2", NOW.toEpochMilli(), "agent", NOW.toEpochMilli() + 60_000));
    waitFor("B's end above the prompt", () -> screen().contains("*** Call B-2"));
    type("6\r");
    waitFor(
        "A's items stored", () -> draft("A-1").checklistDone().equals(List.of("i1", "i2", "i6")));
    assertEquals(List.of(), draft("B-2").checklistDone());
    assertEquals(Boolean.FALSE, draft("A-1").advance());
    assertNull(draft("B-2").advance());

    // Finish A: upsell 0, CSAT blank, notes, submit.
    type("0\r\rcustomer will think\r\r");
    waitFor("A submitted", () -> submitted.size() == 1);
    DispositionSubmit sent = submitted.get(0);
    assertEquals("A-1", sent.callId());
    assertEquals("NO_ADVANCE", sent.code());
    assertFalse(sent.advanceObtained());
    assertEquals(List.of("i1", "i2", "i6"), sent.checklistDone());
    assertEquals("customer will think", sent.notes());

    // 3. A stray 1 typed during a call never becomes the next call's code.
    CallStarted c = call("C-3", "Carol Chen", "sales");
    waitFor("the idle prompt", () -> screen().contains("waiting - Enter opens"));
    type("1");
    ui.onCallStarted(c);
    waitFor("C's pop", () -> screen().contains("CALL from Carol Chen"));
    type("\r");
    waitFor(
        "the stray input refused",
        () -> screen().contains("'1' was not used: no disposition form is open"));
    ui.onCallEnded(
        new CallEnded("C-3", NOW.toEpochMilli(), "caller", NOW.toEpochMilli() + 120_000));
    type("/open 3\r");
    waitFor(
        "C's code question",
        () ->
            screen().contains("[Carol Chen <")
                && screen().substring(screen().lastIndexOf("[Carol Chen <")).contains("or name)"));
    String last = screen().substring(screen().lastIndexOf("[Carol Chen <"));
    assertTrue(last.contains("Code (1, 3, 4, 7 or name):"), last);
    assertFalse(last.contains("Code (1, 3, 4, 7 or name) ["), "no code carried over: " + last);
    assertNull(draft("C-3").code());
    assertNull(draft("B-2").code());
    assertEquals(1, submitted.size());
  }

  @Test
  void escape_codes_from_a_caller_name_queue_objective_or_code_never_reach_the_terminal()
      throws Exception {
    String evil = "Mallory\u001B]0;pwned-title\u0007\u001B[31mRED\u001B[0m\rX\u0007";
    ObjectiveView o =
        new ObjectiveView(
            "o",
            "Title\u001B[2J",
            "Adv\u001B]52;c;ZXZpbA==\u0007ance",
            "M\u0007",
            "T\u001B[5m",
            List.of(new ChecklistItem("i1", "item\u001B[41m", ChecklistKind.QUALITY, true)));
    CallStarted c =
        new CallStarted(
            "E-1",
            CallStarted.INBOUND,
            "q\u001B[1m",
            "+1\u0007",
            evil,
            NOW.toEpochMilli(),
            o,
            List.of(
                new DispositionCode(
                    "SALE", "S\u001B[32male", true, true, false, false, false, true, 1, null)),
            false);
    ui.onCallStarted(c);
    ui.onCallEnded(
        new CallEnded("E-1", NOW.toEpochMilli(), "caller\u001B[33m", NOW.toEpochMilli() + 60_000));
    ui.onError(new org.callobjectives.protocol.ErrorMessage("x", "bad\u001B]0;t\u0007", null));
    type("\r1\r");
    waitFor("the advance question", () -> screen().contains("Advance obtained"));
    String raw = rawScreen();
    assertTrue(raw.contains("MalloryRED X"), "line breaks become spaces: " + raw);
    for (String bad :
        List.of(
            "pwned-title",
            "\u0007",
            "\u001B[31m",
            "\u001B[2J",
            "\u001B]52",
            "\u001B[5m",
            "\u001B[41m",
            "\u001B[1m",
            "\u001B[32m",
            "\u001B[33m",
            "\u001B]0;",
            "\r" + "X")) {
      assertFalse(raw.contains(bad), "the screen must not contain " + bad.replace("\u001B", "ESC"));
    }
  }

  @Test
  void the_prompt_is_redrawn_when_a_call_ends_or_the_state_changes_and_keeps_what_was_typed()
      throws Exception {
    type("abc");
    waitFor("the typing echoed", () -> cursorLine().endsWith("no calls waiting] > abc"));

    ui.onCallStarted(call("A-1", "Alice Adams", "sales"));
    ui.onCallEnded(new CallEnded("A-1", NOW.toEpochMilli(), "caller", NOW.toEpochMilli() + 95_000));
    waitFor(
        "the prompt naming the waiting call, with the typed text kept",
        () ->
            cursorLine()
                .endsWith(
                    "[1 waiting - Enter opens Alice Adams <"
                        + call("A-1", "", "").callerNumber()
                        + "> | sales | 1:35 left] > abc"));

    ui.onAgentState(
        new org.callobjectives.protocol.AgentState(
            "1001", "wrap_up", null, NOW.toEpochMilli(), 1, true));
    waitFor(
        "the state in the prompt",
        () ->
            cursorLine()
                .endsWith(
                    "[wrap up | 1 waiting - Enter opens Alice Adams <"
                        + call("A-1", "", "").callerNumber()
                        + "> | sales | 1:35 left] > abc"));

    wrapUps.acked("A-1");
    ui.onAgentState(
        new org.callobjectives.protocol.AgentState(
            "1001", "ready", null, NOW.toEpochMilli(), 0, false));
    waitFor(
        "the prompt back to idle and ready",
        () -> cursorLine().endsWith("[ready | no calls waiting] > abc"));

    type("\r"); // what was typed is still the line the agent sends
    waitFor(
        "the typed text refused as before",
        () -> screen().contains("'abc' was not used: no disposition form is open"));
  }

  @Test
  void after_a_refused_advance_answer_the_question_offers_the_value_that_fits_the_code()
      throws Exception {
    ui.onCallStarted(call("A-1", "Alice Adams", "sales"));
    ui.onCallEnded(new CallEnded("A-1", NOW.toEpochMilli(), "caller", NOW.toEpochMilli() + 95_000));
    type("\r3\r");
    waitFor(
        "the advance question",
        () -> screen().endsWith("Advance obtained (Customer books a demo)? [y/n]: "));
    type("y\r");
    waitFor("the mismatch explained", () -> screen().contains("NO_ADVANCE means no advance"));
    assertEquals(Boolean.FALSE, draft("A-1").advance(), "the refused yes is not kept");
    type("\r"); // keep the code
    waitFor(
        "the advance asked again",
        () -> screen().endsWith("Advance obtained (Customer books a demo)? [y/n] [n]: "));
    type("\r"); // Enter takes the offered value
    waitFor(
        "the checklist question",
        () -> screen().contains("Items done (e.g. 1,3; 'all'; '-' = none):"));
    assertEquals(Boolean.FALSE, draft("A-1").advance());

    // A code that takes either answer keeps the agent's answer; one that needs the other offers it.
    type("/open 1\r1\r");
    waitFor(
        "the advance question for SALE",
        () -> screen().endsWith("Advance obtained (Customer books a demo)? [y/n] [y]: "));
    type("\r");
    waitFor(
        "SALE with an advance",
        () -> Boolean.TRUE.equals(draft("A-1").advance()) && "SALE".equals(draft("A-1").code()));
  }
}
