package org.callobjectives.server.metrics;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.callobjectives.server.security.Role;
import org.callobjectives.server.web.Guard;
import org.callobjectives.server.web.HttpResponses;
import org.callobjectives.server.web.Route;

/**
 * GET /metrics for a {@code metrics} user of server.yaml (Prometheus with {@code basic_auth}) and
 * for supervisors and admins; not for agents or wall screens.
 */
public final class MetricsRoute {
  private MetricsRoute() {}

  public static List<Route> routes(ServerMetrics metrics) {
    return List.of(
        Route.get(
            "/metrics",
            null,
            c -> {
              if (!Guard.require(c.ctx(), c.req(), c.who(), Role.METRICS)) {
                return;
              }
              Role r = c.who().role();
              if (r != Role.METRICS && !r.atLeast(Role.SUPERVISOR)) {
                HttpResponses.error(
                    c.ctx(),
                    c.req(),
                    HttpResponseStatus.FORBIDDEN,
                    "metrics are for a metrics user, supervisors and admins");
                return;
              }
              HttpResponses.send(
                  c.ctx(),
                  c.req(),
                  HttpResponseStatus.OK,
                  metrics.contentType(),
                  new String(metrics.scrape(), StandardCharsets.UTF_8));
            }));
  }
}
