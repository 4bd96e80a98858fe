package org.callobjectives.server.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.callobjectives.protocol.ChecklistItem;
import org.callobjectives.protocol.ChecklistKind;
import org.callobjectives.protocol.DispositionCode;
import org.callobjectives.server.config.ConfigFiles.AgentYaml;
import org.callobjectives.server.config.ConfigFiles.AgentsYaml;
import org.callobjectives.server.config.ConfigFiles.AmiYaml;
import org.callobjectives.server.config.ConfigFiles.CodeYaml;
import org.callobjectives.server.config.ConfigFiles.ItemYaml;
import org.callobjectives.server.config.ConfigFiles.ObjectiveYaml;
import org.callobjectives.server.config.ConfigFiles.ObjectivesYaml;
import org.callobjectives.server.config.ConfigFiles.QueueYaml;
import org.callobjectives.server.config.ConfigFiles.ServerYaml;
import org.callobjectives.server.security.Role;
import org.callobjectives.server.security.Tokens;
import org.callobjectives.server.security.User;
import org.callobjectives.server.store.DatabaseLocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code server.yaml}, {@code agents.yaml} and {@code objectives.yaml} from the config
 * folder. What cannot work fails naming file, line and the fix; what is unwise is warned about and
 * corrected.
 */
public final class ConfigLoader {
  private static final Logger log = LoggerFactory.getLogger(ConfigLoader.class);
  private static final Set<String> FLAGS =
      Set.of(
          "sale",
          "contact",
          "not_interested",
          "callback",
          "do_not_call",
          "completed",
          "advance",
          "no_advance");

  private final Path dir;
  private final ConfigGate gate;

  /** {@code gate} runs on every load, after the files were read and checked on their own. */
  public ConfigLoader(Path dir, ConfigGate gate) {
    this.dir = dir;
    this.gate = gate;
  }

  public Path dir() {
    return dir;
  }

  public Config load() throws ConfigException {
    ServerSettings server = loadServer(dir.resolve("server.yaml"));
    List<Agent> agents = loadAgents(dir.resolve("agents.yaml"));
    Config config = loadObjectives(dir.resolve("objectives.yaml"), server, agents);
    gate.check(dir, config);
    return config;
  }

  /**
   * The {@code server.yaml} of {@code dir}, alone (e.g. for its database); a missing file is an
   * error that says where it was looked for.
   */
  public static ServerSettings serverSettings(Path dir) throws ConfigException {
    requireServerFile(dir);
    return loadServer(dir.resolve("server.yaml"));
  }

  /**
   * The server does not start without {@code server.yaml}: defaults would open another database and
   * port than the admin meant. The error names the file, the folder and how to give another.
   */
  public static void requireServerFile(Path dir) throws ConfigException {
    Path file = dir.resolve("server.yaml");
    if (Files.isRegularFile(file)) {
      return;
    }
    Path folder = dir.toAbsolutePath().normalize();
    String where =
        Files.isDirectory(dir)
            ? "looked in the config folder " + folder
            : "the config folder " + folder + " does not exist";
    if (!dir.isAbsolute()) {
      where += " ('" + dir + "' from the working directory " + Path.of("").toAbsolutePath() + ")";
    }
    throw new ConfigException(
        file.toAbsolutePath().normalize(),
        0,
        "not found: "
            + where
            + ". The server reads server.yaml, agents.yaml and objectives.yaml (and goals.yaml,"
            + " lint.yaml) from that folder: start it with --config DIR (with bin/call-objectives:"
            + " set CALL_OBJECTIVES_CONFIG=DIR), or copy the example config/ there");
  }

