package org.callobjectives.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.callobjectives.bridge.BridgeClient;
import org.callobjectives.protocol.CallEnded;
import org.callobjectives.protocol.CallStarted;
import org.callobjectives.protocol.ChecklistItem;
import org.callobjectives.protocol.DispositionCode;
import org.callobjectives.protocol.DispositionSubmit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archive the build made (target/call-objectives-VERSION.tar.gz), unpacked and used as an admin
 * would: the launcher starts the server with the example config, logs go to the rolling file, a
 * backup taken while agents store dispositions is consistent and restores, a missing server.yaml is
 * a clear error, a missing or old Java is named, and the systemd unit passes systemd-analyze.
 */
class DistributionTest {
  @TempDir static Path tmp;
  static Path install;

  private final List<Process> started = new ArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void unpack() throws Exception {
    String archive = System.getProperty("dist.archive");
    assertTrue(
        archive != null && Files.isRegularFile(Path.of(archive)),
        "no archive at " + archive + ": this test runs after 'package' (mvn verify)");
    Path into = Files.createDirectories(tmp.resolve("opt"));
    Result tar = exec(List.of("tar", "xzf", archive, "-C", into.toString()), null, Map.of(), 60);
    assertEquals(0, tar.code(), tar.all());
    install = into.resolve(System.getProperty("dist.name"));
  }

