package org.callobjectives.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.callobjectives.bridge.BridgeClient;
import org.callobjectives.bridge.Draft;
import org.callobjectives.bridge.WrapUp;
import org.callobjectives.bridge.WrapUps;
import org.callobjectives.protocol.AgentState;
import org.callobjectives.protocol.CallEnded;
import org.callobjectives.protocol.CallStarted;
import org.callobjectives.protocol.ChecklistItem;
import org.callobjectives.protocol.DispositionAck;
import org.callobjectives.protocol.DispositionCode;
import org.callobjectives.protocol.ErrorMessage;
import org.callobjectives.server.ObjectivesServer;
import org.callobjectives.server.config.Agent;
import org.callobjectives.server.config.Config;
import org.callobjectives.server.config.DemoSettings;
import org.callobjectives.server.config.ServerSettings;
import org.callobjectives.server.objectives.lint.Lint;
import org.callobjectives.server.sim.DemoAmi;
import org.callobjectives.server.store.Store;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An agent's working day, sped up: the demo simulator offers calls to five agents whose scripted
 * humans fill each form in several steps over a few seconds, are often mid-form when the next call
 * pops, keep every draft in the bridge's drafts file and now and then leave a call without an
 * outcome. Every answered call must end with exactly one disposition: the agent's own (its code and
 * its note, never another call's) or UNDISPOSED for the calls the humans chose not to submit.
 */
class AgentDayTest {
  static final Duration WRAP_UP = Duration.ofSeconds(10);
  static final Duration DAY = Duration.ofSeconds(25);

  @TempDir Path dir;

