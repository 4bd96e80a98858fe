package org.callobjectives.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.callobjectives.protocol.CallEnded;
import org.callobjectives.protocol.CallStarted;
import org.callobjectives.protocol.DispositionAck;
import org.callobjectives.protocol.DispositionSubmit;
import org.callobjectives.protocol.ErrorMessage;
import org.callobjectives.protocol.Hello;
import org.callobjectives.protocol.Message;
import org.callobjectives.protocol.Welcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class BridgeClientTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir Path dir;

  private final List<AutoCloseable> toClose = new ArrayList<>();

  @AfterEach
  void tearDown() throws Exception {
    for (int i = toClose.size() - 1; i >= 0; i--) {
      toClose.get(i).close();
    }
  }

  /** Records every callback with the thread it ran on. */
  static final class Recorder implements BridgeClient.Listener {
    final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
    final Set<String> threads = ConcurrentHashMap.newKeySet();

    private void add(Object o) {
      threads.add(Thread.currentThread().getName());
      events.add(o);
    }

    @Override
    public void onWelcome(Welcome welcome) {
      add(welcome);
    }

    @Override
    public void onCallStarted(CallStarted call) {
      add(call);
    }

    @Override
    public void onCallEnded(CallEnded ended) {
      add(ended);
    }

    @Override
    public void onAck(DispositionAck ack) {
      add(ack);
    }

    @Override
    public void onError(ErrorMessage error) {
      add(error);
    }

    @Override
    public void onConnected() {
      add("connected");
    }

    @Override
    public void onDisconnected(String reason) {
      add("disconnected");
    }

    <T> T next(Class<T> type) throws InterruptedException {
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (true) {
        Object o = events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        if (o == null) {
          throw new AssertionError("no " + type.getSimpleName() + " callback within " + WAIT);
        }
        if (type.isInstance(o)) {
          return type.cast(o);
        }
      }
    }
  }

  private TestWsServer server() throws InterruptedException {
    TestWsServer s = TestWsServer.start();
    toClose.add(s);
    return s;
  }

  private BridgeClient client(java.net.URI uri, Path outbox, BridgeClient.Listener listener) {
    BridgeClient c =
        BridgeClient.builder(uri, "agent-7", "secret")
            .outbox(outbox)
            .listener(listener)
            .backoff(Duration.ofMillis(50), Duration.ofMillis(200))
            .build();
    toClose.add(c);
    return c;
  }

  private static DispositionSubmit disposition(String callId) {
    return new DispositionSubmit(
        null, callId, "SALE", true, List.of("greet", "recap"), 1, List.of("wants fibre"), 90, "ok");
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      Thread.sleep(10);
    }
  }

  private static List<String> lines(Path file) throws Exception {
    return Files.exists(file)
        ? Files.readAllLines(file, StandardCharsets.UTF_8).stream()
            .filter(l -> !l.isBlank())
            .toList()
        : List.of();
  }

  @Test
  void it_sends_hello_with_agent_token_and_version_first_and_is_connected_after_welcome()
      throws Exception {
    TestWsServer server = server();
    Recorder rec = new Recorder();
    BridgeClient client = client(server.uri(), null, rec);
    client.start();

    Message first = server.next(WAIT);
    Hello hello = assertInstanceOf(Hello.class, first);
    assertEquals("agent-7", hello.agentId());
    assertEquals("secret", hello.token());
    assertTrue(hello.client().startsWith("agent-bridge/"), hello.client());
    assertEquals("connected", rec.events.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS));
    assertEquals("Agent agent-7", rec.next(Welcome.class).displayName());
    assertTrue(client.isConnected());
  }

  @Test
  void a_submitted_disposition_is_acked_and_removed_from_the_outbox_file() throws Exception {
    TestWsServer server = server();
    Path outbox = dir.resolve("outbox.jsonl");
    Recorder rec = new Recorder();
    BridgeClient client = client(server.uri(), outbox, rec);
    client.start();
    rec.next(Welcome.class);

    DispositionAck ack = client.submit(disposition("call-1")).get(10, TimeUnit.SECONDS);

    assertEquals("call-1", ack.callId());
    assertNotNull(ack.requestId(), "the client assigns a request id");
    DispositionSubmit sent = server.next(DispositionSubmit.class, WAIT);
    assertEquals(ack.requestId(), sent.requestId());
    assertEquals(List.of("greet", "recap"), sent.checklistDone());
    assertEquals(ack, rec.next(DispositionAck.class));
    assertTrue(client.queued().isEmpty());
    assertEquals(List.of(), lines(outbox));
  }

  @Test
  void dispositions_submitted_offline_survive_a_bridge_restart_and_are_sent_in_order_on_reconnect()
      throws Exception {
    // A port with nothing listening: start a server to learn a free port, then stop it.
    TestWsServer probe = TestWsServer.start();
    int port = probe.port();
    java.net.URI uri = probe.uri();
    probe.close();

    Path outbox = dir.resolve("outbox.jsonl");
    BridgeClient first = client(uri, outbox, null);
    first.start();
    CompletableFuture<DispositionAck> f1 = first.submit(disposition("call-1"));
    CompletableFuture<DispositionAck> f2 = first.submit(disposition("call-2"));
    assertEquals(2, lines(outbox).size(), "both are on disk before any server saw them");
    assertFalse(first.isConnected());
    first.close();
    assertTrue(f1.isCompletedExceptionally(), "closing fails the waiting futures");
    assertEquals(2, lines(outbox).size(), "closing keeps the outbox");

    // The bridge restarts and the server comes back on the same port.
    Recorder rec = new Recorder();
    BridgeClient second = client(uri, outbox, rec);
    assertEquals(
        List.of("call-1", "call-2"),
        second.queued().stream().map(DispositionSubmit::callId).toList());
    TestWsServer server = TestWsServer.start(port);
    toClose.add(server);
    second.start();

    assertInstanceOf(Hello.class, server.next(WAIT));
    assertEquals("call-1", server.next(DispositionSubmit.class, WAIT).callId());
    assertEquals("call-2", server.next(DispositionSubmit.class, WAIT).callId());
    rec.next(DispositionAck.class);
    rec.next(DispositionAck.class);
    await("the outbox is empty", () -> second.queued().isEmpty());
    assertEquals(List.of(), lines(outbox));
    assertFalse(f2.isDone() && !f2.isCompletedExceptionally());
  }

  @Test
  void an_unacknowledged_disposition_is_resent_after_the_connection_drops_and_removed_on_ack()
      throws Exception {
    TestWsServer server = server();
    // Welcome, but never ack.
    server.replies =
        (n, m) ->
            m instanceof Hello h
                ? TestWsServer.Reply.of(new Welcome(h.agentId(), null, 0))
                : TestWsServer.Reply.none();
    Path outbox = dir.resolve("outbox.jsonl");
    Recorder rec = new Recorder();
    BridgeClient client = client(server.uri(), outbox, rec);
    client.start();
    rec.next(Welcome.class);

    CompletableFuture<DispositionAck> future = client.submit(disposition("call-9"));
    String requestId = server.next(DispositionSubmit.class, WAIT).requestId();
    assertFalse(future.isDone());
    assertEquals(1, lines(outbox).size());

    server.replies = TestWsServer.WELCOME_AND_ACK;
    server.dropClients();
    rec.next(String.class); // "disconnected"

    assertInstanceOf(Hello.class, server.next(WAIT), "reconnects and says hello again");
    DispositionSubmit resent = server.next(DispositionSubmit.class, WAIT);
    assertEquals(requestId, resent.requestId(), "the same request is re-sent");
    assertEquals("call-9", future.get(10, TimeUnit.SECONDS).callId());
    assertEquals(List.of(), lines(outbox));
    assertTrue(server.connections.get() >= 2);
  }

  @Test
  void checklist_ticks_go_out_at_once_and_again_after_a_reconnect_until_the_disposition()
      throws Exception {
    TestWsServer server = server();
    server.replies = TestWsServer.WELCOME_AND_ACK;
    Recorder rec = new Recorder();
    BridgeClient client = client(server.uri(), dir.resolve("outbox.jsonl"), rec);
    client.start();
    rec.next(Welcome.class);

    client.checklistProgress("call-7", List.of("recording-notice"));
    client.checklistProgress("call-8", List.of("greeting"));
    assertEquals(
        List.of("recording-notice"),
        server.next(org.callobjectives.protocol.ChecklistProgress.class, WAIT).done());
    server.next(org.callobjectives.protocol.ChecklistProgress.class, WAIT);
    client.submit(disposition("call-8")).get(10, TimeUnit.SECONDS); // call-8 is settled
    server.next(DispositionSubmit.class, WAIT);

    server.dropClients();
    rec.next(String.class); // "disconnected"
    assertInstanceOf(Hello.class, server.next(WAIT), "reconnects and says hello again");
    var again = server.next(org.callobjectives.protocol.ChecklistProgress.class, WAIT);
    assertEquals("call-7", again.callId(), "the open call's ticks are said again");
    assertEquals(List.of("recording-notice"), again.done());
    client.close();
  }

  @Test
  void an_ack_without_a_known_request_id_removes_the_entry_by_call_id() throws Exception {
    TestWsServer server = server();
    server.replies =
        (n, m) -> {
          if (m instanceof DispositionSubmit d) {
            return TestWsServer.Reply.of(new DispositionAck(null, d.callId(), true, d));
          }
          return TestWsServer.WELCOME_AND_ACK.apply(n, m);
        };
    Recorder rec = new Recorder();
    BridgeClient client = client(server.uri(), dir.resolve("o.jsonl"), rec);
    client.start();
    rec.next(Welcome.class);

    DispositionAck ack = client.submit(disposition("call-3")).get(10, TimeUnit.SECONDS);

    assertTrue(ack.duplicate());
    assertTrue(client.queued().isEmpty());
  }

  @Test
  void a_refused_disposition_fails_its_future_and_leaves_the_outbox() throws Exception {
    TestWsServer server = server();
    server.replies =
        (n, m) -> {
          if (m instanceof DispositionSubmit d) {
            return TestWsServer.Reply.of(
                new ErrorMessage(ErrorMessage.INVALID_DISPOSITION, "unknown code", d.requestId()));
          }
          return TestWsServer.WELCOME_AND_ACK.apply(n, m);
        };
    Path outbox = dir.resolve("outbox.jsonl");
    Recorder rec = new Recorder();
    BridgeClient client = client(server.uri(), outbox, rec);
    client.start();
    rec.next(Welcome.class);

    CompletableFuture<DispositionAck> future = client.submit(disposition("call-4"));

    ExecutionException e =
        assertThrows(ExecutionException.class, () -> future.get(10, TimeUnit.SECONDS));
    DispositionRejectedException rejected =
        assertInstanceOf(DispositionRejectedException.class, e.getCause());
    assertEquals(ErrorMessage.INVALID_DISPOSITION, rejected.error().code());
    assertEquals(ErrorMessage.INVALID_DISPOSITION, rec.next(ErrorMessage.class).code());
    assertTrue(client.queued().isEmpty());
    assertEquals(List.of(), lines(outbox));
  }

  @Test
  void store_failed_keeps_the_disposition_queued_and_retries_it_until_acked() throws Exception {
    TestWsServer server = server();
    java.util.concurrent.atomic.AtomicInteger attempts =
        new java.util.concurrent.atomic.AtomicInteger();
    server.replies =
        (n, m) -> {
          if (m instanceof DispositionSubmit d && attempts.incrementAndGet() <= 2) {
            return TestWsServer.Reply.of(
                new ErrorMessage(ErrorMessage.STORE_FAILED, "disk full", d.requestId()));
          }
          return TestWsServer.WELCOME_AND_ACK.apply(n, m);
        };
    Recorder rec = new Recorder();
    BridgeClient client = client(server.uri(), dir.resolve("outbox.jsonl"), rec);
    client.start();
    rec.next(Welcome.class);

    DispositionAck ack = client.submit(disposition("call-5")).get(10, TimeUnit.SECONDS);

    assertEquals("call-5", ack.callId());
    assertEquals(3, attempts.get(), "two store failures, then stored");
    assertTrue(client.queued().isEmpty());
  }

  @Test
  void rate_limited_keeps_the_disposition_and_sends_none_until_the_servers_hint_has_passed()
      throws Exception {
    TestWsServer server = server();
    long hintMillis = 400;
    // When each disposition reached the server (monotonic), and when the refusal went out.
    List<Long> arrivals = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.concurrent.atomic.AtomicLong refusedAt = new java.util.concurrent.atomic.AtomicLong();
    server.replies =
        (n, m) -> {
          if (m instanceof DispositionSubmit d) {
            arrivals.add(System.nanoTime());
            if (refusedAt.get() == 0) {
              refusedAt.set(System.nanoTime());
              return TestWsServer.Reply.of(
                  new ErrorMessage(
                      ErrorMessage.RATE_LIMITED, "slow down", d.requestId(), hintMillis));
            }
          }
          return TestWsServer.WELCOME_AND_ACK.apply(n, m);
        };
    Path outbox = dir.resolve("outbox.jsonl");
    Recorder rec = new Recorder();
    BridgeClient client = client(server.uri(), outbox, rec);
    client.start();
    rec.next(Welcome.class);

    CompletableFuture<DispositionAck> first = client.submit(disposition("call-rl-1"));
    assertEquals(ErrorMessage.RATE_LIMITED, rec.next(ErrorMessage.class).code());
    // Told to wait: kept in the durable outbox, not failed, and a disposition submitted meanwhile
    // waits too instead of meeting the same answer.
    assertFalse(first.isDone(), "a rate-limited disposition is not refused");
    assertEquals(1, lines(outbox).size(), "kept in the outbox file");
    CompletableFuture<DispositionAck> second = client.submit(disposition("call-rl-2"));

    assertEquals("call-rl-1", first.get(10, TimeUnit.SECONDS).callId());
    assertEquals("call-rl-2", second.get(10, TimeUnit.SECONDS).callId());
    assertTrue(client.queued().isEmpty());
    assertEquals(List.of(), lines(outbox));
    assertEquals(3, arrivals.size(), "one refusal, then each sent once: " + arrivals.size());
    for (long at : arrivals.subList(1, arrivals.size())) {
      assertTrue(
          TimeUnit.NANOSECONDS.toMillis(at - refusedAt.get()) >= hintMillis,
          "nothing sent before the server's hint had passed");
    }
  }

  @Test
  void malformed_frames_from_the_server_are_ignored_and_later_messages_still_arrive_in_order()
      throws Exception {
    TestWsServer server = server();
    Recorder rec = new Recorder();
    BridgeClient client = client(server.uri(), null, rec);
    client.start();
    rec.next(Welcome.class);

    server.broadcast("this is not json");
    server.broadcast("{\"type\":\"no_such_type\"}");
    server.broadcast("{\"type\":\"call_ended\",\"callId\":\"c\",\"endedAtMillis\":\"soon\"}");
    server.broadcast(SampleCalls.salesCall());
    server.broadcast(new CallEnded(SampleCalls.salesCall().callId(), 1000, "hangup", 61_000));

    CallStarted started = rec.next(CallStarted.class);
    CallEnded ended = assertInstanceOf(CallEnded.class, rec.events.poll(10, TimeUnit.SECONDS));
    assertEquals(started.callId(), ended.callId());
    assertTrue(client.isConnected(), "still connected after garbage");
    assertEquals(1, rec.threads.size(), "all callbacks on one thread: " + rec.threads);
  }

  @Test
  void a_rejected_token_is_retried_with_backoff_and_reported_to_the_listener() throws Exception {
    TestWsServer server = server();
    server.replies = (n, m) -> TestWsServer.unauthorized();
    Recorder rec = new Recorder();
    BridgeClient client = client(server.uri(), null, rec);
    client.start();

    assertEquals(ErrorMessage.UNAUTHORIZED, rec.next(ErrorMessage.class).code());
    await("three attempts", () -> server.connections.get() >= 3);
    assertFalse(client.isConnected());
    assertTrue(rec.events.stream().noneMatch("connected"::equals));

    // The token is fixed on the server side: the client gets in by itself.
    server.replies = TestWsServer.WELCOME_AND_ACK;
    rec.next(Welcome.class);
    assertTrue(client.isConnected());
  }

  @Test
  void submitting_the_same_request_twice_gives_one_outbox_entry_and_the_same_future()
      throws Exception {
    Recorder rec = new Recorder();
    BridgeClient client = client(java.net.URI.create("ws://127.0.0.1:9/agent"), null, rec);
    DispositionSubmit d =
        new DispositionSubmit("req-1", "call-6", "SALE", false, null, 0, null, null, null);
    CompletableFuture<DispositionAck> a = client.submit(d);
    CompletableFuture<DispositionAck> b = client.submit(d);
    assertSame(a, b);
    assertEquals(1, client.queued().size());
  }

  @Test
  void submit_after_close_fails_and_close_is_idempotent() {
    BridgeClient client = client(java.net.URI.create("ws://127.0.0.1:9/agent"), null, null);
    client.start();
    client.close();
    client.close();
    assertTrue(client.submit(disposition("x")).isCompletedExceptionally());
  }
}
