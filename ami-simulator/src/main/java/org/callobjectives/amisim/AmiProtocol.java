package org.callobjectives.amisim;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** The action half of one AMI session: answers actions like Asterisk 22, tracking login state. */
final class AmiProtocol {
  static final String ASTERISK_VERSION = "22.10.1";
  static final String AMI_VERSION = "11.0.0";
  static final String VERSION_LINE =
      "Asterisk "
          + ASTERISK_VERSION
          + " built by root @ vm on a x86_64 running Linux on 2026-11-22 19:23:16 UTC";
  private static final Random CHALLENGES = new SecureRandom();

  /** What the session must do besides writing the reply packets. */
  enum Outcome {
    NONE,
    LOGGED_IN,
    VERSION_PROBE,
    CLOSE
  }

  /** Packets to write in order, then the outcome. */
  record Reply(List<AmiEvent> packets, Outcome outcome) {
    static Reply of(AmiEvent packet) {
      return new Reply(List.of(packet), Outcome.NONE);
    }
  }

  /** What the protocol needs from its server: credentials, login switch, list state and a clock. */
  interface Host {
    boolean acceptsLogin(String username, String secret, String challenge, String md5Key);

    ChannelDirectory directory();

    Clock clock();

    /** QueuePause and friends. */
    default QueueControl queueControl() {
      return QueueControl.NONE;
    }

    /** The user's manager.conf {@code write} classes (e.g. {@code agent}, {@code reporting}). */
    default java.util.Set<String> writeClasses() {
      return ALL_WRITE_CLASSES;
    }
  }

  /** Every write class Asterisk 22 knows: a user with {@code write = all}. */
  static final java.util.Set<String> ALL_WRITE_CLASSES =
      java.util.Set.of(
          "system",
          "call",
          "log",
          "verbose",
          "command",
          "agent",
          "user",
          "config",
          "dtmf",
          "reporting",
          "cdr",
          "dialplan",
          "originate",
          "agi",
          "cc",
          "aoc",
          "test",
          "security",
          "message");

  /**
   * An action this server answers: Asterisk's synopsis and the write classes that allow it (empty:
   * anyone).
   */
  private record Command(String synopsis, List<String> classes, boolean enforced) {}

  private static final java.util.Map<String, Command> COMMANDS = commands();

  private static java.util.Map<String, Command> commands() {
    java.util.Map<String, Command> m = new java.util.LinkedHashMap<>();
    m.put("Ping", new Command("Keepalive command.", List.of(), false));
    m.put("Events", new Command("Control Event Flow.", List.of(), false));
    m.put("Logoff", new Command("Logoff Manager.", List.of(), false));
    m.put("Login", new Command("Login Manager.", List.of(), false));
    m.put("Challenge", new Command("Generate Challenge for MD5 Auth.", List.of(), false));
    m.put("ListCommands", new Command("List available manager commands.", List.of(), false));
    // Not enforced: Asterisk-Java's version probe must keep working for a read-only demo user.
    m.put(
        "CoreSettings",
        new Command(
            "Show PBX core settings (version etc).", List.of("system", "reporting"), false));
    m.put("Command", new Command("Execute Asterisk CLI Command.", List.of("command"), false));
    m.put(
        "CoreShowChannels",
        new Command("List currently active channels.", List.of("system", "reporting"), true));
    m.put(
        "Status",
        new Command("List channel status.", List.of("system", "call", "reporting"), true));
    m.put("QueueStatus", new Command("Show queue status.", List.of(), false));
    m.put("QueueSummary", new Command("Show queue summary.", List.of(), false));
    m.put(
        "QueuePause",
        new Command("Makes a queue member temporarily unavailable.", List.of("agent"), true));
    return m;
  }

  private final Host host;
  private String challenge;
  private boolean authenticated;

  AmiProtocol(Host host) {
    this.host = host;
  }

  boolean authenticated() {
    return authenticated;
  }

