package org.callobjectives.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.callobjectives.protocol.ChecklistItem;
import org.callobjectives.protocol.ChecklistKind;
import org.callobjectives.protocol.DispositionCode;
import org.callobjectives.protocol.DispositionSubmit;
import org.callobjectives.protocol.ErrorMessage;
import org.callobjectives.protocol.ObjectiveView;
import org.callobjectives.server.domain.CallOutcome;
import org.callobjectives.server.domain.CallRecord;
import org.callobjectives.server.domain.Direction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite store on a real file: migrations, idempotent dispositions, busy database. */
class StoreTest {
  static final ObjectiveView OBJ =
      new ObjectiveView(
          "o",
          "Book a demo",
          "customer agrees to a demo date",
          "date booked",
          "during the call",
          List.of(
              new ChecklistItem("rec", "recording notice", ChecklistKind.COMPLIANCE, true),
              new ChecklistItem("addon", "add-on need", ChecklistKind.UPSELL, false)));
  static final List<DispositionCode> CODES =
      List.of(
          new DispositionCode("ADVANCE", "Advance", false, true, false, false, false, true),
          new DispositionCode("SALE", "Sale", true, true, false, false, false, true));

  @TempDir Path dir;

  static CallRecord call(String id, CallOutcome outcome) {
    return new CallRecord(
        id,
        "pbx",
        Direction.INBOUND,
        "sales",
        "1001",
        "15550001",
        "Ann",
        "1.0",
        outcome,
        outcome == CallOutcome.CONNECTED ? null : "caller",
        2,
        30,
        1000,
        2000L,
        outcome == CallOutcome.CONNECTED ? null : 32_000L,
        OBJ,
        CODES);
  }

  static DispositionSubmit disposition(String callId, String code) {
    return new DispositionSubmit(
        "r-" + code, callId, code, true, List.of("rec"), 1, List.of("wants seats"), 90, null);
  }

  @Test
  void schemaVersionIsRecordedAndDataSurvivesReopening() throws Exception {
    Path db = dir.resolve("a.db");
    try (Store s = Store.open(db)) {
      s.upsertCall(call("pbx:1", CallOutcome.COMPLETED)).get(5, TimeUnit.SECONDS);
    }
    try (Store s = Store.open(db);
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
      ResultSet rs = c.createStatement().executeQuery("PRAGMA user_version");
      rs.next();
      assertEquals(Migrations.STEPS.size(), rs.getInt(1));
      rs = c.createStatement().executeQuery("SELECT outcome FROM calls WHERE call_id = 'pbx:1'");
      assertTrue(rs.next());
      assertEquals("COMPLETED", rs.getString(1));
    }
  }

  @Test
  void aSecondDispositionReturnsTheFirstAndAMissedWrapUpIsReplacedLate() throws Exception {
    try (Store s = Store.open(dir.resolve("b.db"))) {
      s.upsertCall(call("pbx:1", CallOutcome.COMPLETED));
      s.upsertCall(call("pbx:2", CallOutcome.COMPLETED));
      SavedDisposition first =
          s.saveDisposition("1001", disposition("pbx:1", "SALE"), (c, d) -> {}).get();
      assertFalse(first.duplicate());
      SavedDisposition again =
          s.saveDisposition("1001", disposition("pbx:1", "ADVANCE"), (c, d) -> {}).get();
      assertTrue(again.duplicate());
      assertEquals("SALE", again.stored().code());
      assertEquals(List.of("rec"), again.stored().checklistDone());

      assertTrue(s.markUndisposed("pbx:2", "1001").get());
      assertFalse(s.markUndisposed("pbx:1", "1001").get());
      SavedDisposition late =
          s.saveDisposition("1001", disposition("pbx:2", "ADVANCE"), (c, d) -> {}).get();
      assertTrue(late.late());
      var e =
          assertThrows(
              ExecutionException.class,
              () -> s.saveDisposition("1002", disposition("pbx:2", "ADVANCE"), (c, d) -> {}).get());
      assertEquals(ErrorMessage.NOT_YOUR_CALL, ((DispositionRejected) e.getCause()).code());
      int rows =
          s.read(
                  c -> {
                    ResultSet rs =
                        c.createStatement().executeQuery("SELECT count(*) FROM dispositions");
                    rs.next();
                    return rs.getInt(1);
                  })
              .get();
      assertEquals(2, rows);
    }
  }

  @Test
  void whileTheDatabaseIsLockedCallRowsAreHeldAndDispositionsAreNotAckedThenAllIsWritten()
      throws Exception {
    Path db = dir.resolve("c.db");
    try (Store s = Store.open(db, 100)) {
      s.upsertCall(call("pbx:1", CallOutcome.CONNECTED)).get();
      try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + db);
          Statement st = other.createStatement()) {
        st.execute("PRAGMA busy_timeout=100");
        st.execute("BEGIN EXCLUSIVE");
        s.upsertCall(call("pbx:1", CallOutcome.COMPLETED)).get(5, TimeUnit.SECONDS);
        s.upsertCall(call("pbx:3", CallOutcome.CONNECTED)).get(5, TimeUnit.SECONDS);
        assertEquals(2, s.unsavedCalls());
        var e =
            assertThrows(
                ExecutionException.class,
                () ->
                    s.saveDisposition("1001", disposition("pbx:1", "SALE"), (c, d) -> {})
                        .get(5, TimeUnit.SECONDS));
        assertInstanceOf(java.sql.SQLException.class, e.getCause());
        st.execute("ROLLBACK");
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (s.unsavedCalls() > 0 && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertEquals(0, s.unsavedCalls());
      assertFalse(
          s.saveDisposition("1001", disposition("pbx:1", "SALE"), (c, d) -> {}).get().duplicate());
      String outcome =
          s.read(
                  c -> {
                    ResultSet rs =
                        c.createStatement()
                            .executeQuery("SELECT outcome FROM calls WHERE call_id = 'pbx:1'");
                    rs.next();
                    return rs.getString(1);
                  })
              .get();
      assertEquals("COMPLETED", outcome);
      assertTrue(s.failures() > 0);
    }
  }
}
