package org.callobjectives.server.funnel;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.callobjectives.protocol.Json;
import org.callobjectives.server.config.Agent;
import org.callobjectives.server.config.Config;
import org.callobjectives.server.config.Objective;
import org.callobjectives.server.config.Stage;
import org.callobjectives.server.security.Role;
import org.callobjectives.server.store.FunnelStore;
import org.callobjectives.server.web.Call;
import org.callobjectives.server.web.HttpResponses;
import org.callobjectives.server.web.PageResource;
import org.callobjectives.server.web.Route;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The funnel for supervisors and admins: GET /api/funnel[?queue=] (JSON), GET
 * /api/funnel/stalled.csv[?queue=] and the review page's /supervisor/funnel.js.
 */
public final class FunnelRoutes {
  private static final Logger log = LoggerFactory.getLogger(FunnelRoutes.class);

  private final FunnelStore store;
  private final Supplier<Config> config;
  private final int stalledDays;
  private final LongSupplier now;

  public FunnelRoutes(
      FunnelStore store, Supplier<Config> config, int stalledDays, LongSupplier now) {
    this.store = store;
    this.config = config;
    this.stalledDays = stalledDays;
    this.now = now;
  }

  public List<Route> routes() {
    String js = resource("funnel.js");
    return List.of(
        Route.get(
            "/supervisor/funnel.js",
            Role.SUPERVISOR,
            c ->
                HttpResponses.send(
                    c.ctx(), c.req(), HttpResponseStatus.OK, "text/javascript; charset=utf-8", js)),
        Route.get(
            "/api/funnel",
            Role.SUPERVISOR,
            c ->
                answer(
                    c,
                    c.query("queue") == null
                        ? reports(c)
                            .thenApply(r -> json(Map.of("stalledDays", stalledDays, "chains", r)))
                        : reports(c).thenApply(r -> json(r.get(0))),
                    "application/json; charset=utf-8")),
        Route.get(
            "/api/funnel/stalled.csv",
            Role.SUPERVISOR,
            c -> answer(c, reports(c).thenApply(FunnelCsv::stalled), "text/csv; charset=utf-8")));
  }

  /** The chains asked for (one queue, or every queue with stages); null when the queue has none. */
  private CompletableFuture<List<FunnelReport>> reports(Call c) {
    Config cfg = config.get();
    String queue = c.query("queue");
    List<String> queues = new ArrayList<>();
    if (queue != null) {
      if (cfg.rules().stages(queue).isEmpty()) {
        return CompletableFuture.failedFuture(
            new NoChain(
                "queue '"
                    + queue
                    + "' has no chain of advances (stages in objectives.yaml); queues with one: "
                    + chained(cfg)));
      }
      queues.add(queue);
    } else {
      queues.addAll(chained(cfg));
    }
    long at = now.getAsLong();
    CompletableFuture<List<FunnelReport>> out =
        CompletableFuture.completedFuture(new ArrayList<>());
    for (String q : queues) {
      List<Funnel.StageDef> chain = cfg.rules().stages(q).stream().map(s -> stage(cfg, s)).toList();
      // Computed on the store's reader thread as the rows arrive: never on the event loop.
      CompletableFuture<FunnelReport> one =
          store
              .steps(q)
              .thenApply(
                  steps -> Funnel.compute(q, chain, steps, at, stalledDays, id -> name(cfg, id)));
      out =
          out.thenCombine(
              one,
              (list, r) -> {
                list.add(r);
                return list;
              });
    }
    return out;
  }

  private static List<String> chained(Config cfg) {
    return cfg.queues().keySet().stream()
        .filter(q -> !cfg.rules().stages(q).isEmpty())
        .sorted()
        .toList();
  }

  private static Funnel.StageDef stage(Config cfg, Stage s) {
    String id = s.target().primary();
    return new Funnel.StageDef(s.id(), id, cfg.objective(id).map(Objective::title).orElse(id));
  }

  private static String name(Config cfg, String agentId) {
    return agentId == null ? null : cfg.agent(agentId).map(Agent::name).orElse(agentId);
  }

  /** A queue asked for that has no stages: the request's mistake, answered 404. */
  private static final class NoChain extends RuntimeException {
    NoChain(String message) {
      super(message, null, false, false);
    }
  }

  private static void answer(Call c, CompletableFuture<String> body, String contentType) {
    c.req().retain();
    body.whenComplete(
        (text, err) -> {
          try {
            Throwable cause =
                err instanceof java.util.concurrent.CompletionException && err.getCause() != null
                    ? err.getCause()
                    : err;
            if (cause instanceof NoChain nc) {
              HttpResponses.error(c.ctx(), c.req(), HttpResponseStatus.NOT_FOUND, nc.getMessage());
            } else if (err != null) {
              log.error("funnel request {} failed: {}", c.req().uri(), err.toString());
              HttpResponses.error(
                  c.ctx(),
                  c.req(),
                  HttpResponseStatus.SERVICE_UNAVAILABLE,
                  "the funnel is not available right now; try again");
            } else {
              HttpResponses.send(c.ctx(), c.req(), HttpResponseStatus.OK, contentType, text);
            }
          } finally {
            c.req().release();
          }
        });
  }

  private static String json(Object o) {
    try {
      return Json.mapper().writeValueAsString(o);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String resource(String name) {
    return PageResource.text(FunnelRoutes.class, name);
  }
}
