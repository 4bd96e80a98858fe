package org.callobjectives.server.dispositions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.callobjectives.protocol.DispositionAck;
import org.callobjectives.protocol.DispositionSubmit;
import org.callobjectives.protocol.ErrorMessage;
import org.callobjectives.protocol.Message;
import org.callobjectives.server.domain.DispositionListener;
import org.callobjectives.server.store.DispositionRejected;
import org.callobjectives.server.store.DispositionStore;
import org.callobjectives.server.store.SavedDisposition;
import org.callobjectives.server.store.StoreUnavailable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The disposition rules at the seam to the store: what is answered for each store outcome. */
class DispositionServiceTest {
  final DispositionStore store = mock(DispositionStore.class);
  final List<String> settled = new ArrayList<>();
  final ScheduledExecutorService scheduler = mock(ScheduledExecutorService.class);
  final Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
  final List<Message> replies = new ArrayList<>();
  final List<String> stored = new ArrayList<>();
  DispositionService service;

  @BeforeEach
  void setUp() {
    service = new DispositionService(store, scheduler, clock, Duration.ofSeconds(120));
    service.addListener(
        new DispositionListener() {
          @Override
          public void stored(String agent, DispositionSubmit d, boolean late) {
            stored.add(agent + ":" + d.callId());
          }

          @Override
          public void settled(String agent, String callId) {
            settled.add(agent + ":" + callId);
          }
        });
  }

  static DispositionSubmit d(String code, Integer csat) {
    return new DispositionSubmit("r1", "pbx:1.2", code, true, List.of(), 1, List.of(), csat, null);
  }

  @Test
  void aDispositionThatIsOutOfShapeIsRefusedWithoutTouchingTheStore() {
    service.submit("1001", d("ADVANCE", 150), replies::add);
    service.submit("1001", d("UNDISPOSED", null), replies::add);
    service.submit(
        "1001",
        new DispositionSubmit("r2", " ", "ADVANCE", true, null, 0, null, null, null),
        replies::add);
    assertEquals(3, replies.size());
    replies.forEach(r -> assertEquals(ErrorMessage.INVALID_DISPOSITION, ((ErrorMessage) r).code()));
    verifyNoInteractions(store);
  }

  @Test
  void aCommittedDispositionIsAckedAndToldToListenersButADuplicateIsOnlyAcked() {
    when(store.saveDisposition(eq("1001"), any(), any()))
        .thenReturn(
            CompletableFuture.completedFuture(new SavedDisposition(d("ADVANCE", 90), false, false)))
        .thenReturn(
            CompletableFuture.completedFuture(new SavedDisposition(d("ADVANCE", 90), true, false)));
    service.submit("1001", d("ADVANCE", 90), replies::add);
    service.submit("1001", d("SALE", null), replies::add);
    DispositionAck first = (DispositionAck) replies.get(0);
    DispositionAck second = (DispositionAck) replies.get(1);
    assertEquals(List.of(false, true), List.of(first.duplicate(), second.duplicate()));
    assertEquals("ADVANCE", second.stored().code());
    assertEquals(List.of("1001:pbx:1.2"), stored);
    assertEquals(1, service.stored());
  }

  @Test
  void aStoreFailureIsNeverAckedAndARefusalKeepsItsCode() {
    when(store.saveDisposition(eq("1001"), any(), any()))
        .thenReturn(CompletableFuture.failedFuture(new SQLException("disk I/O error")))
        .thenReturn(
            CompletableFuture.failedFuture(
                new DispositionRejected(ErrorMessage.NOT_YOUR_CALL, "not yours")));
    service.submit("1001", d("ADVANCE", null), replies::add);
    service.submit("1001", d("ADVANCE", null), replies::add);
    ErrorMessage failed = assertInstanceOf(ErrorMessage.class, replies.get(0));
    assertEquals(ErrorMessage.STORE_FAILED, failed.code());
    assertEquals("r1", failed.requestId());
    assertEquals(ErrorMessage.NOT_YOUR_CALL, ((ErrorMessage) replies.get(1)).code());
    assertTrue(stored.isEmpty());
    assertEquals(List.of(), settled);
  }