  static ServerSettings loadServer(Path file) throws ConfigException {
    if (!Files.exists(file)) {
      // Only tools and tests load a folder without it: the server itself refuses to start
      // (requireServerFile).
      log.warn("{} not found: using defaults (127.0.0.1:8088, demo AMI source)", file);
      return new ServerSettings(
          "127.0.0.1",
          8088,
          Path.of("data/objectives.db"),
          Duration.ofSeconds(120),
          List.of(),
          DemoSettings.DEFAULT,
          List.of());
    }
    YamlSource src = YamlSource.read(file);
    ServerYaml y = src.bind(ServerYaml.class);
    String host = y.listen() != null && y.listen().host() != null ? y.listen().host() : "127.0.0.1";
    int port = y.listen() != null && y.listen().port() != null ? y.listen().port() : 8088;
    if (port < 0 || port > 65535) {
      throw src.error("/listen/port", "listen.port must be 0..65535, was " + port);
    }
    if (!host.equals("127.0.0.1") && !host.equals("localhost") && !host.equals("::1")) {
      log.warn(
          "{}: listen.host {} is reachable from other machines: make sure TLS or a firewall protects it",
          file,
          host);
    }
    DatabaseLocation db;
    try {
      db = DatabaseLocation.parse(y.database() != null ? y.database() : "data/objectives.db");
    } catch (IllegalArgumentException e) {
      throw src.error("/database", e.getMessage());
    }
    int wrap = y.wrapUpSeconds() != null ? y.wrapUpSeconds() : 120;
    if (wrap < 5) {
      throw src.error(
          "/wrapUpSeconds",
          "wrapUpSeconds must be at least 5 (agents need time to wrap up), was " + wrap);
    }
    if (wrap > 3600) {
      log.warn("{}: wrapUpSeconds {} is over an hour; using 3600", file, wrap);
      wrap = 3600;
    }
    List<AmiServer> ami = new ArrayList<>();
    Set<String> names = new HashSet<>();
    List<AmiYaml> amiYaml = y.ami() == null ? List.of() : y.ami();
    for (int i = 0; i < amiYaml.size(); i++) {
      AmiYaml a = amiYaml.get(i);
      String at = "/ami/" + i;
      if (a == null) {
        throw src.error(at, "empty AMI entry");
      }
      String host1 = require(src, at + "/host", a.host(), "ami[" + i + "].host");
      String user = require(src, at + "/username", a.username(), "ami[" + i + "].username");
      String secret = require(src, at + "/secret", a.secret(), "ami[" + i + "].secret");
      int p = a.port() == null ? 5038 : a.port();
      if (p < 1 || p > 65535) {
        throw src.error(at + "/port", "ami[" + i + "].port must be 1..65535, was " + p);
      }
      String name = a.name() != null ? a.name() : host1 + ":" + p;
      if (!names.add(name)) {
        throw src.error(at + "/name", "duplicate AMI server name '" + name + "'");
      }
      int ping = a.pingSeconds() == null ? AmiServer.DEFAULT_PING_SECONDS : a.pingSeconds();
      if (ping < 1 || ping > 600) {
        throw src.error(
            at + "/pingSeconds", "ami[" + i + "].pingSeconds must be 1..600, was " + ping);
      }
      ami.add(new AmiServer(name, host1, p, user, secret, ping));
    }
    DemoSettings demo = DemoSettings.DEFAULT;
    if (y.demo() != null) {
      var d = y.demo();
      demo =
          new DemoSettings(
              d.callsPerSecond() != null ? d.callsPerSecond() : demo.callsPerSecond(),
              d.minTalkSeconds() != null ? d.minTalkSeconds() : demo.minTalkSeconds(),
              d.maxTalkSeconds() != null ? d.maxTalkSeconds() : demo.maxTalkSeconds(),
              d.abandonRate() != null ? d.abandonRate() : demo.abandonRate(),
              d.outboundRate() != null ? d.outboundRate() : demo.outboundRate(),
              d.seed() != null ? d.seed() : 0);
      if (demo.callsPerSecond() <= 0 || demo.callsPerSecond() > 10_000) {
        throw src.error("/demo/callsPerSecond", "demo.callsPerSecond must be > 0 and <= 10000");
      }
      if (demo.minTalkSeconds() < 1 || demo.maxTalkSeconds() < demo.minTalkSeconds()) {
        throw src.error(
            "/demo/minTalkSeconds", "demo talk seconds need 1 <= minTalkSeconds <= maxTalkSeconds");
      }
      if (demo.abandonRate() < 0
          || demo.abandonRate() > 1
          || demo.outboundRate() < 0
          || demo.outboundRate() > 1) {
        throw src.error(
            "/demo", "demo.abandonRate and demo.outboundRate are fractions from 0 to 1");
      }
    }
    List<User> users = new ArrayList<>();
    Set<String> userNames = new HashSet<>();
    List<ConfigFiles.UserYaml> usersYaml = y.users() == null ? List.of() : y.users();
    for (int i = 0; i < usersYaml.size(); i++) {
      ConfigFiles.UserYaml u = usersYaml.get(i);
      String at = "/users/" + i;
      if (u == null) {
        throw src.error(at, "empty user entry");
      }
      String name = require(src, at + "/name", u.name(), "users[" + i + "].name");
      if (!userNames.add(name)) {
        throw src.error(at + "/name", "duplicate user name '" + name + "'");
      }
      Role role;
      try {
        role =
            Role.valueOf(
                require(src, at + "/role", u.role(), "users[" + i + "].role")
                    .toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw src.error(
            at + "/role", "role of " + name + " must be supervisor, admin, wallboard or metrics");
      }
      if (role == Role.AGENT) {
        throw src.error(
            at + "/role",
            "agents belong in agents.yaml; users are supervisors, admins, wallboards or metrics");
      }
      users.add(new User(name, role, tokenHash(src, at, name, u.token(), u.tokenHash(), file)));
    }
    ServerSettings.Tls tls = null;
    if (y.tls() != null) {
      String cert =
          require(src, "/tls/certificate", y.tls().certificate(), "tls.certificate (PEM file)");
      String key = require(src, "/tls/key", y.tls().key(), "tls.key (PEM PKCS#8 private key file)");
      Path base = file.toAbsolutePath().getParent();
      tls = new ServerSettings.Tls(base.resolve(cert), base.resolve(key));
      for (Path f : new Path[] {tls.certificate(), tls.key()}) {
        if (!Files.isReadable(f)) {
          throw src.error("/tls", "cannot read " + f);
        }
      }
    }
    List<Webhook> webhooks = webhooks(src, y.webhooks(), file);
    return new ServerSettings(
        host,
        port,
        db,
        Duration.ofSeconds(wrap),
        ami,
        demo,
        users,
        tls,
        webhooks,
        limits(src, y.limits()));
  }

  /** Where {@code secretEnv} is looked up (a seam for tests). */
  static java.util.function.UnaryOperator<String> environment = System::getenv;

  private static final java.util.regex.Pattern WEBHOOK_NAME =
      java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,39}");

