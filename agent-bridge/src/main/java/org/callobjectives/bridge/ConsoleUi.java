package org.callobjectives.bridge;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.callobjectives.protocol.CallEnded;
import org.callobjectives.protocol.CallStarted;
import org.callobjectives.protocol.DispositionAck;
import org.callobjectives.protocol.DispositionSubmit;
import org.callobjectives.protocol.ErrorMessage;
import org.callobjectives.protocol.LastCall;
import org.callobjectives.protocol.ObjectiveView;
import org.callobjectives.protocol.ProposalAck;
import org.callobjectives.protocol.Welcome;

/**
 * A headless, line-based agent UI (for terminals and tests): prints pops with stage and last outcome,
 * and takes commands: {@code dispose CALL CODE [advance]}, {@code propose OBJECTIVE|- TEXT}, {@code quit}.
 */
public final class ConsoleUi implements BridgeClient.Listener {
  static final String HELP = "commands: dispose CALL_ID CODE [advance] | propose OBJECTIVE_ID|- TEXT | help | quit";

  private final PrintStream out;
  private BridgeClient client;

  public ConsoleUi(PrintStream out) {
    this.out = out;
  }

  /** The client the commands go to; set before {@link #run}. */
  public void attach(BridgeClient client) {
    this.client = client;
  }

  public static void main(String[] args) throws IOException {
    if (args.length < 3) {
      System.err.println("usage: ConsoleUi ws://HOST:PORT/agent AGENT_ID TOKEN [OUTBOX_FILE]");
      System.exit(2);
    }
    ConsoleUi ui = new ConsoleUi(System.out);
    try (BridgeClient c = new BridgeClient(URI.create(args[0]), args[1], args[2],
        args.length > 3 ? Path.of(args[3]) : null, ui)) {
      ui.attach(c);
      c.start();
      ui.run(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    }
  }

  /** Reads commands until {@code quit} or end of input. */
  public void run(Reader in) throws IOException {
    BufferedReader r = new BufferedReader(in);
    out.println(HELP);
    String line;
    while ((line = r.readLine()) != null) {
      if (!command(line.strip())) {
        return;
      }
    }
  }

  /** Runs one command line; false for quit. */
  boolean command(String line) {
    String[] w = line.split("\\s+", 3);
    switch (w[0]) {
      case "" -> { }
      case "quit", "exit" -> {
        return false;
      }
      case "propose" -> {
        if (w.length < 3) {
          out.println("usage: propose OBJECTIVE_ID|- TEXT");
          break;
        }
        String objective = w[1].equals("-") ? null : w[1];
        client.propose(objective, w[2]).whenComplete((ack, err) -> out.println(err == null
            ? "proposal #" + ack.proposalId() + " sent to the admins"
            : "proposal not sent: " + rootMessage(err)));
      }
      case "dispose" -> {
        String[] d = line.split("\\s+");
        if (d.length < 3) {
          out.println("usage: dispose CALL_ID CODE [advance]");
          break;
        }
        boolean advance = d.length > 3 && d[3].equalsIgnoreCase("advance");
        client.submit(new DispositionSubmit(null, d[1], d[2], advance, List.of(), 0, List.of(), null, null))
            .whenComplete((ack, err) -> out.println(err == null ? "disposition for " + d[1] + " stored"
                : "disposition not stored: " + rootMessage(err)));
      }
      default -> out.println(HELP);
    }
    return true;
  }

  /** The text of a pop: objective, stage, last outcome and the second objective if any. */
  public static String describe(CallStarted c) {
    StringBuilder sb = new StringBuilder();
    sb.append("CALL ").append(c.callId()).append(" from ").append(c.callerNumber() == null ? "unknown" : c.callerNumber());
    if (c.queue() != null) {
      sb.append(" (queue ").append(c.queue()).append(')');
    }
    ObjectiveView o = c.objective();
    if (o != null) {
      sb.append("\n  OBJECTIVE: ").append(o.title()).append(" [").append(o.id()).append(']');
      sb.append("\n  advance: ").append(o.advance());
      sb.append("\n  measure: ").append(o.measure()).append(" | by: ").append(o.timeFrame());
      if (o.stage() != null) {
        sb.append("\n  STAGE: ").append(o.stage());
      }
      LastCall l = o.lastCall();
      sb.append("\n  LAST CALL: ").append(l == null ? "none" : l.code()
          + (l.advanceObtained() ? " (advance obtained)" : " (no advance)") + " on " + Instant.ofEpochMilli(l.atMillis())
          + (l.stage() == null ? "" : " at stage " + l.stage()));
      if (o.secondary() != null) {
        sb.append("\n  ALSO: ").append(o.secondary().title()).append(" [").append(o.secondary().id()).append(']');
      }
    }
    if (!c.dispositionCodes().isEmpty()) {
      sb.append("\n  codes: ").append(String.join(" ", c.dispositionCodes().stream().map(d -> d.code()).toList()));
    }
    return sb.toString();
  }

  @Override
  public void onWelcome(Welcome w) {
    out.println("connected as " + w.agentId() + (w.displayName() == null ? "" : " (" + w.displayName() + ")"));
  }

  @Override
  public void onCallStarted(CallStarted call) {
    out.println(describe(call));
  }

  @Override
  public void onCallEnded(CallEnded ended) {
    out.println("ENDED " + ended.callId() + " (" + ended.reason() + "): dispose by "
        + Instant.ofEpochMilli(ended.wrapUpDeadlineMillis()));
  }

  @Override
  public void onAck(DispositionAck ack) {
    out.println("stored " + ack.callId() + (ack.duplicate() ? " (duplicate)" : ""));
  }

  @Override
  public void onProposalAck(ProposalAck ack) {
    out.println("proposal #" + ack.proposalId() + " received by the server");
  }

  @Override
  public void onError(ErrorMessage error) {
    out.println("ERROR " + error.code() + ": " + error.message());
  }

  @Override
  public void onDisconnected(String reason) {
    out.println("disconnected: " + reason);
  }

  private static String rootMessage(Throwable t) {
    Throwable c = t;
    while (c.getCause() != null && c.getCause() != c) {
      c = c.getCause();
    }
    return c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
  }
}
