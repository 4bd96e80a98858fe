package org.callobjectives.server;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.callobjectives.server.config.AmiServer;
import org.callobjectives.server.config.Config;
import org.callobjectives.server.config.ConfigException;
import org.callobjectives.server.config.ConfigLoader;
import org.callobjectives.server.goals.GoalsConfig;
import org.callobjectives.server.goals.GoalsLoader;
import org.callobjectives.server.metrics.ServerMetrics;
import org.callobjectives.server.objectives.lint.Lint;
import org.callobjectives.server.security.Tokens;
import org.callobjectives.server.sim.DemoAmi;
import org.callobjectives.server.store.DatabaseBackup;
import org.callobjectives.server.store.DatabaseLocation;
import org.callobjectives.server.store.DatabaseLock;
import org.callobjectives.server.store.ReadOnlyQuery;
import org.callobjectives.server.store.Store;
import org.callobjectives.server.supervisor.Supervision;
import org.callobjectives.server.web.WebServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Command line: {@code run} (default) starts the server; {@code hash-token} hashes a token for the
 * config; {@code query}, {@code lint} and {@code backup} are tools for admins.
 */
public final class Main {
  private static final Logger log = LoggerFactory.getLogger(Main.class);

  // Held for the life of the process: one server per database.
  private static volatile DatabaseLock heldLock;

  private Main() {}

  public static void main(String[] args) throws Exception {
    List<String> a = new ArrayList<>(List.of(args));
    String cmd = !a.isEmpty() && !a.get(0).startsWith("--") ? a.remove(0) : "run";
    switch (cmd) {
      case "run" -> System.exit(run(a));
      case "hash-token" -> {
        if (a.size() != 1) {
          System.err.println(
              "usage: hash-token TOKEN   (prints the tokenHash line for agents.yaml)");
          System.exit(2);
        }
        System.out.println(Tokens.hash(a.get(0)));
      }
      case "query" -> System.exit(query(a));
      case "backup" -> System.exit(backup(a, System.out, System.err));
      case "lint" ->
          System.exit(org.callobjectives.server.objectives.lint.LintCommand.run(a, System.out));
      default -> {
        System.err.println(USAGE);
        System.exit(2);
      }
    }
  }

  static final String USAGE =
      String.join(
          "\n",
          "usage:",
          "  run [--config DIR] [--demo]        start the server (default command)",
          "  hash-token TOKEN                   print the tokenHash for agents.yaml / server.yaml users",
          "  query [--db FILE|URL] [--full] \"SELECT ...\"  run a read-only SQL query (--full: no cut values)",
          "  lint [--config DIR]                check the objectives (SMART, advance); exit 1 on errors",
          "  backup [--config DIR | --db FILE] [--force] TARGET_FILE",
          "                                     online backup of the SQLite database (server may run);",
          "                                     on PostgreSQL prints the pg_dump command to use");

