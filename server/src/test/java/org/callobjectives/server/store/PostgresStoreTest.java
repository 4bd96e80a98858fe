package org.callobjectives.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.callobjectives.server.domain.CallOutcome;
import org.callobjectives.server.testing.PostgresServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The store contract on a real PostgreSQL server, and what only a server database has: connections
 * it drops.
 */
@ExtendWith(PostgresServer.class)
class PostgresStoreTest extends StoreContract {
  private PostgresServer.Database database;

  @BeforeEach
  void database(PostgresServer.Database db) {
    this.database = db;
  }

  @Override
  DatabaseLocation location() {
    return DatabaseLocation.parse(database.url());
  }

  @Test
  void whenTheServerDropsTheConnectionsCallRowsAreHeldThenWrittenAndDispositionsGoOn()
      throws Exception {
    Store s = open();
    get(s.calls().upsertCall(call("pbx:1", CallOutcome.CONNECTED)));
    int dropped = terminate("call-objectives writer%");
    assertEquals(1, dropped, "the writer's connection was dropped");
    get(s.calls().upsertCall(call("pbx:1", CallOutcome.COMPLETED)));
    get(s.calls().upsertCall(call("pbx:2", CallOutcome.COMPLETED)));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while ((s.calls().unsavedCalls() > 0 || !s.writable()) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertEquals(0, s.calls().unsavedCalls());
    assertEquals(List.of("pbx:1", "pbx:2"), ids(get(s.calls().callsAwaitingDisposition())));
    assertFalse(
        get(s.dispositions().saveDisposition("1001", disposition("pbx:1", "SALE"), ANY))
            .duplicate());
    terminate("call-objectives reader%");
    assertEquals(2, get(s.stats().rows(0, Long.MAX_VALUE)).size(), "the reader came back too");
    assertTrue(s.failures() >= 0);
  }

  @Test
  void twoNodesOnOneDatabaseHearEachOthersOutboxRowsAndCatchUpAfterALostConnection()
      throws Exception {
    Store a = open();
    Store b = open();
    assertNotEquals(a.nodeId(), b.nodeId());
    OutboxRecorder heardByA = new OutboxRecorder();
    a.dispatch("relay", false, heardByA);
    get(b.calls().upsertCall(call("pbx:1", CallOutcome.COMPLETED)));
    OutboxEvent row = heardByA.next();
    assertEquals("call_ended:pbx:1", row.kind() + ":" + row.callId());
    assertEquals(b.nodeId(), row.origin(), "written by the other node");

    // A's reader loses its connection; what B writes meanwhile arrives after it reconnects.
    assertEquals(1, terminate("call-objectives outbox%"));
    get(b.dispositions().saveDisposition("1001", disposition("pbx:1", "SALE"), ANY));
    get(b.calls().upsertCall(call("pbx:2", CallOutcome.COMPLETED)));
    assertEquals("disposition:pbx:1 call_ended:pbx:2", heardByA.kinds(2));
  }

  @Test
  void oneDispositionSentToTwoNodesAtOnceIsStoredOnceAndTheOtherHearsDuplicate() throws Exception {
    Store a = open();
    Store b = open();
    for (int i = 0; i < 20; i++) {
      String id = "pbx:race" + i;
      get(a.calls().upsertCall(call(id, CallOutcome.COMPLETED)));
      if (i % 2 == 1) {
        get(a.dispositions().markUndisposed(id, "1001")); // late ones replace UNDISPOSED
      }
      var onA = a.dispositions().saveDisposition("1001", disposition(id, "SALE"), ANY);
      var onB = b.dispositions().saveDisposition("1001", disposition(id, "SALE"), ANY);
      SavedDisposition x = get(onA);
      SavedDisposition y = get(onB);
      assertTrue(x.duplicate() != y.duplicate(), id + ": one stored, one duplicate");
    }
    try (Connection c = database.connect();
        var rs =
            c.createStatement()
                .executeQuery(
                    "SELECT count(*), count(DISTINCT call_id) FROM dispositions WHERE code = 'SALE'")) {
      rs.next();
      assertEquals(20, rs.getInt(1));
      assertEquals(20, rs.getInt(2));
    }
  }

  @Test
  void rowsOfTransactionsCommittedOutOfOrderAreAllHandedOverInTheOrderOfTheirTransactions()
      throws Exception {
    Store s = open();
    OutboxRecorder rec = new OutboxRecorder();
    s.dispatch("relay", false, rec);
    // A transaction that took an id first and commits last, beside the store's own writes.
    try (Connection slow = database.connect()) {
      slow.setAutoCommit(false);
      try (Statement st = slow.createStatement()) {
        st.execute(
            "INSERT INTO outbox (origin, kind, call_id, body, created_at)"
                + " VALUES ('elsewhere', 'call_ended', 'slow:1', '{}', 0)");
      }
      get(s.calls().upsertCall(call("pbx:1", CallOutcome.COMPLETED)));
      assertNull(
          rec.taken.poll(1500, TimeUnit.MILLISECONDS),
          "nothing is handed over while an older transaction may still add a row before it");
      slow.commit();
    }
    assertEquals("call_ended:slow:1 call_ended:pbx:1", rec.kinds(2));
  }

  @Test
  void whileTheDatabaseRefusesConnectionsCallRowsAreHeldAndAfterwardsTheirDispositionsAreTaken()
      throws Exception {
    Store s = open();
    get(s.calls().upsertCall(call("pbx:1", CallOutcome.CONNECTED)));
    admin("ALTER DATABASE " + database.name() + " ALLOW_CONNECTIONS false");
    terminate("call-objectives%");
    try {
      get(s.calls().upsertCall(call("pbx:1", CallOutcome.COMPLETED)));
      get(s.calls().upsertCall(call("pbx:2", CallOutcome.COMPLETED)));
      assertEquals(2, s.calls().unsavedCalls(), "held, not dropped");
      var refused =
          assertThrows(
              java.util.concurrent.ExecutionException.class,
              () ->
                  get(s.dispositions().saveDisposition("1001", disposition("pbx:2", "SALE"), ANY)));
      assertInstanceOf(StoreUnavailable.class, refused.getCause(), "not saved: send it again");
      get(s.calls().upsertCall(call("pbx:3", CallOutcome.COMPLETED)));
    } finally {
      admin("ALTER DATABASE " + database.name() + " ALLOW_CONNECTIONS true");
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (s.calls().unsavedCalls() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertEquals(0, s.calls().unsavedCalls());
    assertEquals(0, s.calls().lostCallRows());
    assertFalse(
        get(s.dispositions().saveDisposition("1001", disposition("pbx:2", "SALE"), ANY))
            .duplicate(),
        "the disposition sent again is stored");
    assertEquals(List.of("pbx:1", "pbx:3"), ids(get(s.calls().callsAwaitingDisposition())));
  }

  @Test
  void aCommitWhoseAnswerWasLostIsFoundAgainAsThisDispositionNotAsADuplicate() throws Exception {
    Store s = open();
    get(s.calls().upsertCall(call("pbx:1", CallOutcome.COMPLETED)));
    get(s.dispositions().markUndisposed("pbx:1", "1001"));
    try (Connection c = database.connect();
        Statement st = c.createStatement()) {
      st.execute("CREATE TABLE probe_commits (n int)");
    }
    // The commit waits for a standby that does not exist; the connection is then killed: the row
    // is committed here, but the server never heard so.
    admin("ALTER SYSTEM SET synchronous_standby_names = 'nobody'");
    admin("SELECT pg_reload_conf()");
    // A reload reaches each session when it next runs a command: wait until the store's writer
    // sees it, or the commit below may not wait at all.
    long seen = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!"nobody".equals(get(s.database().write(standbyNames()))) && System.nanoTime() < seen) {
      Thread.sleep(50);
    }
    assertEquals(
        "nobody", get(s.database().write(standbyNames())), "the writer sees the reloaded setting");
    try {
      awaitCommitsWaitForTheStandby();
      var saved = s.dispositions().saveDisposition("1001", disposition("pbx:1", "SALE"), ANY);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      int killed = 0;
      while (killed == 0 && System.nanoTime() < deadline) {
        Thread.sleep(100);
        killed = terminateWaitingForStandby();
      }
      assertEquals(1, killed, "the commit was waiting for the standby");
      admin("ALTER SYSTEM RESET synchronous_standby_names");
      admin("SELECT pg_reload_conf()");
      SavedDisposition d = get(saved);
      assertFalse(d.duplicate(), "its own commit, told to the listeners like any other");
      assertTrue(d.late(), "and still marked late: it replaced a missed wrap-up");
      assertEquals("SALE", d.stored().code());
    } finally {
      admin("ALTER SYSTEM RESET synchronous_standby_names");
      admin("SELECT pg_reload_conf()");
    }
    assertTrue(
        get(s.dispositions().saveDisposition("1001", disposition("pbx:1", "SALE"), ANY))
            .duplicate(),
        "sent again later: a duplicate");
  }

  /**
   * Until a commit on another connection is seen waiting for the standby (then killed): sessions
   * see a reload before the checkpointer tells commits to wait, so a commit right after may not.
   */
  private void awaitCommitsWaitForTheStandby() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      var probe =
          java.util.concurrent.CompletableFuture.runAsync(
              () -> {
                try (Connection c = database.connect();
                    Statement st = c.createStatement()) {
                  st.execute("INSERT INTO probe_commits VALUES (1)");
                } catch (java.sql.SQLException e) {
                  // killed while it waited: what we wanted to see
                }
              });
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
      while (!probe.isDone() && System.nanoTime() < until) {
        Thread.sleep(50);
        if (terminateWaitingForStandby() > 0) {
          probe.get(10, TimeUnit.SECONDS);
          return;
        }
      }
      probe.get(10, TimeUnit.SECONDS); // committed without waiting: not yet
    }
    throw new AssertionError("no commit ever waited for the standby 'nobody'");
  }

  private static Database.Write<String> standbyNames() {
    return c -> {
      try (Statement st = c.createStatement();
          var rs = st.executeQuery("SHOW synchronous_standby_names")) {
        rs.next();
        return rs.getString(1);
      }
    };
  }

  private int terminateWaitingForStandby() throws Exception {
    try (Connection c = database.connect();
        var rs =
            c.createStatement()
                .executeQuery(
                    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE"
                        + " wait_event = 'SyncRep' AND datname = '"
                        + database.name()
                        + "'")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private String adminUrl() {
    return database.url().replace("/" + database.name() + "?", "/postgres?");
  }

  private void admin(String sql) throws Exception {
    try (Connection c = java.sql.DriverManager.getConnection(adminUrl());
        Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  private int terminate(String applicationName) throws Exception {
    try (Connection c = java.sql.DriverManager.getConnection(adminUrl());
        Statement st = c.createStatement();
        var rs =
            st.executeQuery(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = '"
                    + database.name()
                    + "' AND application_name LIKE '"
                    + applicationName
                    + "'")) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
