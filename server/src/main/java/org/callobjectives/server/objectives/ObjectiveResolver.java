package org.callobjectives.server.objectives;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.callobjectives.protocol.Commitment;
import org.callobjectives.protocol.DispositionCode;
import org.callobjectives.protocol.LastCall;
import org.callobjectives.protocol.ObjectiveView;
import org.callobjectives.server.config.Agent;
import org.callobjectives.server.config.Campaign;
import org.callobjectives.server.config.Config;
import org.callobjectives.server.config.Experiment;
import org.callobjectives.server.config.ExperimentVariant;
import org.callobjectives.server.config.Objective;
import org.callobjectives.server.config.QueueMapping;
import org.callobjectives.server.config.Stage;
import org.callobjectives.server.config.Target;
import org.callobjectives.server.domain.ExperimentArm;
import org.callobjectives.server.store.CallerOutcome;

/**
 * Picks the objective(s) and disposition codes a call gets, from the configuration in force now.
 * The first rule that matches decides: agent override; the queue (its stage for this caller when it
 * has a chain of advances, its experiment's variant for this caller while one runs there); outbound
 * per agent, then per group; an active campaign; the default.
 */
public final class ObjectiveResolver {
  /** A commitment older than this is not asked about any more. */
  static final int ASK_WITHIN_DAYS = 90;

  private final Supplier<Config> config;
  private final StageIndex stages;
  private final Clock clock;

  public ObjectiveResolver(Supplier<Config> config) {
    this(config, null, Clock.systemUTC());
  }

  /** {@code stages} may be null: then no caller has history. */
  public ObjectiveResolver(Supplier<Config> config, StageIndex stages, Clock clock) {
    this.config = config;
    this.stages = stages;
    this.clock = clock;
  }

  /**
   * What a call gets: fixed at connect, so a reload never changes a call in progress; {@code rule}
   * says why.
   */
  public record Resolution(
      ObjectiveView objective, List<DispositionCode> codes, String rule, ExperimentArm experiment) {
    /** Outside any experiment. */
    public Resolution(ObjectiveView objective, List<DispositionCode> codes, String rule) {
      this(objective, codes, rule, null);
    }
  }

  public Resolution forQueueCall(String queue, Agent agent, String callerNumber) {
    Config c = config.get();
    QueueMapping q = c.queue(queue).orElse(null);
    if (q == null) {
      // A queue nobody mapped still gets the outbound/default objective rather than no pop at all.
      return forOutbound(agent, callerNumber);
    }
    LastCall lastCall = lastCall(callerNumber);
    Commitment commitment = commitment(c, callerNumber);
    Target override = override(c, agent);
    if (override != null) {
      return build(
          c, override, null, lastCall, commitment, q.codes(), "agent override for " + agent.id());
    }
    List<Stage> chain = c.rules().stages(queue);
    if (!chain.isEmpty()) {
      int i =
          stageIndex(chain, stages == null ? Optional.empty() : stages.lastStaged(callerNumber));
      Stage s = chain.get(i);
      return experimented(
          c,
          queue,
          s.id(),
          callerNumber,
          s.target(),
          lastCall,
          commitment,
          q.codes(),
          "queue " + queue + ", stage " + s.id() + " (" + (i + 1) + " of " + chain.size() + ")");
    }
    return experimented(
        c,
        queue,
        null,
        callerNumber,
        c.rules().queueTarget(queue).orElse(Target.of(q.objectiveId())),
        lastCall,
        commitment,
        q.codes(),
        "queue " + queue);
  }

