package org.callobjectives.server.experiments.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.callobjectives.protocol.Json;
import org.callobjectives.server.admin.ConfigService;
import org.callobjectives.server.config.Config;
import org.callobjectives.server.config.Experiment;
import org.callobjectives.server.experiments.review.ExperimentReview;
import org.callobjectives.server.experiments.review.ExperimentView;
import org.callobjectives.server.security.Role;
import org.callobjectives.server.store.AuditLog;
import org.callobjectives.server.web.Call;
import org.callobjectives.server.web.HttpResponses;
import org.callobjectives.server.web.PageResource;
import org.callobjectives.server.web.Route;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The experiments' API and the admin page's script for them: reviews for supervisors and admins,
 * start and end (with the roll-out) for admins, both written to objectives.yaml through {@link
 * ConfigService} (validated, backed up, hot reloaded, audited).
 */
public final class ExperimentRoutes {
  private static final Logger log = LoggerFactory.getLogger(ExperimentRoutes.class);
  private static final String FILE = "objectives.yaml";

  private final ExperimentReview review;
  private final ConfigService configFiles;
  private final java.util.function.Supplier<Config> config;
  private final AuditLog audit;
  private final Clock clock;
  private final ZoneId zone;
  private final String script;

  public ExperimentRoutes(
      ExperimentReview review,
      ConfigService configFiles,
      java.util.function.Supplier<Config> config,
      AuditLog audit,
      Clock clock,
      ZoneId zone) {
    this.review = review;
    this.configFiles = configFiles;
    this.config = config;
    this.audit = audit;
    this.clock = clock;
    this.zone = zone;
    this.script = PageResource.text(ExperimentRoutes.class, "/admin/experiments.js");
  }

  /** GET /api/experiments[/{id}], POST /api/admin/experiments[/{id}/end], the page's script. */
  public List<Route> routes() {
    List<Route> out = new ArrayList<>();
    out.add(
        Route.get(
            "/admin/experiments.js",
            null,
            c ->
                HttpResponses.send(
                    c.ctx(),
                    c.req(),
                    HttpResponseStatus.OK,
                    "text/javascript; charset=utf-8",
                    script)));
    out.add(Route.get("/api/experiments", Role.SUPERVISOR, c -> later(c, review.all())));
    out.add(
        Route.get(
            "/api/experiments/{id}",
            Role.SUPERVISOR,
            c ->
                later(
                    c,
                    review
                        .one(c.path("id"))
                        .thenApply(
                            v ->
                                v.orElseThrow(
                                    () ->
                                        new Refused(
                                            HttpResponseStatus.NOT_FOUND,
                                            "no experiment '" + c.path("id") + "'"))))));
    out.add(
        Route.post("/api/admin/experiments", Role.ADMIN, c -> json(c, () -> start(c, body(c)))));
    out.add(
        Route.post(
            "/api/admin/experiments/{id}/end",
            Role.ADMIN,
            c -> json(c, () -> end(c, c.path("id"), body(c)))));
    return List.copyOf(out);
  }

