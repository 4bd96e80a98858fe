package org.callobjectives.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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

  private int terminate(String applicationName) throws Exception {
    try (Connection c = database.connect();
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
