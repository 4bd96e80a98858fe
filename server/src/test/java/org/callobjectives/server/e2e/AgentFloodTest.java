package org.callobjectives.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.callobjectives.amisim.AmiTrace;
import org.callobjectives.amisim.ScriptedAmiServer;
import org.callobjectives.bridge.BridgeClient;
import org.callobjectives.protocol.CallEnded;
import org.callobjectives.protocol.CallStarted;
import org.callobjectives.protocol.ChecklistProgress;
import org.callobjectives.protocol.DispositionAck;
import org.callobjectives.protocol.DispositionSubmit;
import org.callobjectives.protocol.ErrorMessage;
import org.callobjectives.protocol.Hello;
import org.callobjectives.protocol.Json;
import org.callobjectives.protocol.Message;
import org.callobjectives.protocol.Proposal;
import org.callobjectives.protocol.ProposalAck;
import org.callobjectives.protocol.Welcome;
import org.callobjectives.server.proposals.ProposalService;
import org.callobjectives.server.push.AgentLimits;
import org.callobjectives.server.testing.AgentRecorder;
import org.callobjectives.server.testing.ManualClock;
import org.callobjectives.server.testing.RawAgentSocket;
import org.callobjectives.server.testing.TestServer;
import org.callobjectives.server.testing.WireWebSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An agent's client flooding the server over real WebSockets, as the hardening round did it on
 * loopback (20,000 proposals in 6 s, the database from 6 to 85 MB, another agent's acks 3.9 s
 * late): what is stored stops at the limits, the flooder is told and then disconnected, another
 * agent's disposition is acked and stored while the flood goes on, a disposition refused during a
 * flood is kept by the bridge and stored later, and an ordinary day never meets a limit. The limits
 * run on a clock of the test's own, which stands still unless the test moves it: nothing here
 * depends on how fast the machine is.
 */
class AgentFloodTest {
  static final Path TRACES = AmiTrace.defaultDirectory();
  static final String BIG_TEXT = "Ask for the usage figures before the offer. ".repeat(45);

  @TempDir Path dir;
  final ManualClock limitsClock = new ManualClock();
  TestServer ts;
  ScriptedAmiServer ami;

  private void start(AgentLimits.Settings settings) throws Exception {
    ts =
        TestServer.start(
            dir,
            0,
            List.of(),
            Duration.ofMinutes(2),
            List.of(),
            s -> s.agentLimits(new AgentLimits(settings, limitsClock)));
  }

  @AfterEach
  void stop() {
    if (ami != null) {
      ami.close();
    }
    if (ts != null) {
      ts.close();
    }
  }

  /** Alice (1001) takes a real sales call from a captured Asterisk stream; it ends. */
  private CallStarted callForAlice(AgentRecorder alice) throws Exception {
    assumeTrue(Files.isDirectory(TRACES), "AMI traces not found at " + TRACES + ": skipped");
    ami = ScriptedAmiServer.replaying(AmiTrace.load(TRACES, "a_sales_caller_hangup"), 0.5).start();
    ts.server.connectAmi(TestServer.link("pbx1", ami.port()));
    CallStarted pop = alice.await(CallStarted.class, 20);
    assertEquals(pop.callId(), alice.await(CallEnded.class, 20).callId());
    return pop;
  }

  private static DispositionSubmit sale(String callId) {
    return new DispositionSubmit(
        null, callId, "SALE", true, List.of(), 1, List.of("annual plan"), 90, null);
  }

