package org.callobjectives.bridge;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;
import org.callobjectives.protocol.AgentStats;
import org.callobjectives.protocol.CallEnded;
import org.callobjectives.protocol.Congratulation;
import org.callobjectives.protocol.CallStarted;
import org.callobjectives.protocol.ChecklistItem;
import org.callobjectives.protocol.DispositionAck;
import org.callobjectives.protocol.DispositionCode;
import org.callobjectives.protocol.DispositionSubmit;
import org.callobjectives.protocol.ErrorMessage;
import org.callobjectives.protocol.LastCall;
import org.callobjectives.protocol.ObjectiveView;
import org.callobjectives.protocol.ProposalAck;
import org.callobjectives.protocol.Welcome;

/**
 * The terminal front end ({@code --headless}): prints each pop and call end as they arrive and,
 * after a call ends, asks for its disposition step by step on the given input.
 *
 * <p>Use it as the client's {@link BridgeClient.Listener} and call {@link #run} on a thread of its
 * own (e.g. main); it reads the input only there, so listener callbacks never block on the agent.
 */
public final class HeadlessUi implements BridgeClient.Listener {

  static final int MAX_UPSELL_COUNT = 99;
  static final int MAX_UPSELL_NOTE = 140;
  static final int MAX_NOTES = 2000;

  private static final String RULE = "=".repeat(72);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

  /** Standard input ended: no more answers will come. */
  public static final class EndOfInputException extends RuntimeException {
    EndOfInputException() {
      super("end of input");
    }
  }

  private static final Object END = new Object();

  private final BufferedReader in;
  private final PrintStream out;
  private final Clock clock;
  private final Map<String, CallStarted> calls = new ConcurrentHashMap<>();
  private final Set<String> queuedOrDone = ConcurrentHashMap.newKeySet();
  /** Calls waiting for a disposition, and {@link #END} once the input has ended. */
  private final BlockingQueue<Object> toDispose = new LinkedBlockingQueue<>();
  /** Lines read from the input, then {@link #END}. */
  private final BlockingQueue<Object> lines = new LinkedBlockingQueue<>();
  private Thread reader;
  private volatile String activePrompt;
  private volatile java.util.function.BiFunction<String, String, CompletableFuture<ProposalAck>> proposer;

  /**
   * Enables the {@code propose OBJECTIVE_ID|- TEXT} command, typed while no question is asked (e.g.
   * {@code client::propose}): the agent suggests a change to an objective or target to the admins.
   */
  public void proposals(java.util.function.BiFunction<String, String, CompletableFuture<ProposalAck>> proposer) {
    this.proposer = proposer;
  }

  /** Handles a command line typed between questions; false when the line is not a command. */
  boolean command(String line) {
    String[] w = line.strip().split("\\s+", 3);
    if (proposer == null || activePrompt != null || !w[0].equalsIgnoreCase("propose")) {
      return false;
    }
    if (w.length < 3) {
      print("  usage: propose OBJECTIVE_ID|- TEXT   (- = about the targets in general)\n");
      return true;
    }
    String objective = w[1].equals("-") ? null : w[1];
    proposer.apply(objective, w[2]).whenComplete((ack, err) -> {
      if (err == null) {
        print("Proposal #" + ack.proposalId() + " sent to the admins.\n");
      } else {
        Throwable c = err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
        print("!! Proposal not sent: " + c.getMessage() + "\n");
      }
    });
    return true;
  }

  public HeadlessUi(InputStream in, PrintStream out) {
    this(in, out, Clock.systemDefaultZone());
  }

