package org.callobjectives.bridge;

import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.SwingUtilities;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Command line entry point: connects to the server and shows pops (Swing, or the terminal). */
public final class Main {

  static {
    // Our logging setup (stderr, so the terminal prompts on stdout stay clean), unless overridden.
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "agent-bridge-logback.xml");
    }
  }

  private static final Logger log = LoggerFactory.getLogger(Main.class);

  static final String TOKEN_ENV = "AGENT_BRIDGE_TOKEN";

  static final String USAGE =
      String.join(
          "\n",
          "Usage: java -jar agent-bridge-all.jar --server ws://HOST:PORT/agent --agent ID --token TOKEN",
          "                                      [--headless] [--outbox FILE]",
          "",
          "  --server URL    the call-objectives server's agent WebSocket (ws:// or wss://)",
          "  --agent ID      your agent id, as configured on the server",
          "  --token TOKEN   your access token (or set " + TOKEN_ENV + " instead)",
          "  --headless      use the terminal instead of the pop-up window",
          "                  (automatic when there is no display)",
          "  --outbox FILE   where unsent dispositions are kept",
          "                  (default ~/.call-objectives/outbox-<agent>.jsonl)",
          "  --help          show this help",
          "");

  /** Parsed command line. */
  record Options(URI server, String agentId, String token, boolean headless, Path outbox) {}

  /** A command line that cannot be used; the message says why. */
  static final class UsageException extends Exception {
    UsageException(String message) {
      super(message);
    }
  }

  /** Thrown for --help. */
  static final class HelpRequested extends Exception {
    HelpRequested() {
      super("help");
    }
  }

  private Main() {}

  public static void main(String[] args) {
    Options o;
    try {
      o = parse(args, System.getenv(), Path.of(System.getProperty("user.home", ".")));
    } catch (HelpRequested h) {
      System.out.print(USAGE);
      return;
    } catch (UsageException e) {
      System.err.println("agent-bridge: " + e.getMessage());
      System.err.println();
      System.err.print(USAGE);
      System.exit(2);
      return;
    }
    boolean headless = o.headless();
    if (!headless && GraphicsEnvironment.isHeadless()) {
      log.info("no display found (GraphicsEnvironment is headless): using the terminal UI");
      headless = true;
    }
    log.info("agent {} -> {}; outbox {}", o.agentId(), o.server(), o.outbox());
    if (headless) {
      runHeadless(o);
    } else {
      runWindow(o);
    }
  }

  /** The pending wrap-ups and their drafts, in the file beside the outbox. */
  static WrapUps openDrafts(Options o) {
    Path file = WrapUps.besideOutbox(o.outbox());
    try {
      return WrapUps.open(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the drafts file " + file, e);
    }
  }

  private static void runHeadless(Options o) {
    Terminal terminal;
    try {
      terminal = TerminalBuilder.builder().system(true).name("agent-bridge").build();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the terminal", e);
    }
    HeadlessUi ui = new HeadlessUi(terminal, Clock.systemDefaultZone(), openDrafts(o));
    BridgeClient client = new BridgeClient(o.server(), o.agentId(), o.token(), o.outbox(), ui);
    ui.wrapUps().matchOutbox(client.queued());
    ui.wrapUps().onChecklistTicked(client::checklistProgress); // supervisors see ticks live
    Runtime.getRuntime().addShutdownHook(new Thread(client::close, "agent-bridge-shutdown"));
    terminal
        .writer()
        .println(
            "agent-bridge "
                + BridgeClient.version()
                + " - agent "
                + Text.clean(o.agentId())
                + ", server "
                + o.server()
                + ". Ctrl-D to quit.");
    terminal
        .writer()
        .println("Drafts are kept in " + ui.wrapUps().file() + " until the server confirms.");
    terminal.flush();
    ui.proposals(client::propose);
    client.start();
    ui.run(client::submit);
    if (System.console() != null) {
      System.exit(
          0); // Ctrl-D at the keyboard: quit (the shutdown hook closes the client; drafts stay on
      // disk)
    }
    log.info("standard input closed: pops are still printed, dispositions cannot be entered here");
    waitForever();
  }

  private static void runWindow(Options o) {
    WrapUps drafts = openDrafts(o);
    AtomicReference<BridgeClient> clientRef = new AtomicReference<>();
    AtomicReference<PopupWindow> popupRef = new AtomicReference<>();
    try {
      SwingUtilities.invokeAndWait(
          () -> {
            PopupWindow.installLookAndFeel();
            popupRef.set(
                new PopupWindow(d -> clientRef.get().submit(d), Clock.systemDefaultZone(), drafts));
          });
    } catch (Exception e) {
      throw new IllegalStateException("cannot start the window", e);
    }
    PopupWindow popup = popupRef.get();
    BridgeClient client =
        new BridgeClient(o.server(), o.agentId(), o.token(), o.outbox(), popup.listener());
    clientRef.set(client);
    drafts.matchOutbox(client.queued());
    drafts.onChecklistTicked(client::checklistProgress); // supervisors see ticks live
    popup.setProposer((objectiveId, text) -> client.propose(objectiveId, text));
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  client.close();
                  popup.dispose();
                },
                "agent-bridge-shutdown"));
    client.start();
    log.info("running; the pop-up appears when a call connects. Ctrl-C to quit.");
    waitForever();
  }

  private static void waitForever() {
    try {
      new CountDownLatch(1).await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Parses the command line; {@code --name value} and {@code --name=value} both work. */
  static Options parse(String[] args, Map<String, String> env, Path home)
      throws UsageException, HelpRequested {
    String server = null;
    String agent = null;
    String token = null;
    String outbox = null;
    boolean headless = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String name = arg;
      String value = null;
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 0) {
        name = arg.substring(0, eq);
        value = arg.substring(eq + 1);
      }
      switch (name) {
        case "--help", "-h" -> throw new HelpRequested();
        case "--headless" -> {
          if (value != null) {
            throw new UsageException("--headless takes no value");
          }
          headless = true;
        }
        case "--server", "--agent", "--token", "--outbox" -> {
          if (value == null) {
            if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
              throw new UsageException(name + " needs a value");
            }
            value = args[++i];
          }
          if (value.isBlank()) {
            throw new UsageException(name + " needs a value");
          }
          switch (name) {
            case "--server" -> server = value;
            case "--agent" -> agent = value;
            case "--token" -> token = value;
            default -> outbox = value;
          }
        }
        default -> throw new UsageException("unknown argument '" + arg + "'");
      }
    }
    if (server == null) {
      throw new UsageException("--server is required, e.g. --server ws://callcenter:8080/agent");
    }
    if (agent == null) {
      throw new UsageException("--agent is required");
    }
    if (token == null) {
      token = env.get(TOKEN_ENV);
      if (token == null || token.isBlank()) {
        throw new UsageException("--token is required (or set " + TOKEN_ENV + ")");
      }
    }
    URI uri;
    try {
      uri = new URI(server.strip());
    } catch (URISyntaxException e) {
      throw new UsageException("--server '" + server + "' is not a valid URL: " + e.getReason());
    }
    if (uri.getScheme() == null
        || !(uri.getScheme().equalsIgnoreCase("ws") || uri.getScheme().equalsIgnoreCase("wss"))
        || uri.getHost() == null) {
      throw new UsageException(
          "--server must be a ws:// or wss:// URL with a host, e.g. ws://callcenter:8080/agent (got '"
              + server
              + "')");
    }
    Path outboxPath =
        outbox != null
            ? Path.of(outbox)
            : Objects.requireNonNull(home)
                .resolve(".call-objectives")
                .resolve("outbox-" + agent.replaceAll("[^A-Za-z0-9._-]", "_") + ".jsonl");
    return new Options(uri, agent, token, headless, outboxPath);
  }
}