  Reply handle(AmiAction action) {
    String id = action.get("ActionID");
    String name = action.name();
    if (name == null || name.isEmpty()) {
      return Reply.of(error(id, "Missing action in request"));
    }
    String lower = name.toLowerCase(Locale.ROOT);
    switch (lower) {
      case "challenge":
        return challenge(action, id);
      case "login":
        return login(action, id);
      case "logoff":
        return new Reply(
            List.of(
                AmiEvent.response("Goodbye", id)
                    .put("Message", "Thanks for all the fish.")
                    .build()),
            Outcome.CLOSE);
      default:
        break;
    }
    if (!authenticated) {
      return Reply.of(error(id, "Permission denied"));
    }
    Command command = command(name);
    if (command != null && command.enforced() && !allowed(command)) {
      return Reply.of(error(id, "Permission denied"));
    }
    switch (lower) {
      case "listcommands":
        return listCommands(id);
      case "queuepause":
        return queuePause(action, id);
      case "ping":
        return Reply.of(success(id).put("Ping", "Pong").put("Timestamp", timestamp()).build());
      case "coresettings":
        return new Reply(List.of(coreSettings(id)), Outcome.VERSION_PROBE);
      case "command":
        return command(action, id);
      case "events":
        String mask = action.get("EventMask");
        return Reply.of(
            success(id).put("Events", "off".equalsIgnoreCase(mask) ? "Off" : "On").build());
      case "coreshowchannels":
        return list(
            id,
            "Channels will follow",
            "CoreShowChannelsComplete",
            host.directory().coreShowChannels(),
            null,
            false);
      case "queuestatus":
        return list(
            id,
            "Queue status will follow",
            "QueueStatusComplete",
            host.directory().queueStatus(),
            action.get("Queue"),
            false);
      case "queuesummary":
        return list(
            id,
            "Queue summary will follow",
            "QueueSummaryComplete",
            host.directory().queueSummary(),
            action.get("Queue"),
            false);
      case "status":
        return list(
            id,
            "Channel status will follow",
            "StatusComplete",
            host.directory().status(),
            null,
            true);
      default:
        return Reply.of(error(id, "Invalid/unknown command"));
    }
  }