  static int query(List<String> args) {
    DatabaseLocation db = DatabaseLocation.sqlite(Path.of("data/objectives.db"));
    boolean full = false;
    String sql = null;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("--db") && i + 1 < args.size()) {
        try {
          db = DatabaseLocation.parse(args.get(++i));
        } catch (IllegalArgumentException e) {
          System.err.println(e.getMessage());
          return 2;
        }
      } else if (a.equals("--full")) {
        full = true;
      } else if (sql == null && !a.startsWith("--")) {
        sql = a;
      } else {
        System.err.println(USAGE);
        return 2;
      }
    }
    if (sql == null) {
      System.err.println(USAGE);
      return 2;
    }
    try {
      ReadOnlyQuery.print(db, sql, System.out, full ? 0 : 40);
      return 0;
    } catch (java.sql.SQLException e) {
      System.err.println("query failed: " + e.getMessage());
      return 1;
    }
  }

  /**
   * {@code backup [--config DIR | --db FILE|URL] [--force] TARGET}: an online backup of the SQLite
   * database named by server.yaml (or {@code --db}), checked before it is put in place. On
   * PostgreSQL it prints the {@code pg_dump} command instead and exits 1.
   */
  static int backup(List<String> args, PrintStream out, PrintStream err) {
    String usage = "usage: backup [--config DIR | --db FILE] [--force] TARGET_FILE";
    Path configDir = Path.of("config");
    DatabaseLocation db = null;
    boolean force = false;
    Path target = null;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if ((a.equals("--config") || a.equals("--db")) && i + 1 < args.size()) {
        String value = args.get(++i);
        if (a.equals("--config")) {
          configDir = Path.of(value);
        } else {
          try {
            db = DatabaseLocation.parse(value);
          } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
          }
        }
      } else if (a.equals("--force")) {
        force = true;
      } else if (target == null && !a.startsWith("--")) {
        target = Path.of(a);
      } else {
        err.println(usage);
        return 2;
      }
    }
    if (target == null) {
      err.println(usage);
      return 2;
    }
    if (db == null) {
      try {
        db = ConfigLoader.serverSettings(configDir).database();
      } catch (ConfigException e) {
        err.println("configuration error: " + e.getMessage());
        return 1;
      }
    }
    if (db.postgres()) {
      err.println(
          "backup not made: the database is PostgreSQL ("
              + db
              + "); back it up with pg_dump (PostgreSQL's client tools), e.g.:");
      err.println("  " + DatabaseBackup.pgDumpCommand(db, target));
      err.println(
          "The password is masked: give it through PGPASSWORD or ~/.pgpass. Restore with"
              + " pg_restore (README: Backup and restore).");
      return 1;
    }
    try {
      out.println(DatabaseBackup.sqlite(db.file(), target, force).describe());
      return 0;
    } catch (DatabaseBackup.Refused e) {
      err.println("backup not made: " + e.getMessage());
      return 1;
    } catch (java.sql.SQLException | java.io.IOException e) {
      err.println("backup failed: " + e.getMessage());
      return 1;
    }
  }

  static int run(List<String> args) throws Exception {
    Path configDir = Path.of("config");
    boolean demo = false;
    for (int i = 0; i < args.size(); i++) {
      switch (args.get(i)) {
        case "--config" -> {
          if (i + 1 >= args.size()) {
            System.err.println("--config needs a folder");
            return 2;
          }
          configDir = Path.of(args.get(++i));
        }
        case "--demo" -> demo = true;
        default -> {
          System.err.println("unknown option " + args.get(i) + "\n" + USAGE);
          return 2;
        }
      }
    }
    Config config;
    GoalsConfig goals;
    try {
      ConfigLoader.requireServerFile(configDir);
      config = Lint.loader(configDir).load();
      goals = GoalsLoader.load(configDir, config);
    } catch (ConfigException e) {
      System.err.println("configuration error: " + e.getMessage());
      return 1;
    }
    if (demo) {
      config = config.withServer(config.server().withDemo());
    }
    log.info(
        "effective configuration: listen {}:{}, database {}, wrap-up {} s, AMI {}, {} agents, {} objectives,"
            + " queues {}, webhooks {}",
        config.server().listenHost(),
        config.server().listenPort(),
        config.server().database(),
        config.server().wrapUp().toSeconds(),
        config.server().demoMode() ? "demo simulator" : config.server().ami(),
        config.agents().size(),
        config.objectives().size(),
        config.queues().keySet(),
        config.server().webhooks().isEmpty() ? "none" : config.server().webhooks());

    // Start order: lock the database, bind the port, and only then open the store (migrations,
    // recovery) and listen to AMI. A second server on the same SQLite file or port stops here at
    // once and has touched no data. On PostgreSQL any number of nodes share the database, all
    // serving clients; each AMI link is listened to by one node at a time (LinkLeases).
    DatabaseLocation location = config.server().database();
    DatabaseLock lock = null;
    java.nio.channels.ServerSocketChannel listener;
    if (!location.postgres()) {
      try {
        lock = DatabaseLock.acquire(location);
      } catch (DatabaseLock.HeldException e) {
        log.error("not starting: {}", e.getMessage());
        System.err.println("not starting: " + e.getMessage());
        return 1;
      }
    }
    try {
      listener = WebServer.bind(config.server().listenHost(), config.server().listenPort());
    } catch (java.io.IOException e) {
      log.error("not starting: {}", e.getMessage());
      System.err.println("not starting: " + e.getMessage());
      if (lock != null) {
        lock.close();
      }
      return 1;
    }
    heldLock = lock;
    Store store = Store.open(location);
    DemoAmi demoAmi = null;
    List<AmiServer> ami = config.server().ami();
    if (config.server().demoMode()) {
      demoAmi = DemoAmi.start(config, Clock.systemUTC());
      ami = List.of(demoAmi.amiServer());
      log.info(
          "no Asterisk configured: demo AMI simulator on 127.0.0.1:{} generating {} calls/s",
          demoAmi.amiServer().port(),
          config.server().demo().callsPerSecond());
    }
    // Live figures follow the configuration in force, which the admin module may reload.
    var inForce = new java.util.concurrent.atomic.AtomicReference<>(config);
    Supervision supervision = new Supervision(inForce::get, goals, Clock.systemUTC());
    ServerMetrics metrics = new ServerMetrics(Clock.systemUTC());
    ObjectivesServer server =
        new ObjectivesServer(
            inForce,
            store,
            Clock.systemUTC(),
            List.of(supervision.callListener(), metrics.callListener()));
    Modules.supervise(server, supervision, store);
    Modules.metrics(server, supervision, store, metrics);
    // Admin page and API at /admin; config files hot-reloaded when they change.
    var admin =
        Modules.admin(
            server, store, configDir, Clock.systemUTC(), java.time.Duration.ofMillis(500));
    var addr = server.start(ami, listener);
    String scheme = config.server().tls() == null ? "" : "s";
    log.info(
        "ready: agents connect to ws{}://{}:{}/agent; supervisors open http{}://{}:{}/supervisor, admins /admin",
        scheme,
        addr.getHostString(),
        addr.getPort(),
        scheme,
        addr.getHostString(),
        addr.getPort());
    // Each link and each webhook by exactly one node: one that loses the session holding its leases
    // stops at once (another node may be listening to its links or delivering its webhooks
    // already); its service manager starts it again.
    store
        .leases()
        .watch(
            2000,
            () -> {
              log.error(
                  "lost the database session holding this node's AMI link and webhook leases:"
                      + " stopping (exit 3)");
              System.exit(3);
            });
    CountDownLatch stop = new CountDownLatch(1);
    DemoAmi finalDemo = demoAmi;
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  log.info("shutting down");
                  admin.close();
                  server.close();
                  supervision.close();
                  if (finalDemo != null) {
                    finalDemo.close();
                  }
                  stop.countDown();
                },
                "shutdown"));
    stop.await();
    return 0;
  }
}
