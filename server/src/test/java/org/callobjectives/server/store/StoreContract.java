package org.callobjectives.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.callobjectives.protocol.ChecklistItem;
import org.callobjectives.protocol.ChecklistKind;
import org.callobjectives.protocol.Commitment;
import org.callobjectives.protocol.CommitmentAnswer;
import org.callobjectives.protocol.DispositionCode;
import org.callobjectives.protocol.DispositionSubmit;
import org.callobjectives.protocol.ErrorMessage;
import org.callobjectives.protocol.ObjectiveView;
import org.callobjectives.server.domain.CallOutcome;
import org.callobjectives.server.domain.CallRecord;
import org.callobjectives.server.domain.Direction;
import org.callobjectives.server.domain.ExperimentArm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every database behind the store must do, run on SQLite and on a real PostgreSQL: the same
 * rows, the same refusals, the same answers.
 */
abstract class StoreContract {
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

  private final List<Store> opened = new ArrayList<>();

  /** Where this run's database is (a fresh, empty one per test). */
  abstract DatabaseLocation location();

  /** Opens the test's database (again: the same data). */
  final Store open() throws Exception {
    Store s = Store.open(location());
    opened.add(s);
    return s;
  }

  @AfterEach
  void closeStores() {
    opened.forEach(Store::close);
  }

  static CallRecord call(String id, CallOutcome outcome) {
    return call(id, "1001", "15550001", outcome, 1000, OBJ);
  }

  static CallRecord call(
      String id,
      String agent,
      String caller,
      CallOutcome outcome,
      long startedAt,
      ObjectiveView objective) {
    boolean open = outcome == CallOutcome.CONNECTED;
    return new CallRecord(
        id,
        "pbx",
        Direction.INBOUND,
        "sales",
        agent,
        caller,
        caller == null ? null : "Ann",
        "1.0",
        outcome,
        open ? null : "caller",
        2,
        30,
        startedAt,
        startedAt + 1000,
        open ? null : startedAt + 31_000,
        objective,
        CODES);
  }

  static DispositionSubmit disposition(String callId, String code) {
    return new DispositionSubmit(
        "r-" + code, callId, code, true, List.of("rec"), 1, List.of("wants seats"), 90, null);
  }

  static <T> T get(CompletableFuture<T> f) throws Exception {
    return f.get(10, TimeUnit.SECONDS);
  }

  static final DispositionStore.DispositionCheck ANY = (c, d) -> {};

  @Test
  void experimentCountsHoldAssignedCallsWithADispositionPerVariantAndQuarterHour()
      throws Exception {
    Store s = open();
    long t0 = 1_800_000_000_000L; // a quarter-hour boundary
    String[][] rows = {
      {"x:1", "A", "ADVANCE"}, {"x:2", "A", "NO"}, {"x:3", "B", "ADVANCE"},
      {"x:4", "B", null}, {"x:5", "B", "UNDISPOSED"}, {"x:6", null, "ADVANCE"}
    };
    for (String[] r : rows) {
      CallRecord c = call(r[0], "1001", "1555" + r[0].substring(2), CallOutcome.COMPLETED, t0, OBJ);
      get(
          s.calls()
              .upsertCall(
                  new CallRecord(
                      c.callId(),
                      c.server(),
                      c.direction(),
                      c.queue(),
                      c.agentId(),
                      c.callerNumber(),
                      c.callerName(),
                      c.linkedid(),
                      c.outcome(),
                      c.endReason(),
                      c.holdSeconds(),
                      c.talkSeconds(),
                      c.startedAtMillis(),
                      c.connectedAtMillis(),
                      c.endedAtMillis(),
                      c.objective(),
                      c.codes(),
                      null,
                      r[1] == null ? null : new ExperimentArm("exp", r[1]))));
      // A later version of the row (the end) never drops the experiment it started with.
      get(s.calls().upsertCall(c));
      if ("UNDISPOSED".equals(r[2])) {
        assertTrue(get(s.dispositions().markUndisposed(r[0], "1001")));
      } else if (r[2] != null) {
        boolean advance = r[2].equals("ADVANCE");
        get(
            s.dispositions()
                .saveDisposition(
                    "1001",
                    new DispositionSubmit(
                        "r" + r[0],
                        r[0],
                        advance ? "ADVANCE" : "SALE",
                        advance,
                        List.of("rec"),
                        0,
                        List.of(),
                        null,
                        null),
                    ANY));
      }
    }
    List<ExperimentStore.ExperimentCount> counts = get(s.experiments().counts("exp"));
    assertEquals(2, counts.size(), counts.toString());
    long slice = counts.get(0).sliceStartMillis();
    assertEquals(0, slice % ExperimentStore.SLICE_MILLIS);
    assertTrue(Math.abs(System.currentTimeMillis() - slice) < 3_600_000, "the disposition's time");
    assertEquals(new ExperimentStore.ExperimentCount("A", slice, 2, 1), counts.get(0));
    assertEquals(new ExperimentStore.ExperimentCount("B", slice, 1, 1), counts.get(1));
    assertEquals(List.of(), get(s.experiments().counts("other")));
    CallRecord again = get(s.calls().callsAwaitingDisposition()).get(0);
    assertEquals("x:4", again.callId());
    assertEquals(new ExperimentArm("exp", "B"), again.experiment(), "read back after a restart");
  }

