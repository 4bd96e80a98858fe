package org.callobjectives.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.callobjectives.server.domain.CallOutcome;
import org.callobjectives.server.testing.FullDisk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A full database (SQLite's max_page_count on the writer): nothing is lost, one log line, WAL
 * truncated after.
 */
class FullDatabaseTest {
  @TempDir Path dir;

  static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting: " + what);
      }
      Thread.sleep(50);
    }
  }

  @Test
  void onAFullDatabaseCallRowsWaitDispositionsAreRefusedAndAllIsWrittenOnceThereIsRoomAgain()
      throws Exception {
    Path db = dir.resolve("full.db");
    Logger storeLog = (Logger) LoggerFactory.getLogger(Store.class);
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    storeLog.addAppender(logged);
    try (Store s = Store.open(db)) {
      s.calls()
          .upsertCall(StoreContract.call("pbx:0", CallOutcome.COMPLETED))
          .get(5, TimeUnit.SECONDS);
      FullDisk.fillFreePages(db);
      s.maxPageCountForTest(1).get(5, TimeUnit.SECONDS);

      List<CompletableFuture<Void>> rows = new ArrayList<>();
      for (int i = 1; i <= 40; i++) {
        rows.add(s.calls().upsertCall(StoreContract.call("pbx:" + i, CallOutcome.COMPLETED)));
      }
      for (var f : rows) {
        f.get(10, TimeUnit.SECONDS); // the call goes on: its row waits, the future does not fail
      }
      await(() -> !s.writable(), "the store to notice the full database");
      int waiting = s.calls().unsavedCalls();
      assertTrue(waiting > 0, "rows wait in memory: " + s.health());
      assertEquals("unwritable", s.health().get("state"));
      String held = "pbx:40";
      var refused =
          assertThrows(
              ExecutionException.class,
              () ->
                  s.dispositions()
                      .saveDisposition(
                          "1001", StoreContract.disposition(held, "SALE"), (c, d) -> {})
                      .get(10, TimeUnit.SECONDS));
      assertInstanceOf(
          StoreUnavailable.class,
          refused.getCause(),
          "refused, not unknown: " + refused.getCause());
      var notMarked =
          assertThrows(
              ExecutionException.class,
              () -> s.dispositions().markUndisposed("pbx:39", "1001").get(10, TimeUnit.SECONDS));
      assertInstanceOf(SQLException.class, notMarked.getCause());
      Thread.sleep(
          2500); // a few retry rounds while still full (a small write may fit now and then)
      assertEquals(0L, s.health().get("callRowsLost"), "nothing given up while full");
      assertTrue(s.calls().unsavedCalls() > 0);
      assertFalse(s.writable(), "still an outage while rows wait");

      s.maxPageCountForTest(1_000_000).get(5, TimeUnit.SECONDS);
      await(() -> s.calls().unsavedCalls() == 0, "held rows to be written");
      await(
          () -> ((Number) s.health().get("walTruncations")).longValue() > 0,
          "the WAL to be truncated");
      assertTrue(s.writable());
      assertEquals(0L, s.walBytes(), "WAL truncated after the outage");

      assertFalse(
          s.dispositions()
              .saveDisposition("1001", StoreContract.disposition(held, "SALE"), (c, d) -> {})
              .get()
              .duplicate());
      assertTrue(s.dispositions().markUndisposed("pbx:39", "1001").get());
      assertTrue(
          s.dispositions()
              .saveDisposition("1001", StoreContract.disposition("pbx:39", "ADVANCE"), (c, d) -> {})
              .get()
              .late(),
          "a real disposition still replaces the mark written after the outage");
      int calls =
          s.database()
              .read(
                  c -> {
                    ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM calls");
                    rs.next();
                    return rs.getInt(1);
                  })
              .get();
      assertEquals(41, calls, "every call has its row");
      assertEquals(0L, s.health().get("callRowsLost"));
    } finally {
      storeLog.detachAppender(logged);
    }
    List<String> errors =
        logged.list.stream()
            .filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
            .map(ILoggingEvent::getFormattedMessage)
            .toList();
    assertEquals(
        1,
        errors.stream().filter(m -> m.startsWith("database not writable")).count(),
        errors.toString());
    assertTrue(
        errors.stream().noneMatch(m -> m.contains("no transaction is active")), errors.toString());
    assertTrue(errors.size() <= 3, "one line when it starts, one when it ends: " + errors);
  }
}
