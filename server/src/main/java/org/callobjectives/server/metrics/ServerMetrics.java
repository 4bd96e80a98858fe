package org.callobjectives.server.metrics;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.callobjectives.protocol.AgentState;
import org.callobjectives.server.ami.AmiEventPump;
import org.callobjectives.server.ami.AmiLink;
import org.callobjectives.server.dispositions.DispositionService;
import org.callobjectives.server.domain.CallListener;
import org.callobjectives.server.push.AgentSessions;
import org.callobjectives.server.push.PopLatency;
import org.callobjectives.server.store.OutboxDispatcher;
import org.callobjectives.server.store.Store;
import org.callobjectives.server.webhooks.WebhookStats;

/**
 * The server's figures in the Prometheus text format: read from the parts' own counters at each
 * scrape (nothing copied, nothing on the call path but the pop histogram and the call counts). No
 * caller or agent labels; queue names are capped ({@link LabelValues}).
 */
public final class ServerMetrics {
  static final String PREFIX = "callobjectives_";
  static final int MAX_QUEUES = 500;
  // A pop is a few ms on a healthy server; the upper buckets show a struggling one.
  private static final double[] POP_BUCKETS = {
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5
  };

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
  private final LabelValues queues = new LabelValues(MAX_QUEUES);
  private final CallCounts calls = new CallCounts(queues);
  private final Clock clock;

  /** What the figures are read from, once the server is built. */
  public record Sources(
      Supplier<List<AmiLink>> links,
      java.util.function.Predicate<String> listensTo,
      AmiEventPump pump,
      AgentSessions agents,
      PopLatency popLatency,
      DispositionService dispositions,
      Supplier<List<AgentState>> agentStates,
      Store store,
      Clients supervisors,
      Clients wallboards,
      Supplier<List<WebhookStats>> webhooks,
      Supplier<org.callobjectives.server.web.ConnectionLimits> connections,
      Supplier<Map<String, Long>> agentSignIns,
      Supplier<org.callobjectives.server.push.AgentLimits> agentLimits) {}

  /** Live sockets of one kind of page (supervisor, wallboard). */
  public interface Clients {
    /** No such page served here. */
    Clients NONE =
        new Clients() {
          @Override
          public int connected() {
            return 0;
          }

          @Override
          public long slowClientsClosed() {
            return 0;
          }
        };

    int connected();

    long slowClientsClosed();
  }

  public ServerMetrics(Clock clock) {
    this.clock = clock;
  }

  /** Hears ended calls and queue waits: hand it to the server with the other call listeners. */
  public CallListener callListener() {
    return calls;
  }

