package org.callobjectives.server.objectives;

import java.util.List;
import java.util.function.Supplier;
import org.callobjectives.protocol.DispositionCode;
import org.callobjectives.protocol.ObjectiveView;
import org.callobjectives.server.config.Agent;
import org.callobjectives.server.config.Config;
import org.callobjectives.server.config.Objective;
import org.callobjectives.server.config.QueueMapping;

/** Picks the objective and disposition codes a call gets, from the configuration in force now. */
public final class ObjectiveResolver {
  private final Supplier<Config> config;

  public ObjectiveResolver(Supplier<Config> config) {
    this.config = config;
  }

  /** What a call gets: fixed at connect, so a reload never changes a call in progress. */
  public record Resolution(ObjectiveView objective, List<DispositionCode> codes) {}

  public Resolution forQueueCall(String queue, Agent agent, String callerNumber) {
    Config c = config.get();
    QueueMapping q = c.queue(queue).orElse(null);
    if (q == null) {
      // A queue nobody mapped still gets the outbound/default objective rather than no pop at all.
      return forOutbound(agent, callerNumber);
    }
    Objective o = c.objective(q.objectiveId()).orElseThrow();
    return new Resolution(o.view(), q.codes());
  }

  public Resolution forOutbound(Agent agent, String number) {
    Config c = config.get();
    Objective o = c.objective(c.outbound().objectiveFor(agent)).orElseThrow();
    return new Resolution(o.view(), c.outbound().codes());
  }
}