  @Test
  void aProposalFloodIsCutOffAndAnotherAgentsDispositionIsAckedAndStoredWhileItRuns()
      throws Exception {
    start(AgentLimits.DEFAULTS);
    AgentRecorder alice = new AgentRecorder("1001");
    try (BridgeClient aliceClient =
        new BridgeClient(ts.agentUri(), "1001", "demo-1001", null, alice)) {
      aliceClient.start();
      alice.await(Welcome.class, 10);
      CallStarted pop = callForAlice(alice);
      long bytesBefore = databaseBytes();

      // Bob (1002) floods proposals of 2,000 characters as fast as the socket takes them, and
      // signs in again each time he is disconnected.
      Flooder bob = new Flooder(ts.agentUri(), "1002", i -> new Proposal("p" + i, null, BIG_TEXT));
      bob.start();
      assertTrue(bob.told.await(20, TimeUnit.SECONDS), "the flooder is told to slow down");
      long sentWhenAliceSubmits = bob.sent.get();

      DispositionAck ack = aliceClient.submit(sale(pop.callId())).get(20, TimeUnit.SECONDS);
      long sentWhenAcked = bob.sent.get();
      boolean floodingWhenAcked = bob.running();
      bob.finishAfter(5_000);

      assertFalse(ack.duplicate());
      assertEquals(1, count("SELECT COUNT(*) FROM dispositions WHERE call_id = ?", pop.callId()));
      assertTrue(
          floodingWhenAcked && sentWhenAcked > sentWhenAliceSubmits,
          "Alice's ack came while the flood ran (" + sentWhenAliceSubmits + " -> " + sentWhenAcked);
      assertTrue(bob.sent.get() >= 5_000, "thousands sent: " + bob.sent.get());
      // Cut off at the burst (the limits' clock stands still: nothing grew back), far inside
      // the quota; every other proposal refused.
      int burst = AgentLimits.DEFAULTS.limits().get(AgentLimits.Kind.PROPOSAL).burst();
      assertEquals(
          burst,
          count("SELECT COUNT(*) FROM proposals WHERE agent_id = ?", "1002"),
          bob.toString());
      assertTrue(burst <= ProposalService.QUOTA.open());
      // An ack reaches the flooder unless the server cut its connection while that proposal was
      // being stored (it is stored; a real bridge sends it again and is answered from the row).
      assertTrue(bob.acks.get() <= burst && bob.acks.get() >= burst - 2, bob.toString());
      assertTrue(bob.rateLimited.get() >= 100, bob.toString());
      assertTrue(bob.disconnects.get() >= 2, "disconnected after being told: " + bob);
      assertTrue(
          ts.server.agentLimits().refusedByKind().get("proposal") >= bob.rateLimited.get(),
          ts.server.agentLimits().refusedByKind().toString());
      assertTrue(ts.server.agentLimits().disconnected() >= 2);
      @SuppressWarnings("unchecked")
      Map<String, Object> refused =
          (Map<String, Object>) ts.server.health().get("agentMessagesRefused");
      assertTrue(((Number) refused.get("proposal")).longValue() > 0, refused.toString());
      // 5,000 proposals of 2,000 characters would be 10 MB; ten are 20 kB.
      long grown = databaseBytes() - bytesBefore;
      assertTrue(grown < 1_000_000, "the database grew by " + grown + " bytes");
    }
  }

  @Test
  void aFlooderThatReadsLateStillGetsTheAckOfEveryProposalStoredAndAnOrderlyClose()
      throws Exception {
    start(AgentLimits.DEFAULTS);
    int burst = AgentLimits.DEFAULTS.limits().get(AgentLimits.Kind.PROPOSAL).burst();
    int refusals = AgentLimits.DEFAULTS.refusalsBeforeDisconnect();
    try (WireWebSocket bob = new WireWebSocket(ts.agentUri())) {
      bob.send(new Hello("1002", "demo-1002", "wire"));
      while (!bob.next().text().contains("\"type\":\"welcome\"")) {
        // agent_state pushes before the welcome
      }
      // More than it takes to be cut off, and none of the answers read yet: frames the server
      // never reads are still on their way to it when it closes.
      int sent = burst + refusals + 30;
      for (int i = 0; i < sent; i++) {
        bob.send(new Proposal("late" + i, null, BIG_TEXT));
      }
      Thread.sleep(1_500);
      int acks = 0;
      int limited = 0;
      WireWebSocket.Frame f;
      while ((f = bob.next()).opcode() != WireWebSocket.Frame.CLOSE) {
        acks += f.text().contains("\"type\":\"proposal_ack\"") ? 1 : 0;
        limited += f.text().contains("\"code\":\"rate_limited\"") ? 1 : 0;
      }
      assertEquals(burst, acks, "every proposal stored is acked before the close");
      assertEquals(refusals + 1, limited, "told each time, then told it is disconnected");
      assertEquals(1008, f.closeCode(), f.text());
      bob.sendClose(1000);
      assertTrue(bob.endsCleanly(2_000), "the server ends the connection once it has our close");
      assertEquals(
          burst, count("SELECT COUNT(*) FROM proposals WHERE agent_id = ?", "1002"), "stored");
    }
  }

