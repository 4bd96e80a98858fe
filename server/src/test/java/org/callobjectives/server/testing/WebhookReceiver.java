package org.callobjectives.server.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A CRM's webhook endpoint for tests: a real HTTP server on a loopback port (the JDK's) that
 * records every request and answers as the test scripts it: accept, fail, answer slowly.
 */
public final class WebhookReceiver implements AutoCloseable {
  /** One request as received, and what it was answered. */
  public record Request(
      String method,
      String path,
      Map<String, String> headers,
      String body,
      long receivedAtNanos,
      int attemptForKey,
      int status,
      long delayMillis) {
    public String header(String name) {
      return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    public String key() {
      return header("Idempotency-Key");
    }

    public String type() {
      return header("X-CallObjectives-Event");
    }

    /** Answered 2xx in time: an answer the test delayed is one the sender gave up waiting for. */
    public boolean accepted() {
      return status / 100 == 2 && delayMillis == 0;
    }
  }

  /** What to answer: status, how long to wait first, extra headers. */
  public record Answer(int status, long delayMillis, Map<String, String> headers) {
    public static Answer ok() {
      return new Answer(200, 0, Map.of());
    }

    public static Answer status(int status) {
      return new Answer(status, 0, Map.of());
    }

    public static Answer slow(int status, long delayMillis) {
      return new Answer(status, delayMillis, Map.of());
    }
  }

  /** Decides the answer; {@code attemptForKey} counts this idempotency key's requests (1, 2...). */
  @FunctionalInterface
  public interface Script {
    Answer answer(Map<String, String> headers, String body, int attemptForKey);
  }

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final List<Request> arrived = new CopyOnWriteArrayList<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Map<String, AtomicInteger> perKey = new ConcurrentHashMap<>();
  private volatile Script script = (h, b, n) -> Answer.ok();

  private WebhookReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    server.setExecutor(threads);
    server.createContext("/", this::handle);
  }

  public static WebhookReceiver start() throws IOException {
    WebhookReceiver r = new WebhookReceiver();
    r.server.start();
    return r;
  }

  /** From now on, answers as {@code s} decides. */
  public WebhookReceiver answering(Script s) {
    this.script = s;
    return this;
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/crm/hooks");
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange ex) throws IOException {
    long at = System.nanoTime();
    byte[] body = ex.getRequestBody().readAllBytes();
    Map<String, String> headers = new java.util.TreeMap<>();
    ex.getRequestHeaders()
        .forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), String.join(",", v)));
    String key = headers.getOrDefault("idempotency-key", "");
    int n = perKey.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    String text = new String(body, StandardCharsets.UTF_8);
    Answer a = script.answer(headers, text, n);
    Request r =
        new Request(
            ex.getRequestMethod(),
            ex.getRequestURI().getPath(),
            Map.copyOf(headers),
            text,
            at,
            n,
            a.status(),
            a.delayMillis());
    arrived.add(r);
    try {
      if (a.delayMillis() > 0) {
        Thread.sleep(a.delayMillis());
      }
      a.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
      byte[] out = ("{\"answer\":" + a.status() + "}").getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(a.status(), out.length);
      try (OutputStream o = ex.getResponseBody()) {
        o.write(out);
      }
    } catch (InterruptedException | IOException e) {
      // the client gave up waiting (a timeout): nothing to answer to
    } finally {
      ex.close();
      requests.add(r);
    }
  }

  /** Every request answered so far, in the order of the answers. */
  public List<Request> requests() {
    return List.copyOf(requests);
  }

  /** Requests answered 2xx in time. */
  public List<Request> accepted() {
    return requests.stream().filter(Request::accepted).toList();
  }

  /** Waits until a request matches once answered; returns it. */
  public Request await(Predicate<Request> p, Duration timeout) throws InterruptedException {
    return await(requests, p, timeout);
  }

  /** Waits until a request matches as it arrives (before its answer); returns it. */
  public Request awaitArrival(Predicate<Request> p, Duration timeout) throws InterruptedException {
    return await(arrived, p, timeout);
  }

  private Request await(List<Request> in, Predicate<Request> p, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      for (Request r : in) {
        if (p.test(r)) {
          return r;
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no such webhook request within " + timeout + "; got " + summary());
  }

  /** The first accepted request of this type (and call, when given). */
  public Request awaitAccepted(String type, String callId, Duration timeout)
      throws InterruptedException {
    return await(
        r ->
            r.accepted()
                && type.equals(r.type())
                && (callId == null || r.body().contains("\"callId\":\"" + callId + "\"")),
        timeout);
  }

  public String summary() {
    StringBuilder sb = new StringBuilder();
    for (Request r : requests) {
      sb.append('\n')
          .append(r.type())
          .append(' ')
          .append(r.key())
          .append(" -> ")
          .append(r.status());
    }
    return sb.toString();
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