  @Test
  void aCallRowIsUpdatedInPlaceAndKeepsWhatItFirstKnew() throws Exception {
    Store s = open();
    get(s.calls().upsertCall(call("pbx:1", "1001", "15550001", CallOutcome.CONNECTED, 1000, OBJ)));
    assertEquals(List.of("pbx:1"), ids(get(s.calls().openCalls())));
    get(s.calls().upsertCall(call("pbx:1", "1001", null, CallOutcome.COMPLETED, 1000, OBJ)));
    assertEquals(List.of(), get(s.calls().openCalls()));
    List<CallRecord> waiting = get(s.calls().callsAwaitingDisposition());
    assertEquals(1, waiting.size());
    CallRecord r = waiting.get(0);
    assertEquals(CallOutcome.COMPLETED, r.outcome());
    assertEquals("15550001", r.callerNumber(), "a later version without the number keeps it");
    assertEquals(Direction.INBOUND, r.direction());
    assertEquals(32_000L, r.endedAtMillis());
    assertEquals("Book a demo", r.objective().title());
    assertEquals(
        List.of("ADVANCE", "SALE"), r.codes().stream().map(DispositionCode::code).toList());
  }

  @Test
  void callIdsSinceAreTheNewestOldestFirst() throws Exception {
    Store s = open();
    for (int i = 1; i <= 5; i++) {
      s.calls().upsertCall(call("pbx:" + i, "1001", "1", CallOutcome.COMPLETED, i * 1000L, OBJ));
    }
    assertEquals(List.of("pbx:4", "pbx:5"), get(s.calls().callIdsSince(2000, 2)));
    assertEquals(List.of("pbx:2", "pbx:3", "pbx:4", "pbx:5"), get(s.calls().callIdsSince(2000, 9)));
  }

