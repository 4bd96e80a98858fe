package org.callobjectives.server.sim;

import java.io.IOException;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.callobjectives.amisim.AmiWireServer;
import org.callobjectives.amisim.DemoAgent;
import org.callobjectives.amisim.DemoCallGenerator;
import org.callobjectives.amisim.DemoSettings;
import org.callobjectives.server.config.Agent;
import org.callobjectives.server.config.AmiServer;
import org.callobjectives.server.config.Config;
import org.callobjectives.server.domain.Threads;

/**
 * The demo AMI source: a loopback server speaking the real AMI wire protocol, fed by generated
 * calls for the configured queues and agents. Asterisk-Java connects to it exactly as to Asterisk.
 */
public final class DemoAmi implements AutoCloseable {
  private final AmiWireServer wire;
  private final DemoCallGenerator generator;
  private final ScheduledExecutorService scheduler;
  private final AmiServer server;

  private DemoAmi(
      AmiWireServer wire,
      DemoCallGenerator generator,
      ScheduledExecutorService scheduler,
      AmiServer server) {
    this.wire = wire;
    this.generator = generator;
    this.scheduler = scheduler;
    this.server = server;
  }

  static final Duration DEMO_WRAPUPTIME = Duration.ofSeconds(3);

  public static DemoAmi start(Config config, Clock clock) throws IOException {
    String secret = HexFormat.of().formatHex(SecureRandom.getSeed(12));
    AmiWireServer wire =
        new AmiWireServer(InetAddress.getLoopbackAddress(), 0, "demo", secret).start();
    ScheduledExecutorService scheduler =
        Executors.newSingleThreadScheduledExecutor(Threads.daemon("demo-calls"));
    DemoCallGenerator gen =
        new DemoCallGenerator(settings(config), wire::broadcast, clock, scheduler);
    wire.setChannelDirectory(gen.directory());
    wire.setQueueControl(
        gen.queueControl()); // forced wrap-up pauses the simulated members like Asterisk
    for (String queue : settings(config).queues()) {
      // Like queues.conf's wrapuptime: the forced wrap-up pause lands before the next caller is
      // offered.
      gen.setWrapUpTime(queue, DEMO_WRAPUPTIME);
    }
    gen.start();
    return new DemoAmi(
        wire, gen, scheduler, new AmiServer("demo", "127.0.0.1", wire.port(), "demo", secret));
  }

  /**
   * Queues from the mapping; an agent joins the queues its group is named after (else all of them).
   */
  static DemoSettings settings(Config config) {
    List<String> queues = new ArrayList<>(config.queues().keySet());
    if (queues.isEmpty()) {
      queues.add("sales");
    }
    List<DemoAgent> agents = new ArrayList<>();
    for (Agent a : config.agents()) {
      List<String> mine = new ArrayList<>();
      String group = a.group() == null ? "" : a.group().toLowerCase(Locale.ROOT);
      for (String q : queues) {
        if (group.contains(q.toLowerCase(Locale.ROOT))) {
          mine.add(q);
        }
      }
      agents.add(
          new DemoAgent(
              a.id(), a.name(), "Local/" + a.id() + "@agents/n", mine.isEmpty() ? queues : mine));
    }
    var d = config.server().demo();
    return new DemoSettings(
        queues,
        agents,
        d.callsPerSecond(),
        Duration.ofSeconds(d.minTalkSeconds()),
        Duration.ofSeconds(d.maxTalkSeconds()),
        Duration.ofSeconds(2),
        d.abandonRate(),
        d.outboundRate(),
        0.2,
        Duration.ofSeconds(60),
        d.seed() == 0 ? System.nanoTime() : d.seed());
  }

  public AmiServer amiServer() {
    return server;
  }

  public DemoCallGenerator generator() {
    return generator;
  }

  @Override
  public void close() {
    generator.close();
    scheduler.shutdownNow();
    wire.close();
  }
}
