package org.callobjectives.bench;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.callobjectives.amisim.AmiWireServer;
import org.callobjectives.amisim.DemoAgent;
import org.callobjectives.amisim.DemoCallGenerator;
import org.callobjectives.amisim.DemoSettings;
import org.callobjectives.bridge.BridgeClient;
import org.callobjectives.server.ObjectivesServer;
import org.callobjectives.server.config.Agent;
import org.callobjectives.server.config.AmiServer;
import org.callobjectives.server.config.Config;
import org.callobjectives.server.config.ServerSettings;
import org.callobjectives.server.objectives.lint.Lint;
import org.callobjectives.server.security.Tokens;
import org.callobjectives.server.store.Store;

/**
 * The load benchmark: the demo AMI simulator generates R calls/s for N agents over a real AMI
 * socket, the server runs in this JVM, N real agent-bridge clients are connected over WebSocket and
 * submit a disposition after every call. Prints latency, throughput and memory as a Markdown table.
 */
public final class Bench {
  private Bench() {}

  public static void main(String[] args) throws Exception {
    int agents = 5000;
    double rate = 200;
    int seconds = 60;
    int warmup = 15;
    int ingestCalls = 5000;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--agents" -> agents = Integer.parseInt(args[++i]);
        case "--rate" -> rate = Double.parseDouble(args[++i]);
        case "--seconds" -> seconds = Integer.parseInt(args[++i]);
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--ingest-calls" -> ingestCalls = Integer.parseInt(args[++i]);
        default -> {
          System.err.println(
              "usage: Bench [--agents N] [--rate CALLS_PER_S] [--seconds S] [--warmup S]"
                  + " [--ingest-calls N]");
          System.exit(2);
        }
      }
    }
    new Run(agents, rate, seconds, warmup, ingestCalls).run();
    System.exit(0);
  }

  /** One benchmark run with its counters. */
  static final class Run {
    final int agents;
    final double rate;
    final int seconds;
    final int warmup;
    final int ingestCalls;
    final BenchAgents fleetClients = new BenchAgents();
    final Map<String, Long> sentAt = fleetClients.sentAt;
    final Recorder endToEnd = fleetClients.endToEnd;
    final AtomicLong pops = fleetClients.pops;
    final AtomicLong acks = fleetClients.acks;
    final AtomicLong welcomed = fleetClients.welcomed;

    Run(int agents, double rate, int seconds, int warmup, int ingestCalls) {
      this.ingestCalls = ingestCalls;
      this.agents = agents;
      this.rate = rate;
      this.seconds = seconds;
      this.warmup = warmup;
    }

    void run() throws Exception {
      Path dir = Files.createTempDirectory("bench");
      Config example = Lint.loader(Path.of("config")).load();
      List<Agent> fleet = new ArrayList<>();
      List<DemoAgent> demo = new ArrayList<>();
      for (int i = 0; i < agents; i++) {
        String id = String.format("%05d", 10000 + i);
        String queue = i % 2 == 0 ? "sales" : "support";
        fleet.add(
            new Agent(
                id,
                "Agent " + id,
                queue + "-team",
                List.of("Local/" + id + "@agents"),
                Tokens.hash("t" + id, 1)));
        demo.add(DemoAgent.of(id, "Agent " + id, queue));
      }
      Path db = dir.resolve("bench.db");
      Config cfg =
          new Config(
              new ServerSettings(
                      "127.0.0.1",
                      0,
                      db,
                      Duration.ofSeconds(30),
                      List.of(),
                      example.server().demo(),
                      List.of())
                  // Every simulated agent connects from 127.0.0.1: no per-address share here.
                  .withLimits(
                      new ServerSettings.Limits(
                          agents + 1000,
                          agents + 1000,
                          ServerSettings.Limits.DEFAULT.requestHeaderTimeout(),
                          ServerSettings.Limits.DEFAULT.requestBodyTimeout())),
              fleet,
              example.objectives(),
              example.queues(),
              example.defaultCodes(),
              example.outbound());

      AmiWireServer wire = new AmiWireServer(InetAddress.getLoopbackAddress(), 0).start();
      ScheduledExecutorService genThread = Executors.newSingleThreadScheduledExecutor();
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
      DemoCallGenerator gen =
          new DemoCallGenerator(settings, wire::broadcast, Clock.systemUTC(), genThread);
      wire.setChannelDirectory(gen.directory());
      fleetClients.timeAnswers(gen, "bench");

      ObjectivesServer server =
          new ObjectivesServer(cfg, Store.open(db), Clock.systemUTC(), List.of());
      var addr = server.start(List.of());
      URI uri = URI.create("ws://127.0.0.1:" + addr.getPort() + "/agent");

      // Phase 1, ingest capacity: the same recorded stream, as fast as the socket takes it, to a
      // bare
      // Asterisk-Java connection and then to the server (parsing, our queue, call tracking, store).
      IngestCapacity ingest = IngestCapacity.record(settings, ingestCalls);
      double bareRate = 0;
      double serverRate = 0;
      for (int round = 1;
          round <= 2;
          round++) { // alternating, best of two: JIT warm-up favours neither
        bareRate = Math.max(bareRate, ingest.bareAsteriskJava());
        String link = "ingest-" + round;
        serverRate =
            Math.max(
                serverRate,
                ingest.into(
                    port ->
                        server.connectAmi(
                            new AmiServer(
                                link,
                                "127.0.0.1",
                                port,
                                AmiWireServer.DEFAULT_USERNAME,
                                AmiWireServer.DEFAULT_SECRET)),
                    server::amiEventsSeen,
                    () -> server.pump().received()));
        server.disconnectAmi(link);
      }

      long heapBefore = usedHeapAfterGc();
      List<BridgeClient> clients = new ArrayList<>();
      java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
      for (Agent a : fleet) {
        BridgeClient c = fleetClients.client(uri, a.id(), http);
        clients.add(c);
        c.start();
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
      while (welcomed.get() < agents && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      long heapAfter = usedHeapAfterGc();
      server.connectAmi(
          new AmiServer(
              "bench",
              "127.0.0.1",
              wire.port(),
              AmiWireServer.DEFAULT_USERNAME,
              AmiWireServer.DEFAULT_SECRET));
      Thread.sleep(1000);
      gen.start();
      Thread.sleep(warmup * 1000L);

      endToEnd.reset();
      server.latency().reset();
      long e0 = server.amiEventsSeen();
      long k0 = server.pump().received();
      long p0 = pops.get();
      long a0 = acks.get();
      long c0 = gen.callsStarted();
      long t0 = System.nanoTime();
      Thread.sleep(seconds * 1000L);
      double secs = (System.nanoTime() - t0) / 1e9;
      long e1 = server.amiEventsSeen();
      long k1 = server.pump().received();
      long p1 = pops.get();
      long a1 = acks.get();
      long c1 = gen.callsStarted();
      Histogram h = endToEnd.getIntervalHistogram();
      Histogram in = server.latency().snapshot();
      gen.stop();

      System.out.println();
      System.out.printf(
          "Benchmark: %d agents connected (%d welcomed), %.0f calls/s offered, %d s measured after %d s"
              + " warm-up, %d cores, Java %s, max heap %d MiB%n",
          agents,
          welcomed.get(),
          rate,
          seconds,
          warmup,
          Runtime.getRuntime().availableProcessors(),
          System.getProperty("java.version"),
          Runtime.getRuntime().maxMemory() >> 20);
      System.out.println();
      System.out.println("| metric | value |");
      System.out.println("|---|---|");
      row(
          "AMI ingest capacity, bare Asterisk-Java (events/s, " + ingest.events() + " events)",
          "%.0f",
          bareRate);
      row(
          "AMI ingest capacity, server incl. call tracking and store (events/s)",
          "%.0f",
          serverRate);
      row("server ingest / bare Asterisk-Java", "%.2f", serverRate / bareRate);
      row("calls started /s (simulator, live phase)", "%.1f", (c1 - c0) / secs);
      row("AMI events /s ingested by the server (all types)", "%.0f", (e1 - e0) / secs);
      row("  of which call events /s handed to call tracking", "%.0f", (k1 - k0) / secs);
      row("pops /s received by agent clients", "%.1f", (p1 - p0) / secs);
      row("dispositions acked /s", "%.1f", (a1 - a0) / secs);
      row(
          "AMI event -> pop at the agent client, p50 (ms)",
          "%.2f",
          h.getValueAtPercentile(50) / 1e6);
      row(
          "AMI event -> pop at the agent client, p99 (ms)",
          "%.2f",
          h.getValueAtPercentile(99) / 1e6);
      row("AMI event -> pop at the agent client, max (ms)", "%.2f", h.getMaxValue() / 1e6);
      row(
          "inside the server (listener -> Netty write), p50 (ms)",
          "%.3f",
          in.getValueAtPercentile(50) / 1e6);
      row(
          "inside the server (listener -> Netty write), p99 (ms)",
          "%.3f",
          in.getValueAtPercentile(99) / 1e6);
      row("pops measured", "%d", h.getTotalCount());
      row("AMI events dropped", "%d", server.pump().dropped());
      row(
          "heap per connected agent, server + client in one JVM (KiB)",
          "%.1f",
          (heapAfter - heapBefore) / 1024.0 / agents);
      clients.forEach(BridgeClient::close);
      server.close();
      gen.close();
      wire.close();
    }

    private static void row(String name, String fmt, Object v) {
      System.out.println("| " + name + " | " + String.format(fmt, v) + " |");
    }

    private static long usedHeapAfterGc() throws InterruptedException {
      for (int i = 0; i < 3; i++) {
        System.gc();
        Thread.sleep(200);
      }
      return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
  }
}
