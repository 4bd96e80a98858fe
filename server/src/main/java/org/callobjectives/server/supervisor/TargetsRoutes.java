package org.callobjectives.server.supervisor;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;
import org.callobjectives.protocol.Json;
import org.callobjectives.server.security.Role;
import org.callobjectives.server.stats.TargetsRealism;
import org.callobjectives.server.web.HttpResponses;
import org.callobjectives.server.web.PageResource;
import org.callobjectives.server.web.Route;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Targets realism for admins: GET /api/admin/targets and the admin page's /admin/targets.js. */
public final class TargetsRoutes {
  private static final Logger log = LoggerFactory.getLogger(TargetsRoutes.class);

  /** Past periods change only when one ends: an answer this recent is answered again. */
  static final long FRESH_MILLIS = 5 * 60_000L;

  private final TargetsRealism realism;
  private final LongSupplier now;
  private final int periods;
  private volatile CompletableFuture<List<TargetsRealism.Check>> last;
  private volatile long lastAt;

  public TargetsRoutes(TargetsRealism realism, LongSupplier now, int periods) {
    this.realism = realism;
    this.now = now;
    this.periods = periods;
  }

  public List<Route> routes() {
    String js = resource("targets.js");
    return List.of(
        Route.get(
            "/admin/targets.js",
            Role.ADMIN,
            c ->
                HttpResponses.send(
                    c.ctx(), c.req(), HttpResponseStatus.OK, "text/javascript; charset=utf-8", js)),
        Route.get(
            "/api/admin/targets",
            Role.ADMIN,
            c -> {
              c.req().retain();
              checks()
                  .whenComplete(
                      (checks, err) -> {
                        try {
                          if (err != null) {
                            log.error("targets realism failed: {}", err.toString());
                            HttpResponses.error(
                                c.ctx(),
                                c.req(),
                                HttpResponseStatus.SERVICE_UNAVAILABLE,
                                "targets realism is not available right now; try again");
                          } else {
                            HttpResponses.json(
                                c.ctx(),
                                c.req(),
                                HttpResponseStatus.OK,
                                json(Map.of("periods", periods, "checks", checks)));
                          }
                        } finally {
                          c.req().release();
                        }
                      });
            }));
  }

  /** The checks, computed again when the last ones are older than {@link #FRESH_MILLIS}. */
  private synchronized CompletableFuture<List<TargetsRealism.Check>> checks() {
    long t = now.getAsLong();
    if (last == null || last.isCompletedExceptionally() || t - lastAt >= FRESH_MILLIS) {
      last = realism.check(t);
      lastAt = t;
    }
    return last;
  }

  private static String json(Object o) {
    try {
      return Json.mapper().writeValueAsString(o);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String resource(String name) {
    return PageResource.text(TargetsRoutes.class, name);
  }
}