  static List<Webhook> webhooks(YamlSource src, List<ConfigFiles.WebhookYaml> list, Path file)
      throws ConfigException {
    List<Webhook> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    List<ConfigFiles.WebhookYaml> all = list == null ? List.of() : list;
    for (int i = 0; i < all.size(); i++) {
      ConfigFiles.WebhookYaml w = all.get(i);
      String at = "/webhooks/" + i;
      if (w == null) {
        throw src.error(
            at, "empty webhook entry: give name, url, secret (or secretEnv/secretFile)");
      }
      String name = require(src, at + "/name", w.name(), "webhooks[" + i + "].name");
      if (!WEBHOOK_NAME.matcher(name).matches()) {
        throw src.error(
            at + "/name",
            "webhook name '"
                + name
                + "' must be 1-40 letters, digits, '-' or '_' (it names the webhook in logs,"
                + " /health and the database)");
      }
      if (!names.add(name)) {
        throw src.error(at + "/name", "duplicate webhook name '" + name + "'");
      }
      String what = "webhook " + name;
      java.net.URI url = webhookUrl(src, at + "/url", what, w.url());
      String[] secret = webhookSecret(src, at, what, w, file);
      List<String> events = w.events() == null ? Webhook.DEFAULT_EVENTS : w.events();
      if (events.isEmpty()) {
        throw src.error(at + "/events", what + ": events is empty; list some of " + Webhook.EVENTS);
      }
      Set<String> eventSet = new java.util.LinkedHashSet<>();
      for (String e : events) {
        if (e == null || !Webhook.EVENTS.contains(e.strip())) {
          throw src.error(
              at + "/events", what + ": unknown event '" + e + "'; events are " + Webhook.EVENTS);
        }
        eventSet.add(e.strip());
      }
      Duration timeout =
          seconds(
              src,
              at + "/timeoutSeconds",
              what + ": timeoutSeconds",
              w.timeoutSeconds(),
              Webhook.DEFAULT_TIMEOUT,
              0.1,
              300);
      var retry = w.retry();
      Duration first =
          seconds(
              src,
              at + "/retry/firstSeconds",
              what + ": retry.firstSeconds",
              retry == null ? null : retry.firstSeconds(),
              Webhook.DEFAULT_RETRY_FIRST,
              0.01,
              3600);
      Duration max =
          seconds(
              src,
              at + "/retry/maxSeconds",
              what + ": retry.maxSeconds",
              retry == null ? null : retry.maxSeconds(),
              Webhook.DEFAULT_RETRY_MAX.compareTo(first) >= 0 ? Webhook.DEFAULT_RETRY_MAX : first,
              0.01,
              86_400);
      if (max.compareTo(first) < 0) {
        throw src.error(
            at + "/retry/maxSeconds",
            what + ": retry.maxSeconds must be at least retry.firstSeconds");
      }
      out.add(new Webhook(name, url, secret[0], secret[1], eventSet, timeout, first, max));
    }
    return out;
  }

