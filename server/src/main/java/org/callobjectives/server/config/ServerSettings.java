package org.callobjectives.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.callobjectives.server.security.User;
import org.callobjectives.server.store.DatabaseLocation;

/** What server.yaml says, validated and with defaults applied. */
public record ServerSettings(
    String listenHost,
    int listenPort,
    DatabaseLocation database,
    Duration wrapUp,
    List<AmiServer> ami,
    DemoSettings demo,
    List<User> users,
    Tls tls,
    List<Webhook> webhooks,
    Limits limits) {

  /** PEM certificate chain and PKCS#8 private key for https/wss; null = plain http/ws. */
  public record Tls(Path certificate, Path key) {}

  /**
   * What one client and all together may hold of the server: open connections in all and from one
   * address, and how long a request's headers, then its body, may take to arrive.
   */
  public record Limits(
      int connections,
      int connectionsPerAddress,
      Duration requestHeaderTimeout,
      Duration requestBodyTimeout) {
    /**
     * 10,000 connections (5,000 agents with room for supervisors and reconnects), 1,000 from one
     * address (a call-centre floor behind one NAT address), 10 s for headers, 30 s for a body.
     */
    public static final Limits DEFAULT =
        new Limits(10_000, 1_000, Duration.ofSeconds(10), Duration.ofSeconds(30));
  }

  public ServerSettings {
    ami = List.copyOf(ami);
    users = users == null ? List.of() : List.copyOf(users);
    webhooks = webhooks == null ? List.of() : List.copyOf(webhooks);
    limits = limits == null ? Limits.DEFAULT : limits;
  }

  /** Without webhooks, with the default limits. */
  public ServerSettings(
      String listenHost,
      int listenPort,
      DatabaseLocation database,
      Duration wrapUp,
      List<AmiServer> ami,
      DemoSettings demo,
      List<User> users,
      Tls tls) {
    this(
        listenHost, listenPort, database, wrapUp, ami, demo, users, tls, List.of(), Limits.DEFAULT);
  }

  public ServerSettings(
      String listenHost,
      int listenPort,
      Path database,
      Duration wrapUp,
      List<AmiServer> ami,
      DemoSettings demo,
      List<User> users) {
    this(listenHost, listenPort, DatabaseLocation.sqlite(database), wrapUp, ami, demo, users, null);
  }

  /** With a SQLite file. */
  public ServerSettings(
      String listenHost,
      int listenPort,
      Path database,
      Duration wrapUp,
      List<AmiServer> ami,
      DemoSettings demo,
      List<User> users,
      Tls tls) {
    this(listenHost, listenPort, DatabaseLocation.sqlite(database), wrapUp, ami, demo, users, tls);
  }

  public boolean demoMode() {
    return ami.isEmpty();
  }

  public ServerSettings withDemo() {
    return new ServerSettings(
        listenHost, listenPort, database, wrapUp, List.of(), demo, users, tls, webhooks, limits);
  }

  public ServerSettings withDatabase(Path db) {
    return withDatabase(DatabaseLocation.sqlite(db));
  }

  public ServerSettings withDatabase(DatabaseLocation db) {
    return new ServerSettings(
        listenHost, listenPort, db, wrapUp, ami, demo, users, tls, webhooks, limits);
  }

  public ServerSettings withListenPort(int port) {
    return new ServerSettings(
        listenHost, port, database, wrapUp, ami, demo, users, tls, webhooks, limits);
  }

  /** With these webhooks instead (tests; server.yaml's {@code webhooks:}). */
  public ServerSettings withWebhooks(List<Webhook> hooks) {
    return new ServerSettings(
        listenHost, listenPort, database, wrapUp, ami, demo, users, tls, hooks, limits);
  }

  public ServerSettings withLimits(Limits l) {
    return new ServerSettings(
        listenHost, listenPort, database, wrapUp, ami, demo, users, tls, webhooks, l);
  }
}