  @Test
  void aDispositionRefusedDuringAFloodIsKeptByTheBridgeAndStoredOnceTheLimitAllows()
      throws Exception {
    start(AgentLimits.DEFAULTS);
    AgentRecorder alice = new AgentRecorder("1001");
    try (BridgeClient aliceClient =
        new BridgeClient(ts.agentUri(), "1001", "demo-1001", null, alice)) {
      aliceClient.start();
      alice.await(Welcome.class, 10);
      CallStarted pop = callForAlice(alice);

      // Something else signed in as Alice (a script with her token) floods dispositions of calls
      // that do not exist until the server tells it to slow down: her bucket is empty.
      try (RawAgentSocket script = new RawAgentSocket(ts.agentUri())) {
        script.send(new Hello("1001", "demo-1001", "script"));
        script.next(Welcome.class);
        int sent = 0;
        ErrorMessage limited = null;
        while (limited == null) {
          script.send(
              new DispositionSubmit(
                  "s" + sent, "pbx1:none." + sent, "SALE", true, null, 0, null, null, null));
          sent++;
          if (sent >= 200) {
            limited = script.poll(ErrorMessage.class, 200);
            while (limited != null && !ErrorMessage.RATE_LIMITED.equals(limited.code())) {
              limited = script.poll(ErrorMessage.class, 200);
            }
          }
          assertTrue(sent < 1_000, "never limited");
        }
        assertEquals(500L, limited.retryAfterMillis(), "the next disposition in 500 ms");

        // Alice's real disposition now meets the limit: the bridge keeps it.
        CompletableFuture<DispositionAck> f = aliceClient.submit(sale(pop.callId()));
        ErrorMessage toAlice = alice.await(ErrorMessage.class, 10);
        assertEquals(ErrorMessage.RATE_LIMITED, toAlice.code());
        assertFalse(f.isDone(), "not refused for good");
        assertEquals(1, aliceClient.queued().size(), "kept in the outbox");
        assertEquals(0, count("SELECT COUNT(*) FROM dispositions WHERE call_id = ?", pop.callId()));

        // Time passes for the limits; the bridge sends it again and it is stored, once.
        limitsClock.advance(Duration.ofSeconds(5));
        DispositionAck ack = f.get(20, TimeUnit.SECONDS);
        assertFalse(ack.duplicate());
        assertEquals(pop.callId(), ack.callId());
        assertTrue(aliceClient.queued().isEmpty());
        assertEquals(1, count("SELECT COUNT(*) FROM dispositions WHERE call_id = ?", pop.callId()));
        assertTrue(ts.server.agentLimits().refusedByKind().get("disposition") >= 2);
      }
    }
  }