  /** Registers every figure; call once, after the server is built. */
  public void bind(Sources s) {
    calls.countLinks(s.listensTo());
    Histogram pop =
        Histogram.builder()
            .name(PREFIX + "pop_latency_seconds")
            .help(
                "From the AMI event that connects an agent's call to the pop handed to the network")
            .classicUpperBounds(POP_BUCKETS)
            .classicOnly()
            .register(registry);
    s.popLatency().alsoTo(nanos -> pop.observe(nanos / 1e9));
    counter(
        "pops",
        "Pops sent to a connected agent client (replays after a reconnect not counted)",
        c -> c.call(s.agents().pops()));
    counter(
        "agent_messages",
        "Messages of any kind written to agent clients",
        c -> c.call(s.agents().pushes()));
    counter(
        "agent_messages_refused",
        "Messages from agent clients refused as rate_limited (nothing stored), by kind"
            + " (disposition, checklist_progress, proposal, other)",
        c -> s.agentLimits().get().refusedByKind().forEach((k, v) -> c.call(v, k)),
        "kind");
    counter(
        "calls",
        "Calls ended on the AMI links this node listens to, by queue, direction and outcome",
        c -> calls.ended().forEach((k, v) -> c.call(v, k.queue(), k.direction(), k.outcome())),
        "queue",
        "direction",
        "outcome");
    counter(
        "dispositions",
        "Dispositions this node stored, by code and whether after the wrap-up time",
        c ->
            s.dispositions()
                .storedByKind()
                .forEach((k, v) -> c.call(v, k.code(), Boolean.toString(k.late()))),
        "code",
        "late");
    counter(
        "undisposed",
        "Calls whose wrap-up time passed without a disposition",
        c -> c.call(s.dispositions().undisposed()));
    gauge(
        "agents",
        "Configured agents by state (ready, ringing, on_call, wrap_up, paused, offline)",
        c -> agentsByState(s.agentStates().get()).forEach((k, v) -> c.call(v, k)),
        "state");
    gauge(
        "queue_callers_waiting",
        "Callers waiting in each queue now (the whole floor as this node sees it)",
        c -> calls.waits(clock.millis()).forEach((q, w) -> c.call(w.callers(), q)),
        "queue");
    gauge(
        "queue_longest_wait_seconds",
        "How long the longest-waiting caller of each queue has waited",
        c -> {
          long now = clock.millis();
          calls
              .waits(now)
              .forEach((q, w) -> c.call(Math.max(0, now - w.longestSinceMillis()) / 1000.0, q));
        },
        "queue");
    gauge(
        "ami_link_up",
        "1 while the AMI link is logged in",
        c -> s.links().get().forEach(l -> c.call(l.connected() ? 1 : 0, l.name())),
        "link");
    counter(
        "ami_reconnects",
        "Times the AMI link was lost and reconnected",
        c -> s.links().get().forEach(l -> c.call(l.reconnects(), l.name())),
        "link");
    counter(
        "ami_events",
        "AMI events received on the link",
        c -> s.links().get().forEach(l -> c.call(l.eventsSeen(), l.name())),
        "link");
    counter(
        "ami_malformed_packets",
        "AMI packets dropped as malformed",
        c -> s.links().get().forEach(l -> c.call(l.droppedPackets(), l.name())),
        "link");
    counter(
        "ami_overlong_lines",
        "AMI lines longer than the cap (64 KiB): each dropped the link's connection",
        c -> s.links().get().forEach(l -> c.call(l.overlongLines(), l.name())),
        "link");
    counter(
        "ami_stalls",
        "Times the AMI link was logged in but stalled (silent, or one line arriving for too long)"
            + " and was dropped",
        c -> s.links().get().forEach(l -> c.call(l.stalls(), l.name())),
        "link");
    gauge(
        "ami_link_stalled",
        "1 from a stall or an overlong line until a ping on a new connection is answered",
        c -> s.links().get().forEach(l -> c.call(l.stalled() ? 1 : 0, l.name())),
        "link");
    counter(
        "ami_events_dropped",
        "Call events dropped because call tracking fell behind",
        c -> c.call(s.pump().dropped()));
    gauge(
        "call_tracking_up",
        "1 while the call-tracking thread runs",
        c -> c.call(s.pump().alive() ? 1 : 0));
    gauge(
        "store_writable",
        "1 while the last database write succeeded",
        c -> c.call(s.store().writable() ? 1 : 0));
    counter(
        "store_write_failures", "Database writes that failed", c -> c.call(s.store().failures()));
    gauge(
        "store_backlog",
        "Rows waiting for the database: call rows, dispositions refused for the agent to resend,"
            + " undisposed marks",
        c -> {
          c.call(s.store().calls().unsavedCalls(), "call_rows");
          c.call(s.dispositions().dispositionsWaiting(), "dispositions");
          c.call(s.dispositions().undisposedMarksWaiting(), "undisposed_marks");
        },
        "kind");
    counter(
        "store_call_rows_lost",
        "Call rows given up after the database stayed away too long",
        c -> c.call(s.store().calls().lostCallRows()));
    counter(
        "outbox_delivered",
        "Outbox rows each reader has taken",
        c -> s.store().dispatchers().forEach(d -> c.call(d.delivered(), d.name())),
        "reader");
    gauge(
        "outbox_reader_up",
        "1 while the outbox reader is going (0: retrying)",
        c -> s.store().dispatchers().forEach(d -> c.call(up(d), d.name())),
        "reader");
    gauge(
        "clients_connected",
        "Open connections by kind of client",
        c -> {
          c.call(s.agents().connectedAgents(), "agent");
          c.call(s.supervisors().connected(), "supervisor");
          c.call(s.wallboards().connected(), "wallboard");
        },
        "client");
    counter(
        "slow_clients_closed",
        "Connections closed because the client stopped reading",
        c -> {
          c.call(s.agents().slowClientsClosed(), "agent");
          c.call(s.supervisors().slowClientsClosed(), "supervisor");
          c.call(s.wallboards().slowClientsClosed(), "wallboard");
        },
        "client");
    counter(
        "webhook_deliveries",
        "Events a CRM webhook accepted (2xx), from this node",
        c -> s.webhooks().get().forEach(w -> c.call(w.delivered(), w.name())),
        "webhook");
    counter(
        "webhook_retries",
        "Attempts that failed and will be tried again (timeouts, 5xx, 429)",
        c -> s.webhooks().get().forEach(w -> c.call(w.retries(), w.name())),
        "webhook");
    counter(
        "webhook_refused",
        "Events a CRM webhook refused for good (4xx): recorded and skipped",
        c -> s.webhooks().get().forEach(w -> c.call(w.failedPermanently(), w.name())),
        "webhook");
    gauge(
        "webhook_backlog",
        "Events not delivered yet, as last counted",
        c ->
            s.webhooks().get().stream()
                .filter(w -> w.backlog() >= 0)
                .forEach(w -> c.call(w.backlog(), w.name())),
        "webhook");
    gauge(
        "webhook_up",
        "1 while the webhook delivers without retrying (0: retrying)",
        c -> s.webhooks().get().forEach(w -> c.call(w.problem() == null ? 1 : 0, w.name())),
        "webhook");
    gauge(
        "webhook_last_success_timestamp_seconds",
        "When the webhook last accepted an event (Unix time)",
        c ->
            s.webhooks().get().stream()
                .filter(w -> w.lastSuccessAtMillis() > 0)
                .forEach(w -> c.call(w.lastSuccessAtMillis() / 1000.0, w.name())),
        "webhook");
    gauge(
        "connections_open",
        "Web connections open now (agents, pages, API clients)",
        c -> {
          var cl = s.connections().get();
          if (cl != null) {
            c.call(cl.open());
          }
        });
    counter(
        "connections_refused",
        "Connections refused at the per-address or global cap",
        c -> {
          var cl = s.connections().get();
          if (cl != null) {
            c.call(cl.refused());
          }
        });
    counter(
        "agent_sign_ins",
        "Agent sign-ins by method: token (a PBKDF2 check) or ticket (from an earlier Welcome)",
        c -> s.agentSignIns().get().forEach((how, n) -> c.call(n, how)),
        "method");
    JvmMetrics.builder().register(registry);
  }

