package org.callobjectives.bridge;

import java.awt.GraphicsEnvironment;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.SwingUtilities;
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

  private static void runHeadless(Options o) {
    HeadlessUi ui = new HeadlessUi(System.in, System.out);
    BridgeClient client = new BridgeClient(o.server(), o.agentId(), o.token(), o.outbox(), ui);
    Runtime.getRuntime().addShutdownHook(new Thread(client::close, "agent-bridge-shutdown"));
    System.out.println("agent-bridge " + BridgeClient.version() + " - agent " + o.agentId()
        + ", server " + o.server() + ". Ctrl-C to quit.");
    ui.proposals(client::propose);
    System.out.println("Between calls, type: propose OBJECTIVE_ID TEXT   to suggest a change to the admins.");
    client.start();
    ui.run(client::submit);
    log.info("standard input closed: pops are still printed, dispositions cannot be entered here");
    waitForever();
  }

  private static void runWindow(Options o) {
    AtomicReference<BridgeClient> clientRef = new AtomicReference<>();
    AtomicReference<PopupWindow> popupRef = new AtomicReference<>();
    try {
      SwingUtilities.invokeAndWait(
          () -> {
            PopupWindow.installLookAndFeel();
            popupRef.set(new PopupWindow(d -> clientRef.get().submit(d)));
          });
    } catch (Exception e) {
      throw new IllegalStateException("cannot start the window", e);
    }
    PopupWindow popup = popupRef.get();
    BridgeClient client =
        new BridgeClient(o.server(), o.agentId(), o.token(), o.outbox(), popup.listener());
    clientRef.set(client);
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