  private static Command command(String name) {
    for (var e : COMMANDS.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue();
      }
    }
    return null;
  }

  private boolean allowed(Command command) {
    if (command.classes().isEmpty()) {
      return true;
    }
    java.util.Set<String> mine = host.writeClasses();
    return command.classes().stream().anyMatch(mine::contains);
  }

  /** Like Asterisk: only the actions this user may send, each with its synopsis and privilege. */
  private Reply listCommands(String id) {
    AmiEvent.Builder b = success(id);
    COMMANDS.forEach(
        (name, c) -> {
          if (allowed(c)) {
            String priv = c.classes().isEmpty() ? "<none>" : String.join(",", c.classes()) + ",all";
            b.put(name, c.synopsis() + "  (Priv: " + priv + ")");
          }
        });
    return Reply.of(b.build());
  }

  private Reply queuePause(AmiAction action, String id) {
    String iface = action.get("Interface");
    String paused = action.get("Paused");
    if (iface == null || iface.isEmpty()) {
      return Reply.of(error(id, "Need 'Interface' parameter."));
    }
    if (paused == null || paused.isEmpty()) {
      return Reply.of(error(id, "Need 'Paused' parameter."));
    }
    boolean pause = isTrue(paused);
    String queue = action.get("Queue");
    String problem =
        host.queueControl()
            .pause(
                iface,
                queue == null || queue.isEmpty() ? null : queue,
                pause,
                action.get("Reason"));
    if (problem != null) {
      return Reply.of(error(id, problem));
    }
    return Reply.of(
        success(id)
            .put(
                "Message",
                pause ? "Interface paused successfully" : "Interface unpaused successfully")
            .build());
  }

  /** Asterisk's ast_true(). */
  private static boolean isTrue(String v) {
    String s = v.trim().toLowerCase(Locale.ROOT);
    return s.equals("yes")
        || s.equals("true")
        || s.equals("y")
        || s.equals("t")
        || s.equals("1")
        || s.equals("on");
  }

  private Reply challenge(AmiAction action, String id) {
    if (!"md5".equalsIgnoreCase(action.get("AuthType"))) {
      return Reply.of(error(id, "Must specify AuthType"));
    }
    if (challenge == null) {
      // Asterisk reuses one challenge per session; a 9-digit decimal like its ast_random().
      challenge = Integer.toString(100_000_000 + CHALLENGES.nextInt(900_000_000));
    }
    return Reply.of(success(id).put("Challenge", challenge).build());
  }

  private Reply login(AmiAction action, String id) {
    if (authenticated) {
      return Reply.of(success(id).put("Message", "Already authenticated").build());
    }
    boolean md5 = "md5".equalsIgnoreCase(action.get("AuthType"));
    if (host.acceptsLogin(
        action.get("Username"),
        action.get("Secret"),
        md5 ? challenge : null,
        md5 ? action.get("Key") : null)) {
      authenticated = true;
      return new Reply(
          List.of(success(id).put("Message", "Authentication accepted").build()),
          Outcome.LOGGED_IN);
    }
    // Asterisk drops the session after a failed login.
    return new Reply(List.of(error(id, "Authentication failed")), Outcome.CLOSE);
  }

  private AmiEvent coreSettings(String id) {
    return success(id)
        .put("AMIversion", AMI_VERSION)
        .put("AsteriskVersion", ASTERISK_VERSION)
        .put("SystemName", "")
        .put("CoreMaxCalls", 0)
        .put("CoreMaxLoadAvg", "0.000000")
        .put("CoreRunUser", "")
        .put("CoreRunGroup", "")
        .put("CoreMaxFilehandles", 0)
        .put("CoreRealTimeEnabled", "No")
        .put("CoreCDRenabled", "No")
        .put("CoreHTTPenabled", "No")
        .put("SoundsSearchCustomDir", "No")
        .build();
  }

  private Reply command(AmiAction action, String id) {
    String command = action.get("Command");
    String cli = command == null ? "" : command.trim();
    if (cli.equalsIgnoreCase("core show version")) {
      return new Reply(
          List.of(
              success(id)
                  .put("Message", "Command output follows")
                  .put("Output", VERSION_LINE)
                  .build()),
          Outcome.VERSION_PROBE);
    }
    // Asterisk 22 answers unknown CLI commands with Success and the CLI's own complaint as output.
    return Reply.of(
        success(id)
            .put("Message", "Command output follows")
            .put(
                "Output",
                "No such command '"
                    + cli
                    + "' (type 'core show help "
                    + cli
                    + "' for other possible commands)")
            .build());
  }

  private Reply list(
      String id,
      String message,
      String completeEvent,
      List<AmiEvent> items,
      String queue,
      boolean withItemsCount) {
    List<AmiEvent> packets = new ArrayList<>(items.size() + 2);
    packets.add(success(id).put("EventList", "start").put("Message", message).build());
    int count = 0;
    for (AmiEvent item : items) {
      if (queue == null || queue.isEmpty() || queue.equals(item.get("Queue"))) {
        packets.add(item.withActionId(id));
        count++;
      }
    }
    AmiEvent.Builder complete = AmiEvent.event(completeEvent);
    if (id != null) {
      complete.put("ActionID", id);
    }
    complete.put("EventList", "Complete").put("ListItems", count);
    if (withItemsCount) {
      complete.put("Items", count);
    }
    packets.add(complete.build());
    return new Reply(packets, Outcome.NONE);
  }

  private String timestamp() {
    Instant now = host.clock().instant();
    return String.format(Locale.ROOT, "%d.%06d", now.getEpochSecond(), now.getNano() / 1000);
  }

  private static AmiEvent.Builder success(String id) {
    return AmiEvent.response("Success", id);
  }

  private static AmiEvent error(String id, String message) {
    return AmiEvent.response("Error", id).put("Message", message).build();
  }

  /** The MD5 login key Asterisk expects: hex of md5(challenge + secret). */
  static String md5Key(String challenge, String secret) {
    try {
      MessageDigest md5 = MessageDigest.getInstance("MD5");
      md5.update(challenge.getBytes(StandardCharsets.UTF_8));
      md5.update(secret.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(md5.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is required by every Java platform", e);
    }
  }
}