  @Test
  void anOrdinaryDayNeverMeetsALimit() throws Exception {
    start(AgentLimits.DEFAULTS);
    // Eight hours of a keen agent, faster than any real one: a call a minute with twelve ticks
    // and its disposition, a proposal an hour, and every hour a reconnect that sends the outbox
    // (20 dispositions) and the ticks of 50 calls at once. The limits' clock follows the day.
    int answered = 0;
    int proposed = 0;
    for (int hour = 0; hour < 8; hour++) {
      try (RawAgentSocket carol = new RawAgentSocket(ts.agentUri())) {
        carol.send(new Hello("1003", "demo-1003", "test"));
        carol.next(Welcome.class);
        for (int i = 0; i < 20; i++) {
          carol.send(disposition("h" + hour + "-outbox-" + i));
        }
        for (int i = 0; i < 50; i++) {
          carol.send(new ChecklistProgress("pbx1:h" + hour + "." + i, List.of("greeting")));
        }
        answered += expectAnswers(carol, 20);
        carol.send(new Proposal("h" + hour, null, "Idea " + hour + ": shorter greeting"));
        assertNotNull(carol.next(ProposalAck.class));
        proposed++;
        for (int minute = 0; minute < 60; minute++) {
          for (int tick = 0; tick < 12; tick++) {
            carol.send(new ChecklistProgress("pbx1:h" + hour + "m" + minute, List.of("greeting")));
            limitsClock.advance(Duration.ofMillis(250));
          }
          carol.send(disposition("h" + hour + "m" + minute));
          answered += expectAnswers(carol, 1);
          limitsClock.advance(Duration.ofSeconds(57));
        }
      }
    }
    assertEquals(8 * 80, answered);
    assertEquals(8, proposed);
    assertEquals(
        Map.of("disposition", 0L, "checklist_progress", 0L, "proposal", 0L, "other", 0L),
        ts.server.agentLimits().refusedByKind());
    assertEquals(0, ts.server.agentLimits().disconnected());
  }

  @Test
  void proposalsPastTheQuotaAreRefusedAndNotStoredEvenWithinTheRateLimit() throws Exception {
    // A rate limit wide enough that only the quota stands in the way.
    start(
        AgentLimits.DEFAULTS.with(
            AgentLimits.Kind.PROPOSAL, new AgentLimits.Limit(1_000, Duration.ofSeconds(1))));
    int open = ProposalService.QUOTA.open();
    try (RawAgentSocket bob = new RawAgentSocket(ts.agentUri())) {
      bob.send(new Hello("1002", "demo-1002", "test"));
      bob.next(Welcome.class);
      for (int i = 0; i < open + 30; i++) {
        bob.send(new Proposal("q" + i, null, BIG_TEXT));
      }
      int acked = 0;
      int over = 0;
      for (int i = 0; i < open + 30; i++) {
        Message m = Json.read(bob.next());
        if (m instanceof ProposalAck) {
          acked++;
        } else {
          ErrorMessage e = (ErrorMessage) m;
          assertEquals(ErrorMessage.QUOTA_EXCEEDED, e.code(), e.toString());
          assertTrue(e.message().contains("waiting for an admin"), e.message());
          over++;
        }
      }
      assertEquals(open, acked);
      assertEquals(30, over);
      assertEquals(open, count("SELECT COUNT(*) FROM proposals WHERE agent_id = ?", "1002"));
      assertEquals(30L, ts.server.proposals().overQuota());
      // A resend of one that was stored is acked again, quota or not.
      bob.send(new Proposal("q0", null, BIG_TEXT));
      assertNotNull(bob.next(ProposalAck.class));
    }
  }

  private static DispositionSubmit disposition(String call) {
    return new DispositionSubmit(
        "r-" + call, "pbx1:" + call, "SALE", true, null, 0, null, null, null);
  }

  /**
   * The next {@code n} answers, each unknown_call (those calls do not exist), none rate_limited.
   */
  private static int expectAnswers(RawAgentSocket s, int n) throws Exception {
    for (int i = 0; i < n; i++) {
      ErrorMessage e = s.next(ErrorMessage.class);
      assertEquals(ErrorMessage.UNKNOWN_CALL, e.code(), e.toString());
    }
    return n;
  }