  @Test
  void theWrapUpDeadlineIsTheEndPlusTheWrapUpTime() {
    long ended = clock.millis() - 20_000;
    assertEquals(ended + 120_000, service.wrapUpStarted("pbx:1.2", "1001", ended));
    verify(scheduler).schedule(any(Runnable.class), eq(100_000L), eq(TimeUnit.MILLISECONDS));
  }

  @Test
  void theWrapUpDeadlineTellsListenersTheWrapUpIsOverEvenWhenADispositionWasStoredBefore() {
    List<String> over = new ArrayList<>();
    List<String> undisposed = new ArrayList<>();
    service.addListener(
        new DispositionListener() {
          @Override
          public void stored(String agentId, DispositionSubmit d, boolean late) {}

          @Override
          public void undisposed(String agentId, String callId) {
            undisposed.add(callId);
          }

          @Override
          public void wrapUpOver(String agentId, String callId) {
            over.add(agentId + ":" + callId);
          }
        });
    // pbx:1.2 was dispositioned while still up (the mark inserts nothing); pbx:1.3 was not.
    when(store.markUndisposed("pbx:1.2", "1001"))
        .thenReturn(CompletableFuture.completedFuture(false));
    when(store.markUndisposed("pbx:1.3", "1001"))
        .thenReturn(CompletableFuture.completedFuture(true));
    service.wrapUpStarted("pbx:1.2", "1001", clock.millis());
    service.wrapUpStarted("pbx:1.3", "1001", clock.millis());
    ArgumentCaptor<Runnable> task = ArgumentCaptor.forClass(Runnable.class);
    verify(scheduler, org.mockito.Mockito.times(2))
        .schedule(task.capture(), eq(120_000L), eq(TimeUnit.MILLISECONDS));
    task.getAllValues().forEach(Runnable::run);
    assertEquals(List.of("1001:pbx:1.2", "1001:pbx:1.3"), over);
    assertEquals(List.of("pbx:1.3"), undisposed);
  }

  @Test
  void aMissedWrapUpMarkTheStoreCannotWriteIsRetriedUntilItIsAndTheAgentIsReleasedOnlyThen() {
    when(store.markUndisposed("pbx:1.2", "1001"))
        .thenReturn(
            CompletableFuture.failedFuture(new StoreUnavailable("database or disk is full")))
        .thenReturn(CompletableFuture.failedFuture(new SQLException("disk I/O error")))
        .thenReturn(CompletableFuture.completedFuture(true));
    service.wrapUpStarted("pbx:1.2", "1001", clock.millis());
    ArgumentCaptor<Runnable> task = ArgumentCaptor.forClass(Runnable.class);
    verify(scheduler).schedule(task.capture(), eq(120_000L), eq(TimeUnit.MILLISECONDS));

    task.getValue().run(); // the deadline: the store is full
    assertEquals(1, service.undisposedMarksWaiting());
    verify(scheduler).schedule(task.capture(), eq(1_000L), eq(TimeUnit.MILLISECONDS));
    task.getValue().run(); // still failing: the next try waits longer
    verify(scheduler).schedule(task.capture(), eq(2_000L), eq(TimeUnit.MILLISECONDS));
    assertEquals(List.of(), settled);
    assertEquals(0, service.undisposed());

    task.getValue().run(); // room again
    assertEquals(0, service.undisposedMarksWaiting());
    assertEquals(1, service.undisposed());
    assertEquals(List.of("1001:pbx:1.2"), settled);
  }

  @Test
  void aDispositionRefusedForAStoreFailureCountsAsWaitingUntilItIsStored() {
    when(store.saveDisposition(eq("1001"), any(), any()))
        .thenReturn(
            CompletableFuture.failedFuture(new StoreUnavailable("call pbx:1.2 is not stored yet")))
        .thenReturn(
            CompletableFuture.completedFuture(
                new SavedDisposition(d("ADVANCE", 90), false, false)));
    service.submit("1001", d("ADVANCE", 90), replies::add);
    assertEquals(ErrorMessage.STORE_FAILED, ((ErrorMessage) replies.get(0)).code());
    assertEquals(1, service.dispositionsWaiting());
    service.submit("1001", d("ADVANCE", 90), replies::add); // the bridge sends it again
    assertInstanceOf(DispositionAck.class, replies.get(1));
    assertEquals(0, service.dispositionsWaiting());
  }
}