  /** Adds the experiment to objectives.yaml, saves (validated, hot reloaded) and audits it. */
  private CompletableFuture<Object> start(Call c, JsonNode b) {
    String who = c.who().name();
    LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
    List<ExperimentYamlEdit.VariantSpec> variants = new ArrayList<>();
    JsonNode vs = b.path("variants");
    if (!vs.isArray() || vs.size() < 2) {
      throw new IllegalArgumentException(
          "variants: give at least two {id, objective, weight}, the control first");
    }
    for (JsonNode v : vs) {
      if (!v.path("weight").canConvertToInt() || !v.path("weight").isIntegralNumber()) {
        throw new IllegalArgumentException(
            "variants: every weight is a whole percent (e.g. 50), the weights adding up to 100");
      }
      variants.add(
          new ExperimentYamlEdit.VariantSpec(
              text(v, "id", true), text(v, "objective", true), v.path("weight").asInt()));
    }
    ExperimentYamlEdit.StartSpec spec =
        new ExperimentYamlEdit.StartSpec(
            text(b, "id", true),
            text(b, "queue", true),
            text(b, "stage", false),
            variants,
            date(b, "start", today),
            date(b, "end", null));
    return configFiles
        .read(FILE)
        .thenCompose(text -> configFiles.save(FILE, ExperimentYamlEdit.start(text, spec), who))
        // Answered once the audit entry is written: a change acknowledged is a change audited.
        .thenCompose(
            o -> {
              if (!o.ok()) {
                return CompletableFuture.completedFuture(o);
              }
              return audit
                  .record(
                      clock.millis(),
                      who,
                      "experiment-started",
                      FILE,
                      "experiment "
                          + spec.id()
                          + " on queue "
                          + spec.queue()
                          + (spec.stage() == null ? "" : ", stage " + spec.stage())
                          + ": "
                          + spec.variants().stream()
                              .map(v -> v.id() + "=" + v.objective() + " " + v.weight() + "%")
                              .toList(),
                      null,
                      null)
                  .thenApply(entry -> o);
            });
  }

  /**
   * Ends the experiment and maps its queue (or stage) to the rolled-out variant's objective. A
   * variant the test does not support (no verdict yet, or another one) needs {@code confirm: true}.
   */
  private CompletableFuture<Object> end(Call c, String id, JsonNode b) {
    String who = c.who().name();
    String asked = text(b, "rollOut", false);
    boolean confirmed = b.path("confirm").asBoolean(false);
    return review
        .one(id)
        .thenCompose(
            found -> {
              ExperimentView v =
                  found.orElseThrow(
                      () ->
                          new Refused(HttpResponseStatus.NOT_FOUND, "no experiment '" + id + "'"));
              if (v.ended() != null) {
                throw new Refused(
                    HttpResponseStatus.CONFLICT, "experiment " + id + " ended on " + v.ended());
              }
              String variant = asked != null ? asked : v.rollOut();
              if (variant == null) {
                throw new Refused(
                    HttpResponseStatus.CONFLICT,
                    "experiment "
                        + id
                        + " has no verdict yet ("
                        + v.summary()
                        + "); choose the variant to roll out and confirm");
              }
              Experiment x = config.get().rules().experiment(id).orElseThrow();
              String objective =
                  x.variant(variant)
                      .orElseThrow(
                          () ->
                              new IllegalArgumentException(
                                  "experiment "
                                      + id
                                      + " has no variant '"
                                      + variant
                                      + "'; its variants: "
                                      + x.variants().stream().map(e -> e.id()).toList()))
                      .objectiveId();
              if (!variant.equals(v.rollOut()) && !confirmed) {
                throw new Refused(
                    HttpResponseStatus.CONFLICT,
                    (v.rollOut() == null
                            ? "the test has no verdict yet"
                            : "the test supports rolling out " + v.rollOut() + ", not " + variant)
                        + "; send confirm: true to roll out "
                        + variant
                        + " anyway");
              }
              LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
              return configFiles
                  .read(FILE)
                  .thenCompose(
                      text -> {
                        try {
                          return configFiles.save(
                              FILE,
                              ExperimentYamlEdit.end(text, id, today, variant, objective),
                              who);
                        } catch (org.callobjectives.server.config.ConfigException e) {
                          throw new IllegalArgumentException(e.getMessage());
                        }
                      })
                  .thenCompose(
                      o ->
                          !o.ok()
                              ? CompletableFuture.completedFuture(o)
                              : audit
                                  .record(
                                      clock.millis(),
                                      who,
                                      "experiment-ended",
                                      FILE,
                                      "experiment "
                                          + id
                                          + " ended, rolled out "
                                          + variant
                                          + " ("
                                          + objective
                                          + ") on "
                                          + x.where()
                                          + (variant.equals(v.rollOut())
                                              ? " as the test supports"
                                              : " without the test's support (confirmed)"),
                                      null,
                                      null)
                                  .thenApply(entry -> o))
                  .thenApply(
                      o -> {
                        Map<String, Object> r = new LinkedHashMap<>();
                        r.put("ok", o.ok());
                        r.put("error", o.error());
                        r.put("errorLine", o.errorLine());
                        r.put("detail", o.detail());
                        r.put("rolledOut", variant);
                        r.put("objective", objective);
                        return (Object) r;
                      });
            });
  }