  @AfterEach
  void stopAll() throws Exception {
    for (Process p : started) {
      if (p.isAlive()) {
        p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
    }
  }

  // ---------------------------------------------------------------------------------------------

  @Test
  void theArchiveHoldsLauncherJarsConfigLoggingAndTheUnitAndTheZipTheSame() throws Exception {
    for (String f :
        List.of(
            "bin/call-objectives",
            "lib/call-objectives-server-all.jar",
            "lib/agent-bridge-all.jar",
            "config/server.yaml",
            "config/agents.yaml",
            "config/objectives.yaml",
            "config/goals.yaml",
            "config/lint.yaml",
            "config/logback.xml",
            "systemd/call-objectives.service",
            "systemd/call-objectives.default",
            "README.md")) {
      assertTrue(Files.isRegularFile(install.resolve(f)), f);
    }
    assertTrue(
        Files.getPosixFilePermissions(install.resolve("bin/call-objectives"))
            .contains(PosixFilePermission.OTHERS_EXECUTE));
    Set<String> unpacked = new TreeSet<>();
    try (Stream<Path> s = Files.walk(install)) {
      s.filter(Files::isRegularFile).forEach(p -> unpacked.add(install.relativize(p).toString()));
    }
    Set<String> zipped = new TreeSet<>();
    try (ZipFile zip = new ZipFile(System.getProperty("dist.zip"))) {
      String prefix = System.getProperty("dist.name") + "/";
      zip.stream()
          .filter(e -> !e.isDirectory())
          .forEach(e -> zipped.add(e.getName().substring(prefix.length())));
    }
    assertEquals(unpacked, zipped);
    // The launcher is POSIX sh (Debian's /bin/sh is dash).
    Result syntax = exec(List.of("sh", "-n", install.resolve("bin/call-objectives").toString()));
    assertEquals(0, syntax.code(), syntax.all());
  }

  @Test
  void theLauncherRunsTheServerWithTheExampleConfigAndLogsToTheRollingFile() throws Exception {
    int port = freePort();
    Path serverYaml = install.resolve("config/server.yaml");
    Files.writeString(serverYaml, withPort(Files.readString(serverYaml), port));
    // Started from elsewhere: the launcher finds its install and enters it.
    Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
    Path console = tmp.resolve("console-example.log");
    Process server = launch(elsewhere, Map.of(), console);
    awaitHealth(server, port, console);

    assertTrue(Files.isRegularFile(install.resolve("data/objectives.db")), "database in data/");
    Path log = install.resolve("logs/call-objectives.log");
    awaitContains(log, "ready: agents connect to ws://127.0.0.1:" + port + "/agent");
    String file = Files.readString(log);
    assertTrue(
        Pattern.compile("(?m)^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO ")
            .matcher(file)
            .find(),
        file);
    String out = Files.readString(console);
    assertTrue(out.contains("INFO  o.c.server.Main - ready:"), out);
    assertFalse(
        out.contains("|-WARN") || out.contains("|-ERROR"), "logback config problems:\n" + out);
    assertTrue(
        Pattern.compile("(?m)^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO ").matcher(out).find(),
        "a terminal gets the time on each line:\n" + out);

    server.destroy(); // SIGTERM, as systemctl stop
    assertTrue(server.waitFor(30, TimeUnit.SECONDS), "stops on SIGTERM");
    assertEquals(143, server.exitValue(), "the exit status the unit counts as success");
    awaitContains(log, "shutting down");
  }

  @Test
  void aBackupTakenWhileAgentsStoreDispositionsIsConsistentAndRestores() throws Exception {
    int port = freePort();
    // The layout of a systemd install: config, data and logs in folders of their own.
    Path etc = Files.createDirectories(tmp.resolve("etc"));
    try (Stream<Path> s = Files.list(install.resolve("config"))) {
      for (Path f : s.toList()) {
        Files.copy(f, etc.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    String yaml = withPort(Files.readString(etc.resolve("server.yaml")), port);
    yaml = replace(yaml, "wrapUpSeconds: \\d+", "wrapUpSeconds: 5");
    yaml = replace(yaml, "callsPerSecond: [0-9.]+", "callsPerSecond: 4");
    yaml = replace(yaml, "minTalkSeconds: \\d+", "minTalkSeconds: 1");
    yaml = replace(yaml, "maxTalkSeconds: \\d+", "maxTalkSeconds: 2");
    Files.writeString(etc.resolve("server.yaml"), yaml);
    Path varLib = tmp.resolve("var-lib");
    Path varLog = tmp.resolve("var-log");
    Map<String, String> env =
        Map.of(
            "CALL_OBJECTIVES_CONFIG", etc.toString(),
            "CALL_OBJECTIVES_DATA", varLib.toString(),
            "CALL_OBJECTIVES_LOGS", varLog.toString(),
            // As under systemd: journald reads the priority and adds the time.
            "JOURNAL_STREAM", "8:12345");
    Path console = tmp.resolve("console-backup.log");
    Process server = launch(tmp, env, console);
    awaitHealth(server, port, console);
    assertTrue(Files.readString(console).startsWith("<6>INFO  "), Files.readString(console));
    Path db = varLib.resolve("data/objectives.db");
    assertTrue(Files.isRegularFile(db));
    awaitContains(varLog.resolve("call-objectives.log"), "ready:");

    // Alice stores a disposition for every call she gets; the other agents' calls end as
    // UNDISPOSED after the 5 s wrap-up: the server writes all the time.
    List<String> acked = new CopyOnWriteArrayList<>();
    Map<String, CallStarted> pops = new ConcurrentHashMap<>();
    List<Throwable> refused = new CopyOnWriteArrayList<>();
    BridgeClient[] alice = new BridgeClient[1];
    BridgeClient.Listener listener =
        new BridgeClient.Listener() {
          @Override
          public void onCallStarted(CallStarted call) {
            pops.put(call.callId(), call);
          }

          @Override
          public void onCallEnded(CallEnded ended) {
            CallStarted pop = pops.get(ended.callId());
            if (pop != null) {
              alice[0]
                  .submit(disposition(pop))
                  .whenComplete(
                      (ack, err) -> {
                        if (err != null) {
                          refused.add(err);
                        } else {
                          acked.add(ack.callId());
                        }
                      });
            }
          }
        };
    alice[0] =
        new BridgeClient(
            URI.create("ws://127.0.0.1:" + port + "/agent"), "1001", "demo-1001", null, listener);
    Path work = Files.createDirectories(tmp.resolve("work"));
    try (BridgeClient client = alice[0]) {
      client.start();
      awaitTrue(() -> acked.size() >= 3, Duration.ofSeconds(90), "3 dispositions stored by Alice");
      awaitTrue(
          () -> count(db, "SELECT count(*) FROM dispositions WHERE code = 'UNDISPOSED'") >= 2,
          Duration.ofSeconds(60),
          "missed wrap-ups stored");

      List<String> ackedBefore = List.copyOf(acked);
      Result backup = exec(launcher("backup", "nightly.db"), work, env, 120);
      assertEquals(0, backup.code(), backup.all());
      Path copy = work.resolve("nightly.db"); // relative to where the admin stands
      Matcher m =
          Pattern.compile(
                  "backed up "
                      + Pattern.quote(db.toString())
                      + " to "
                      + Pattern.quote(copy.toString())
                      + ": .*integrity_check ok, (\\d+) calls, (\\d+) dispositions")
              .matcher(backup.out());
      assertTrue(m.find(), backup.all());
      long dispositions = Long.parseLong(m.group(2));
      assertEquals("ok", integrity(copy));
      assertEquals(dispositions, count(copy, "SELECT count(*) FROM dispositions"));
      assertEquals(Long.parseLong(m.group(1)), count(copy, "SELECT count(*) FROM calls"));
      assertEquals(
          0,
          count(
              copy,
              "SELECT count(*) FROM dispositions d LEFT JOIN calls c USING (call_id)"
                  + " WHERE c.call_id IS NULL"),
          "every disposition with its call");
      for (String callId : ackedBefore) {
        assertEquals(
            1,
            count(copy, "SELECT count(*) FROM dispositions WHERE call_id = '" + callId + "'"),
            "acked before the backup: " + callId);
      }
      assertFalse(Files.exists(work.resolve("nightly.db-wal")), "one self-contained file");

      // An existing backup is not overwritten without --force.
      byte[] first = Files.readAllBytes(copy);
      Result again = exec(launcher("backup", "nightly.db"), work, env, 120);
      assertEquals(1, again.code(), again.all());
      assertTrue(again.err().contains(copy + " exists: add --force to replace it"), again.all());
      assertTrue(java.util.Arrays.equals(first, Files.readAllBytes(copy)));

      // The server went on storing dispositions; a forced backup takes the newer ones.
      int ackedAtFirst = acked.size();
      awaitTrue(
          () -> acked.size() > ackedAtFirst, Duration.ofSeconds(60), "more dispositions stored");
      Result forced = exec(launcher("backup", "--force", "nightly.db"), work, env, 120);
      assertEquals(0, forced.code(), forced.all());
      assertEquals("ok", integrity(copy));
      assertTrue(count(copy, "SELECT count(*) FROM dispositions") > dispositions);
      assertTrue(refused.isEmpty(), () -> "dispositions refused: " + refused);
    }
    long inBackup = count(work.resolve("nightly.db"), "SELECT count(*) FROM dispositions");

    // Restore as the README says: stop, move the database and its -wal/-shm aside, copy the
    // backup in place, start.
    server.destroy();
    assertTrue(server.waitFor(30, TimeUnit.SECONDS));
    Path aside = Files.createDirectories(tmp.resolve("aside"));
    for (String suffix : new String[] {"", "-wal", "-shm"}) {
      Path f = Path.of(db + suffix);
      if (Files.exists(f)) {
        Files.move(f, aside.resolve(f.getFileName()));
      }
    }
    Files.copy(work.resolve("nightly.db"), db);
    Path console2 = tmp.resolve("console-restored.log");
    Process restored = launch(tmp, env, console2);
    awaitHealth(restored, port, console2);
    Result query = exec(launcher("query", "SELECT count(*) AS n FROM dispositions"), work, env, 60);
    assertEquals(0, query.code(), query.all());
    Matcher n = Pattern.compile("(?m)^(\\d+)\\s*$").matcher(query.out());
    assertTrue(n.find(), query.all());
    assertTrue(Long.parseLong(n.group(1)) >= inBackup, query.all());
    restored.destroy();
    assertTrue(restored.waitFor(30, TimeUnit.SECONDS));
  }

  @Test
  void aMissingServerYamlIsAnErrorNamingTheFile() throws Exception {
    Path config = Files.createDirectories(tmp.resolve("config-without-server-yaml"));
    for (String f : new String[] {"agents.yaml", "objectives.yaml"}) {
      Files.copy(install.resolve("config").resolve(f), config.resolve(f));
    }
    Path data = tmp.resolve("data-never-used");
    Result r =
        exec(
            launcher(),
            tmp,
            Map.of(
                "CALL_OBJECTIVES_CONFIG", config.toString(),
                "CALL_OBJECTIVES_DATA", data.toString()),
            90);
    assertNotEquals(0, r.code(), r.all());
    assertTrue(r.err().contains(config.resolve("server.yaml") + ": not found"), r.all());
    assertTrue(r.err().contains("CALL_OBJECTIVES_CONFIG"), r.all());
    assertFalse(Files.exists(data.resolve("data/objectives.db")), "no database was created");
  }

  @Test
  void theLauncherSaysWhenJavaIsMissingOrTooOld() throws Exception {
    for (String version : new String[] {"11.0.22", "1.8.0_381"}) {
      Path fake = Files.createDirectories(tmp.resolve("java-" + version + "/bin"));
      Path java = fake.resolve("java");
      Files.writeString(
          java, "#!/bin/sh\necho 'openjdk version \"" + version + "\" 2024-01-16' >&2\n");
      java.toFile().setExecutable(true);
      Result r = exec(launcher(), tmp, Map.of("JAVA_HOME", fake.getParent().toString()), 30);
      assertEquals(1, r.code(), r.all());
      assertTrue(r.err().contains("is Java " + version), r.all());
      assertTrue(r.err().contains("needs Java 17 or later"), r.all());
    }
    Result badHome = exec(launcher(), tmp, Map.of("JAVA_HOME", "/nonexistent-jdk"), 30);
    assertEquals(1, badHome.code(), badHome.all());
    assertTrue(badHome.err().contains("JAVA_HOME is /nonexistent-jdk"), badHome.all());

    // No JAVA_HOME and no java on PATH (only the tools the launcher needs).
    Path tools = Files.createDirectories(tmp.resolve("tools-without-java"));
    for (String tool : new String[] {"dirname", "readlink", "sed", "head", "mkdir", "cat"}) {
      Path real = Path.of("/usr/bin", tool);
      if (!Files.isExecutable(real)) {
        real = Path.of("/bin", tool);
      }
      Files.writeString(tools.resolve(tool), "#!/bin/sh\nexec " + real + " \"$@\"\n");
      tools.resolve(tool).toFile().setExecutable(true);
    }
    Map<String, String> noJava = new HashMap<>();
    noJava.put("PATH", tools.toString());
    noJava.put("JAVA_HOME", null);
    Result none = exec(launcher("hash-token", "x"), tmp, noJava, 30);
    assertEquals(1, none.code(), none.all());
    assertTrue(none.err().contains("no Java found"), none.all());
    assertTrue(none.err().contains("Java 17 or later"), none.all());
  }

  @Test
  void theSystemdUnitPassesSystemdAnalyzeVerify() throws Exception {
    String unit = Files.readString(install.resolve("systemd/call-objectives.service"));
    for (String line :
        List.of(
            "User=call-objectives",
            "WorkingDirectory=/var/lib/call-objectives",
            "ExecStart=/opt/call-objectives/current/bin/call-objectives run",
            "Restart=on-failure",
            "SuccessExitStatus=143",
            "LimitNOFILE=65536",
            "NoNewPrivileges=yes",
            "ProtectSystem=strict",
            "ReadWritePaths=/var/lib/call-objectives /var/log/call-objectives /etc/call-objectives",
            "Environment=CALL_OBJECTIVES_CONFIG=/etc/call-objectives",
            "Environment=CALL_OBJECTIVES_DATA=/var/lib/call-objectives")) {
      assertTrue(unit.lines().anyMatch(line::equals), line);
    }
    assumeTrue(
        exec(List.of("sh", "-c", "command -v systemd-analyze")).code() == 0,
        "systemd-analyze is not installed");
    // verify checks that ExecStart exists: point it at the unpacked launcher.
    Path dir = Files.createDirectories(tmp.resolve("units"));
    Path copy = dir.resolve("call-objectives.service");
    Files.writeString(
        copy,
        unit.replace(
            "/opt/call-objectives/current/bin/call-objectives",
            install.resolve("bin/call-objectives").toString()));
    Result verify = exec(List.of("systemd-analyze", "verify", copy.toString()), dir, Map.of(), 60);
    assertEquals(0, verify.code(), verify.all());
    assertFalse(verify.all().contains("call-objectives.service:"), verify.all());
  }

  // ---------------------------------------------------------------------------------------------

  record Result(int code, String out, String err) {
    String all() {
      return "exit " + code + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }
  }

  private static DispositionSubmit disposition(CallStarted pop) {
    DispositionCode code =
        pop.dispositionCodes().stream()
            .filter(c -> c.code().equals("ADVANCE"))
            .findFirst()
            .orElse(pop.dispositionCodes().get(0));
    List<String> required =
        pop.objective().checklist().stream()
            .filter(ChecklistItem::required)
            .map(ChecklistItem::id)
            .toList();
    return new DispositionSubmit(
        null,
        pop.callId(),
        code.code(),
        !Boolean.FALSE.equals(code.advance()),
        required,
        0,
        List.of(),
        80,
        "distribution test");
  }

  private static List<String> launcher(String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(install.resolve("bin/call-objectives").toString());
    cmd.addAll(List.of(args));
    return cmd;
  }

  /** The launcher's environment: this JVM's Java, no settings of the machine it runs on. */
  private static ProcessBuilder builder(List<String> cmd, Path dir, Map<String, String> env) {
    ProcessBuilder pb = new ProcessBuilder(cmd);
    if (dir != null) {
      pb.directory(dir.toFile());
    }
    Map<String, String> e = pb.environment();
    e.keySet().removeIf(k -> k.startsWith("CALL_OBJECTIVES_") || k.equals("JOURNAL_STREAM"));
    e.remove("JAVA_OPTS");
    e.put("JAVA_HOME", System.getProperty("java.home"));
    e.put("CALL_OBJECTIVES_DEFAULTS", "/nonexistent/call-objectives-defaults");
    env.forEach(
        (k, v) -> {
          if (v == null) {
            e.remove(k);
          } else {
            e.put(k, v);
          }
        });
    return pb;
  }

  private Process launch(Path dir, Map<String, String> env, Path console) throws IOException {
    Process p =
        builder(launcher(), dir, env)
            .redirectErrorStream(true)
            .redirectOutput(console.toFile())
            .start();
    started.add(p);
    return p;
  }

  private static Result exec(List<String> cmd) throws Exception {
    return exec(cmd, null, Map.of(), 60);
  }

  private static Result exec(List<String> cmd, Path dir, Map<String, String> env, int seconds)
      throws Exception {
    Path out = Files.createTempFile(tmp, "out", ".txt");
    Path err = Files.createTempFile(tmp, "err", ".txt");
    Process p =
        builder(cmd, dir, env).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail(cmd + " did not finish in " + seconds + " s: " + Files.readString(err));
    }
    return new Result(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private void awaitHealth(Process server, int port, Path console) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      if (!server.isAlive()) {
        fail("the server exited " + server.exitValue() + ":\n" + Files.readString(console));
      }
      try {
        int status =
            http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                        .timeout(Duration.ofSeconds(2))
                        .build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode();
        if (status == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    fail("no /health 200 on port " + port + ":\n" + Files.readString(console));
  }

  interface Check {
    boolean ok() throws Exception;
  }

  private static void awaitTrue(Check check, Duration max, String what) throws Exception {
    long deadline = System.nanoTime() + max.toNanos();
    while (!check.ok()) {
      if (System.nanoTime() > deadline) {
        fail("not within " + max.toSeconds() + " s: " + what);
      }
      Thread.sleep(200);
    }
  }

  private static void awaitContains(Path file, String text) throws Exception {
    awaitTrue(
        () -> Files.exists(file) && Files.readString(file).contains(text),
        Duration.ofSeconds(30),
        file + " contains '" + text + "'");
  }

  private static long count(Path db, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static String integrity(Path db) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        ResultSet rs = c.createStatement().executeQuery("PRAGMA integrity_check")) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static String withPort(String serverYaml, int port) {
    return replace(serverYaml, "(?m)^(\\s+port:\\s*)\\d+", "$1" + port);
  }

  private static String replace(String text, String regex, String replacement) {
    Matcher m = Pattern.compile(regex).matcher(text);
    assertTrue(m.find(), "the example server.yaml has " + regex);
    return m.replaceFirst(replacement);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