  public HeadlessUi(InputStream in, PrintStream out, Clock clock) {
    this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    this.out = Objects.requireNonNull(out, "out");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  // ---------------------------------------------------------------------------------------------
  // Listener: print what the server pushes

  @Override
  public void onConnected() {
    print("[connected]\n");
  }

  @Override
  public void onWelcome(Welcome welcome) {
    if (welcome.displayName() != null) {
      print("Signed in as " + welcome.displayName() + ". Waiting for calls...\n");
    }
  }

  @Override
  public void onDisconnected(String reason) {
    print("[disconnected: " + reason + "; reconnecting - dispositions are kept until saved]\n");
  }

  @Override
  public void onCallStarted(CallStarted call) {
    CallStarted known = calls.putIfAbsent(call.callId(), call);
    if (known != null && call.replay()) {
      return; // already on screen
    }
    calls.put(call.callId(), call);
    print(formatPop(call));
  }

  @Override
  public void onCallEnded(CallEnded ended) {
    CallStarted call = calls.get(ended.callId());
    print(formatEnded(ended, call, clock));
    if (queuedOrDone.add(ended.callId())) {
      toDispose.add(
          call != null
              ? call
              : new CallStarted(ended.callId(), null, null, null, null, 0, null, List.of(), false));
    }
  }

  @Override
  public void onAck(DispositionAck ack) {
    // The submit future reports the ack of our own submissions (see run); this covers re-sent ones.
  }

  @Override
  public void onAgentStats(AgentStats s) {
    print(formatStats(s));
  }

  @Override
  public void onCongratulation(Congratulation c) {
    print("*** Well done: " + nz(c.text()) + " ***\n");
  }

  /** One line of the agent's own figures: today, and opportunities this shift against the target. */
  static String formatStats(AgentStats s) {
    StringBuilder sb = new StringBuilder("Your figures today: ").append(s.calls()).append(" calls, ")
        .append(s.advances()).append(" advances");
    if (s.advanceRatePercent() != null) {
      sb.append(String.format(java.util.Locale.ROOT, " (%.0f %%)", s.advanceRatePercent()));
    }
    if (s.compliancePercent() != null) {
      sb.append(String.format(java.util.Locale.ROOT, ", compliance %.0f %%", s.compliancePercent()));
    }
    sb.append("; upsell opportunities this shift ").append(s.shiftOpportunities()).append('/')
        .append(s.shiftOpportunitiesTarget());
    if (s.undisposed() > 0) {
      sb.append("; ").append(s.undisposed()).append(" calls without disposition");
    }
    return sb.append('\n').toString();
  }

  @Override
  public void onError(ErrorMessage error) {
    if (ErrorMessage.UNAUTHORIZED.equals(error.code())) {
      print("!! The server rejected this agent/token: " + error.message() + " (retrying)\n");
    } else if (error.requestId() == null) {
      print("!! Server error: " + error.code() + " " + nz(error.message()) + "\n");
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The prompt loop

  /**
   * Asks for a disposition after each call end and submits it; returns when the input ends or the
   * thread is interrupted. A disposition the server refuses as invalid is asked for again.
   */
  public void run(Function<DispositionSubmit, CompletableFuture<DispositionAck>> submitter) {
    startReader();
    boolean inputEnded = false;
    while (true) {
      Object next;
      try {
        next = inputEnded ? toDispose.poll() : toDispose.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (next == null) {
        print("(input closed: no more dispositions can be entered)\n");
        return;
      }
      if (next == END) {
        inputEnded = true; // answer what is already typed for the calls already waiting
        continue;
      }
      CallStarted call = (CallStarted) next;
      DispositionSubmit d;
      try {
        d = prompt(call);
      } catch (EndOfInputException e) {
        print("(input closed: no more dispositions can be entered)\n");
        return;
      }
      print("Submitting... (kept on disk until the server confirms)\n");
      CallStarted forRetry = call;
      submitter
          .apply(d)
          .whenComplete(
              (ack, err) -> {
                if (err == null) {
                  print(formatAck(ack));
                  return;
                }
                Throwable cause = err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
                if (cause instanceof DispositionRejectedException r) {
                  String code = r.error().code();
                  print("!! Not saved: " + r.error().message() + " (" + code + ")\n");
                  if (ErrorMessage.INVALID_DISPOSITION.equals(code)
                      || ErrorMessage.BAD_REQUEST.equals(code)) {
                    print("Please enter the disposition for call " + forRetry.callId() + " again.\n");
                    toDispose.add(forRetry);
                  }
                } else {
                  print("!! Not confirmed yet: " + cause.getMessage() + "\n");
                }
              });
    }
  }

  /** Asks for one call's disposition, re-asking on bad input. */
  public DispositionSubmit prompt(CallStarted call) {
    while (true) {
      List<DispositionCode> codes = call.dispositionCodes();
      List<ChecklistItem> checklist =
          call.objective() == null ? List.of() : call.objective().checklist();
      print("\n--- Disposition for call " + call.callId() + describeParty(call) + " ---\n");

      String code = askCode(codes);
      boolean advance = askYesNo("Advance obtained" + advanceHint(call) + "? [y/n]: ", null);
      List<String> done = askChecklist(checklist);
      int upsell =
          askInt("Upsell opportunities spotted (0-" + MAX_UPSELL_COUNT + ", blank = 0): ", 0, MAX_UPSELL_COUNT, 0);
      List<String> upsellNotes = upsell > 0 ? askUpsellNotes() : List.of();
      Integer csat = askOptionalInt("CSAT 0-100 (blank = none): ", 0, 100);
      String notes = askText("Notes (blank = none): ", MAX_NOTES);

      DispositionSubmit d =
          new DispositionSubmit(
              null, call.callId(), code, advance, done, upsell, upsellNotes, csat, notes.isEmpty() ? null : notes);
      print(formatSummary(d, call));
      if (askYesNo("Submit this disposition? [Y/n]: ", Boolean.TRUE)) {
        return d;
      }
      print("Starting over.\n");
    }
  }

  private String askCode(List<DispositionCode> codes) {
    if (codes.isEmpty()) {
      while (true) {
        String line = ask("Disposition code: ");
        if (!line.isBlank()) {
          return line.strip();
        }
        print("  Please type a disposition code.\n");
      }
    }
    StringBuilder sb = new StringBuilder("Disposition codes:\n");
    for (int i = 0; i < codes.size(); i++) {
      DispositionCode c = codes.get(i);
      sb.append(String.format(Locale.ROOT, "  %d) %-8s %s%n", i + 1, c.code(), nz(c.label())));
    }
    print(sb.toString());
    while (true) {
      String line = ask("Code (number or code): ").strip();
      if (line.matches("\\d+")) {
        int n = parseIntOr(line, -1);
        if (n >= 1 && n <= codes.size()) {
          return codes.get(n - 1).code();
        }
      } else {
        for (DispositionCode c : codes) {
          if (c.code().equalsIgnoreCase(line)) {
            return c.code();
          }
        }
      }
      print("  '" + line + "' is not one of the codes: pick 1-" + codes.size() + " or type the code.\n");
    }
  }

  private List<String> askChecklist(List<ChecklistItem> checklist) {
    if (checklist.isEmpty()) {
      return List.of();
    }
    StringBuilder sb = new StringBuilder("Checklist:\n");
    appendChecklist(sb, checklist);
    print(sb.toString());
    while (true) {
      String line = ask("Items done (e.g. 1,3; 'all'; blank = none): ").strip().toLowerCase(Locale.ROOT);
      List<String> done = new ArrayList<>();
      if (line.isEmpty() || line.equals("none") || line.equals("-")) {
        // none
      } else if (line.equals("all")) {
        checklist.forEach(i -> done.add(i.id()));
      } else {
        Set<Integer> picked = new LinkedHashSet<>();
        String bad = null;
        for (String part : line.split("[,\\s]+")) {
          if (part.isEmpty()) {
            continue;
          }
          int n = part.matches("\\d+") ? parseIntOr(part, -1) : -1;
          if (n < 1 || n > checklist.size()) {
            bad = part;
            break;
          }
          picked.add(n);
        }
        if (bad != null) {
          print("  '" + bad + "' is not an item number: use numbers 1-" + checklist.size() + ", e.g. 1,3.\n");
          continue;
        }
        picked.stream().sorted().forEach(n -> done.add(checklist.get(n - 1).id()));
      }
      List<String> missing = new ArrayList<>();
      for (int i = 0; i < checklist.size(); i++) {
        if (checklist.get(i).required() && !done.contains(checklist.get(i).id())) {
          missing.add(String.valueOf(i + 1));
        }
      }
      if (!missing.isEmpty()) {
        print("  Note: required item(s) " + String.join(", ", missing) + " not done.\n");
      }
      return done;
    }
  }

  private List<String> askUpsellNotes() {
    while (true) {
      String line = ask("Upsell notes, short; separate several with ';' (blank = none): ").strip();
      if (line.isEmpty()) {
        return List.of();
      }
      List<String> notes = new ArrayList<>();
      String tooLong = null;
      for (String part : line.split(";")) {
        String s = part.strip();
        if (s.isEmpty()) {
          continue;
        }
        if (s.length() > MAX_UPSELL_NOTE) {
          tooLong = s;
          break;
        }
        notes.add(s);
      }
      if (tooLong != null) {
        print("  Each upsell note must be at most " + MAX_UPSELL_NOTE + " characters; please shorten it.\n");
        continue;
      }
      return notes;
    }
  }

  private int askInt(String question, int min, int max, int blankValue) {
    while (true) {
      String line = ask(question).strip();
      if (line.isEmpty()) {
        return blankValue;
      }
      int n = line.matches("\\d{1,6}") ? parseIntOr(line, -1) : -1;
      if (n >= min && n <= max) {
        return n;
      }
      print("  Please enter a whole number from " + min + " to " + max + ".\n");
    }
  }

  private Integer askOptionalInt(String question, int min, int max) {
    while (true) {
      String line = ask(question).strip();
      if (line.isEmpty()) {
        return null;
      }
      int n = line.matches("\\d{1,6}") ? parseIntOr(line, -1) : -1;
      if (n >= min && n <= max) {
        return n;
      }
      print("  Please enter a whole number from " + min + " to " + max + ", or leave it blank.\n");
    }
  }

  private boolean askYesNo(String question, Boolean blankValue) {
    while (true) {
      String line = ask(question).strip().toLowerCase(Locale.ROOT);
      if (line.isEmpty() && blankValue != null) {
        return blankValue;
      }
      if (line.equals("y") || line.equals("yes")) {
        return true;
      }
      if (line.equals("n") || line.equals("no")) {
        return false;
      }
      print("  Please answer y or n.\n");
    }
  }

  private String askText(String question, int maxLength) {
    while (true) {
      String line = ask(question).strip();
      if (line.length() <= maxLength) {
        return line;
      }
      print("  At most " + maxLength + " characters, please.\n");
    }
  }

  /** Reads the input on a thread of its own, so the end of input is noticed even between calls. */
  private synchronized void startReader() {
    if (reader != null) {
      return;
    }
    reader =
        new Thread(
            () -> {
              try {
                for (String line; (line = in.readLine()) != null; ) {
                  if (!command(line)) {
                    lines.add(line);
                  }
                }
              } catch (IOException e) {
                // treated as the end of input
              }
              lines.add(END);
              toDispose.add(END);
            },
            "agent-bridge-stdin");
    reader.setDaemon(true);
    reader.start();
  }

  private String ask(String question) {
    startReader();
    synchronized (out) {
      activePrompt = question;
      out.print(question);
      out.flush();
    }
    try {
      Object line = lines.take();
      if (line == END) {
        lines.add(END); // every later question ends too
        throw new EndOfInputException();
      }
      return (String) line;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EndOfInputException();
    } finally {
      activePrompt = null;
    }
  }

  /** Prints a block; if a question is waiting for an answer, repeats it below the block. */
  private void print(String text) {
    synchronized (out) {
      String pending = activePrompt;
      if (pending != null) {
        out.println();
      }
      out.print(text);
      if (pending != null) {
        out.print(pending);
      }
      out.flush();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Formatting

  /** The pop as printed when a call starts. */
  public static String formatPop(CallStarted c) {
    StringBuilder sb = new StringBuilder();
    sb.append('\n').append(RULE).append('\n');
    boolean outbound = CallStarted.OUTBOUND.equals(c.direction());
    sb.append(outbound ? " OUTBOUND CALL to " : " CALL from ").append(party(c));
    if (!outbound && c.queue() != null) {
      sb.append("   queue: ").append(c.queue());
    } else if (outbound && c.queue() != null) {
      sb.append("   campaign: ").append(c.queue());
    }
    if (c.replay()) {
      sb.append("   (still open, re-sent after reconnect)");
    }
    sb.append('\n').append(" call id: ").append(c.callId()).append('\n');
    ObjectiveView o = c.objective();
    if (o == null) {
      sb.append(" No objective configured for this call.\n");
    } else {
      sb.append(RULE.replace('=', '-')).append('\n');
      sb.append(" OBJECTIVE:  ").append(nz(o.title())).append('\n');
      sb.append(" >> ADVANCE: ").append(nz(o.advance())).append('\n');
      sb.append("    Measured by: ").append(nz(o.measure())).append('\n');
      sb.append("    Time frame:  ").append(nz(o.timeFrame())).append('\n');
      if (o.stage() != null) {
        sb.append(" STAGE:      ").append(o.stage()).append('\n');
      }
      LastCall last = o.lastCall();
      if (last != null) {
        sb.append(" LAST CALL:  ").append(last.code()).append(last.advanceObtained() ? " (advance obtained)" : " (no advance)")
            .append(" on ").append(Instant.ofEpochMilli(last.atMillis()).atZone(ZoneId.systemDefault()).toLocalDate())
            .append(last.stage() == null ? "" : " at stage " + last.stage()).append('\n');
      }
      if (o.secondary() != null) {
        sb.append(" ALSO:       ").append(nz(o.secondary().title())).append(" - ")
            .append(nz(o.secondary().advance())).append('\n');
      }
      if (!o.checklist().isEmpty()) {
        sb.append(" CHECKLIST (* = required):\n");
        appendChecklist(sb, o.checklist());
      }
    }
    if (!c.dispositionCodes().isEmpty()) {
      sb.append(" DISPOSITION CODES: ");
      List<String> parts = new ArrayList<>();
      for (DispositionCode d : c.dispositionCodes()) {
        parts.add(d.code() + (d.label() == null ? "" : " (" + d.label() + ")"));
      }
      sb.append(String.join(", ", parts)).append('\n');
    }
    sb.append(RULE).append('\n');
    return sb.toString();
  }

  private static void appendChecklist(StringBuilder sb, List<ChecklistItem> checklist) {
    int width = String.valueOf(checklist.size()).length();
    for (int i = 0; i < checklist.size(); i++) {
      ChecklistItem item = checklist.get(i);
      String tag = item.kind() == null ? "" : "[" + item.kind().wire() + "]";
      sb.append(String.format(Locale.ROOT, "   %" + width + "d. %-12s %s%s%n",
          i + 1, tag, nz(item.text()), item.required() ? "  *" : ""));
    }
  }

  /** The line printed when a call ends: when, and the wrap-up deadline. */
  public static String formatEnded(CallEnded e, CallStarted call, Clock clock) {
    ZoneId zone = clock.getZone();
    Instant deadline = Instant.ofEpochMilli(e.wrapUpDeadlineMillis());
    Duration left = Duration.between(clock.instant(), deadline);
    String leftText =
        left.isNegative() || left.isZero()
            ? "already passed"
            : "in " + (left.toMinutes() > 0 ? left.toMinutes() + " min " : "") + left.toSecondsPart() + " s";
    return "\n*** Call "
        + e.callId()
        + (call == null ? "" : describeParty(call))
        + " ended"
        + (e.reason() == null ? "" : " (" + e.reason() + ")")
        + ". Wrap-up: submit the disposition by "
        + TIME.format(deadline.atZone(zone))
        + " ("
        + leftText
        + ").\n";
  }

  static String formatAck(DispositionAck ack) {
    if (ack.duplicate()) {
      DispositionSubmit s = ack.stored();
      return "Saved earlier: call "
          + ack.callId()
          + " already had a disposition"
          + (s == null ? "" : " (" + s.code() + ")")
          + "; the first one was kept.\n";
    }
    return "Saved: disposition for call " + ack.callId() + " stored by the server.\n";
  }

  private static String formatSummary(DispositionSubmit d, CallStarted call) {
    List<ChecklistItem> items = call.objective() == null ? List.of() : call.objective().checklist();
    List<String> doneNumbers = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      if (d.checklistDone().contains(items.get(i).id())) {
        doneNumbers.add(String.valueOf(i + 1));
      }
    }
    return "Summary: code "
        + d.code()
        + " | advance "
        + (d.advanceObtained() ? "YES" : "no")
        + " | checklist "
        + (doneNumbers.isEmpty() ? "none" : String.join(",", doneNumbers))
        + " | upsell "
        + d.upsellCount()
        + (d.upsellNotes().isEmpty() ? "" : " (" + String.join("; ", d.upsellNotes()) + ")")
        + " | CSAT "
        + (d.csat() == null ? "-" : d.csat())
        + (d.notes() == null ? "" : " | notes: " + d.notes())
        + "\n";
  }

  private static String party(CallStarted c) {
    String number = c.callerNumber() == null ? "unknown number" : c.callerNumber();
    return c.callerName() == null || c.callerName().isBlank() ? number : c.callerName() + " <" + number + ">";
  }

  private static String describeParty(CallStarted c) {
    return c.callerNumber() == null && c.callerName() == null ? "" : " (" + party(c) + ")";
  }

  private static String advanceHint(CallStarted c) {
    return c.objective() == null || c.objective().advance() == null
        ? ""
        : " (" + c.objective().advance() + ")";
  }

  private static int parseIntOr(String s, int fallback) {
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