  /** Adds figures of another part (e.g. webhooks) to the same scrape. */
  public PrometheusRegistry registry() {
    return registry;
  }

  /** The whole scrape in the Prometheus text format (version 0.0.4). */
  public byte[] scrape() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
    writer.write(out, registry.scrape());
    return out.toByteArray();
  }

  public String contentType() {
    return writer.getContentType();
  }

  private static double up(OutboxDispatcher d) {
    return d.problem() == null ? 1 : 0;
  }

  private static Map<String, Integer> agentsByState(List<AgentState> states) {
    Map<String, Integer> m = new java.util.TreeMap<>();
    for (String st :
        List.of(
            AgentState.READY,
            AgentState.RINGING,
            AgentState.ON_CALL,
            AgentState.WRAP_UP,
            AgentState.PAUSED,
            AgentState.OFFLINE)) {
      m.put(st, 0); // every state present, so a dashboard never sees a series vanish
    }
    for (AgentState a : states) {
      m.merge(a.state() == null ? LabelValues.NONE : a.state(), 1, Integer::sum);
    }
    return m;
  }

  private void counter(
      String name, String help, Consumer<CounterWithCallback.Callback> cb, String... labels) {
    CounterWithCallback.builder()
        .name(PREFIX + name + "_total")
        .help(help)
        .labelNames(labels)
        .callback(cb)
        .register(registry);
  }

  private void gauge(
      String name, String help, Consumer<GaugeWithCallback.Callback> cb, String... labels) {
    GaugeWithCallback.builder()
        .name(PREFIX + name)
        .help(help)
        .labelNames(labels)
        .callback(cb)
        .register(registry);
  }
}
