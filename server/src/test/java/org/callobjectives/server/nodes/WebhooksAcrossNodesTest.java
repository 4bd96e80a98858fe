package org.callobjectives.server.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.callobjectives.amisim.AmiTrace;
import org.callobjectives.amisim.ScriptedAmiServer;
import org.callobjectives.protocol.CallEnded;
import org.callobjectives.protocol.CallStarted;
import org.callobjectives.protocol.DispositionAck;
import org.callobjectives.protocol.DispositionSubmit;
import org.callobjectives.protocol.Hello;
import org.callobjectives.protocol.Welcome;
import org.callobjectives.server.ObjectivesServer;
import org.callobjectives.server.config.Config;
import org.callobjectives.server.config.Webhook;
import org.callobjectives.server.e2e.TraceReplayTest;
import org.callobjectives.server.store.DatabaseLocation;
import org.callobjectives.server.store.Store;
import org.callobjectives.server.testing.PostgresServer;
import org.callobjectives.server.testing.RawAgentSocket;
import org.callobjectives.server.testing.TestServer;
import org.callobjectives.server.testing.WebhookReceiver;
import org.callobjectives.server.webhooks.WebhookStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes on one PostgreSQL database, both configured with the same webhook: each event reaches
 * the CRM once (one node delivers it, holding the webhook's lease), and when that node stops the
 * other takes over from where it left off.
 */
@ExtendWith(PostgresServer.class)
class WebhooksAcrossNodesTest {
  static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path dir;

  @Test
  void eachEventIsDeliveredOnceAndTheOtherNodeTakesOverWhenTheHolderStops(
      PostgresServer.Database pg) throws Exception {
    assumeTrue(Files.isDirectory(TraceReplayTest.TRACES), "AMI traces not found: skipped");
    DatabaseLocation db = DatabaseLocation.parse(pg.url());
    AmiTrace trace = AmiTrace.load(TraceReplayTest.TRACES, "a_sales_caller_hangup");
    try (WebhookReceiver crm = WebhookReceiver.start();
        ScriptedAmiServer ami1 = ScriptedAmiServer.replaying(trace, 20);
        ScriptedAmiServer ami2 = ScriptedAmiServer.replaying(trace, 20)) {
      Webhook hook =
          new Webhook(
                  "crm", crm.uri(), "whsec-0123456789abcdef", Set.of("disposition", "call_ended"))
              .withRetry(Duration.ofMillis(100), Duration.ofSeconds(1));
      Config config = TestServer.exampleConfig(dir.resolve("unused.db"), Duration.ofMinutes(2));
      config = config.withServer(config.server().withWebhooks(List.of(hook)));
      ObjectivesServer a =
          new ObjectivesServer(config, Store.open(db), Clock.systemUTC(), List.of());
      ObjectivesServer b =
          new ObjectivesServer(config, Store.open(db), Clock.systemUTC(), List.of());
      boolean aOpen = true;
      try {
        a.start(List.of());
        b.start(List.of());
        WebhookStats onA = a.webhooks().stats("crm");
        WebhookStats onB = b.webhooks().stats("crm");
        assertEquals("this node", onA.deliveredBy(), "the first node to start delivers");
        awaitTrue(() -> onB.deliveredBy().contains("PID"), "B knows who delivers");

        // A call on A's link, disposed on A.
        try (RawAgentSocket alice = signIn(a)) {
          ami1.start();
          a.connectAmi(TestServer.link("pbx1", ami1.port()));
          String first = callAndDispose(alice);
          crm.awaitAccepted("call_ended", first, WAIT);
          crm.awaitAccepted("disposition", first, WAIT);
        }
        Thread.sleep(1500); // a second delivery by B would come now
        assertEquals(2, crm.requests().size(), "once each: " + crm.summary());
        awaitTrue(() -> onA.delivered() == 2, "A delivered both");
        assertEquals(0, onB.delivered());

        // A stops: B takes the webhook over and goes on from where A left off.
        a.close();
        aOpen = false;
        awaitTrue(() -> "this node".equals(onB.deliveredBy()), "B takes over");
        try (RawAgentSocket alice = signIn(b)) {
          ami2.start();
          b.connectAmi(TestServer.link("pbx2", ami2.port()));
          String second = callAndDispose(alice);
          crm.awaitAccepted("call_ended", second, WAIT);
          crm.awaitAccepted("disposition", second, WAIT);
        }
        Thread.sleep(1000);
        assertEquals(4, crm.requests().size(), "once each: " + crm.summary());
        assertEquals(
            4, crm.accepted().stream().map(WebhookReceiver.Request::key).distinct().count());
        awaitTrue(() -> onB.delivered() == 2, "B delivered the second call's events");
      } finally {
        b.close();
        if (aOpen) {
          a.close();
        }
      }
    }
  }

  private static RawAgentSocket signIn(ObjectivesServer s) throws Exception {
    RawAgentSocket ws =
        new RawAgentSocket(URI.create("ws://127.0.0.1:" + s.address().getPort() + "/agent"));
    ws.send(new Hello("1001", "demo-1001", "test"));
    assertEquals("1001", ws.next(Welcome.class).agentId());
    return ws;
  }

  private static String callAndDispose(RawAgentSocket alice) throws Exception {
    CallStarted pop = alice.next(CallStarted.class);
    assertEquals(pop.callId(), alice.next(CallEnded.class).callId());
    alice.send(
        new DispositionSubmit(
            "r-" + pop.callId(), pop.callId(), "SALE", true, List.of(), 0, List.of(), null, null));
    DispositionAck ack = alice.next(DispositionAck.class);
    assertNotNull(ack);
    return pop.callId();
  }

  private static void awaitTrue(java.util.function.BooleanSupplier p, String what)
      throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!p.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, "not within " + WAIT + ": " + what);
      Thread.sleep(20);
    }
  }
}