  /** Answers a JSON body when the work completes (never on the event loop); errors as JSON. */
  private void later(Call c, CompletableFuture<?> work) {
    ChannelHandlerContext ctx = c.ctx();
    FullHttpRequest req = c.req();
    req.retain();
    work.whenComplete(
        (v, err) -> {
          try {
            if (err != null) {
              fail(ctx, req, err);
            } else if (v instanceof ConfigService.Outcome o && !o.ok()) {
              HttpResponses.json(ctx, req, HttpResponseStatus.UNPROCESSABLE_ENTITY, write(o));
            } else if (v instanceof Map<?, ?> m && Boolean.FALSE.equals(m.get("ok"))) {
              HttpResponses.json(ctx, req, HttpResponseStatus.UNPROCESSABLE_ENTITY, write(m));
            } else {
              HttpResponses.json(ctx, req, HttpResponseStatus.OK, write(v));
            }
          } catch (RuntimeException e) {
            fail(ctx, req, e);
          } finally {
            req.release();
          }
        });
  }

  /** A change: JSON only (no other site can post a form), bad input answered 400. */
  private void json(Call c, java.util.function.Supplier<CompletableFuture<Object>> work) {
    String type = c.req().headers().get(HttpHeaderNames.CONTENT_TYPE);
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      HttpResponses.error(
          c.ctx(),
          c.req(),
          HttpResponseStatus.UNSUPPORTED_MEDIA_TYPE,
          "send Content-Type: application/json");
      return;
    }
    CompletableFuture<Object> f;
    try {
      f = work.get();
    } catch (RuntimeException e) {
      f = CompletableFuture.failedFuture(e);
    }
    later(c, f);
  }

  private static void fail(ChannelHandlerContext ctx, FullHttpRequest req, Throwable err) {
    Throwable cause =
        err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
    if (cause instanceof Refused r) {
      HttpResponses.error(ctx, req, r.status, r.getMessage());
    } else if (cause instanceof IllegalArgumentException) {
      HttpResponses.error(ctx, req, HttpResponseStatus.BAD_REQUEST, cause.getMessage());
    } else {
      log.error("experiments API {} failed", req.uri(), cause);
      HttpResponses.error(
          ctx,
          req,
          HttpResponseStatus.SERVICE_UNAVAILABLE,
          "the experiments are not available right now; try again");
    }
  }

  private static JsonNode body(Call c) {
    try {
      JsonNode n = Json.mapper().readTree(c.req().content().toString(StandardCharsets.UTF_8));
      if (n == null || !n.isObject()) {
        throw new IllegalArgumentException("send a JSON object");
      }
      return n;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage());
    }
  }

  private static String text(JsonNode n, String field, boolean required) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
      if (required) {
        throw new IllegalArgumentException(field + " is required");
      }
      return null;
    }
    if (!v.isTextual()) {
      throw new IllegalArgumentException(field + " must be text");
    }
    return v.asText().strip();
  }

  private static LocalDate date(JsonNode n, String field, LocalDate dflt) {
    String v = text(n, field, false);
    try {
      return v == null ? dflt : LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(field + " '" + v + "' is not a date; write YYYY-MM-DD");
    }
  }

  private static String write(Object v) {
    try {
      return Json.mapper().writeValueAsString(v);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A request that cannot be done as asked: answered with its status and the reason. */
  private static final class Refused extends RuntimeException {
    final HttpResponseStatus status;

    Refused(HttpResponseStatus status, String message) {
      super(message);
      this.status = status;
    }
  }
}