  private static java.net.URI webhookUrl(YamlSource src, String at, String what, String text)
      throws ConfigException {
    String s = require(src, at, text, what + ": url");
    java.net.URI u;
    try {
      u = new java.net.URI(s);
    } catch (java.net.URISyntaxException e) {
      throw src.error(at, what + ": url is not a valid URL (" + e.getReason() + ")");
    }
    String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw src.error(
          at,
          what
              + ": url must start with https:// (or http://), was '"
              + Webhook.safe(u).replaceFirst("^null://", "")
              + "'");
    }
    if (u.getHost() == null || u.getHost().isBlank()) {
      throw src.error(at, what + ": url has no host: write it as https://host/path");
    }
    if (u.getRawUserInfo() != null) {
      throw src.error(
          at, what + ": url must not carry a user and password; the signature authenticates us");
    }
    if (u.getRawFragment() != null) {
      throw src.error(at, what + ": url must not have a #fragment");
    }
    String host = u.getHost();
    if (scheme.equals("http")
        && !host.equals("127.0.0.1")
        && !host.equals("localhost")
        && !host.equals("[::1]")
        && !host.equals("::1")) {
      log.warn(
          "{}: {} sends call data over plain http to {}: use https outside this machine",
          src.file(),
          what,
          host);
    }
    return u;
  }

  /** The secret and where it came from: exactly one of secret, secretEnv, secretFile. */
  private static String[] webhookSecret(
      YamlSource src, String at, String what, ConfigFiles.WebhookYaml w, Path file)
      throws ConfigException {
    int given =
        (w.secret() != null ? 1 : 0)
            + (w.secretEnv() != null ? 1 : 0)
            + (w.secretFile() != null ? 1 : 0);
    if (given != 1) {
      throw src.error(
          at,
          what
              + (given == 0 ? " has no secret" : " has more than one secret")
              + ": give exactly one of secret, secretEnv (an environment variable's name) or"
              + " secretFile (a file holding it)");
    }
    String secret;
    String source;
    String where;
    if (w.secret() != null) {
      secret = w.secret();
      source = "secret";
      where = at + "/secret";
      log.warn(
          "{}: {} has its secret in the file; secretEnv or secretFile keep it out of server.yaml",
          file,
          what);
    } else if (w.secretEnv() != null) {
      String var = w.secretEnv().strip();
      where = at + "/secretEnv";
      secret = environment.apply(var);
      source = "secretEnv " + var;
      if (secret == null || secret.isBlank()) {
        throw src.error(
            where, what + ": environment variable " + var + " (secretEnv) is not set or empty");
      }
    } else {
      Path f = file.toAbsolutePath().getParent().resolve(w.secretFile().strip());
      where = at + "/secretFile";
      source = "secretFile " + f;
      try {
        secret = Files.readString(f, java.nio.charset.StandardCharsets.UTF_8);
      } catch (java.io.IOException e) {
        throw src.error(where, what + ": cannot read secretFile " + f + " (" + e + ")");
      }
      warnIfOthersCanRead(f, what);
    }
    secret = secret.strip();
    if (secret.length() < 16) {
      throw src.error(
          where,
          what
              + ": the secret must have at least 16 characters (e.g. the output of"
              + " 'openssl rand -hex 32'), it has "
              + secret.length());
    }
    return new String[] {secret, source};
  }

  private static void warnIfOthersCanRead(Path f, String what) {
    try {
      var perms = Files.getPosixFilePermissions(f);
      if (perms.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ)) {
        log.warn("{}: secretFile {} can be read by every user: chmod 600 it", what, f);
      }
    } catch (UnsupportedOperationException | java.io.IOException e) {
      // not a POSIX file system: nothing to say
    }
  }

  private static Duration seconds(
      YamlSource src, String at, String what, Double value, Duration def, double min, double max)
      throws ConfigException {
    if (value == null) {
      return def;
    }
    if (value.isNaN() || value < min || value > max) {
      throw src.error(
          at,
          what
              + " must be from "
              + stripZero(min)
              + " to "
              + stripZero(max)
              + " seconds, was "
              + stripZero(value));
    }
    return Duration.ofMillis(Math.round(value * 1000));
  }

  private static String stripZero(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }

  /** The {@code limits:} section, each field checked against its range; defaults for the rest. */
  private static ServerSettings.Limits limits(YamlSource src, ConfigFiles.LimitsYaml y)
      throws ConfigException {
    ServerSettings.Limits d = ServerSettings.Limits.DEFAULT;
    if (y == null) {
      return d;
    }
    int all = within(src, "connections", y.connections(), d.connections(), 1, 1_000_000, "in all");
    int perAddress =
        within(
            src,
            "connectionsPerAddress",
            y.connectionsPerAddress(),
            Math.min(d.connectionsPerAddress(), all),
            1,
            all,
            "from one address, at most limits.connections");
    int head =
        within(
            src,
            "requestHeaderSeconds",
            y.requestHeaderSeconds(),
            (int) d.requestHeaderTimeout().toSeconds(),
            1,
            300,
            "for a request's headers");
    int body =
        within(
            src,
            "requestBodySeconds",
            y.requestBodySeconds(),
            (int) d.requestBodyTimeout().toSeconds(),
            1,
            3600,
            "for a request's body");
    return new ServerSettings.Limits(
        all, perAddress, Duration.ofSeconds(head), Duration.ofSeconds(body));
  }

  private static int within(
      YamlSource src, String field, Integer value, int fallback, int min, int max, String what)
      throws ConfigException {
    int v = value == null ? fallback : value;
    if (v < min || v > max) {
      throw src.error(
          "/limits/" + field,
          "limits." + field + " (" + what + ") must be " + min + ".." + max + ", was " + v);
    }
    return v;
  }

  static List<Agent> loadAgents(Path file) throws ConfigException {
    YamlSource src = YamlSource.read(file);
    AgentsYaml y = src.bind(AgentsYaml.class);
    if (y.agents() == null || y.agents().isEmpty()) {
      throw src.error("/agents", "no agents: list at least one under 'agents:'");
    }
    List<Agent> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    Map<String, String> deviceOwner = new LinkedHashMap<>();
    for (int i = 0; i < y.agents().size(); i++) {
      AgentYaml a = y.agents().get(i);
      String at = "/agents/" + i;
      if (a == null) {
        throw src.error(at, "empty agent entry");
      }
      String id = require(src, at + "/id", a.id(), "agents[" + i + "].id");
      if (!ids.add(id)) {
        throw src.error(at + "/id", "duplicate agent id '" + id + "'");
      }
      String name = a.name() != null ? a.name() : id;
      List<String> ifaces = a.interfaces() == null ? List.of() : a.interfaces();
      if (ifaces.isEmpty()) {
        throw src.error(
            at,
            "agent "
                + id
                + " has no interfaces: add e.g. PJSIP/"
                + id
                + " or Local/"
                + id
                + "@agents");
      }
      for (String iface : ifaces) {
        String dev = Interfaces.device(iface);
        String prev = deviceOwner.putIfAbsent(dev, id);
        if (prev != null && !prev.equals(id)) {
          throw src.error(
              at + "/interfaces", "interface " + iface + " is already agent " + prev + "'s");
        }
      }
      String hash = tokenHash(src, at, "agent " + id, a.token(), a.tokenHash(), file);
      out.add(new Agent(id, name, a.group(), ifaces, hash));
    }
    return out;
  }

  static Config loadObjectives(Path file, ServerSettings server, List<Agent> agents)
      throws ConfigException {
    YamlSource src = YamlSource.read(file);
    ObjectivesYaml y = src.bind(ObjectivesYaml.class);
    Map<String, Objective> objectives = new LinkedHashMap<>();
    List<ObjectiveYaml> list = y.objectives() == null ? List.of() : y.objectives();
    if (list.isEmpty()) {
      throw src.error("/objectives", "no objectives: define at least one under 'objectives:'");
    }
    for (int i = 0; i < list.size(); i++) {
      ObjectiveYaml o = list.get(i);
      String at = "/objectives/" + i;
      if (o == null) {
        throw src.error(at, "empty objective entry");
      }
      String id = require(src, at + "/id", o.id(), "objectives[" + i + "].id");
      if (objectives.containsKey(id)) {
        throw src.error(at + "/id", "duplicate objective id '" + id + "'");
      }
      String title = require(src, at + "/title", o.title(), "objective " + id + ": title");
      String advance =
          require(
              src,
              at + "/advance",
              o.advance(),
              "objective " + id + ": advance (what the customer commits to)");
      // A missing measure or time frame is the objective check's finding (not-measurable,
      // not-time-bound),
      // given with the rest of its findings and a suggestion; the check gates every load.
      String measure = o.measure() == null ? "" : o.measure().strip();
      String timeFrame = o.timeFrame() == null ? "" : o.timeFrame().strip();
      List<ChecklistItem> items = new ArrayList<>();
      Set<String> itemIds = new HashSet<>();
      List<ItemYaml> itemYaml = o.checklist() == null ? List.of() : o.checklist();
      for (int j = 0; j < itemYaml.size(); j++) {
        ItemYaml it = itemYaml.get(j);
        String iat = at + "/checklist/" + j;
        if (it == null) {
          throw src.error(iat, "empty checklist item");
        }
        String iid = require(src, iat + "/id", it.id(), "checklist item id");
        if (!itemIds.add(iid)) {
          throw src.error(
              iat + "/id", "duplicate checklist item id '" + iid + "' in objective " + id);
        }
        String text = require(src, iat + "/text", it.text(), "checklist item " + iid + ": text");
        ChecklistKind kind;
        try {
          kind = ChecklistKind.parse(it.kind());
        } catch (IllegalArgumentException e) {
          throw src.error(iat + "/kind", "checklist item " + iid + ": " + e.getMessage());
        }
        items.add(new ChecklistItem(iid, text, kind, it.required() != null && it.required()));
      }
      String followUp =
          o.followUp() == null || o.followUp().isBlank() ? null : o.followUp().strip();
      objectives.put(id, new Objective(id, title, advance, measure, timeFrame, items, followUp));
    }

    Map<String, DispositionCode> catalog = new LinkedHashMap<>();
    List<CodeYaml> codes = y.dispositionCodes() == null ? List.of() : y.dispositionCodes();
    if (codes.isEmpty()) {
      throw src.error(
          "/dispositionCodes",
          "no dispositionCodes: define the default set (e.g. ADVANCE, NO_ADVANCE)");
    }
    for (int i = 0; i < codes.size(); i++) {
      CodeYaml c = codes.get(i);
      String at = "/dispositionCodes/" + i;
      if (c == null) {
        throw src.error(at, "empty disposition code");
      }
      String code = require(src, at + "/code", c.code(), "dispositionCodes[" + i + "].code");
      if (!code.matches("[A-Z][A-Z0-9_]{0,31}")) {
        throw src.error(
            at + "/code",
            "disposition code '" + code + "' must be UPPER_SNAKE_CASE, at most 32 characters");
      }
      if (catalog.containsKey(code)) {
        throw src.error(at + "/code", "duplicate disposition code '" + code + "'");
      }
      Set<String> flags = new HashSet<>();
      for (String f : c.flags() == null ? List.<String>of() : c.flags()) {
        String norm = f.toLowerCase(Locale.ROOT).replace('-', '_');
        if (!FLAGS.contains(norm)) {
          throw src.error(
              at + "/flags", "unknown flag '" + f + "' on " + code + "; flags are " + FLAGS);
        }
        flags.add(norm);
      }
      if (flags.contains("advance") && flags.contains("no_advance")) {
        throw src.error(at + "/flags", code + " cannot have both flags advance and no_advance");
      }
      int key = c.key() != null ? c.key() : i + 1;
      if (key < 1 || key > 99) {
        throw src.error(
            at + "/key", "key of " + code + " must be 1..99 (the number agents type for it)");
      }
      for (DispositionCode other : catalog.values()) {
        if (other.key() == key) {
          throw src.error(
              at + "/key",
              code
                  + " has key "
                  + key
                  + ", already the key of "
                  + other.code()
                  + "; a code has one number everywhere");
        }
      }
      catalog.put(
          code,
          new DispositionCode(
              code,
              c.label() != null ? c.label() : code,
              flags.contains("sale"),
              flags.contains("contact"),
              flags.contains("not_interested"),
              flags.contains("callback"),
              flags.contains("do_not_call"),
              flags.contains("completed"),
              key,
              flags.contains("advance")
                  ? Boolean.TRUE
                  : flags.contains("no_advance") ? Boolean.FALSE : null));
    }
    List<DispositionCode> defaults = List.copyOf(catalog.values());

    Map<String, QueueMapping> queues = new LinkedHashMap<>();
    Map<String, QueueYaml> qy = y.queues() == null ? Map.of() : y.queues();
    for (var e : qy.entrySet()) {
      String at = "/queues/" + e.getKey();
      QueueYaml q = e.getValue();
      if (q == null) {
        throw src.error(at, "queue " + e.getKey() + " needs at least 'objective:'");
      }
      String obj = MappingRulesLoader.queueObjective(src, at, e.getKey(), q, objectives);
      int maxWait = q.maxWaitSeconds() == null ? 0 : q.maxWaitSeconds();
      if (maxWait < 0) {
        throw src.error(
            at + "/maxWaitSeconds", "maxWaitSeconds must be >= 0 (0 = the queue never times out)");
      }
      int serviceLevel =
          q.serviceLevelSeconds() == null
              ? QueueMapping.DEFAULT_SERVICE_LEVEL_SECONDS
              : q.serviceLevelSeconds();
      if (serviceLevel < 1 || serviceLevel > 3600) {
        throw src.error(
            at + "/serviceLevelSeconds",
            "serviceLevelSeconds must be 1..3600 (the seconds within which a call counts as answered"
                + " in time), not "
                + serviceLevel);
      }
      queues.put(
          e.getKey(),
          new QueueMapping(
              e.getKey(),
              obj,
              pickCodes(src, at + "/dispositionCodes", q.dispositionCodes(), catalog, defaults),
              Duration.ofSeconds(maxWait),
              Boolean.TRUE.equals(q.forcedWrapUp()),
              serviceLevel,
              ScreenPop.parse(src, at + "/screenPop", q.screenPop())));
    }

    var oy = y.outbound();
    String outDefault = oy != null ? oy.defaultObjective() : null;
    Map<String, String> byAgent = oy != null && oy.agents() != null ? oy.agents() : Map.of();
    Map<String, String> byGroup = oy != null && oy.groups() != null ? oy.groups() : Map.of();
    if (outDefault == null) {
      outDefault = objectives.keySet().iterator().next();
      log.warn("{}: no outbound.default objective; agent-dialled calls get '{}'", file, outDefault);
    }
    checkObjective(src, "/outbound/default", outDefault, objectives);
    Set<String> agentIds = new HashSet<>();
    Set<String> groups = new HashSet<>();
    for (Agent a : agents) {
      agentIds.add(a.id());
      if (a.group() != null) {
        groups.add(a.group());
      }
    }
    for (var e : byAgent.entrySet()) {
      if (!agentIds.contains(e.getKey())) {
        throw src.error(
            "/outbound/agents/" + e.getKey(),
            "outbound.agents names unknown agent '" + e.getKey() + "'");
      }
      checkObjective(src, "/outbound/agents/" + e.getKey(), e.getValue(), objectives);
    }
    for (var e : byGroup.entrySet()) {
      if (!groups.contains(e.getKey())) {
        log.warn("{}: outbound.groups names group '{}' that no agent is in", file, e.getKey());
      }
      checkObjective(src, "/outbound/groups/" + e.getKey(), e.getValue(), objectives);
    }
    OutboundMapping outbound =
        new OutboundMapping(
            outDefault,
            byAgent,
            byGroup,
            pickCodes(
                src,
                "/outbound/dispositionCodes",
                oy == null ? null : oy.dispositionCodes(),
                catalog,
                defaults));
    return new Config(
        server,
        agents,
        objectives,
        queues,
        defaults,
        outbound,
        MappingRulesLoader.load(src, y, objectives, agents));
  }

  private static String tokenHash(
      YamlSource src, String at, String who, String token, String tokenHash, Path file)
      throws ConfigException {
    if (tokenHash != null) {
      if (!Tokens.isHash(tokenHash)) {
        throw src.error(
            at + "/tokenHash",
            "tokenHash of " + who + " is not a hash made by 'hash-token' (pbkdf2-sha256$...)");
      }
      return tokenHash;
    }
    if (token != null) {
      log.warn(
          "{}: {} has a plain 'token'; store 'tokenHash' instead (hash-token command)", file, who);
      return Tokens.hash(token);
    }
    throw src.error(at, who + " has no tokenHash: run 'hash-token' and add its output");
  }

  private static void checkObjective(
      YamlSource src, String at, String id, Map<String, Objective> objectives)
      throws ConfigException {
    if (!objectives.containsKey(id)) {
      throw src.error(at, "unknown objective '" + id + "'; known: " + objectives.keySet());
    }
  }

  private static List<DispositionCode> pickCodes(
      YamlSource src,
      String at,
      List<String> names,
      Map<String, DispositionCode> catalog,
      List<DispositionCode> defaults)
      throws ConfigException {
    if (names == null || names.isEmpty()) {
      return defaults;
    }
    List<DispositionCode> out = new ArrayList<>();
    for (String n : names) {
      DispositionCode c = catalog.get(n);
      if (c == null) {
        throw src.error(at, "unknown disposition code '" + n + "'; defined: " + catalog.keySet());
      }
      out.add(c);
    }
    return out;
  }

  private static String require(YamlSource src, String at, String value, String what)
      throws ConfigException {
    if (value == null || value.isBlank()) {
      throw src.error(at, what + " is required");
    }
    return value.trim();
  }
}