  private long count(String sql, String arg) throws Exception {
    try (Connection c = DriverManager.getConnection(ts.jdbcUrl());
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, arg);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private long databaseBytes() throws Exception {
    long n = 0;
    for (String suffix : List.of("", "-wal")) {
      Path p = Path.of(ts.database + suffix);
      if (Files.exists(p)) {
        n += Files.size(p);
      }
    }
    return n;
  }

  /**
   * One agent's client flooding messages from a thread of its own without waiting for answers;
   * signs in again whenever the server closes the connection.
   */
  static final class Flooder {
    final URI uri;
    final String agentId;
    final java.util.function.IntFunction<Message> message;
    final HttpClient http = HttpClient.newHttpClient();
    final AtomicLong sent = new AtomicLong();
    final AtomicInteger acks = new AtomicInteger();
    final AtomicInteger rateLimited = new AtomicInteger();
    final AtomicInteger disconnects = new AtomicInteger();
    final CountDownLatch told = new CountDownLatch(1);
    final AtomicLong finishAt = new AtomicLong(Long.MAX_VALUE);
    final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    Flooder(URI uri, String agentId, java.util.function.IntFunction<Message> message) {
      this.uri = uri;
      this.agentId = agentId;
      this.message = message;
      this.thread = new Thread(this::run, "flooder-" + agentId);
      thread.setDaemon(true);
    }

    void start() {
      thread.start();
    }

    boolean running() {
      return running.get();
    }

    /** Stops once {@code total} messages were sent in all; waits for it. */
    void finishAfter(long total) throws InterruptedException {
      finishAt.set(total);
      thread.join(TimeUnit.SECONDS.toMillis(120));
      assertFalse(thread.isAlive(), "the flooder finished");
    }

    private void run() {
      try {
        while (sent.get() < finishAt.get()) {
          oneConnection();
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      } finally {
        running.set(false);
      }
    }

    private void oneConnection() throws Exception {
      CountDownLatch welcomed = new CountDownLatch(1);
      CompletableFuture<Void> closed = new CompletableFuture<>();
      WebSocket ws =
          http.newWebSocketBuilder()
              .buildAsync(
                  uri,
                  new WebSocket.Listener() {
                    final StringBuilder partial = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                      partial.append(data);
                      if (last) {
                        String text = partial.toString();
                        partial.setLength(0);
                        if (text.contains("\"type\":\"welcome\"")) {
                          welcomed.countDown();
                        } else if (text.contains("\"type\":\"proposal_ack\"")
                            || text.contains("\"type\":\"disposition_ack\"")) {
                          acks.incrementAndGet();
                        } else if (text.contains("\"code\":\"rate_limited\"")) {
                          rateLimited.incrementAndGet();
                          told.countDown();
                        }
                      }
                      w.request(1);
                      return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket w, int status, String reason) {
                      closed.complete(null);
                      return null;
                    }

                    @Override
                    public void onError(WebSocket w, Throwable error) {
                      closed.complete(null);
                    }
                  })
              .get(10, TimeUnit.SECONDS);
      ws.sendText(Json.write(new Hello(agentId, "demo-" + agentId, "flooder")), true)
          .get(10, TimeUnit.SECONDS);
      assertTrue(welcomed.await(10, TimeUnit.SECONDS), "signed in");
      boolean cut = false;
      try {
        while (sent.get() < finishAt.get()) {
          if (closed.isDone()) {
            cut = true;
            break;
          }
          ws.sendText(Json.write(message.apply((int) sent.get())), true).get(10, TimeUnit.SECONDS);
          sent.incrementAndGet();
        }
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        cut = true; // the server closed the connection under a send
      }
      if (cut) {
        disconnects.incrementAndGet();
      }
      ws.abort();
    }

    @Override
    public String toString() {
      return "flooder "
          + agentId
          + ": sent "
          + sent
          + ", acked "
          + acks
          + ", rate_limited "
          + rateLimited
          + ", disconnected "
          + disconnects;
    }
  }
}
