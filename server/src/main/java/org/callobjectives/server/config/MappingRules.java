package org.callobjectives.server.config;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The objective rules beyond a queue's plain objective: per-agent overrides (every call of the
 * agent), a queue's second objective or its chain of stages, and dated campaigns. See {@code
 * ObjectiveResolver} for the order in which they apply. Experiments split a queue's (or stage's)
 * callers between objectives.
 */
public record MappingRules(
    Map<String, Target> agentOverrides,
    Map<String, Target> queueTargets,
    Map<String, List<Stage>> queueStages,
    List<Campaign> campaigns,
    List<Experiment> experiments) {
  public static final MappingRules NONE = new MappingRules(Map.of(), Map.of(), Map.of(), List.of());

  public MappingRules {
    agentOverrides = Map.copyOf(agentOverrides);
    queueTargets = Map.copyOf(queueTargets);
    queueStages = Map.copyOf(queueStages);
    campaigns = List.copyOf(campaigns);
    experiments = List.copyOf(experiments);
  }

  /** Without experiments. */
  public MappingRules(
      Map<String, Target> agentOverrides,
      Map<String, Target> queueTargets,
      Map<String, List<Stage>> queueStages,
      List<Campaign> campaigns) {
    this(agentOverrides, queueTargets, queueStages, campaigns, List.of());
  }

  /** The experiment running on {@code day} for the queue (and stage, null for none), if any. */
  public Optional<Experiment> experimentOn(String queue, String stage, LocalDate day) {
    return experiments.stream()
        .filter(
            e ->
                e.queue().equals(queue)
                    && java.util.Objects.equals(e.stage(), stage)
                    && e.activeOn(day))
        .findFirst();
  }

  public Optional<Experiment> experiment(String id) {
    return experiments.stream().filter(e -> e.id().equals(id)).findFirst();
  }

  /** The queue's stages in order; empty when the queue has a single objective. */
  public List<Stage> stages(String queue) {
    return queue == null ? List.of() : queueStages.getOrDefault(queue, List.of());
  }

  public Optional<Target> queueTarget(String queue) {
    return queue == null ? Optional.empty() : Optional.ofNullable(queueTargets.get(queue));
  }
}