  /**
   * The queue's (or stage's) objective, replaced by the caller's variant's while an experiment runs
   * there. A caller without a number gets the control but no arm: nothing randomised them, so
   * counting them would bias the control's figures.
   */
  private Resolution experimented(
      Config c,
      String queue,
      String stage,
      String callerNumber,
      Target target,
      LastCall lastCall,
      Commitment commitment,
      List<DispositionCode> codes,
      String rule) {
    Optional<Experiment> running = c.rules().experimentOn(queue, stage, today());
    if (running.isEmpty()) {
      return build(c, target, stage, lastCall, commitment, codes, rule);
    }
    Experiment x = running.get();
    Optional<String> variant = x.assignment().variantFor(callerNumber);
    ExperimentVariant v = x.variant(variant.orElse(x.control().id())).orElseThrow();
    // The variant replaces the primary objective; a second objective stays unless it is the same.
    Target t =
        new Target(
            v.objectiveId(),
            v.objectiveId().equals(target.secondary()) ? null : target.secondary());
    Resolution r =
        build(
            c,
            t,
            stage,
            lastCall,
            commitment,
            codes,
            rule
                + ", experiment "
                + x.id()
                + " variant "
                + v.id()
                + (variant.isEmpty() ? " (no caller number: control, not counted)" : ""));
    return variant.isEmpty()
        ? r
        : new Resolution(
            r.objective(), r.codes(), r.rule(), new ExperimentArm(x.id(), variant.get()));
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneId.systemDefault());
  }

  public Resolution forOutbound(Agent agent, String number) {
    Config c = config.get();
    LastCall lastCall = lastCall(number);
    Commitment commitment = commitment(c, number);
    List<DispositionCode> codes = c.outbound().codes();
    Target override = override(c, agent);
    if (override != null) {
      return build(
          c, override, null, lastCall, commitment, codes, "agent override for " + agent.id());
    }
    if (agent != null && c.outbound().byAgent().containsKey(agent.id())) {
      return build(
          c,
          Target.of(c.outbound().byAgent().get(agent.id())),
          null,
          lastCall,
          commitment,
          codes,
          "outbound agent " + agent.id());
    }
    if (agent != null
        && agent.group() != null
        && c.outbound().byGroup().containsKey(agent.group())) {
      return build(
          c,
          Target.of(c.outbound().byGroup().get(agent.group())),
          null,
          lastCall,
          commitment,
          codes,
          "outbound group " + agent.group());
    }
    LocalDate today = today();
    for (Campaign k : c.rules().campaigns()) {
      if (k.activeOn(today)) {
        return build(
            c,
            k.target(),
            null,
            lastCall,
            commitment,
            codes,
            "campaign " + k.id() + " (" + k.start() + " to " + k.end() + ")");
      }
    }
    return build(
        c,
        Target.of(c.outbound().defaultObjective()),
        null,
        lastCall,
        commitment,
        codes,
        "default");
  }

  /**
   * The stage the customer is at: the next one after an advance obtained, else the same; new
   * customers start.
   */
  static int stageIndex(List<Stage> chain, Optional<CallerOutcome> last) {
    if (last.isEmpty() || last.get().stage() == null) {
      return 0;
    }
    for (int i = 0; i < chain.size(); i++) {
      if (chain.get(i).id().equals(last.get().stage())) {
        return last.get().advanceObtained() ? Math.min(i + 1, chain.size() - 1) : i;
      }
    }
    return 0; // the stage was renamed or removed since: start the chain again
  }

  private static Target override(Config c, Agent agent) {
    return agent == null ? null : c.rules().agentOverrides().get(agent.id());
  }

  private LastCall lastCall(String number) {
    if (stages == null) {
      return null;
    }
    return stages
        .last(number)
        .map(
            o ->
                new LastCall(
                    o.code(), o.advanceObtained(), o.atMillis(), o.objectiveId(), o.stage()))
        .orElse(null);
  }

  /**
   * The customer's open commitment to ask about, with its objective's follow-up question; none when
   * it is older than {@link #ASK_WITHIN_DAYS} (nobody remembers it then).
   */
  private Commitment commitment(Config c, String number) {
    if (stages == null) {
      return null;
    }
    long oldest = clock.millis() - java.util.concurrent.TimeUnit.DAYS.toMillis(ASK_WITHIN_DAYS);
    return stages
        .openCommitment(number)
        .filter(p -> p.atMillis() >= oldest)
        .map(
            p ->
                new Commitment(
                    p.callId(),
                    p.agentId(),
                    p.objectiveId(),
                    p.advance(),
                    p.timeFrame(),
                    p.objectiveId() == null
                        ? Commitment.DEFAULT_QUESTION
                        : c.objective(p.objectiveId())
                            .map(Objective::followUp)
                            .orElse(Commitment.DEFAULT_QUESTION),
                    p.atMillis()))
        .orElse(null);
  }

  private static Resolution build(
      Config c,
      Target t,
      String stage,
      LastCall lastCall,
      Commitment commitment,
      List<DispositionCode> codes,
      String rule) {
    Objective primary = c.objective(t.primary()).orElseThrow();
    ObjectiveView second =
        t.secondary() == null ? null : c.objective(t.secondary()).map(Objective::view).orElse(null);
    ObjectiveView view =
        stage == null && lastCall == null && second == null && commitment == null
            ? primary.view()
            : primary.view().forCall(stage, lastCall, second, commitment);
    return new Resolution(view, codes, rule);
  }
}