  @ParameterizedTest(name = "forced wrap-up {0}")
  @ValueSource(booleans = {true, false})
  void everyAnsweredCallEndsWithExactlyOneDispositionAndNoDraftIsLost(boolean forced)
      throws Exception {
    Path configDir = dir.resolve("config");
    Files.createDirectories(configDir);
    for (String f : new String[] {"agents.yaml", "lint.yaml"}) {
      Files.copy(Path.of("..", "config", f), configDir.resolve(f));
    }
    Files.writeString(
        configDir.resolve("objectives.yaml"),
        Files.readString(Path.of("..", "config", "objectives.yaml"))
            .replace("forcedWrapUp: true", "forcedWrapUp: " + forced));
    Path db = dir.resolve("objectives.db");
    Config base = Lint.loader(configDir).load();
    ServerSettings s = base.server();
    Config config =
        base.withServer(
            new ServerSettings(
                "127.0.0.1",
                0,
                db,
                WRAP_UP,
                List.of(),
                new DemoSettings(0.7, 1, 3, 0.1, 0.15, forced ? 11 : 12),
                s.users()));

    List<Human> humans = new ArrayList<>();
    try (DemoAmi demo = DemoAmi.start(config, Clock.systemUTC());
        ObjectivesServer server =
            new ObjectivesServer(config, Store.open(db), Clock.systemUTC(), List.of())) {
      URI uri =
          URI.create(
              "ws://127.0.0.1:" + server.start(List.of(demo.amiServer())).getPort() + "/agent");
      for (Agent a : config.agents()) {
        humans.add(
            new Human(
                a.id(),
                uri,
                WrapUps.open(dir.resolve("drafts-" + a.id() + ".json")),
                new Random(a.id().hashCode() * 31L + (forced ? 1 : 0))));
      }
      humans.forEach(Human::start);
      Thread.sleep(DAY.toMillis());
      demo.generator().stop();

      // The day is over when no caller is left (waiting or talking) and every human has nothing
      // left to do.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      while (System.nanoTime() < deadline
          && (demo.generator().activeChannelCount() > 0
              || !server.openCalls().isEmpty()
              || humans.stream().anyMatch(Human::busy))) {
        Thread.sleep(100);
      }
      assertEquals(0, demo.generator().activeChannelCount(), "callers still in the simulator");
      assertTrue(server.openCalls().isEmpty(), "calls still open at the end of the day");
      humans.forEach(
          h -> assertFalse(h.busy(), h.agent + " still has forms to send: " + h.wrapUps.all()));
      Thread.sleep(WRAP_UP.toMillis() + 1000); // skipped calls reach their wrap-up deadline

      Map<String, String[]> rows = new HashMap<>();
      try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    """
            SELECT c.call_id, c.agent_id, d.agent_id, d.code, d.notes, (SELECT count(*) FROM dispositions x
              WHERE x.call_id = c.call_id) FROM calls c LEFT JOIN dispositions d ON d.call_id = c.call_id
            WHERE c.agent_id IS NOT NULL AND c.connected_at IS NOT NULL""");
        while (rs.next()) {
          assertEquals(
              1, rs.getInt(6), "call " + rs.getString(1) + " must have exactly one disposition");
          rows.put(
              rs.getString(1),
              new String[] {rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)});
        }
      }
      int answered = 0;
      int submitted = 0;
      int skipped = 0;
      int midForm = 0;
      for (Human h : humans) {
        for (String callId : h.popped) {
          answered++;
          String[] row = rows.get(callId);
          assertTrue(row != null, h.agent + ": popped call " + callId + " has no row");
          assertEquals(h.agent, row[0], callId + ": the call's agent");
          assertEquals(h.agent, row[1], callId + ": the disposition's agent");
          if (h.skipped.contains(callId)) {
            skipped++;
            assertEquals(
                Store.UNDISPOSED, row[2], callId + " was left without an outcome on purpose");
          } else {
            submitted++;
            assertEquals(
                h.planned.get(callId), row[2], callId + ": the code the agent picked for it");
            assertEquals(
                "outcome of " + callId, row[3], callId + ": the note written for this very call");
          }
        }
        assertEquals(0, h.secondPops.get(), h.agent + ": a call popped twice as new");
        assertEquals(
            0,
            h.queuePopsInForcedWrapUp.get(),
            h.agent + ": queue calls offered during a forced wrap-up");
        assertEquals(List.of(), h.errors, h.agent + ": errors from the server");
        // The bridge keeps a call until its disposition is acked (a late one still replaces
        // UNDISPOSED):
        // only the calls the human left alone may still be there.
        List<String> left =
            h.wrapUps.all().stream()
                .map(WrapUp::callId)
                .filter(id -> !h.skipped.contains(id))
                .toList();
        assertEquals(List.of(), left, h.agent + ": drafts left behind");
        if (!h.popped.isEmpty()) {
          assertTrue(
              h.states.contains(AgentState.WRAP_UP),
              h.agent + " went through wrap-up: " + h.states);
          assertEquals(
              forced, h.forcedEnds.get() > 0, h.agent + ": calls ended with the agent paused");
          assertTrue(
              h.states.contains(AgentState.ON_CALL), h.agent + " was on a call: " + h.states);
        }
        midForm += h.popsMidForm.get();
        h.close();
      }
      assertEquals(answered, rows.size(), "every answered call was popped to its agent");
      assertTrue(answered >= 8, "a day with calls: " + answered);
      assertTrue(submitted > 0 && skipped > 0, "submitted " + submitted + ", skipped " + skipped);
      if (!forced) {
        assertTrue(midForm > 0, "some calls popped while the agent was mid-form");
      }
      System.out.printf(
          "agent's day (forced wrap-up %s): %d calls answered, %d dispositions, %d left undisposed,"
              + " %d pops mid-form%n",
          forced, answered, submitted, skipped, midForm);
    } finally {
      humans.forEach(Human::close);
    }
  }

  /**
   * One agent: a real agent-bridge, its drafts file, and a person who fills each form step by step.
   */
  static final class Human implements BridgeClient.Listener {
    final String agent;
    final WrapUps wrapUps;
    final Random random;
    final BridgeClient client;
    final Set<String> popped = ConcurrentHashMap.newKeySet();
    final Set<String> skipped = ConcurrentHashMap.newKeySet();
    final Set<String> done = ConcurrentHashMap.newKeySet();
    final Map<String, String> planned = new ConcurrentHashMap<>();
    final Set<String> states = ConcurrentHashMap.newKeySet();
    final List<String> errors = java.util.Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger secondPops = new AtomicInteger();
    final AtomicInteger popsMidForm = new AtomicInteger();
    final AtomicInteger queuePopsInForcedWrapUp = new AtomicInteger();
    final AtomicInteger forcedEnds = new AtomicInteger();
    final AtomicInteger inFlight = new AtomicInteger();
    volatile String onForm;
    volatile boolean running = true;
    final Thread person;

    Human(String agent, URI uri, WrapUps wrapUps, Random random) {
      this.agent = agent;
      this.wrapUps = wrapUps;
      this.random = random;
      this.client = BridgeClient.builder(uri, agent, "demo-" + agent).listener(this).build();
      this.person = new Thread(this::work, "human-" + agent);
      person.setDaemon(true);
    }

    void start() {
      client.start();
      person.start();
    }

    @Override
    public void onCallStarted(CallStarted c) {
      if (!c.replay() && !popped.add(c.callId())) {
        secondPops.incrementAndGet();
      }
      if (!c.replay() && CallStarted.INBOUND.equals(c.direction())) {
        long now = System.currentTimeMillis();
        // A queue call while an earlier queue call still waits for its outcome (and its deadline is
        // a
        // second or more away): the forced wrap-up pause did not hold the queue back.
        boolean inWrapUp =
            wrapUps.all().stream()
                .anyMatch(
                    u ->
                        u.ended() != null
                            && u.call() != null
                            && CallStarted.INBOUND.equals(u.call().direction())
                            && u.ended().forcedWrapUp()
                            && u.ended().wrapUpDeadlineMillis() > now + 1000);
        if (inWrapUp) {
          queuePopsInForcedWrapUp.incrementAndGet();
        }
      }
      popped.add(c.callId());
      if (onForm != null && !onForm.equals(c.callId())) {
        popsMidForm.incrementAndGet();
      }
      wrapUps.callStarted(c);
    }

    @Override
    public void onCallEnded(CallEnded e) {
      if (e.forcedWrapUp()) {
        forcedEnds.incrementAndGet();
      }
      wrapUps.callEnded(e);
    }

    @Override
    public void onAck(DispositionAck a) {
      wrapUps.acked(a.callId());
      done.add(a.callId());
    }

    @Override
    public void onError(ErrorMessage e) {
      errors.add(e.code() + ": " + e.message());
    }

    @Override
    public void onAgentState(AgentState s) {
      states.add(s.state());
    }

    /** Whether a form is still to be filled or sent (skipped calls excepted). */
    boolean busy() {
      return inFlight.get() > 0
          || wrapUps.all().stream().anyMatch(u -> !skipped.contains(u.callId()));
    }

    private void work() {
      while (running) {
        WrapUp next =
            wrapUps.all().stream()
                .filter(
                    u ->
                        !skipped.contains(u.callId())
                            && !u.sending()
                            && u.call() != null
                            && !u.call().dispositionCodes().isEmpty())
                .findFirst()
                .orElse(null);
        try {
          if (next == null) {
            Thread.sleep(50);
            continue;
          }
          fill(next);
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    /**
     * 1.5 to 12 s per form (the 5-40 s of a real agent, about three times faster), in three steps.
     */
    private void fill(WrapUp u) throws InterruptedException {
      String id = u.callId();
      if (!planned.containsKey(id) && random.nextInt(10) == 0) {
        skipped.add(id); // this one the agent never gets round to
        return;
      }
      onForm = id;
      long step = (1500 + random.nextInt(10_500)) / 3;
      CallStarted call = u.call();
      List<String> required =
          call.objective() == null
              ? List.of()
              : call.objective().checklist().stream()
                  .filter(ChecklistItem::required)
                  .map(ChecklistItem::id)
                  .toList();
      wrapUps.updateDraft(id, d -> d.withChecklist(required));
      Thread.sleep(step);
      DispositionCode code =
          call.dispositionCodes().get(random.nextInt(call.dispositionCodes().size()));
      boolean advance = code.advance() != null ? code.advance() : random.nextBoolean();
      planned.put(id, code.code());
      wrapUps.updateDraft(id, d -> d.withCode(code.code()).withAdvance(advance));
      Thread.sleep(step);
      wrapUps.updateDraft(id, d -> d.withNotes("outcome of " + id));
      Thread.sleep(step);
      // The form is sent once the call is over.
      while (running && wrapUps.get(id).map(w -> w.ended() == null).orElse(false)) {
        Thread.sleep(50);
      }
      onForm = null;
      Draft draft = wrapUps.get(id).map(WrapUp::draft).orElse(null);
      if (draft == null) {
        return;
      }
      inFlight.incrementAndGet();
      String requestId = "r-" + id;
      wrapUps.sent(id, requestId);
      client
          .submit(draft.toSubmit(requestId, id))
          .whenComplete(
              (ack, err) -> {
                if (err != null) {
                  errors.add(id + ": " + err);
                  wrapUps.refused(id, String.valueOf(err));
                }
                inFlight.decrementAndGet();
              });
    }

    void close() {
      running = false;
      person.interrupt();
      client.close();
    }
  }
}
