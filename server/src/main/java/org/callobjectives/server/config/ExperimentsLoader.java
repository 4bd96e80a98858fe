package org.callobjectives.server.config;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.callobjectives.server.config.ConfigFiles.ExperimentYaml;
import org.callobjectives.server.config.ConfigFiles.QueueYaml;
import org.callobjectives.server.config.ConfigFiles.VariantYaml;
import org.callobjectives.server.experiments.Assignment;

/** Validates the {@code experiments:} of objectives.yaml; every error names the field to fix. */
final class ExperimentsLoader {
  // Ids appear in addresses (/api/experiments/{id}) and on every call row: keep them plain.
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final Pattern VARIANT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,31}");

  private ExperimentsLoader() {}

  static List<Experiment> load(
      YamlSource src,
      List<ExperimentYaml> list,
      Map<String, Objective> objectives,
      Map<String, QueueYaml> queues,
      Map<String, List<Stage>> stages)
      throws ConfigException {
    if (list == null) {
      return List.of();
    }
    List<Experiment> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      String at = "/experiments/" + i;
      ExperimentYaml e = list.get(i);
      if (e == null || e.id() == null || e.id().isBlank()) {
        throw src.error(at, "experiment needs an id (e.g. id: demo-wording-2027)");
      }
      String id = e.id().strip();
      if (!ID.matcher(id).matches()) {
        throw src.error(
            at + "/id",
            "experiment id '"
                + id
                + "' may hold only letters, digits, '.', '_' and '-' (at most 64, starting with a"
                + " letter or digit)");
      }
      if (!ids.add(id)) {
        throw src.error(
            at + "/id",
            "duplicate experiment id '"
                + id
                + "'; an id is never reused (it decides who gets which variant)");
      }
      String what = "experiment " + id;
      if (e.queue() == null || e.queue().isBlank()) {
        throw src.error(at + "/queue", what + ": queue is required (a queue listed under queues)");
      }
      String queue = e.queue().strip();
      if (!queues.containsKey(queue)) {
        throw src.error(
            at + "/queue",
            what + ": queue '" + queue + "' is not under queues; known: " + queues.keySet());
      }
      String stage = e.stage() == null || e.stage().isBlank() ? null : e.stage().strip();
      List<Stage> chain = stages.getOrDefault(queue, List.of());
      if (stage == null && !chain.isEmpty()) {
        throw src.error(
            at + "/stage",
            what
                + ": queue "
                + queue
                + " has stages; name the stage the experiment runs on, one of "
                + chain.stream().map(Stage::id).toList());
      }
      if (stage != null && chain.stream().noneMatch(s -> s.id().equals(stage))) {
        throw src.error(
            at + "/stage",
            what
                + ": queue "
                + queue
                + (chain.isEmpty()
                    ? " has no stages; leave stage out"
                    : " has no stage '"
                        + stage
                        + "'; its stages: "
                        + chain.stream().map(Stage::id).toList()));
      }
      List<ExperimentVariant> variants = variants(src, at, what, e.variants(), objectives);
      LocalDate start = MappingRulesLoader.date(src, at + "/start", e.start(), what + ": start");
      LocalDate end =
          e.end() == null
              ? null
              : MappingRulesLoader.date(src, at + "/end", e.end(), what + ": end");
      if (end != null && end.isBefore(start)) {
        throw src.error(at + "/end", what + " ends (" + end + ") before it starts (" + start + ")");
      }
      LocalDate ended =
          e.ended() == null
              ? null
              : MappingRulesLoader.date(src, at + "/ended", e.ended(), what + ": ended");
      String rolledOut = e.rolledOut() == null ? null : e.rolledOut().strip();
      if (rolledOut != null) {
        if (ended == null) {
          throw src.error(
              at + "/rolledOut",
              what + ": rolledOut is set when the experiment ends; add ended: YYYY-MM-DD");
        }
        if (variants.stream().noneMatch(v -> v.id().equals(rolledOut))) {
          throw src.error(
              at + "/rolledOut",
              what
                  + ": rolledOut '"
                  + rolledOut
                  + "' is not one of its variants "
                  + variants.stream().map(ExperimentVariant::id).toList());
        }
      }
      Experiment x = new Experiment(id, queue, stage, variants, start, end, ended, rolledOut);
      for (Experiment other : out) {
        if (overlap(other, x)) {
          throw src.error(
              at + "/start",
              what
                  + " runs on "
                  + x.where()
                  + " while experiment "
                  + other.id()
                  + " does; end that one first (ended: YYYY-MM-DD) or give dates that do not"
                  + " overlap");
        }
      }
      out.add(x);
    }
    return List.copyOf(out);
  }

  private static List<ExperimentVariant> variants(
      YamlSource src,
      String at,
      String what,
      List<VariantYaml> list,
      Map<String, Objective> objectives)
      throws ConfigException {
    if (list == null || list.size() < 2 || list.size() > Assignment.MAX_VARIANTS) {
      throw src.error(
          at + "/variants",
          what
              + " has "
              + (list == null ? 0 : list.size())
              + " variants: give 2 to "
              + Assignment.MAX_VARIANTS
              + ", the control first ({id, objective, weight})");
    }
    List<ExperimentVariant> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    int sum = 0;
    for (int j = 0; j < list.size(); j++) {
      String vat = at + "/variants/" + j;
      VariantYaml v = list.get(j);
      if (v == null || v.id() == null || v.id().isBlank()) {
        throw src.error(vat, what + ": every variant needs an id (e.g. A, B)");
      }
      String vid = v.id().strip();
      if (!VARIANT_ID.matcher(vid).matches()) {
        throw src.error(
            vat + "/id",
            what
                + ": variant id '"
                + vid
                + "' may hold only letters, digits, '_' and '-' (at most 32)");
      }
      if (!ids.add(vid)) {
        throw src.error(vat + "/id", what + ": variant '" + vid + "' appears twice");
      }
      String objective = v.objective() == null ? null : v.objective().strip();
      if (objective == null || !objectives.containsKey(objective)) {
        throw src.error(
            vat + "/objective",
            what
                + ": variant "
                + vid
                + (objective == null
                    ? " needs objective: (an objective id)"
                    : " maps to unknown objective '" + objective + "'")
                + "; known: "
                + objectives.keySet());
      }
      if (v.weight() == null || v.weight() < 1 || v.weight() > 99) {
        throw src.error(
            vat + "/weight",
            what
                + ": variant "
                + vid
                + " needs weight: a whole percent from 1 to 99 (its share of callers)");
      }
      sum += v.weight();
      out.add(new ExperimentVariant(vid, objective, v.weight()));
    }
    if (sum != 100) {
      throw src.error(
          at + "/variants",
          what
              + ": the weights "
              + out.stream().map(v -> Integer.toString(v.weight())).collect(Collectors.joining("/"))
              + " add up to "
              + sum
              + "; they must add up to 100 (e.g. 50/50)");
    }
    return out;
  }

  /** Two not-ended experiments on the same queue and stage whose date ranges meet. */
  private static boolean overlap(Experiment a, Experiment b) {
    if (!a.queue().equals(b.queue()) || !Objects.equals(a.stage(), b.stage())) {
      return false;
    }
    if (a.ended() != null || b.ended() != null) {
      return false;
    }
    boolean aBeforeB = a.plannedEnd() != null && a.plannedEnd().isBefore(b.start());
    boolean bBeforeA = b.plannedEnd() != null && b.plannedEnd().isBefore(a.start());
    return !aBeforeB && !bBeforeA;
  }
}
