package org.callobjectives.bridge;

import java.io.IOError;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
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
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.callobjectives.protocol.AgentState;
import org.callobjectives.protocol.AgentStats;
import org.callobjectives.protocol.CallEnded;
import org.callobjectives.protocol.CallStarted;
import org.callobjectives.protocol.ChecklistItem;
import org.callobjectives.protocol.Commitment;
import org.callobjectives.protocol.CommitmentAnswer;
import org.callobjectives.protocol.Congratulation;
import org.callobjectives.protocol.DispositionAck;
import org.callobjectives.protocol.DispositionCode;
import org.callobjectives.protocol.DispositionSubmit;
import org.callobjectives.protocol.ErrorMessage;
import org.callobjectives.protocol.LastCall;
import org.callobjectives.protocol.ObjectiveView;
import org.callobjectives.protocol.ProposalAck;
import org.callobjectives.protocol.Welcome;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.LineReaderImpl;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;

/**
 * The terminal front end ({@code --headless}), on a JLine line editor: pops, call ends and the
 * agent's state print above the prompt; the prompt always names the call its question is for.
 *
 * <p>Input never moves to another question or call behind the agent's back: the question on screen
 * changes only when the agent presses Enter, and a new call opens only on the agent's command
 * (Enter on an empty line at the idle prompt, or {@code /open N}). So text typed before a pop
 * answers exactly the question that was on screen, for the call it named. Every call waiting for a
 * disposition is kept with its draft in {@link WrapUps}, until the server acks it.
 *
 * <p>When the pop asks about the customer's earlier commitment, the form asks it right after the
 * advance (1 kept, 2 not kept, 3 not yet due, '-' no answer), and {@code /commitment} answers it at
 * any prompt of the open form.
 *
 * <p>Use it as the client's {@link BridgeClient.Listener} and call {@link #run} on a thread of its
 * own (e.g. main); listener callbacks never block on the agent.
 */
public final class HeadlessUi implements BridgeClient.Listener {

  static final int MAX_UPSELL_COUNT = 99;
  static final int MAX_UPSELL_NOTE = 140;
  static final int MAX_NOTES = 2000;

  private static final String RULE = "=".repeat(72);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

  /** Standard input ended: no more answers will come. */
  public static final class EndOfInputException extends RuntimeException {
    EndOfInputException() {
      super("end of input");
    }
  }

  /** The questions of one disposition, in the order they are asked. */
  private enum Step {
    CODE,
    ADVANCE,
    COMMITMENT,
    CHECKLIST,
    UPSELL,
    UPSELL_NOTES,
    CSAT,
    NOTES,
    CONFIRM
  }

  private final Terminal terminal;
  private final LineReaderImpl reader;
  private final Clock clock;
  private final WrapUps wrapUps;
  private volatile AgentState agentState;
  private volatile BiFunction<String, String, CompletableFuture<ProposalAck>> proposer;
  private Function<DispositionSubmit, CompletableFuture<DispositionAck>> submitter; // UI thread

  // The open form: written by the UI thread only; read by the prompt refresh on other threads.
  private volatile String focus;
  private volatile Step step;
  private final Object promptLock = new Object();
  private volatile Thread uiThread;
  private String shownPrompt; // guarded by promptLock

  public HeadlessUi(InputStream in, OutputStream out) {
    this(in, out, Clock.systemDefaultZone());
  }

  /** On plain streams (a pipe, a test): a dumb terminal, line by line. */
  public HeadlessUi(InputStream in, OutputStream out, Clock clock) {
    this(dumb(in, out), clock, WrapUps.inMemory());
  }

