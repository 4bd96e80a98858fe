package org.callobjectives.server.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A real PostgreSQL server for tests: Debian's binaries, {@code initdb} in a temporary folder, a
 * free loopback port, started once per test run and stopped at its end (also when a test fails).
 * Each test that asks for a {@link Database} parameter gets a fresh empty database on it.
 *
 * <p>PostgreSQL refuses to run as root; as root the server runs as the {@code postgres} user the
 * package creates (see ../shared/notes/postgresql-in-tests.md).
 */
public final class PostgresServer implements ParameterResolver {
  /** One fresh database on the shared server: a JDBC URL and its name. */
  public record Database(String url, String name, int port) {
    public Connection connect() throws SQLException {
      return DriverManager.getConnection(url);
    }
  }

  private static final AtomicInteger databases = new AtomicInteger();

  @Override
  public boolean supportsParameter(ParameterContext p, ExtensionContext ctx) {
    return p.getParameter().getType() == Database.class;
  }

  @Override
  public Object resolveParameter(ParameterContext p, ExtensionContext ctx) {
    Instance server =
        ctx.getRoot()
            .getStore(ExtensionContext.Namespace.GLOBAL)
            .getOrComputeIfAbsent(Instance.class, k -> Instance.start(), Instance.class);
    return server.newDatabase();
  }

  /** A fresh empty database, for code that is not a JUnit parameter (a server process, a bench). */
  public static Database newDatabase(ExtensionContext ctx) {
    return (Database) new PostgresServer().resolveParameter(null, ctx);
  }

  /** The running server; closed by JUnit when the whole run ends. */
  static final class Instance implements AutoCloseable {
    private final Path dir;
    private final int port;
    private final String bin;

    private Instance(Path dir, int port, String bin) {
      this.dir = dir;
      this.port = port;
      this.bin = bin;
    }

    static Instance start() {
      String bin = binaries();
      try {
        Path dir = Files.createTempDirectory("pg-test");
        asPostgresOwner(dir);
        int port = freePort();
        run(
            bin + "/initdb",
            "-D",
            dir.resolve("data").toString(),
            "-A",
            "trust",
            "-U",
            "test",
            "--no-sync",
            "-E",
            "UTF8",
            "--locale=C");
        run(
            bin + "/pg_ctl",
            "-D",
            dir.resolve("data").toString(),
            "-l",
            dir.resolve("log").toString(),
            "-w",
            "-t",
            "60",
            "-o",
            "-p "
                + port
                + " -k "
                + dir
                + " -c listen_addresses=127.0.0.1 -c fsync=off"
                + " -c max_connections=200",
            "start");
        return new Instance(dir, port, bin);
      } catch (IOException | InterruptedException e) {
        throw new IllegalStateException("PostgreSQL for tests did not start: " + e.getMessage(), e);
      }
    }

    Database newDatabase() {
      String name = "t" + ProcessHandle.current().pid() + "_" + databases.incrementAndGet();
      String admin = "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=test";
      try (Connection c = DriverManager.getConnection(admin);
          Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE " + name);
      } catch (SQLException e) {
        throw new IllegalStateException("CREATE DATABASE " + name + ": " + e.getMessage(), e);
      }
      return new Database(
          "jdbc:postgresql://127.0.0.1:" + port + "/" + name + "?user=test", name, port);
    }

    @Override
    public void close() throws Exception {
      try {
        run(bin + "/pg_ctl", "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop");
      } finally {
        try (Stream<Path> files = Files.walk(dir)) {
          files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
      }
    }
  }

  /** Debian's server binaries (the newest installed major version), or a clear failure. */
  static String binaries() {
    Path base = Path.of("/usr/lib/postgresql");
    try (Stream<Path> versions = Files.list(base)) {
      return versions
          .filter(v -> Files.isExecutable(v.resolve("bin/initdb")))
          .max(Comparator.comparingInt(v -> Integer.parseInt(v.getFileName().toString())))
          .map(v -> v.resolve("bin").toString())
          .orElseThrow();
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(
          "no PostgreSQL server binaries under /usr/lib/postgresql: run bin/test, which installs"
              + " Debian's postgresql package, or apt-get install postgresql");
    }
  }

  private static boolean root() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static void asPostgresOwner(Path dir) throws IOException, InterruptedException {
    if (root()) {
      exec(List.of("chown", "postgres:postgres", dir.toString()));
    }
  }

  private static void run(String... command) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    if (root()) {
      cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    cmd.addAll(List.of(command));
    exec(cmd);
  }

  private static void exec(List<String> cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(90, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException(String.join(" ", cmd) + " failed:\n" + new String(out));
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