  @Test
  void manyRowsQueuedAtOnceAreAllWritten() throws Exception {
    Store s = open();
    List<CompletableFuture<Void>> all = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      all.add(s.calls().upsertCall(call("pbx:" + i, CallOutcome.CONNECTED)));
    }
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
    assertEquals(500, get(s.calls().openCalls()).size());
    assertEquals(0, s.calls().unsavedCalls());
  }

  @Test
  void aSecondDispositionReturnsTheFirstAndAMissedWrapUpIsReplacedLate() throws Exception {
    Store s = open();
    s.calls().upsertCall(call("pbx:1", CallOutcome.COMPLETED));
    s.calls().upsertCall(call("pbx:2", CallOutcome.COMPLETED));
    DispositionStore d = s.dispositions();
    SavedDisposition first = get(d.saveDisposition("1001", disposition("pbx:1", "SALE"), ANY));
    assertFalse(first.duplicate());
    SavedDisposition again = get(d.saveDisposition("1001", disposition("pbx:1", "ADVANCE"), ANY));
    assertTrue(again.duplicate());
    assertEquals("SALE", again.stored().code());
    assertEquals(List.of("rec"), again.stored().checklistDone());
    assertEquals(List.of("wants seats"), again.stored().upsellNotes());
    assertEquals(90, again.stored().csat());

    assertTrue(get(d.markUndisposed("pbx:2", "1001")));
    assertFalse(get(d.markUndisposed("pbx:1", "1001")), "a disposition is there already");
    assertFalse(get(d.markUndisposed("pbx:2", "1001")), "marked once");
    SavedDisposition late = get(d.saveDisposition("1001", disposition("pbx:2", "ADVANCE"), ANY));
    assertTrue(late.late());
    assertFalse(late.duplicate());
    assertEquals(List.of(), get(s.calls().callsAwaitingDisposition()));
  }

  @Test
  void aDispositionForAnUnknownCallAnotherAgentsCallOrAnUnknownCodeIsRefused() throws Exception {
    Store s = open();
    get(s.calls().upsertCall(call("pbx:1", CallOutcome.COMPLETED)));
    DispositionStore d = s.dispositions();
    assertEquals(
        ErrorMessage.UNKNOWN_CALL,
        refusal(() -> get(d.saveDisposition("1001", disposition("pbx:9", "SALE"), ANY))));
    assertEquals(
        ErrorMessage.NOT_YOUR_CALL,
        refusal(() -> get(d.saveDisposition("1002", disposition("pbx:1", "SALE"), ANY))));
    assertEquals(
        ErrorMessage.INVALID_DISPOSITION,
        refusal(() -> get(d.saveDisposition("1001", disposition("pbx:1", "NOPE"), ANY))));
    assertEquals(
        ErrorMessage.INVALID_DISPOSITION,
        refusal(
            () ->
                get(
                    d.saveDisposition(
                        "1001",
                        disposition("pbx:1", "SALE"),
                        (c, x) -> {
                          throw new DispositionRejected(ErrorMessage.INVALID_DISPOSITION, "no");
                        }))));
    assertEquals(1, get(s.calls().callsAwaitingDisposition()).size(), "nothing was stored");
    assertFalse(
        get(d.saveDisposition("1001", disposition("pbx:1", "SALE"), ANY)).duplicate(),
        "the agent's own disposition is stored after the refusals");
  }

  private static String refusal(org.junit.jupiter.api.function.Executable e) {
    ExecutionException x = assertThrows(ExecutionException.class, e);
    return ((DispositionRejected) x.getCause()).code();
  }

  @Test
  void atRestartEndedCallsPastTheirWrapUpAreMarkedOnceAndOthersAreLeft() throws Exception {
    Store s = open();
    s.calls().upsertCall(call("pbx:1", "1001", "1", CallOutcome.COMPLETED, 1000, OBJ));
    s.calls().upsertCall(call("pbx:2", "1001", "1", CallOutcome.COMPLETED, 1000, OBJ));
    s.calls().upsertCall(call("pbx:3", "1001", "1", CallOutcome.CONNECTED, 1000, OBJ));
    s.calls().upsertCall(call("pbx:4", "1001", "1", CallOutcome.INTERRUPTED, 1000, OBJ));
    s.calls().upsertCall(call("pbx:5", "1001", "1", CallOutcome.COMPLETED, 500_000, OBJ));
    get(s.dispositions().saveDisposition("1001", disposition("pbx:2", "SALE"), ANY));
    assertEquals(1, get(s.dispositions().recoverAfterRestart(200_000, 120_000)));
    assertEquals(0, get(s.dispositions().recoverAfterRestart(200_000, 120_000)));
    assertEquals(
        List.of("pbx:4", "pbx:5"),
        ids(get(s.calls().callsAwaitingDisposition())),
        "interrupted and recent calls still wait");
  }

  @Test
  void statisticsRowsCarryTheDispositionAndTheComplianceItems() throws Exception {
    Store s = open();
    s.calls().upsertCall(call("pbx:1", "1001", "1", CallOutcome.COMPLETED, 1000, OBJ));
    s.calls().upsertCall(call("pbx:2", "1002", "2", CallOutcome.COMPLETED, 2000, OBJ));
    s.calls().upsertCall(call("pbx:3", "1001", "3", CallOutcome.COMPLETED, 9000, OBJ));
    get(s.dispositions().saveDisposition("1001", disposition("pbx:1", "SALE"), ANY));
    get(s.dispositions().markUndisposed("pbx:2", "1002"));
    List<StatsRow> rows = get(s.stats().rows(1000, 9000));
    assertEquals(List.of("pbx:1", "pbx:2"), rows.stream().map(StatsRow::callId).toList());
    StatsRow sale = rows.get(0);
    assertEquals("Book a demo", sale.objectiveTitle());
    assertEquals("SALE", sale.code());
    assertTrue(sale.sale());
    assertTrue(sale.advance());
    assertEquals(1, sale.upsellCount());
    assertEquals(90, sale.csat());
    assertEquals(1, sale.complianceRequired());
    assertEquals(1, sale.complianceDone());
    assertEquals(2000L, sale.connectedAtMillis());
    StatsRow missed = rows.get(1);
    assertEquals(Store.UNDISPOSED, missed.code());
    assertNull(missed.csat());
    assertEquals(0, missed.complianceRequired());
  }

  @Test
  void theDatabaseSumsAPeriodPerAgentObjectiveAndCode() throws Exception {
    Store s = open();
    for (int i = 1; i <= 4; i++) {
      s.calls().upsertCall(call("pbx:" + i, "1001", "1", CallOutcome.COMPLETED, i * 1000L, OBJ));
    }
    s.calls().upsertCall(call("pbx:5", null, "1", CallOutcome.ABANDONED, 5000, null));
    DispositionStore d = s.dispositions();
    get(d.saveDisposition("1001", disposition("pbx:1", "SALE"), ANY));
    get(d.saveDisposition("1001", disposition("pbx:2", "SALE"), ANY));
    get(
        d.saveDisposition(
            "1001",
            new DispositionSubmit(
                "r3", "pbx:3", "ADVANCE", false, List.of(), 0, List.of(), null, null),
            ANY));
    get(d.markUndisposed("pbx:4", "1001"));
    List<StatsTotals> totals = get(s.stats().totals(0, 10_000));
    StatsTotals sale = one(totals, "1001", "SALE");
    assertEquals(2, sale.handled());
    assertEquals(60, sale.talkSeconds());
    assertEquals(2, sale.dispositioned());
    assertEquals(2, sale.advances());
    assertEquals(2, sale.sales());
    assertEquals(2, sale.opportunities());
    assertEquals(2, sale.conversions());
    assertEquals(180, sale.csatSum());
    assertEquals(2, sale.csatCount());
    assertEquals(2, sale.complianceRequired());
    assertEquals(2, sale.complianceDone());
    assertEquals(2, sale.complianceFullCalls());
    assertEquals("Book a demo", sale.objectiveTitle());
    StatsTotals advance = one(totals, "1001", "ADVANCE");
    assertEquals(0, advance.advances());
    assertEquals(1, advance.complianceCalls());
    assertEquals(0, advance.complianceFullCalls(), "the recording notice was not ticked");
    assertEquals(0, advance.csatCount());
    StatsTotals missed = one(totals, "1001", Store.UNDISPOSED);
    assertEquals(1, missed.undisposed());
    assertEquals(0, missed.dispositioned());
    assertEquals(1, missed.handled());
    StatsTotals abandoned = one(totals, null, null);
    assertEquals(1, abandoned.abandoned());
    assertEquals(0, abandoned.handled());
  }

  private static StatsTotals one(List<StatsTotals> totals, String agent, String code) {
    List<StatsTotals> found =
        totals.stream()
            .filter(t -> java.util.Objects.equals(agent, t.agentId()))
            .filter(t -> java.util.Objects.equals(code, t.code()))
            .toList();
    assertEquals(1, found.size(), totals.toString());
    return found.get(0);
  }

  @Test
  void theCallerHistoryGivesEachCustomersLatestOutcomeWithAndWithoutStage() throws Exception {
    Store s = open();
    ObjectiveView staged = OBJ.forCall("discovery", null, null);
    s.calls().upsertCall(call("pbx:1", "1001", "555", CallOutcome.COMPLETED, 1000, staged));
    s.calls().upsertCall(call("pbx:2", "1001", "555", CallOutcome.COMPLETED, 2000, OBJ));
    s.calls().upsertCall(call("pbx:3", "1001", "777", CallOutcome.COMPLETED, 3000, OBJ));
    s.calls().upsertCall(call("pbx:4", "1001", null, CallOutcome.COMPLETED, 4000, OBJ));
    DispositionStore d = s.dispositions();
    get(d.saveDisposition("1001", disposition("pbx:1", "ADVANCE"), ANY));
    Thread.sleep(5);
    get(d.saveDisposition("1001", disposition("pbx:2", "SALE"), ANY));
    get(d.markUndisposed("pbx:3", "1001"));
    get(d.saveDisposition("1001", disposition("pbx:4", "SALE"), ANY));
    List<CallerOutcome> latest = get(s.callerHistory().latestPerCaller());
    assertEquals(2, latest.size(), latest.toString());
    assertEquals("pbx:1", latest.get(0).callId());
    assertEquals("discovery", latest.get(0).stage());
    assertEquals("pbx:2", latest.get(1).callId());
    assertNull(latest.get(1).stage());
    assertEquals("SALE", latest.get(1).code());
    assertEquals("555", get(s.callerHistory().forDisposition("pbx:2")).callerNumber());
    assertNull(get(s.callerHistory().forDisposition("pbx:3")), "UNDISPOSED is no outcome");
    assertNull(get(s.callerHistory().forDisposition("pbx:4")), "no caller number");
  }

  static DispositionSubmit answering(String callId, boolean advance, CommitmentAnswer answer) {
    return new DispositionSubmit(
        "r-" + callId, callId, "ADVANCE", advance, List.of(), 0, List.of(), null, null, answer);
  }

  static ObjectiveView asking(String callId, String agent, long at) {
    return OBJ.forCall(
        null,
        null,
        null,
        new Commitment(
            callId, agent, OBJ.id(), OBJ.advance(), OBJ.timeFrame(), "Did they book it?", at));
  }

  @Test
  void aCustomersLatestAdvanceIsTheirCommitmentUntilALaterCallSaysItWasKeptOrNot()
      throws Exception {
    Store s = open();
    DispositionStore d = s.dispositions();
    CallerHistory h = s.callerHistory();
    s.calls().upsertCall(call("pbx:1", "1001", "555", CallOutcome.COMPLETED, 1000, OBJ));
    get(d.saveDisposition("1001", answering("pbx:1", true, null), ANY));
    List<PendingCommitment> open = get(h.latestCommitmentPerCaller());
    assertEquals(1, open.size(), open.toString());
    PendingCommitment p = open.get(0);
    assertEquals(
        List.of("555", "pbx:1", "1001", "o"),
        List.of(p.callerNumber(), p.callId(), p.agentId(), p.objectiveId()));
    assertEquals(OBJ.advance(), p.advance());
    assertEquals(OBJ.timeFrame(), p.timeFrame());
    assertFalse(p.settled());

    // Not due yet: still open, and the answer is stored with the disposition.
    s.calls()
        .upsertCall(
            call(
                "pbx:2",
                "1002",
                "555",
                CallOutcome.COMPLETED,
                2000,
                asking("pbx:1", "1001", p.atMillis())));
    get(d.saveDisposition("1002", answering("pbx:2", false, CommitmentAnswer.NOT_YET), ANY));
    assertFalse(get(h.latestCommitmentPerCaller()).get(0).settled());
    List<PendingCommitment> after = get(h.commitmentsAfter("pbx:2", "1002"));
    assertEquals(2, after.size(), "the caller's latest advance and the one answered: " + after);
    assertTrue(after.stream().allMatch(x -> x.callId().equals("pbx:1") && !x.settled()));
    SavedDisposition again =
        get(d.saveDisposition("1002", answering("pbx:2", false, CommitmentAnswer.KEPT), ANY));
    assertTrue(again.duplicate());
    assertEquals(CommitmentAnswer.NOT_YET, again.stored().commitment(), "the first answer stays");

    // Kept: settled, and a later "not yet" does not reopen it.
    s.calls()
        .upsertCall(
            call(
                "pbx:3",
                "1001",
                "555",
                CallOutcome.COMPLETED,
                3000,
                asking("pbx:1", "1001", p.atMillis())));
    get(d.saveDisposition("1001", answering("pbx:3", false, CommitmentAnswer.KEPT), ANY));
    s.calls()
        .upsertCall(
            call(
                "pbx:4",
                "1001",
                "555",
                CallOutcome.COMPLETED,
                4000,
                asking("pbx:1", "1001", p.atMillis())));
    get(d.saveDisposition("1001", answering("pbx:4", false, CommitmentAnswer.NOT_YET), ANY));
    assertTrue(get(h.latestCommitmentPerCaller()).get(0).settled());
    assertTrue(
        get(h.commitmentsAfter("pbx:3", "1001")).stream().allMatch(PendingCommitment::settled));

    // A second customer's advance, never asked about; a third's, not kept; a call without a
    // number cannot be asked about, so it is no commitment.
    s.calls().upsertCall(call("pbx:5", "1002", "777", CallOutcome.COMPLETED, 5000, OBJ));
    get(d.saveDisposition("1002", answering("pbx:5", true, null), ANY));
    s.calls().upsertCall(call("pbx:6", "1001", "888", CallOutcome.COMPLETED, 6000, OBJ));
    get(d.saveDisposition("1001", answering("pbx:6", true, null), ANY));
    s.calls()
        .upsertCall(
            call(
                "pbx:7",
                "1002",
                "888",
                CallOutcome.COMPLETED,
                7000,
                asking("pbx:6", "1001", 6000)));
    get(d.saveDisposition("1002", answering("pbx:7", false, CommitmentAnswer.NOT_KEPT), ANY));
    s.calls().upsertCall(call("pbx:8", "1001", null, CallOutcome.COMPLETED, 8000, OBJ));
    get(d.saveDisposition("1001", answering("pbx:8", true, null), ANY));
    // A fourth customer's advance, found not yet due on a call that got a new advance: replaced.
    s.calls().upsertCall(call("pbx:9", "1001", "999", CallOutcome.COMPLETED, 9000, OBJ));
    get(d.saveDisposition("1001", answering("pbx:9", true, null), ANY));
    s.calls()
        .upsertCall(
            call(
                "pbx:10",
                "1002",
                "999",
                CallOutcome.COMPLETED,
                9500,
                asking("pbx:9", "1001", 9000)));
    get(d.saveDisposition("1002", answering("pbx:10", true, CommitmentAnswer.NOT_YET), ANY));

    List<CommitmentTotals> totals = get(s.stats().commitments(0, 10_000));
    CommitmentTotals a =
        totals.stream().filter(t -> t.agentId().equals("1001")).findFirst().orElseThrow();
    CommitmentTotals b =
        totals.stream().filter(t -> t.agentId().equals("1002")).findFirst().orElseThrow();
    assertEquals(
        List.of(3L, 2L, 1L, 0L, 1L),
        List.of(a.agreed(), a.checked(), a.kept(), a.notYet(), a.replaced()),
        a.toString());
    assertEquals(
        List.of(2L, 0L, 0L, 0L, 0L),
        List.of(b.agreed(), b.checked(), b.kept(), b.notYet(), b.replaced()),
        b.toString());
    assertEquals(2, totals.size(), totals.toString());
    assertTrue(get(s.stats().commitments(0, 1000)).isEmpty(), "by the promising call's start");
  }

  @Test
  void aProposalIsStoredOncePerRequestAndDecidedOnce() throws Exception {
    Store s = open();
    Proposals p = s.proposals();
    long id = get(p.add("1001", "o", "Ask for the usage figures", "req-1", 10));
    assertEquals(id, get(p.add("1001", "o", "Ask for the usage figures", "req-1", 11)));
    long other = get(p.add("1002", null, "Shorter title", null, 12));
    assertEquals(
        List.of(other, id), get(p.list(null, 10)).stream().map(Proposals.Row::id).toList());
    assertTrue(get(p.decide(id, "accepted", "admin", 20)));
    assertFalse(get(p.decide(id, "dismissed", "admin", 21)), "decided already");
    List<Proposals.Row> open = get(p.list("open", 10));
    assertEquals(List.of(other), open.stream().map(Proposals.Row::id).toList());
    Proposals.Row accepted = get(p.list("accepted", 10)).get(0);
    assertEquals("admin", accepted.decidedBy());
    assertEquals(20L, accepted.decidedAt());
    assertNull(open.get(0).objectiveId());
  }

  @Test
  void aProposalQuotaCountsTheAgentsOpenOnesAndThoseOfTheLast24Hours() throws Exception {
    Store s = open();
    Proposals p = s.proposals();
    Proposals.Quota q = new Proposals.Quota(3, 5);
    long day = 24L * 60 * 60 * 1000;
    long a = stored(p.add("1001", null, "idea 0", "r0", 1000, q));
    long b = stored(p.add("1001", null, "idea 1", "r1", 1001, q));
    long c = stored(p.add("1001", null, "idea 2", "r2", 1002, q));
    var full = (Proposals.Added.OverQuota) get(p.add("1001", null, "idea 3", "r3", 2000, q));
    assertTrue(full.why().contains("3 proposals waiting for an admin"), full.why());
    assertNull(full.retryAfterMillis(), "room only once an admin decides");
    assertEquals(a, stored(p.add("1001", null, "idea 0", "r0", 2001, q)), "a resend is no more");
    stored(p.add("1002", null, "another agent's", "r0", 2002, q));

    assertTrue(get(p.decide(a, "dismissed", "ada", 2500)));
    assertTrue(get(p.decide(b, "accepted", "ada", 2500)));
    stored(p.add("1001", null, "idea 3", "r3", 3000, q));
    long e = stored(p.add("1001", null, "idea 4", "r4", 3001, q));
    assertTrue(get(p.decide(c, "dismissed", "ada", 3500)));
    assertTrue(get(p.decide(e - 1, "dismissed", "ada", 3500)));
    var today = (Proposals.Added.OverQuota) get(p.add("1001", null, "idea 5", "r5", 4000, q));
    assertTrue(today.why().contains("5 proposals in the last 24 hours"), today.why());
    assertEquals(1000 + day - 4000, today.retryAfterMillis(), "when the oldest leaves the 24 h");
    stored(p.add("1001", null, "idea 5", "r5", 1000 + day + 1, q));
    assertEquals(
        6,
        get(p.list(null, 100)).stream().filter(r -> r.agentId().equals("1001")).count(),
        "nothing past the quota was stored");
  }

  private long stored(CompletableFuture<Proposals.Added> f) throws Exception {
    Proposals.Added added = get(f);
    assertTrue(added instanceof Proposals.Added.Stored, "stored: " + added);
    return ((Proposals.Added.Stored) added).id();
  }

  @Test
  void theAuditLogListsTheNewestFirst() throws Exception {
    Store s = open();
    get(s.auditLog().record(1, "admin", "save", "objectives.yaml", "one", "a", "b"));
    get(s.auditLog().record(2, "admin", "reload", null, "two", null, null));
    List<AuditLog.Entry> recent = get(s.auditLog().recent(10));
    assertEquals(List.of("reload", "save"), recent.stream().map(AuditLog.Entry::action).toList());
    assertNull(recent.get(0).file());
  }

  @Test
  void everythingSurvivesClosingAndOpeningAgain() throws Exception {
    Store s = open();
    get(s.calls().upsertCall(call("pbx:1", CallOutcome.COMPLETED)));
    get(s.dispositions().saveDisposition("1001", disposition("pbx:1", "SALE"), ANY));
    s.close();
    Store again = open();
    assertTrue(
        get(again.dispositions().saveDisposition("1001", disposition("pbx:1", "ADVANCE"), ANY))
            .duplicate());
    assertEquals(1, get(again.stats().rows(0, Long.MAX_VALUE)).size());
  }

  /** Outbox rows as a dispatcher hands them over, with a way to refuse the first few. */
  static final class OutboxRecorder implements OutboxDispatcher.Consumer {
    final java.util.concurrent.BlockingQueue<OutboxEvent> taken =
        new java.util.concurrent.LinkedBlockingQueue<>();
    final java.util.concurrent.atomic.AtomicInteger refuse =
        new java.util.concurrent.atomic.AtomicInteger();
    final java.util.concurrent.atomic.AtomicInteger offered =
        new java.util.concurrent.atomic.AtomicInteger();
    final boolean relays;

    /** Without the rows that only tell other nodes of calls (on a shared database). */
    OutboxRecorder() {
      this(false);
    }

    OutboxRecorder(boolean relays) {
      this.relays = relays;
    }

    @Override
    public void deliver(OutboxEvent e) {
      if (!relays
          && (e.kind().equals(OutboxEvent.CALL_CONNECTED)
              || e.kind().equals(OutboxEvent.CALL_UPDATED))) {
        return;
      }
      offered.incrementAndGet();
      if (refuse.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        throw new IllegalStateException("refused on purpose");
      }
      taken.add(e);
    }

    OutboxEvent next() throws InterruptedException {
      OutboxEvent e = taken.poll(15, TimeUnit.SECONDS);
      if (e == null) {
        throw new AssertionError("no outbox row within 15 s");
      }
      return e;
    }

    String kinds(int n) throws InterruptedException {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < n; i++) {
        OutboxEvent e = next();
        sb.append(i == 0 ? "" : " ").append(e.kind()).append(':').append(e.callId());
      }
      return sb.toString();
    }
  }

  @Test
  void aCallEndADispositionAndAMissedWrapUpEachWriteOneOutboxRowHandedOverInOrder()
      throws Exception {
    Store s = open();
    get(s.calls().upsertCall(call("pbx:0", CallOutcome.COMPLETED)));
    OutboxRecorder rec = new OutboxRecorder();
    s.dispatch("test", false, rec);
    get(s.calls().upsertCall(call("pbx:1", CallOutcome.CONNECTED)));
    get(s.calls().upsertCall(call("pbx:1", CallOutcome.COMPLETED)));
    get(s.calls().upsertCall(call("pbx:1", CallOutcome.COMPLETED)));
    get(s.calls().upsertCall(call("pbx:2", CallOutcome.COMPLETED)));
    get(s.dispositions().saveDisposition("1001", disposition("pbx:1", "SALE"), ANY));
    get(s.dispositions().saveDisposition("1001", disposition("pbx:1", "SALE"), ANY));
    get(s.dispositions().markUndisposed("pbx:2", "1001"));
    get(s.dispositions().saveDisposition("1001", disposition("pbx:2", "ADVANCE"), ANY));
    assertEquals(
        "call_ended:pbx:1 call_ended:pbx:2 disposition:pbx:1 undisposed:pbx:2 disposition:pbx:2",
        rec.kinds(5),
        "a row before the dispatcher started is not handed over, a row written again is not");
    assertNull(rec.taken.poll(300, TimeUnit.MILLISECONDS));
  }

  @Test
  void outboxBodiesCarryTheDispositionTheLateFlagAndTheCallEnd() throws Exception {
    Store s = open();
    OutboxRecorder rec = new OutboxRecorder();
    s.dispatch("test", false, rec);
    get(s.calls().upsertCall(call("pbx:1", CallOutcome.COMPLETED)));
    get(s.dispositions().markUndisposed("pbx:1", "1001"));
    get(s.dispositions().saveDisposition("1001", disposition("pbx:1", "SALE"), ANY));
    OutboxEvent.CallChange end = rec.next().body(OutboxEvent.CallChange.class);
    assertEquals("COMPLETED", end.outcome());
    assertEquals(30, end.talkSeconds());
    assertEquals("15550001", end.callerNumber());
    assertEquals("o", end.objectiveId());
    assertEquals("1001", rec.next().body(OutboxEvent.Undisposed.class).agentId());
    OutboxEvent row = rec.next();
    assertEquals(s.nodeId(), row.origin());
    OutboxEvent.Disposition d = row.body(OutboxEvent.Disposition.class);
    assertTrue(d.late());
    assertEquals("SALE", d.disposition().code());
    assertEquals(List.of("rec"), d.disposition().checklistDone());
  }

  @Test
  void onASharedDatabaseAnAgentsCallAlsoTellsItsConnectAndOneCorrectionAfterItsEnd()
      throws Exception {
    Store s = open();
    OutboxRecorder rec = new OutboxRecorder(true);
    s.dispatch("test", false, rec);
    CallRecord ended = call("pbx:1", CallOutcome.COMPLETED);
    get(s.calls().upsertCall(call("pbx:1", CallOutcome.CONNECTED)));
    get(s.calls().upsertCall(ended, 99_000, true));
    get(s.calls().upsertCall(ended)); // Asterisk's word on the end, after ours
    get(s.calls().upsertCall(ended)); // told once only
    get(s.calls().upsertCall(call("pbx:2", null, "15550002", CallOutcome.ABANDONED, 1000, null)));
    if (!location().postgres()) {
      assertEquals("call_ended:pbx:1 call_ended:pbx:2", rec.kinds(2), "one node: ends only");
      return;
    }
    OutboxEvent connected = rec.next();
    assertEquals(OutboxEvent.CALL_CONNECTED, connected.kind());
    CallRecord popped = connected.body(OutboxEvent.CallChange.class).record();
    assertEquals(OBJ, popped.objective(), "the pop carries the objective");
    assertEquals(CODES, popped.codes());
    OutboxEvent.CallChange end = rec.next().body(OutboxEvent.CallChange.class);
    assertEquals(99_000, end.wrapUpDeadlineMillis());
    assertTrue(end.forcedWrapUp());
    assertEquals(
        new CallRecord(
            ended.callId(),
            ended.server(),
            ended.direction(),
            ended.queue(),
            ended.agentId(),
            ended.callerNumber(),
            ended.callerName(),
            ended.linkedid(),
            ended.outcome(),
            ended.endReason(),
            ended.holdSeconds(),
            ended.talkSeconds(),
            ended.startedAtMillis(),
            ended.connectedAtMillis(),
            ended.endedAtMillis(),
            ended.objective(),
            ended.codes()),
        end.record());
    assertEquals("call_updated:pbx:1 call_ended:pbx:2", rec.kinds(2));
    assertNull(rec.taken.poll(300, TimeUnit.MILLISECONDS), "no connect for a call no agent took");
  }

  @Test
  void eachAmiLinkIsHeldByOneNodeAtATimeAndFreedWhenItsNodeStops() throws Exception {
    Store a = open();
    assertTrue(a.leases().tryTake("pbx"));
    assertTrue(a.leases().tryTake("pbx"), "taking a held link again keeps it");
    assertEquals("this node", a.leases().holder("pbx"));
    if (!location().postgres()) {
      assertFalse(a.leases().shared(), "one node on a file: it holds every link");
      return;
    }
    Store b = open();
    assertFalse(b.leases().tryTake("pbx"));
    assertTrue(b.leases().tryTake("pbx-2"), "another link is free");
    assertTrue(
        b.leases().holder("pbx").contains("PID " + ProcessHandle.current().pid()),
        b.leases().holder("pbx"));
    a.leases().release("pbx");
    assertTrue(b.leases().tryTake("pbx"), "a released link is free");
    assertFalse(a.leases().tryTake("pbx"));
    b.close();
    // PostgreSQL drops a closed connection's locks when its backend has gone, a moment later.
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    boolean taken = a.leases().tryTake("pbx");
    while (!taken && System.nanoTime() < until) {
      Thread.sleep(50);
      taken = a.leases().tryTake("pbx");
    }
    assertTrue(taken, "the links of a node that stopped are free");
  }

  @Test
  void aRowTheConsumerRefusesComesAgainBeforeAnyRowBehindIt() throws Exception {
    Store s = open();
    OutboxRecorder rec = new OutboxRecorder();
    rec.refuse.set(2);
    s.dispatch("test", false, rec);
    get(s.calls().upsertCall(call("pbx:1", CallOutcome.COMPLETED)));
    get(s.calls().upsertCall(call("pbx:2", CallOutcome.COMPLETED)));
    assertEquals("call_ended:pbx:1 call_ended:pbx:2", rec.kinds(2));
    assertTrue(rec.offered.get() >= 4, "offered " + rec.offered.get() + " times");
  }

  @Test
  void aDurableDispatcherGoesOnAfterARestartWhereItStopped() throws Exception {
    Store s = open();
    OutboxRecorder first = new OutboxRecorder();
    s.dispatch("crm", true, first);
    get(s.calls().upsertCall(call("pbx:1", CallOutcome.COMPLETED)));
    assertEquals("call_ended:pbx:1", first.kinds(1));
    Thread.sleep(300); // its place is saved on the writer thread
    s.close();
    Store again = open();
    get(again.calls().upsertCall(call("pbx:2", CallOutcome.COMPLETED)));
    OutboxRecorder second = new OutboxRecorder();
    again.dispatch("crm", true, second);
    OutboxRecorder fresh = new OutboxRecorder();
    again.dispatch("other", false, fresh);
    get(again.calls().upsertCall(call("pbx:3", CallOutcome.COMPLETED)));
    assertEquals("call_ended:pbx:2 call_ended:pbx:3", second.kinds(2));
    assertEquals("call_ended:pbx:3", fresh.kinds(1), "a new reader starts from now");
  }

  @Test
  void outboxRowsOlderThanAWeekAreDeletedOnceEveryDurableReaderHasThem() throws Exception {
    Store s = open();
    OutboxRecorder crm = new OutboxRecorder();
    OutboxDispatcher d = s.dispatch("crm", true, crm);
    get(s.calls().upsertCall(call("pbx:1", CallOutcome.COMPLETED)));
    assertEquals("call_ended:pbx:1", crm.kinds(1));
    d.close(); // the durable reader stops after the first row
    get(s.calls().upsertCall(call("pbx:2", CallOutcome.COMPLETED)));
    long later = System.currentTimeMillis() + Store.OUTBOX_KEEP_MILLIS + 60_000;
    Thread.sleep(300); // the reader's place is saved on the writer thread
    // A shared database also tells other nodes when each call connected: two rows per call.
    int perCall = location().postgres() ? 2 : 1;
    assertEquals(perCall, get(s.pruneOutbox(later)), "pbx:2 waits for the durable reader");
    OutboxRecorder again = new OutboxRecorder();
    s.dispatch("crm", true, again);
    assertEquals("call_ended:pbx:2", again.kinds(1));
    Thread.sleep(300);
    assertEquals(perCall, get(s.pruneOutbox(later)));
    assertEquals(0, get(s.pruneOutbox(System.currentTimeMillis())), "recent rows stay");
  }

  @Test
  void aDispositionsOutboxRowCarriesItsCodeAndTheCallItIsFor() throws Exception {
    Store s = open();
    OutboxRecorder rec = new OutboxRecorder();
    s.dispatch("test", false, rec);
    get(s.calls().upsertCall(call("pbx:1", CallOutcome.COMPLETED)));
    get(s.calls().upsertCall(call("pbx:2", CallOutcome.COMPLETED)));
    get(s.dispositions().saveDisposition("1001", disposition("pbx:1", "SALE"), ANY));
    get(s.dispositions().markUndisposed("pbx:2", "1001"));
    assertEquals("call_ended:pbx:1 call_ended:pbx:2", rec.kinds(2));
    OutboxEvent.Disposition d = rec.next().body(OutboxEvent.Disposition.class);
    assertEquals("Sale", d.code().label());
    assertTrue(d.code().sale());
    assertEquals("sales", d.call().queue());
    assertEquals("queue", d.call().direction());
    assertEquals("15550001", d.call().callerNumber());
    assertEquals("o", d.call().objectiveId());
    assertEquals("Book a demo", d.call().objectiveTitle());
    assertEquals(32_000L, d.call().endedAtMillis());
    assertEquals(30L, d.call().talkSeconds());
    OutboxEvent.Undisposed u = rec.next().body(OutboxEvent.Undisposed.class);
    assertEquals("pbx", u.call().server());
    assertEquals("COMPLETED", u.call().outcome());
  }

  @Test
  void aNewDurableReaderKeepsItsStartingPlaceAtOnce() throws Exception {
    Store s = open();
    OutboxDispatcher d = s.dispatch("crm", true, new OutboxRecorder());
    d.close(); // stopped before it read anything
    get(s.calls().upsertCall(call("pbx:1", CallOutcome.COMPLETED)));
    s.close();
    Store again = open();
    OutboxRecorder rec = new OutboxRecorder();
    again.dispatch("crm", true, rec);
    assertEquals("call_ended:pbx:1", rec.kinds(1), "written while it was away: still its");
  }

  @Test
  void aConsumerThatAsksForALaterRetryGetsTheRowAgainAfterThatDelay() throws Exception {
    Store s = open();
    List<Long> offered = new java.util.concurrent.CopyOnWriteArrayList<>();
    OutboxRecorder rec = new OutboxRecorder();
    s.dispatch(
        "test",
        false,
        e -> {
          if (e.kind().equals(OutboxEvent.CALL_ENDED)) {
            offered.add(System.nanoTime());
            if (offered.size() == 1) {
              throw new OutboxDispatcher.RetryLater("not now", 700);
            }
          }
          rec.deliver(e);
        });
    get(s.calls().upsertCall(call("pbx:1", CallOutcome.COMPLETED)));
    assertEquals("call_ended:pbx:1", rec.kinds(1));
    assertEquals(2, offered.size());
    long waited = (offered.get(1) - offered.get(0)) / 1_000_000;
    assertTrue(waited >= 690 && waited < 3000, "waited " + waited + " ms");
  }

  @Test
  void aDurableReadersBacklogCountsItsKindsAfterItsPlace() throws Exception {
    Store s = open();
    OutboxRecorder crm = new OutboxRecorder();
    OutboxDispatcher d = s.dispatch("crm", true, crm);
    get(s.calls().upsertCall(call("pbx:1", CallOutcome.COMPLETED)));
    assertEquals("call_ended:pbx:1", crm.kinds(1));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    Long left = null;
    while (System.nanoTime() < deadline && !Long.valueOf(0).equals(left)) {
      Thread.sleep(20); // its place moves once the row is taken
      left = get(s.outboxBacklog("crm", List.of(OutboxEvent.CALL_ENDED)));
    }
    assertEquals(0L, left);
    d.close();
    Thread.sleep(300); // its place is saved on the writer thread
    get(s.calls().upsertCall(call("pbx:2", CallOutcome.COMPLETED)));
    get(s.calls().upsertCall(call("pbx:3", CallOutcome.COMPLETED)));
    get(s.dispositions().saveDisposition("1001", disposition("pbx:2", "SALE"), ANY));
    assertEquals(2L, get(s.outboxBacklog("crm", List.of(OutboxEvent.CALL_ENDED))));
    assertEquals(
        3L, get(s.outboxBacklog("crm", List.of(OutboxEvent.CALL_ENDED, OutboxEvent.DISPOSITION))));
    assertNull(get(s.outboxBacklog("never-read", List.of(OutboxEvent.CALL_ENDED))));
  }

  @Test
  void theReadersOfRemovedWebhooksAreForgottenSoTheirRowsNeedNotWait() throws Exception {
    Store s = open();
    s.dispatch("webhook:crm", true, new OutboxRecorder()).close();
    s.dispatch("webhook:old", true, new OutboxRecorder()).close();
    s.dispatch("other", true, new OutboxRecorder()).close();
    assertEquals(
        List.of("webhook:old"),
        get(s.forgetOutboxReaders("webhook:", java.util.Set.of("webhook:crm"))));
    assertNull(get(s.outboxBacklog("webhook:old", List.of(OutboxEvent.CALL_ENDED))));
    assertEquals(0L, get(s.outboxBacklog("other", List.of(OutboxEvent.CALL_ENDED))));
  }

  @Test
  void refusedWebhookDeliveriesAreRecordedAndListedNewestFirst() throws Exception {
    Store s = open();
    WebhookFailures f = s.webhookFailures();
    get(
        f.record(
            new WebhookFailures.Failure(
                0,
                "crm",
                7,
                "disposition",
                "pbx:1",
                "k1",
                400,
                "HTTP 400: bad",
                "{}",
                1,
                null,
                1000)));
    get(
        f.record(
            new WebhookFailures.Failure(
                0,
                "erp",
                8,
                "call_ended",
                "pbx:2",
                "k2",
                null,
                "x".repeat(5000),
                "{\"a\":1}",
                3,
                null,
                2000)));
    List<WebhookFailures.Failure> all = get(f.recent(null, 10));
    assertEquals(
        List.of("erp", "crm"), all.stream().map(WebhookFailures.Failure::webhook).toList());
    assertEquals(null, all.get(0).httpStatus());
    assertTrue(all.get(0).error().length() <= WebhookFailures.MAX_ERROR + 3);
    assertEquals(s.nodeId(), all.get(0).node());
    WebhookFailures.Failure crm = get(f.recent("crm", 10)).get(0);
    assertEquals(400, crm.httpStatus());
    assertEquals("k1", crm.idempotencyKey());
    assertEquals(7, crm.outboxId());
    assertEquals(java.util.Map.of("crm", 1L, "erp", 1L), get(f.counts()));
  }

  static List<String> ids(List<CallRecord> calls) {
    return calls.stream().map(CallRecord::callId).toList();
  }
}