  public HeadlessUi(Terminal terminal, Clock clock, WrapUps wrapUps) {
    this.terminal = Objects.requireNonNull(terminal, "terminal");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.wrapUps = Objects.requireNonNull(wrapUps, "wrapUps");
    this.reader =
        (LineReaderImpl)
            LineReaderBuilder.builder()
                .terminal(terminal)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true) // '!' in notes is text
                .option(LineReader.Option.INSERT_TAB, true)
                .variable(LineReader.HISTORY_SIZE, 0)
                .build();
    wrapUps.addListener(this::refreshPrompt);
  }

  private static Terminal dumb(InputStream in, OutputStream out) {
    try {
      return new DumbTerminal("agent-bridge", Terminal.TYPE_DUMB, in, out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The pending wrap-ups this terminal works on. */
  public WrapUps wrapUps() {
    return wrapUps;
  }

  /**
   * Enables the {@code propose OBJECTIVE_ID|- TEXT} command (e.g. {@code client::propose}): the
   * agent suggests a change to an objective or target to the admins.
   */
  public void proposals(BiFunction<String, String, CompletableFuture<ProposalAck>> proposer) {
    this.proposer = proposer;
  }

  // ---------------------------------------------------------------------------------------------
  // Listener: print what the server pushes, above the prompt

  @Override
  public void onConnected() {
    print("[connected]");
  }

  @Override
  public void onWelcome(Welcome welcome) {
    if (welcome.displayName() != null) {
      print("Signed in as " + Text.clean(welcome.displayName()) + ". Waiting for calls...");
    }
  }

  @Override
  public void onDisconnected(String reason) {
    print(
        "[disconnected: "
            + Text.clean(reason)
            + "; reconnecting - dispositions and drafts are kept]");
  }

  @Override
  public void onCallStarted(CallStarted call) {
    boolean isNew = wrapUps.callStarted(call);
    if (!isNew && call.replay()) {
      return; // already known: the draft stays as it is
    }
    print(formatPop(call) + hint(call.callId()));
  }

  @Override
  public void onCallEnded(CallEnded ended) {
    wrapUps.callEnded(ended);
    CallStarted call = wrapUps.get(ended.callId()).map(WrapUp::call).orElse(null);
    print(formatEnded(ended, call, clock).strip() + hint(ended.callId()));
  }

  @Override
  public void onAck(DispositionAck ack) {
    // Acks of dispositions re-sent from the outbox (our own submissions are reported by their
    // future).
    if (wrapUps.get(ack.callId()).isPresent()) {
      wrapUps.acked(ack.callId());
      print(formatAck(ack));
    }
  }

  @Override
  public void onAgentStats(AgentStats s) {
    print(formatStats(s));
  }

  @Override
  public void onComplianceReminder(org.callobjectives.protocol.ComplianceReminder r) {
    print("Reminder: " + reminder(r));
  }

  /** A compliance reminder as the agent reads it, on one line. */
  static String reminder(org.callobjectives.protocol.ComplianceReminder r) {
    return "still to do on this call: " + Text.clean(r.text()) + " (required)";
  }

  @Override
  public void onCongratulation(Congratulation c) {
    print("*** " + congratulation(c.text()) + " ***");
  }

  @Override
  public void onAgentState(AgentState s) {
    agentState = s;
    print(formatState(s, clock));
    refreshPrompt();
  }

  @Override
  public void onError(ErrorMessage error) {
    if (ErrorMessage.UNAUTHORIZED.equals(error.code())) {
      print("!! The server rejected this agent/token: " + Text.nz(error.message()) + " (retrying)");
      return;
    }
    if (error.requestId() == null) {
      print("!! Server error: " + Text.nz(error.code()) + " " + Text.nz(error.message()));
      return;
    }
    Optional<String> callId = wrapUps.callOfRequest(error.requestId());
    if (callId.isEmpty()) {
      return;
    }
    if (ErrorMessage.sendAgainLater(error.code())) {
      print(
          "!! The server did not take the disposition for "
              + label(callId.get())
              + " yet ("
              + Text.nz(error.message())
              + "); it is kept and sent again.");
    } else {
      refused(callId.get(), error.requestId(), error);
    }
  }

  /** A congratulation with one "Well done" in front (the server's text may carry its own). */
  static String congratulation(String text) {
    String t = Text.nz(text).strip();
    return t.toLowerCase(Locale.ROOT).startsWith("well done") ? t : "Well done: " + t;
  }

  /**
   * One line of the agent's own figures: today, and opportunities this shift against the target.
   */
  static String formatStats(AgentStats s) {
    StringBuilder sb =
        new StringBuilder("Your figures today: ")
            .append(count(s.calls(), "call"))
            .append(", ")
            .append(count(s.advances(), "advance"));
    if (s.advanceRatePercent() != null) {
      sb.append(String.format(Locale.ROOT, " (%.0f %%)", s.advanceRatePercent()));
    }
    if (s.compliancePercent() != null) {
      sb.append(String.format(Locale.ROOT, ", compliance %.0f %%", s.compliancePercent()));
    }
    sb.append("; upsell opportunities this shift ")
        .append(s.shiftOpportunities())
        .append('/')
        .append(s.shiftOpportunitiesTarget());
    if (s.undisposed() > 0) {
      sb.append("; ").append(count(s.undisposed(), "call")).append(" without disposition");
    }
    return sb.append('\n').toString();
  }

  /** "1 call", "2 calls". */
  private static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  /** The agent's state as one line: state, reason, time in it, pending wrap-ups, forced wrap-up. */
  static String formatState(AgentState s, Clock clock) {
    String state = s.state() == null ? "unknown" : Text.clean(s.state()).replace('_', ' ');
    StringBuilder sb = new StringBuilder("State: ").append(state);
    if (s.reason() != null && !s.reason().isBlank()) {
      sb.append(" (").append(Text.clean(s.reason())).append(')');
    }
    if (s.sinceMillis() > 0) {
      sb.append(" for ")
          .append(minSec(Duration.ofMillis(Math.max(0, clock.millis() - s.sinceMillis()))));
    }
    sb.append("; ")
        .append(s.pendingWrapUps())
        .append(" pending wrap-up")
        .append(s.pendingWrapUps() == 1 ? "" : "s");
    if (s.forcedWrapUp()) {
      sb.append("; forced wrap-up: paused in the queue until you submit");
    }
    return sb.toString();
  }

  // ---------------------------------------------------------------------------------------------
  // The prompt loop

  /**
   * Reads the agent's answers and commands and submits each confirmed disposition; returns when the
   * input ends or the thread is interrupted.
   */
  public void run(Function<DispositionSubmit, CompletableFuture<DispositionAck>> submitter) {
    this.submitter = Objects.requireNonNull(submitter, "submitter");
    uiThread = Thread.currentThread();
    print("Type /help for the commands. Enter on an empty line opens the next call's form.");
    if (wrapUps.size() > 0) {
      print(formatList()); // drafts kept from an earlier run
    }
    while (true) {
      String line;
      try {
        line = read();
      } catch (EndOfInputException e) {
        print("(input closed: no more dispositions can be entered)");
        return;
      }
      handle(line).ifPresent(this::send);
    }
  }

  /** Opens {@code call}'s form and asks until the agent confirms; the disposition is not sent. */
  public DispositionSubmit prompt(CallStarted call) {
    wrapUps.callStarted(call);
    open(call.callId());
    while (true) {
      Optional<DispositionSubmit> d = handle(read());
      if (d.isPresent()) {
        return d.get();
      }
    }
  }

  private String read() {
    while (true) {
      try {
        String prompt;
        synchronized (promptLock) {
          uiThread = Thread.currentThread();
          prompt = promptText();
          shownPrompt = prompt;
        }
        return reader.readLine(prompt.replace("%", "%%"));
      } catch (UserInterruptException e) {
        // Ctrl-C clears the line; quitting is Ctrl-D or closing the terminal.
      } catch (EndOfFileException | IOError e) {
        throw new EndOfInputException();
      }
      if (Thread.currentThread().isInterrupted()) {
        throw new EndOfInputException();
      }
    }
  }

  /** One line typed at the prompt on screen; a disposition when the agent confirmed one. */
  private Optional<DispositionSubmit> handle(String raw) {
    String line = raw == null ? "" : raw.strip();
    if (line.startsWith("/")) {
      command(line.substring(1).strip());
      return Optional.empty();
    }
    if (focus == null) {
      idle(line);
      return Optional.empty();
    }
    WrapUp u = wrapUps.get(focus).orElse(null);
    if (u == null || u.sending()) {
      print(
          "Call "
              + Text.nz(focus)
              + (u == null ? " is no longer pending" : " was submitted already")
              + "; that answer was not used.");
      focus = null;
      return Optional.empty();
    }
    return answer(u, line);
  }

  private void idle(String line) {
    if (line.isEmpty()) {
      Optional<WrapUp> next = nextToOpen();
      if (next.isPresent()) {
        open(next.get().callId());
      } else {
        print("No call is waiting for a disposition.");
      }
      return;
    }
    String[] w = line.split("\\s+", 2);
    if (w[0].equalsIgnoreCase("propose")) {
      command(line);
      return;
    }
    print(
        "  '"
            + abbreviate(Text.clean(line))
            + "' was not used: no disposition form is open. "
            + "Press Enter to open the next call's form, or type /help.");
  }

  private void command(String line) {
    String[] w = line.split("\\s+", 3);
    String name = w[0].toLowerCase(Locale.ROOT);
    switch (name) {
      case "list", "l" -> print(formatList());
      case "open", "o" -> {
        List<WrapUp> all = wrapUps.all();
        int n = w.length > 1 && w[1].matches("\\d{1,4}") ? Integer.parseInt(w[1]) : -1;
        if (n < 1 || n > all.size()) {
          print("  usage: /open N   (N from /list: 1-" + all.size() + ")");
        } else if (all.get(n - 1).sending()) {
          print("  " + label(all.get(n - 1)) + " is submitted and waiting for the server.");
        } else {
          open(all.get(n - 1).callId());
        }
      }
      case "back", "b" -> {
        if (focus != null) {
          print("Form closed; the draft for " + label(focus) + " is kept (/list, /open N).");
        }
        focus = null;
      }
      case "commitment", "c" -> commitment(w.length > 1 ? line.split("\\s+", 2)[1] : "");
      case "discard" -> discard(w);
      case "propose" -> propose(w);
      case "help", "h", "?" ->
          print(
              String.join(
                  "\n",
                  "Commands (type them at any prompt):",
                  "  /list              the calls waiting for a disposition, with their drafts",
                  "  /open N            fill in call N's disposition (its draft is kept)",
                  "  /back              close the form; the draft is kept",
                  "  /commitment A      answer the open call's commitment question: 1 kept,",
                  "                     2 not kept, 3 not yet due, - no answer (/c for short)",
                  "  /discard N yes     drop call N's draft for good (e.g. a call the server does not know)",
                  "  /propose OBJECTIVE_ID|- TEXT   suggest a change to the admins",
                  "At the idle prompt, Enter on an empty line opens the most urgent call.",
                  "In a form, Enter on an empty answer keeps the value shown in [brackets]; '-' clears it."));
      default -> print("  '/" + abbreviate(Text.clean(line)) + "' is not a command; type /help.");
    }
  }

  /** {@code /commitment ANSWER}: answers the open form's commitment question (or shows it). */
  private void commitment(String arg) {
    WrapUp u = focus == null ? null : wrapUps.get(focus).orElse(null);
    if (u == null) {
      print("  Open a call's form first (Enter, or /open N), then /commitment 1|2|3|-.");
      return;
    }
    Commitment c = u.commitment();
    if (c == null) {
      print("  The pop for " + label(u) + " asks no commitment question.");
      return;
    }
    if (u.sending()) {
      print("  " + label(u) + " is submitted and waiting for the server.");
      return;
    }
    if (arg.isBlank()) {
      print(
          "  "
              + question(c)
              + " Answer: "
              + answerText(u.draft().commitment())
              + ". Use /commitment 1 (kept), 2 (not kept), 3 (not yet due) or - (no answer).");
      return;
    }
    Optional<Optional<CommitmentAnswer>> a = parseCommitment(arg);
    if (a.isEmpty()) {
      print("  " + COMMITMENT_USAGE);
      return;
    }
    CommitmentAnswer answer = a.get().orElse(null);
    update(u, x -> x.withCommitment(answer));
    print("Commitment for " + label(u) + ": " + answerText(answer) + ".");
  }

  private static final String COMMITMENT_USAGE =
      "Please answer 1 (kept), 2 (not kept), 3 (not yet due), or '-' for no answer.";

  /**
   * The agent's answer to a commitment question: empty when it is not one, an empty answer for '-'.
   */
  static Optional<Optional<CommitmentAnswer>> parseCommitment(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", " ").strip();
    if (text.strip().equals("-") || t.equals("none")) {
      return Optional.of(Optional.empty());
    }
    return Optional.ofNullable(
            switch (t) {
              case "1", "k", "kept" -> CommitmentAnswer.KEPT;
              case "2", "not kept", "notkept", "nk" -> CommitmentAnswer.NOT_KEPT;
              case "3", "not yet", "notyet", "not yet due", "ny" -> CommitmentAnswer.NOT_YET;
              default -> null;
            })
        .map(Optional::of);
  }

  /** "kept", "not kept", "not yet due", or "not answered". */
  static String answerText(CommitmentAnswer a) {
    if (a == null) {
      return "not answered";
    }
    return switch (a) {
      case KEPT -> "kept";
      case NOT_KEPT -> "not kept";
      case NOT_YET -> "not yet due";
    };
  }

  private static String question(Commitment c) {
    return c.question() == null || c.question().isBlank()
        ? Commitment.DEFAULT_QUESTION
        : Text.clean(c.question());
  }

  private void discard(String[] w) {
    List<WrapUp> all = wrapUps.all();
    int n = w.length > 1 && w[1].matches("\\d{1,4}") ? Integer.parseInt(w[1]) : -1;
    if (n < 1 || n > all.size()) {
      print("  usage: /discard N yes   (N from /list)");
      return;
    }
    WrapUp u = all.get(n - 1);
    if (w.length < 3 || !w[2].equalsIgnoreCase("yes")) {
      print("  Type /discard " + n + " yes to drop the draft for " + label(u) + " for good.");
      return;
    }
    wrapUps.discard(u.callId());
    if (u.callId().equals(focus)) {
      focus = null;
    }
    print("Draft for " + label(u) + " dropped.");
  }

  private void propose(String[] w) {
    var p = proposer;
    if (p == null) {
      print("  Proposals are not available here.");
      return;
    }
    if (w.length < 3) {
      print("  usage: propose OBJECTIVE_ID|- TEXT   (- = about the targets in general)");
      return;
    }
    String objective = w[1].equals("-") ? null : w[1];
    p.apply(objective, w[2])
        .whenComplete(
            (ack, err) -> {
              if (err == null) {
                print("Proposal #" + ack.proposalId() + " sent to the admins.");
              } else {
                Throwable c =
                    err instanceof CompletionException && err.getCause() != null
                        ? err.getCause()
                        : err;
                print("!! Proposal not sent: " + Text.nz(c.getMessage()));
              }
            });
  }

  /**
   * The call Enter opens, in the pop-up's waiting order: ended calls inside their deadline (most
   * urgent first), then the live one, then calls past their deadline.
   */
  private Optional<WrapUp> nextToOpen() {
    return WaitingOrder.order(
            wrapUps.all().stream().filter(u -> !u.sending()).toList(), clock.instant())
        .stream()
        .findFirst();
  }

  private void open(String callId) {
    focus = callId;
    WrapUp u = wrapUps.get(callId).orElseThrow();
    StringBuilder sb =
        new StringBuilder("\n--- Disposition for call ")
            .append(Text.nz(callId))
            .append(describeParty(u.call()));
    if (u.call().queue() != null) {
      sb.append(" | queue ").append(Text.clean(u.call().queue()));
    }
    sb.append(" | ").append(timeLeft(u)).append(" ---");
    if (u.error() != null) {
      sb.append("\n!! The server refused the last submission: ").append(Text.clean(u.error()));
    }
    print(sb.toString());
    enter(Step.CODE, u);
  }

  private void enter(Step s, WrapUp u) {
    step = s;
    if (s == Step.CODE && !u.call().dispositionCodes().isEmpty()) {
      StringBuilder sb = new StringBuilder("Disposition codes:");
      List<DispositionCode> codes = u.call().dispositionCodes();
      for (int i = 0; i < codes.size(); i++) {
        DispositionCode c = codes.get(i);
        sb.append(
            String.format(
                Locale.ROOT,
                "%n  %d) %-8s %s",
                Codes.key(codes, i),
                Text.clean(c.code()),
                Text.nz(c.label())));
      }
      print(sb.toString());
    } else if (s == Step.COMMITMENT && u.commitment() != null) {
      StringBuilder sb = new StringBuilder("The customer's commitment, ");
      appendCommitment(sb, u.commitment());
      print(sb.toString().stripTrailing());
    } else if (s == Step.CHECKLIST) {
      StringBuilder sb = new StringBuilder("Checklist:\n");
      appendChecklist(sb, checklist(u));
      print(sb.toString().stripTrailing());
    } else if (s == Step.CONFIRM) {
      print(formatSummary(u.draft(), u.call()));
    }
  }

  private Optional<DispositionSubmit> answer(WrapUp u, String line) {
    Draft d = u.draft();
    String lower = line.toLowerCase(Locale.ROOT);
    List<DispositionCode> codes = u.call().dispositionCodes();
    switch (step) {
      case CODE -> {
        String code;
        if (line.isEmpty() && d.code() != null) {
          code = d.code();
        } else if (codes.isEmpty()) {
          if (line.isEmpty()) {
            print("  Please type a disposition code.");
            return Optional.empty();
          }
          code = line;
        } else {
          Optional<DispositionCode> c = Codes.find(codes, line);
          if (c.isEmpty()) {
            print(
                "  '"
                    + abbreviate(Text.clean(line))
                    + "' is not one of the codes: type a number shown ("
                    + Codes.keys(codes)
                    + ") or the code.");
            return Optional.empty();
          }
          code = c.get().code();
        }
        // An advance answer the new code refuses is not offered as the default.
        update(
            u,
            x ->
                x.withCode(code)
                    .withAdvance(
                        Codes.mismatch(codes, code, x.advance()) == null
                            ? x.advance()
                            : fittingAdvance(codes, code)));
        enter(Step.ADVANCE, u);
      }
      case ADVANCE -> {
        Boolean a = line.isEmpty() ? d.advance() : yesNo(lower);
        if (a == null) {
          print("  Please answer y or n.");
          return Optional.empty();
        }
        String mismatch = Codes.mismatch(codes, d.code(), a);
        // A refused answer is not kept as the default: the value the code asks for (or none) is.
        update(u, x -> x.withAdvance(mismatch == null ? a : fittingAdvance(codes, x.code())));
        if (mismatch != null) {
          print(
              "  " + mismatch + ". Pick the code again (Enter keeps it), then answer the advance.");
          enter(Step.CODE, u);
          return Optional.empty();
        }
        enter(afterAdvance(u), u);
      }
      case COMMITMENT -> {
        Optional<CommitmentAnswer> a;
        if (line.isEmpty()) {
          a = Optional.ofNullable(d.commitment());
        } else {
          Optional<Optional<CommitmentAnswer>> parsed = parseCommitment(line);
          if (parsed.isEmpty()) {
            print("  " + COMMITMENT_USAGE);
            return Optional.empty();
          }
          a = parsed.get();
        }
        update(u, x -> x.withCommitment(a.orElse(null)));
        enter(checklist(u).isEmpty() ? Step.UPSELL : Step.CHECKLIST, u);
      }
      case CHECKLIST -> {
        List<ChecklistItem> items = checklist(u);
        List<String> done = new ArrayList<>();
        if (line.isEmpty()) {
          done.addAll(d.checklistDone());
        } else if (lower.equals("-") || lower.equals("none")) {
          // none
        } else if (lower.equals("all")) {
          items.forEach(i -> done.add(i.id()));
        } else {
          Set<Integer> picked = new LinkedHashSet<>();
          for (String part : lower.split("[,\\s]+")) {
            if (part.isEmpty()) {
              continue;
            }
            int n = part.matches("\\d{1,4}") ? Integer.parseInt(part) : -1;
            if (n < 1 || n > items.size()) {
              print(
                  "  '"
                      + abbreviate(Text.clean(part))
                      + "' is not an item number: use numbers 1-"
                      + items.size()
                      + ", e.g. 1,3.");
              return Optional.empty();
            }
            picked.add(n);
          }
          picked.stream().sorted().forEach(n -> done.add(items.get(n - 1).id()));
        }
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
          if (items.get(i).required() && !done.contains(items.get(i).id())) {
            missing.add(String.valueOf(i + 1));
          }
        }
        if (!missing.isEmpty()) {
          print("  Note: required item(s) " + String.join(", ", missing) + " not done.");
        }
        update(u, x -> x.withChecklist(done));
        enter(Step.UPSELL, u);
      }
      case UPSELL -> {
        int n =
            line.isEmpty()
                ? d.upsellCount()
                : line.matches("\\d{1,6}") ? Integer.parseInt(line) : -1;
        if (n < 0 || n > MAX_UPSELL_COUNT) {
          print("  Please enter a whole number from 0 to " + MAX_UPSELL_COUNT + ".");
          return Optional.empty();
        }
        update(u, x -> x.withUpsell(n, n == 0 ? "" : x.upsellNotes()));
        enter(n > 0 ? Step.UPSELL_NOTES : Step.CSAT, u);
      }
      case UPSELL_NOTES -> {
        String notes = line.isEmpty() ? d.upsellNotes() : line.equals("-") ? "" : line;
        for (String part : notes.split(";")) {
          if (part.strip().length() > MAX_UPSELL_NOTE) {
            print(
                "  Each upsell note must be at most "
                    + MAX_UPSELL_NOTE
                    + " characters; please shorten it.");
            return Optional.empty();
          }
        }
        update(u, x -> x.withUpsell(x.upsellCount(), notes));
        enter(Step.CSAT, u);
      }
      case CSAT -> {
        Integer csat;
        if (line.isEmpty()) {
          csat = d.csat();
        } else if (line.equals("-")) {
          csat = null;
        } else {
          int n = line.matches("\\d{1,6}") ? Integer.parseInt(line) : -1;
          if (n < 0 || n > 100) {
            print("  Please enter a whole number from 0 to 100, or leave it blank.");
            return Optional.empty();
          }
          csat = n;
        }
        update(u, x -> x.withCsat(csat));
        enter(Step.NOTES, u);
      }
      case NOTES -> {
        String notes = line.isEmpty() ? d.notes() : line.equals("-") ? "" : line;
        if (notes.length() > MAX_NOTES) {
          print("  At most " + MAX_NOTES + " characters, please.");
          return Optional.empty();
        }
        update(u, x -> x.withNotes(notes));
        enter(Step.CONFIRM, wrapUps.get(u.callId()).orElse(u));
      }
      case CONFIRM -> {
        Boolean yes = line.isEmpty() ? Boolean.TRUE : yesNo(lower);
        if (yes == null) {
          print("  Please answer y or n.");
          return Optional.empty();
        }
        if (!yes) {
          print("Starting over.");
          update(u, x -> Draft.EMPTY);
          enter(Step.CODE, u);
          return Optional.empty();
        }
        String mismatch = Codes.mismatch(codes, d.code(), d.advance());
        if (d.code() == null || d.advance() == null || mismatch != null) {
          print(
              "  "
                  + (mismatch != null ? mismatch : "The code and the advance answer are needed")
                  + ".");
          if (mismatch != null) {
            update(u, x -> x.withAdvance(fittingAdvance(codes, x.code())));
          }
          enter(Step.CODE, u);
          return Optional.empty();
        }
        focus = null;
        return Optional.of(d.toSubmit(null, u.callId(), u.commitment() != null));
      }
      default -> throw new IllegalStateException("step " + step);
    }
    return Optional.empty();
  }

  /** The step after the advance: the commitment question if the pop asks one, the checklist... */
  private static Step afterAdvance(WrapUp u) {
    if (u.commitment() != null) {
      return Step.COMMITMENT;
    }
    return checklist(u).isEmpty() ? Step.UPSELL : Step.CHECKLIST;
  }

  /** The advance answer this code asks for, or null when it takes either. */
  private static Boolean fittingAdvance(List<DispositionCode> codes, String code) {
    return Codes.named(codes, code).map(DispositionCode::advance).orElse(null);
  }

  private void update(WrapUp u, java.util.function.UnaryOperator<Draft> change) {
    wrapUps.updateDraft(u.callId(), change);
  }

  private void send(DispositionSubmit draft) {
    String requestId = UUID.randomUUID().toString();
    DispositionSubmit d =
        new DispositionSubmit(
            requestId,
            draft.callId(),
            draft.code(),
            draft.advanceObtained(),
            draft.checklistDone(),
            draft.upsellCount(),
            draft.upsellNotes(),
            draft.csat(),
            draft.notes(),
            draft.commitment());
    String callId = d.callId();
    print(
        "Submitting the disposition for "
            + label(callId)
            + "... (kept on disk until the server confirms)");
    CompletableFuture<DispositionAck> f;
    try {
      f = submitter.apply(d);
    } catch (RuntimeException e) {
      f = CompletableFuture.failedFuture(e);
    }
    // Marked sent only now that the outbox has it (or refused it): a failed write leaves it
    // editable.
    wrapUps.sent(callId, requestId);
    f.whenComplete(
        (ack, err) -> {
          if (err == null) {
            if (wrapUps.get(callId).isPresent()) {
              wrapUps.acked(callId);
              print(formatAck(ack));
            }
            return;
          }
          Throwable cause =
              err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
          if (cause instanceof DispositionRejectedException r) {
            refused(callId, requestId, r.error());
          } else {
            // Not in a running outbox (write failed, or the bridge is closing): editable again.
            wrapUps.unsent(callId, requestId, Text.nz(cause.getMessage()));
            int n = wrapUps.all().stream().map(WrapUp::callId).toList().indexOf(callId) + 1;
            print(
                "!! Not saved for "
                    + label(callId)
                    + ": "
                    + Text.nz(cause.getMessage())
                    + (n > 0 ? ". The draft is kept: /open " + n + " to submit it again." : ""));
          }
        });
  }

  /** The server refused this call's submission for good: the draft is editable again. */
  private void refused(String callId, String requestId, ErrorMessage e) {
    WrapUp u = wrapUps.get(callId).orElse(null);
    if (u == null || !requestId.equals(u.requestId())) {
      return; // already reported
    }
    wrapUps.refused(callId, e.message() == null ? e.code() : e.message());
    int n = wrapUps.all().stream().map(WrapUp::callId).toList().indexOf(callId) + 1;
    print(
        "!! Not saved: "
            + Text.nz(e.message())
            + " ("
            + Text.nz(e.code())
            + ") for "
            + label(callId)
            + ". The draft is kept: /open "
            + n
            + (uncorrectable(e.code())
                ? " to look at it; this server has no such call of yours, so /discard "
                    + n
                    + " yes drops it."
                : " to correct it."));
  }

  /** Refusals no change to the form can mend: the call is not (or no longer) the agent's here. */
  private static boolean uncorrectable(String code) {
    return ErrorMessage.UNKNOWN_CALL.equals(code) || ErrorMessage.NOT_YOUR_CALL.equals(code);
  }

  // ---------------------------------------------------------------------------------------------
  // Output

  /** Prints a block above the prompt (the prompt and what is typed stay as they are). */
  private void print(String text) {
    reader.printAbove(text.endsWith("\n") ? text : text + "\n");
  }

  /**
   * Redraws the prompt on screen if what it shows changed (a call ended, a draft was saved, the
   * agent's state moved), keeping what the agent has typed. From other threads only: the UI thread
   * builds a fresh prompt at every read.
   */
  private void refreshPrompt() {
    if (Thread.currentThread() == uiThread) {
      return;
    }
    synchronized (promptLock) {
      try {
        String text = promptText();
        if (text.equals(shownPrompt)) {
          return;
        }
        shownPrompt = text;
        reader.setPrompt(text.replace("%", "%%"));
        reader.callWidget(LineReader.REDISPLAY);
      } catch (IllegalStateException notReading) {
        // Between two reads: the next read shows the fresh prompt.
      } catch (RuntimeException e) {
        // A prompt that cannot be redrawn now is redrawn at the next read; never fail the caller.
      }
    }
  }

  private String promptText() {
    WrapUp u = focus == null ? null : wrapUps.get(focus).orElse(null);
    if (u == null) {
      long waiting = wrapUps.all().stream().filter(x -> !x.sending()).count();
      AgentState s = agentState;
      String state =
          s == null || s.state() == null ? "" : Text.clean(s.state()).replace('_', ' ') + " | ";
      return "["
          + state
          + (waiting == 0
              ? "no calls waiting"
              : waiting + " waiting - Enter opens " + nextToOpen().map(this::label).orElse(""))
          + "] > ";
    }
    Draft d = u.draft();
    String q =
        switch (step) {
          case CODE ->
              "Code ("
                  + (u.call().dispositionCodes().isEmpty()
                      ? "type it"
                      : Codes.keys(u.call().dispositionCodes()) + " or name)")
                  + current(d.code() == null ? null : Text.clean(d.code()));
          case ADVANCE ->
              "Advance obtained"
                  + advanceHint(u.call())
                  + "? [y/n]"
                  + current(d.advance() == null ? null : d.advance() ? "y" : "n");
          case COMMITMENT ->
              abbreviate(u.commitment() == null ? "Commitment" : question(u.commitment()))
                  + " 1=kept, 2=not kept, 3=not yet due ('-' = no answer)"
                  + current(d.commitment() == null ? null : answerText(d.commitment()));
          case CHECKLIST ->
              "Items done (e.g. 1,3; 'all'; '-' = none)" + current(itemNumbers(d, u.call()));
          case UPSELL ->
              "Upsell opportunities spotted (0-"
                  + MAX_UPSELL_COUNT
                  + ")"
                  + current(String.valueOf(d.upsellCount()));
          case UPSELL_NOTES ->
              "Upsell notes, ';' between several"
                  + current(
                      d.upsellNotes().isEmpty() ? null : abbreviate(Text.clean(d.upsellNotes())));
          case CSAT ->
              "CSAT 0-100 ('-' = none)"
                  + current(d.csat() == null ? null : String.valueOf(d.csat()));
          case NOTES ->
              "Notes ('-' = none)"
                  + current(d.notes().isEmpty() ? null : abbreviate(Text.clean(d.notes())));
          case CONFIRM -> "Submit this disposition? [Y/n]";
        };
    return "[" + label(u) + "] " + q + ": ";
  }

  private static String current(String value) {
    return value == null || value.isEmpty() ? "" : " [" + value + "]";
  }

  /** "Jane Doe <+44...> | sales | 1:35 left": how every prompt names its call. */
  private String label(WrapUp u) {
    CallStarted c = u.call();
    String who =
        c.callerName() == null && c.callerNumber() == null
            ? "call " + Text.nz(c.callId())
            : party(c);
    return who + (c.queue() == null ? "" : " | " + Text.clean(c.queue())) + " | " + timeLeft(u);
  }

  private String label(String callId) {
    return wrapUps.get(callId).map(this::label).orElse("call " + Text.nz(callId));
  }

  private String timeLeft(WrapUp u) {
    if (u.ended() == null) {
      return "on call";
    }
    Duration left =
        Duration.between(clock.instant(), Instant.ofEpochMilli(u.ended().wrapUpDeadlineMillis()));
    return left.isNegative() || left.isZero() ? "wrap-up time over" : minSec(left) + " left";
  }

  private static String minSec(Duration d) {
    long s = (d.toMillis() + 999) / 1000;
    return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }

  private String hint(String callId) {
    if (focus != null && !focus.equals(callId)) {
      int n = wrapUps.all().stream().map(WrapUp::callId).toList().indexOf(callId) + 1;
      return "\nYour form for "
          + label(focus)
          + " stays open; /open "
          + n
          + " switches to this call.";
    }
    return focus == null
        ? "\nPress Enter on an empty line to fill in a disposition (/list shows the waiting calls)."
        : "";
  }

  private String formatList() {
    List<WrapUp> all = wrapUps.all();
    if (all.isEmpty()) {
      return "No call is waiting for a disposition.";
    }
    StringBuilder sb = new StringBuilder("Calls waiting for a disposition:");
    for (int i = 0; i < all.size(); i++) {
      WrapUp u = all.get(i);
      Draft d = u.draft();
      sb.append(
              String.format(Locale.ROOT, "%n %s%d) ", u.callId().equals(focus) ? "*" : " ", i + 1))
          .append(label(u));
      sb.append(" | draft: ").append(d.code() == null ? "no code" : "code " + Text.clean(d.code()));
      if (!d.checklistDone().isEmpty()) {
        sb.append(", items ").append(itemNumbers(d, u.call()));
      }
      if (u.commitment() != null) {
        sb.append(", commitment ").append(answerText(d.commitment()));
      }
      if (u.sending()) {
        sb.append(" | submitted, waiting for the server");
      }
      if (u.error() != null) {
        sb.append(" | refused: ").append(Text.clean(u.error()));
      }
    }
    return sb.toString();
  }

  /** The pop as printed when a call starts; every outside text is cleaned of control characters. */
  public static String formatPop(CallStarted c) {
    StringBuilder sb = new StringBuilder();
    sb.append('\n').append(RULE).append('\n');
    boolean outbound = CallStarted.OUTBOUND.equals(c.direction());
    sb.append(outbound ? " OUTBOUND CALL to " : " CALL from ").append(party(c));
    if (c.queue() != null) {
      sb.append(outbound ? "   campaign: " : "   queue: ").append(Text.clean(c.queue()));
    }
    if (c.replay()) {
      sb.append("   (still open, re-sent after reconnect)");
    }
    sb.append('\n').append(" call id: ").append(Text.nz(c.callId())).append('\n');
    ObjectiveView o = c.objective();
    if (o == null) {
      sb.append(" No objective configured for this call.\n");
    } else {
      sb.append(RULE.replace('=', '-')).append('\n');
      sb.append(" OBJECTIVE:  ").append(Text.nz(o.title())).append('\n');
      sb.append(" >> ADVANCE: ").append(Text.nz(o.advance())).append('\n');
      sb.append("    Measured by: ").append(Text.nz(o.measure())).append('\n');
      sb.append("    Time frame:  ").append(Text.nz(o.timeFrame())).append('\n');
      if (o.stage() != null) {
        sb.append(" STAGE:      ").append(Text.clean(o.stage())).append('\n');
      }
      LastCall last = o.lastCall();
      if (last != null) {
        sb.append(" LAST CALL:  ")
            .append(Text.nz(last.code()))
            .append(last.advanceObtained() ? " (advance obtained)" : " (no advance)")
            .append(" on ")
            .append(
                Instant.ofEpochMilli(last.atMillis()).atZone(ZoneId.systemDefault()).toLocalDate())
            .append(last.stage() == null ? "" : " at stage " + Text.clean(last.stage()))
            .append('\n');
      }
      if (o.commitment() != null) {
        sb.append(" COMMITMENT: ");
        appendCommitment(sb, o.commitment());
        sb.append("    (answer it in the form, or /commitment 1|2|3 once the form is open)\n");
      }
      if (o.secondary() != null) {
        sb.append(" ALSO:       ")
            .append(Text.nz(o.secondary().title()))
            .append(" - ")
            .append(Text.nz(o.secondary().advance()))
            .append('\n');
      }
      if (!o.checklist().isEmpty()) {
        sb.append(" CHECKLIST (* = required):\n");
        appendChecklist(sb, o.checklist());
      }
    }
    List<DispositionCode> codes = c.dispositionCodes();
    if (!codes.isEmpty()) {
      List<String> parts = new ArrayList<>();
      for (int i = 0; i < codes.size(); i++) {
        DispositionCode d = codes.get(i);
        parts.add(
            Codes.key(codes, i)
                + "="
                + Text.nz(d.code())
                + (d.label() == null ? "" : " (" + Text.clean(d.label()) + ")"));
      }
      sb.append(" DISPOSITION CODES: ").append(String.join(", ", parts)).append('\n');
    }
    sb.append(RULE);
    return sb.toString();
  }

  /** The commitment question, what was agreed, by when, and when and by whom it was agreed. */
  private static void appendCommitment(StringBuilder sb, Commitment c) {
    sb.append("from ")
        .append(
            c.agreedAtMillis() > 0
                ? DAY.format(
                    Instant.ofEpochMilli(c.agreedAtMillis()).atZone(ZoneId.systemDefault()))
                : "an earlier call");
    if (c.agentId() != null && !c.agentId().isBlank()) {
      sb.append(" (agent ").append(Text.clean(c.agentId())).append(')');
    }
    sb.append('\n');
    sb.append("    ?? ").append(question(c)).append('\n');
    sb.append("    Agreed:      ").append(Text.nz(c.advance())).append('\n');
    if (c.timeFrame() != null && !c.timeFrame().isBlank()) {
      sb.append("    Time frame:  ").append(Text.clean(c.timeFrame())).append('\n');
    }
  }

  private static void appendChecklist(StringBuilder sb, List<ChecklistItem> checklist) {
    int width = String.valueOf(checklist.size()).length();
    for (int i = 0; i < checklist.size(); i++) {
      ChecklistItem item = checklist.get(i);
      String tag = item.kind() == null ? "" : "[" + item.kind().wire() + "]";
      sb.append(
          String.format(
              Locale.ROOT,
              "   %" + width + "d. %-12s %s%s%n",
              i + 1,
              tag,
              Text.nz(item.text()),
              item.required() ? "  *" : ""));
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
            : "in "
                + (left.toMinutes() > 0 ? left.toMinutes() + " min " : "")
                + left.toSecondsPart()
                + " s";
    String reason =
        CallEnded.INTERRUPTED.equals(e.reason())
            ? " (interrupted: the server lost sight of the call; it still needs your disposition)"
            : e.reason() == null ? "" : " (" + Text.clean(e.reason()) + ")";
    return "\n*** Call "
        + Text.nz(e.callId())
        + (call == null ? "" : describeParty(call))
        + " ended"
        + reason
        + ". Wrap-up: submit the disposition by "
        + TIME.format(deadline.atZone(zone))
        + " ("
        + leftText
        + ")"
        + (e.forcedWrapUp() ? "; you stay paused in the queue until then" : "")
        + ".\n";
  }

  static String formatAck(DispositionAck ack) {
    if (ack.duplicate()) {
      DispositionSubmit s = ack.stored();
      return "Saved earlier: call "
          + Text.nz(ack.callId())
          + " already had a disposition"
          + (s == null ? "" : " (" + Text.nz(s.code()) + ")")
          + "; the first one was kept.\n";
    }
    return "Saved: disposition for call " + Text.nz(ack.callId()) + " stored by the server.\n";
  }

  private static String formatSummary(Draft d, CallStarted call) {
    boolean asked = call.objective() != null && call.objective().commitment() != null;
    return "Summary: code "
        + (d.code() == null ? "-" : Text.clean(d.code()))
        + " | advance "
        + (d.advance() == null ? "-" : d.advance() ? "YES" : "no")
        + (asked ? " | commitment " + answerText(d.commitment()) : "")
        + " | checklist "
        + (d.checklistDone().isEmpty() ? "none" : itemNumbers(d, call))
        + " | upsell "
        + d.upsellCount()
        + (d.upsellNoteList().isEmpty()
            ? ""
            : " (" + Text.clean(String.join("; ", d.upsellNoteList())) + ")")
        + " | CSAT "
        + (d.csat() == null ? "-" : d.csat())
        + (d.notes().isBlank() ? "" : " | notes: " + Text.clean(d.notes().strip()));
  }

  private static String itemNumbers(Draft d, CallStarted call) {
    List<ChecklistItem> items = call.objective() == null ? List.of() : call.objective().checklist();
    List<String> numbers = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      if (d.checklistDone().contains(items.get(i).id())) {
        numbers.add(String.valueOf(i + 1));
      }
    }
    return String.join(",", numbers);
  }

  private static List<ChecklistItem> checklist(WrapUp u) {
    return u.call().objective() == null ? List.of() : u.call().objective().checklist();
  }

  private static Boolean yesNo(String lower) {
    return switch (lower) {
      case "y", "yes" -> Boolean.TRUE;
      case "n", "no" -> Boolean.FALSE;
      default -> null;
    };
  }

  private static String party(CallStarted c) {
    String number = c.callerNumber() == null ? "unknown number" : Text.clean(c.callerNumber());
    return c.callerName() == null || c.callerName().isBlank()
        ? number
        : Text.clean(c.callerName()) + " <" + number + ">";
  }

  private static String describeParty(CallStarted c) {
    return c.callerNumber() == null && c.callerName() == null ? "" : " (" + party(c) + ")";
  }

  private static String advanceHint(CallStarted c) {
    return c.objective() == null || c.objective().advance() == null
        ? ""
        : " (" + Text.clean(c.objective().advance()) + ")";
  }

  private static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }
}
