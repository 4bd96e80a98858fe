package org.callobjectives.server.config;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.callobjectives.server.config.ConfigFiles.CampaignYaml;
import org.callobjectives.server.config.ConfigFiles.ObjectivesYaml;
import org.callobjectives.server.config.ConfigFiles.QueueYaml;
import org.callobjectives.server.config.ConfigFiles.StageYaml;
import org.callobjectives.server.config.ConfigFiles.TargetYaml;

/**
 * Validates the objective rules of objectives.yaml (stages, objective pairs, overrides, campaigns).
 */
final class MappingRulesLoader {
  static final int MAX_OBJECTIVES_PER_CALL = 2;

  private MappingRulesLoader() {}

  /**
   * The queue's objective for a caller with no history: its objective, the first of a pair, or its
   * first stage's.
   */
  static String queueObjective(
      YamlSource src, String at, String queue, QueueYaml q, Map<String, Objective> objectives)
      throws ConfigException {
    boolean hasStages = q.stages() != null;
    if (hasStages && (q.objective() != null || q.objectives() != null)) {
      throw src.error(
          at + "/stages",
          "queue "
              + queue
              + ": give either stages or objective(s), not both"
              + " (with stages, each stage names its objective)");
    }
    if (hasStages) {
      return stages(src, at, queue, q.stages(), objectives).get(0).target().primary();
    }
    return target(src, at, q.objective(), q.objectives(), objectives, "queue " + queue).primary();
  }

  static MappingRules load(
      YamlSource src, ObjectivesYaml y, Map<String, Objective> objectives, List<Agent> agents)
      throws ConfigException {
    Set<String> agentIds = new HashSet<>();
    agents.forEach(a -> agentIds.add(a.id()));
    Map<String, Target> overrides = new LinkedHashMap<>();
    Map<String, TargetYaml> oy = y.agentOverrides() == null ? Map.of() : y.agentOverrides();
    for (var e : oy.entrySet()) {
      String at = "/agentOverrides/" + e.getKey();
      if (!agentIds.contains(e.getKey())) {
        throw src.error(
            at, "agentOverrides names unknown agent '" + e.getKey() + "'; agents: " + agentIds);
      }
      if (e.getValue() == null) {
        throw src.error(at, "agent override " + e.getKey() + " needs objective: or objectives:");
      }
      overrides.put(
          e.getKey(),
          target(
              src,
              at,
              e.getValue().objective(),
              e.getValue().objectives(),
              objectives,
              "agent override " + e.getKey()));
    }
    Map<String, Target> queueTargets = new LinkedHashMap<>();
    Map<String, List<Stage>> queueStages = new LinkedHashMap<>();
    Map<String, QueueYaml> qy = y.queues() == null ? Map.of() : y.queues();
    for (var e : qy.entrySet()) {
      String at = "/queues/" + e.getKey();
      QueueYaml q = e.getValue();
      if (q.stages() != null) {
        queueStages.put(e.getKey(), stages(src, at, e.getKey(), q.stages(), objectives));
      } else {
        queueTargets.put(
            e.getKey(),
            target(src, at, q.objective(), q.objectives(), objectives, "queue " + e.getKey()));
      }
    }
    List<Campaign> campaigns = new ArrayList<>();
    Set<String> campaignIds = new HashSet<>();
    List<CampaignYaml> cy = y.campaigns() == null ? List.of() : y.campaigns();
    for (int i = 0; i < cy.size(); i++) {
      CampaignYaml c = cy.get(i);
      String at = "/campaigns/" + i;
      if (c == null || c.id() == null || c.id().isBlank()) {
        throw src.error(at, "campaign needs an id");
      }
      if (!campaignIds.add(c.id())) {
        throw src.error(at + "/id", "duplicate campaign id '" + c.id() + "'");
      }
      LocalDate start = date(src, at + "/start", c.start(), "campaign " + c.id() + ": start");
      LocalDate end = date(src, at + "/end", c.end(), "campaign " + c.id() + ": end");
      if (end.isBefore(start)) {
        throw src.error(
            at + "/end",
            "campaign " + c.id() + " ends (" + end + ") before it starts (" + start + ")");
      }
      campaigns.add(
          new Campaign(
              c.id(),
              start,
              end,
              target(src, at, c.objective(), c.objectives(), objectives, "campaign " + c.id())));
    }
    return new MappingRules(
        overrides,
        queueTargets,
        queueStages,
        campaigns,
        ExperimentsLoader.load(src, y.experiments(), objectives, qy, queueStages));
  }

  private static List<Stage> stages(
      YamlSource src,
      String at,
      String queue,
      List<StageYaml> list,
      Map<String, Objective> objectives)
      throws ConfigException {
    if (list.isEmpty()) {
      throw src.error(
          at + "/stages",
          "queue " + queue + ": stages is empty; list them in order, first to last");
    }
    List<Stage> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      StageYaml s = list.get(i);
      String sat = at + "/stages/" + i;
      if (s == null || s.id() == null || s.id().isBlank()) {
        throw src.error(
            sat, "queue " + queue + ": every stage needs an id (e.g. demo, proposal, close)");
      }
      if (!ids.add(s.id())) {
        throw src.error(sat + "/id", "queue " + queue + ": duplicate stage '" + s.id() + "'");
      }
      out.add(
          new Stage(
              s.id(),
              target(
                  src,
                  sat,
                  s.objective(),
                  s.objectives(),
                  objectives,
                  "queue " + queue + " stage " + s.id())));
    }
    return List.copyOf(out);
  }

  /**
   * {@code objective: id} or {@code objectives: [primary, secondary]}: one or two known objectives.
   */
  static Target target(
      YamlSource src,
      String at,
      String objective,
      List<String> list,
      Map<String, Objective> objectives,
      String what)
      throws ConfigException {
    if (objective != null && list != null) {
      throw src.error(at + "/objectives", what + ": give objective or objectives, not both");
    }
    if (objective == null && (list == null || list.isEmpty())) {
      throw src.error(
          at, what + ": objective is required (objective: ID, or objectives: [PRIMARY, SECOND])");
    }
    List<String> ids = objective != null ? List.of(objective.trim()) : list;
    if (ids.size() > MAX_OBJECTIVES_PER_CALL) {
      throw src.error(
          at + "/objectives",
          what
              + ": at most "
              + MAX_OBJECTIVES_PER_CALL
              + " key objectives per call (the first is primary), found "
              + ids.size());
    }
    for (String id : ids) {
      if (id == null || !objectives.containsKey(id.trim())) {
        throw src.error(
            objective != null ? at + "/objective" : at + "/objectives",
            what + " maps to unknown objective '" + id + "'; known: " + objectives.keySet());
      }
    }
    if (ids.size() == 2 && ids.get(0).trim().equals(ids.get(1).trim())) {
      throw src.error(at + "/objectives", what + ": the two objectives are the same");
    }
    return new Target(ids.get(0).trim(), ids.size() == 2 ? ids.get(1).trim() : null);
  }

  static LocalDate date(YamlSource src, String at, String v, String what) throws ConfigException {
    if (v == null || v.isBlank()) {
      throw src.error(at, what + " date is required (YYYY-MM-DD)");
    }
    try {
      return LocalDate.parse(v.trim());
    } catch (DateTimeParseException e) {
      throw src.error(at, what + " '" + v + "' is not a date; write YYYY-MM-DD");
    }
  }
}
