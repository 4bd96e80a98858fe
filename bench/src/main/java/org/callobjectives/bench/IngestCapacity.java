package org.callobjectives.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.callobjectives.amisim.AmiEvent;
import org.callobjectives.amisim.AmiTrace;
import org.callobjectives.amisim.AmiWireServer;
import org.callobjectives.amisim.DemoCallGenerator;
import org.callobjectives.amisim.DemoSettings;
import org.callobjectives.amisim.ManualScheduler;
import org.callobjectives.amisim.ScriptedAmiServer;

/**
 * AMI ingest capacity: one recorded stream of generated calls, sent as fast as the socket takes it,
 * first to a bare Asterisk-Java connection, then to the server; events per second for each.
 */
final class IngestCapacity {
  private final List<AmiTrace.Packet> packets;

  private IngestCapacity(List<AmiTrace.Packet> packets) {
    this.packets = packets;
  }

  /**
   * Generates {@code calls} calls on virtual time (no waiting) and keeps their events as wire
   * bytes.
   */
  static IngestCapacity record(DemoSettings settings, int calls) {
    ManualScheduler time = new ManualScheduler(Instant.parse("2026-11-22T09:00:00Z"));
    List<AmiTrace.Packet> out = new ArrayList<>();
    DemoCallGenerator gen =
        new DemoCallGenerator(
            settings,
            (AmiEvent e) -> out.add(new AmiTrace.Packet(0, e.toBytes())),
            time.clock(),
            time);
    var done = gen.burst(calls);
    while (!done.isDone()) {
      time.advance(Duration.ofSeconds(1));
    }
    gen.close();
    // A marker after the last call, so the bare connection knows when it has everything.
    out.add(
        new AmiTrace.Packet(
            0,
            AmiEvent.event("PeerStatus")
                .put("Privilege", "system,all")
                .put("ChannelType", "PJSIP")
                .put("Peer", "PJSIP/bench-end")
                .put("PeerStatus", "Reachable")
                .build()
                .toBytes()));
    return new IngestCapacity(out);
  }

  /** The recorded stream, to replay it elsewhere. */
  List<AmiTrace.Packet> packets() {
    return packets;
  }

  int events() {
    return packets.size();
  }

  /** How many packets are of the types call tracking keeps (what the server's queue will count). */
  long trackedEvents() {
    java.util.Set<String> kept =
        java.util.Set.of(
            "AgentConnect",
            "AgentComplete",
            "QueueCallerJoin",
            "QueueCallerAbandon",
            "DialBegin",
            "DialEnd",
            "HangupRequest",
            "SoftHangupRequest",
            "Hangup");
    return packets.stream().filter(p -> kept.contains(p.eventType())).count();
  }

  /** Replays the stream to a fresh bare Asterisk-Java connection; returns events per second. */
  double bareAsteriskJava() throws Exception {
    try (ScriptedAmiServer ami =
        new ScriptedAmiServer(List.of(new AmiTrace.Session(0, packets)), 0).start()) {
      AtomicLong seen = new AtomicLong();
      java.util.concurrent.atomic.AtomicBoolean end =
          new java.util.concurrent.atomic.AtomicBoolean();
      ManagerConnection c =
          new ManagerConnectionFactory(
                  "127.0.0.1",
                  ami.port(),
                  AmiWireServer.DEFAULT_USERNAME,
                  AmiWireServer.DEFAULT_SECRET)
              .createManagerConnection();
      c.addEventListener(
          e -> {
            if (!(e instanceof org.asteriskjava.manager.event.ConnectEvent)) {
              seen.incrementAndGet();
            }
            if (e instanceof org.asteriskjava.manager.event.PeerStatusEvent p
                && "PJSIP/bench-end".equals(p.getPeer())) {
              end.set(true);
            }
          });
      c.login();
      double rate = measure(seen::get, end::get);
      c.logoff();
      return rate;
    }
  }

  /**
   * Replays the stream into {@code connect} (the server's AMI link): from its first event seen to
   * the last call event handed to call tracking.
   */
  double into(java.util.function.IntConsumer connect, LongSupplier seen, LongSupplier tracked)
      throws Exception {
    try (ScriptedAmiServer ami =
        new ScriptedAmiServer(List.of(new AmiTrace.Session(0, packets)), 0).start()) {
      long seenBase = seen.getAsLong();
      long trackedBase = tracked.getAsLong();
      long want = trackedEvents();
      connect.accept(ami.port());
      return measure(
          () -> seen.getAsLong() - seenBase, () -> tracked.getAsLong() - trackedBase >= want);
    }
  }

  /**
   * Events per second from the first event to {@code finished} (the login handshake is not
   * counted).
   */
  private double measure(LongSupplier received, java.util.function.BooleanSupplier finished)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (received.getAsLong() == 0 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    long start = System.nanoTime();
    while (!finished.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(1);
    }
    return packets.size() / ((System.nanoTime() - start) / 1e9);
  }
}
