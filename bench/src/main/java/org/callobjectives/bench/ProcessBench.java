package org.callobjectives.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.callobjectives.amisim.AmiTrace;
import org.callobjectives.amisim.AmiWireServer;
import org.callobjectives.amisim.DemoAgent;
import org.callobjectives.amisim.DemoCallGenerator;
import org.callobjectives.amisim.DemoSettings;
import org.callobjectives.amisim.ScriptedAmiServer;
import org.callobjectives.bridge.BridgeClient;
import org.callobjectives.protocol.Json;
import org.callobjectives.server.security.Tokens;

/**
 * The server in a process of its own (the shipped jar, optionally pinned to its own cores); the AMI
 * simulator, the recorded ingest stream and the agent clients in this one. Measures what the server
 * alone does: ingest against bare Asterisk-Java, pop latency end to end, heap per connected agent.
 */
public final class ProcessBench {
  /** How long the measured ingest stream waits after the server logs in (the warm one runs). */
  static final double INGEST_HOLD_SECONDS = 25;

  private ProcessBench() {}

  public static void main(String[] args) throws Exception {
    int agents = 5000;
    double rate = 200;
    int seconds = 60;
    int warmup = 15;
    int ingestCalls = 5000;
    int connectPerSecond = 250;
    String serverCpus = null;
    String heap = "4g";
    Path jar = Path.of("server/target/call-objectives-server-all.jar");
    String database = null;
    int nodes = 1;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--agents" -> agents = Integer.parseInt(args[++i]);
        case "--rate" -> rate = Double.parseDouble(args[++i]);
        case "--seconds" -> seconds = Integer.parseInt(args[++i]);
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--ingest-calls" -> ingestCalls = Integer.parseInt(args[++i]);
        case "--connect-per-second" -> connectPerSecond = Integer.parseInt(args[++i]);
        case "--server-cpus" -> serverCpus = args[++i];
        case "--server-heap" -> heap = args[++i];
        case "--server-jar" -> jar = Path.of(args[++i]);
        case "--database" -> database = args[++i];
        case "--nodes" -> nodes = Integer.parseInt(args[++i]);
        default -> {
          System.err.println(
              "usage: ProcessBench [--agents N] [--rate CALLS_PER_S] [--seconds S] [--warmup S]"
                  + " [--ingest-calls N] [--connect-per-second N] [--server-cpus LIST]"
                  + " [--server-heap SIZE] [--server-jar PATH] [--database URL] [--nodes N]");
          System.exit(2);
        }
      }
    }
    if (nodes > 1 && (database == null || !database.startsWith("postgres"))) {
      System.err.println("--nodes 2 or more needs --database postgresql://... (an empty database)");
      System.exit(2);
    }
    new ProcessBench.Run(
            agents,
            rate,
            seconds,
            warmup,
            ingestCalls,
            connectPerSecond,
            serverCpus,
            heap,
            jar,
            database,
            nodes)
        .run();
    System.exit(0);
  }

  record Run(
      int agents,
      double rate,
      int seconds,
      int warmup,
      int ingestCalls,
      int connectPerSecond,
      String serverCpus,
      String heap,
      Path jar,
      String database,
      int nodes) {

    void run() throws Exception {
      Path dir = Files.createTempDirectory("process-bench");
      List<DemoAgent> demo = new ArrayList<>();
      StringBuilder agentsYaml = new StringBuilder("agents:\n");
      for (int i = 0; i < agents; i++) {
        String id = String.format("%05d", 10000 + i);
        String queue = i % 2 == 0 ? "sales" : "support";
        demo.add(DemoAgent.of(id, "Agent " + id, queue));
        agentsYaml
            .append("  - id: \"")
            .append(id)
            .append("\"\n    name: Agent ")
            .append(id)
            .append("\n    group: ")
            .append(queue)
            .append("-team\n    interfaces: [Local/")
            .append(id)
            .append("@agents]\n    tokenHash: \"")
            .append(Tokens.hash("t" + id, 1))
            .append("\"\n");
      }
      DemoSettings settings =
          new DemoSettings(
              List.of("sales", "support"),
              demo,
              rate,
              Duration.ofSeconds(2),
              Duration.ofSeconds(6),
              Duration.ofMillis(200),
              0.05,
              0.1,
              0.2,
              Duration.ofSeconds(30),
              42);

      // Bare Asterisk-Java first, in this process, on the same recorded stream.
      IngestCapacity ingest = IngestCapacity.record(settings, ingestCalls);
      double bare = Math.max(ingest.bareAsteriskJava(), ingest.bareAsteriskJava());

      BenchAgents agentClients = new BenchAgents();
      AmiWireServer wire = new AmiWireServer(InetAddress.getLoopbackAddress(), 0).start();
      var genThread = Executors.newSingleThreadScheduledExecutor();
      DemoCallGenerator gen =
          new DemoCallGenerator(settings, wire::broadcast, Clock.systemUTC(), genThread);
      wire.setChannelDirectory(gen.directory());
      agentClients.timeAnswers(gen, "live");
      // The same stream twice into the ingest server: the first warms its JIT (as the bare
      // connection is measured twice), the second, held back until the first is surely done, is
      // measured.
      ScriptedAmiServer warmAmi =
          new ScriptedAmiServer(List.of(new AmiTrace.Session(0, ingest.packets())), 0);
      List<AmiTrace.Packet> held = new ArrayList<>();
      for (AmiTrace.Packet p : ingest.packets()) {
        held.add(new AmiTrace.Packet(INGEST_HOLD_SECONDS, p.bytes()));
      }
      ScriptedAmiServer ingestAmi =
          new ScriptedAmiServer(List.of(new AmiTrace.Session(0, held)), 1);

      int[] ports = new int[nodes];
      Path config = null;
      List<Process> servers = new ArrayList<>();
      HttpClient http = HttpClient.newHttpClient();
      try {
        for (int n = 0; n < nodes; n++) {
          ports[n] = freePort();
          config = dir.resolve("config-" + n);
          Files.createDirectories(config);
          for (String f : new String[] {"objectives.yaml", "lint.yaml", "goals.yaml"}) {
            Files.copy(Path.of("config", f), config.resolve(f));
          }
          Files.writeString(config.resolve("agents.yaml"), agentsYaml);
          Files.writeString(
              config.resolve("server.yaml"),
              String.join(
                  "\n",
                  "listen: {host: 127.0.0.1, port: " + ports[n] + "}",
                  "database: " + (database != null ? database : dir.resolve("bench.db")),
                  "wrapUpSeconds: 30",
                  // Every simulated agent connects from 127.0.0.1: no per-address share here.
                  "limits: {connections: "
                      + (agents + 1000)
                      + ", connectionsPerAddress: "
                      + (agents + 1000)
                      + "}",
                  "ami:",
                  amiLine("live", wire.port()),
                  ""));
          servers.add(
              new ProcessBuilder(serverCommand(config))
                  .redirectErrorStream(true)
                  .redirectOutput(dir.resolve("server-" + n + ".log").toFile())
                  .start());
          awaitHealth(http, ports[n], servers.get(n), dir);
          if (n == 0) {
            // The first node listens to Asterisk; the others serve agents only.
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!health(http, ports[0]).path("ami").path("live").asBoolean()
                && System.nanoTime() < until) {
              Thread.sleep(100);
            }
          }
        }
        double serverIngest = measureIngest(http, dir, ingest, warmAmi, ingestAmi, config);

        long heapBefore = 0;
        for (int n = 0; n < nodes; n++) {
          gcServer(servers.get(n));
          heapBefore += health(http, ports[n]).get("heapUsedBytes").asLong();
        }
        Recorder endToEnd = agentClients.endToEnd;
        AtomicLong pops = agentClients.pops;
        AtomicLong acks = agentClients.acks;
        AtomicLong welcomed = agentClients.welcomed;
        List<BridgeClient> clients = new ArrayList<>();
        HttpClient wsHttp = HttpClient.newHttpClient();
        long pace = TimeUnit.SECONDS.toNanos(1) / connectPerSecond;
        long next = System.nanoTime();
        for (int i = 0; i < agents; i++) {
          String id = String.format("%05d", 10000 + i);
          int node = i % nodes;
          URI uri = URI.create("ws://127.0.0.1:" + ports[node] + "/agent");
          BridgeClient c = agentClients.client(uri, id, wsHttp, node != 0);
          clients.add(c);
          // A steady pace, as agents signing in over a morning would: no start-up storm.
          next += pace;
          long wait = next - System.nanoTime();
          if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
          }
          c.start();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (welcomed.get() < agents && System.nanoTime() < deadline) {
          Thread.sleep(100);
        }
        long heapAfter = 0;
        for (int n = 0; n < nodes; n++) {
          gcServer(servers.get(n));
          heapAfter += health(http, ports[n]).get("heapUsedBytes").asLong();
        }

        gen.start();
        Thread.sleep(warmup * 1000L);
        endToEnd.reset();
        agentClients.viaOtherNode.reset();
        long[] h0 = totals(http, ports);
        long p0 = pops.get();
        long a0 = acks.get();
        long c0 = gen.callsStarted();
        long t0 = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        double secs = (System.nanoTime() - t0) / 1e9;
        long[] h1 = totals(http, ports);
        long p1 = pops.get();
        long a1 = acks.get();
        long c1 = gen.callsStarted();
        Histogram e2e = endToEnd.getIntervalHistogram();
        Histogram relayed = agentClients.viaOtherNode.getIntervalHistogram();
        gen.stop();

        System.out.println();
        System.out.printf(
            "Process benchmark: %s in %s (-Xmx%s%s), %d agents (%d welcomed, connected"
                + " at %d/s), %.0f calls/s offered, %d s measured after %d s warm-up, %d cores, Java"
                + " %s%n%n",
            nodes == 1 ? "server" : nodes + " server nodes",
            (nodes == 1 ? "its own JVM" : "JVMs of their own")
                + (database == null ? ", SQLite" : ", PostgreSQL"),
            heap,
            serverCpus == null ? "" : ", CPUs " + serverCpus,
            agents,
            welcomed.get(),
            connectPerSecond,
            rate,
            seconds,
            warmup,
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.version"));
        System.out.println("| metric | value |");
        System.out.println("|---|---|");
        row(
            "AMI ingest, bare Asterisk-Java in the bench process (events/s, "
                + ingest.events()
                + " events)",
            "%.0f",
            bare);
        row(
            "AMI ingest, server process incl. call tracking and store (events/s)",
            "%.0f",
            serverIngest);
        row("server ingest / bare Asterisk-Java", "%.2f", serverIngest / bare);
        row("calls started /s (simulator)", "%.1f", (c1 - c0) / secs);
        row("AMI events /s ingested by the server", "%.0f", (h1[0] - h0[0]) / secs);
        row("pops /s received by agent clients", "%.1f", (p1 - p0) / secs);
        row("dispositions acked /s", "%.1f", (a1 - a0) / secs);
        row(
            "AMI event -> pop at the agent client, p50 (ms)",
            "%.2f",
            e2e.getValueAtPercentile(50) / 1e6);
        row(
            "AMI event -> pop at the agent client, p99 (ms)",
            "%.2f",
            e2e.getValueAtPercentile(99) / 1e6);
        row("AMI event -> pop at the agent client, max (ms)", "%.2f", e2e.getMaxValue() / 1e6);
        row("pops measured", "%d", e2e.getTotalCount());
        if (nodes > 1) {
          row(
              "of which on nodes not listening to Asterisk (relayed through PostgreSQL), p50 (ms)",
              "%.2f",
              relayed.getValueAtPercentile(50) / 1e6);
          row(
              "of which on nodes not listening to Asterisk, p99 (ms)",
              "%.2f",
              relayed.getValueAtPercentile(99) / 1e6);
          row(
              "of which on nodes not listening to Asterisk, max (ms)",
              "%.2f",
              relayed.getMaxValue() / 1e6);
          row("pops measured on nodes not listening to Asterisk", "%d", relayed.getTotalCount());
        }
        row("AMI events dropped by the server", "%d", h1[1]);
        row(
            "server heap per connected agent, server processes alone (KiB)",
            "%.1f",
            (heapAfter - heapBefore) / 1024.0 / agents);
        clients.forEach(BridgeClient::close);
      } finally {
        for (Process server : servers) {
          server.destroy();
          server.waitFor(20, TimeUnit.SECONDS);
        }
        gen.close();
        wire.close();
      }
    }

    /** AMI events seen and dropped, summed over the nodes. */
    private static long[] totals(HttpClient http, int[] ports) throws Exception {
      long[] t = new long[2];
      for (int port : ports) {
        JsonNode h = health(http, port);
        t[0] += h.get("amiEventsSeen").asLong();
        t[1] += h.get("amiEventsDropped").asLong();
      }
      return t;
    }

    /**
     * The recorded stream, as fast as the socket takes it, into a server process of its own (same
     * jar and config, a fresh database, one AMI link to the recording): from its first event seen
     * to the last call event handed to call tracking, read from /health.
     */
    private double measureIngest(
        HttpClient http,
        Path dir,
        IngestCapacity ingest,
        ScriptedAmiServer warmAmi,
        ScriptedAmiServer ingestAmi,
        Path liveConfig)
        throws Exception {
      warmAmi.start();
      ingestAmi.start();
      try {
        Path config = dir.resolve("ingest-config");
        Files.createDirectories(config);
        for (String f :
            new String[] {"objectives.yaml", "lint.yaml", "goals.yaml", "agents.yaml"}) {
          Files.copy(liveConfig.resolve(f), config.resolve(f));
        }
        int port = freePort();
        Files.writeString(
            config.resolve("server.yaml"),
            String.join(
                "\n",
                "listen: {host: 127.0.0.1, port: " + port + "}",
                "database: " + dir.resolve("ingest.db"),
                "wrapUpSeconds: 30",
                "ami:",
                amiLine("warm", warmAmi.port()),
                amiLine("ingest", ingestAmi.port()),
                ""));
        Process p =
            new ProcessBuilder(serverCommand(config))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("ingest-server.log").toFile())
                .start();
        try {
          awaitHealth(http, port, p, dir);
          long want = ingest.trackedEvents();
          long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
          JsonNode h = health(http, port);
          while (h.get("amiEventsTracked").asLong() < want && System.nanoTime() < deadline) {
            Thread.sleep(50);
            h = health(http, port);
          }
          // What the measured link saw before its stream (the login's own events).
          long before = h.get("amiEventsSeenByLink").path("ingest").asLong();
          long start = 0;
          while (System.nanoTime() < deadline) {
            h = health(http, port);
            if (start == 0 && h.get("amiEventsSeenByLink").path("ingest").asLong() > before) {
              start = System.nanoTime();
            }
            if (h.get("amiEventsTracked").asLong() >= 2 * want) {
              if (start == 0) {
                throw new IllegalStateException("the measured stream was not seen starting");
              }
              return ingest.events() / ((System.nanoTime() - start) / 1e9);
            }
            Thread.sleep(5);
          }
          throw new IllegalStateException("the server did not take the ingest stream within 5 min");
        } finally {
          p.destroy();
          p.waitFor(20, TimeUnit.SECONDS);
        }
      } finally {
        warmAmi.close();
        ingestAmi.close();
      }
    }

    /** The shipped server jar in a JVM of its own, pinned to {@code serverCpus} when given. */
    private List<String> serverCommand(Path config) {
      List<String> cmd = new ArrayList<>();
      if (serverCpus != null) {
        cmd.addAll(List.of("taskset", "-c", serverCpus));
      }
      cmd.addAll(
          List.of(
              Path.of(System.getProperty("java.home"), "bin", "java").toString(),
              "-Xmx" + heap,
              "-jar",
              jar.toString(),
              "run",
              "--config",
              config.toString()));
      return cmd;
    }

    private static String amiLine(String name, int port) {
      return "  - {name: "
          + name
          + ", host: 127.0.0.1, port: "
          + port
          + ", username: "
          + AmiWireServer.DEFAULT_USERNAME
          + ", secret: "
          + AmiWireServer.DEFAULT_SECRET
          + "}";
    }

    private static void row(String name, String fmt, Object v) {
      System.out.println("| " + name + " | " + String.format(fmt, v) + " |");
    }

    private static void gcServer(Process server) throws Exception {
      for (int i = 0; i < 2; i++) {
        Process j =
            new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    // Under taskset the JVM is the child that taskset exec'd into: the same PID.
                    String.valueOf(server.pid()),
                    "GC.run")
                .redirectErrorStream(true)
                .start();
        j.getInputStream().readAllBytes();
        j.waitFor(30, TimeUnit.SECONDS);
        Thread.sleep(300);
      }
    }

    private static JsonNode health(HttpClient http, int port) throws Exception {
      HttpResponse<String> res =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return Json.mapper().readTree(res.body());
    }

    private static void awaitHealth(HttpClient http, int port, Process p, Path dir)
        throws Exception {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (System.nanoTime() < deadline) {
        if (!p.isAlive()) {
          throw new IllegalStateException("server exited: see " + dir.resolve("server.log"));
        }
        try {
          if (http.send(
                      HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                          .timeout(Duration.ofSeconds(2))
                          .build(),
                      HttpResponse.BodyHandlers.discarding())
                  .statusCode()
              == 200) {
            return;
          }
        } catch (java.io.IOException e) {
          // not yet
        }
        Thread.sleep(200);
      }
      throw new IllegalStateException("server did not start: see " + dir);
    }

    private static int freePort() throws Exception {
      try (ServerSocket s = new ServerSocket(0)) {
        return s.getLocalPort();
      }
    }
  }
}
