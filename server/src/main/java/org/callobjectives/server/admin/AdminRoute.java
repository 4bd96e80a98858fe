package org.callobjectives.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.callobjectives.protocol.Json;
import org.callobjectives.protocol.Utf16;
import org.callobjectives.server.config.Agent;
import org.callobjectives.server.config.Config;
import org.callobjectives.server.config.Objective;
import org.callobjectives.server.config.QueueMapping;
import org.callobjectives.server.config.Stage;
import org.callobjectives.server.config.Target;
import org.callobjectives.server.objectives.ObjectiveResolver;
import org.callobjectives.server.objectives.lint.LintFinding;
import org.callobjectives.server.security.Role;
import org.callobjectives.server.store.AuditLog;
import org.callobjectives.server.web.Call;
import org.callobjectives.server.web.HttpResponses;
import org.callobjectives.server.web.Route;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin page ({@code /admin}, its script and style) and the admin REST API under {@code
 * /api/admin/} (see the README, "Admin API"). Admins only; slow work completes off the event loop.
 */
public final class AdminRoute {
  private static final Logger log = LoggerFactory.getLogger(AdminRoute.class);
  private static final String API = "/api/admin/";
  private static final Map<String, String> ASSETS =
      Map.of(
          "/admin", "admin.html", "/admin/admin.js", "admin.js", "/admin/admin.css", "admin.css");

  private final AdminModule.Sources server;
  private final ConfigService config;
  private final AuditLog audit;
  private final Clock clock;
  private final Map<String, byte[]> assets = new LinkedHashMap<>();

  AdminRoute(AdminModule.Sources server, ConfigService config, AuditLog audit, Clock clock)
      throws IOException {
    this.server = server;
    this.config = config;
    this.audit = audit;
    this.clock = clock;
    for (String name : ASSETS.values()) {
      try (InputStream in = AdminRoute.class.getResourceAsStream("/admin/" + name)) {
        if (in == null) {
          throw new IOException("admin page resource missing: /admin/" + name);
        }
        assets.put(name, in.readAllBytes());
      }
    }
  }

  /** The page, its script and style, and the admin API under /api/admin/ (admins only). */
  public List<Route> routes() {
    List<Route> out = new ArrayList<>();
    ASSETS.forEach(
        (path, asset) ->
            // The page needs an admin; its script and style hold no data and load like any file.
            out.add(
                Route.get(
                    path, asset.equals("admin.html") ? Role.ADMIN : null, c -> asset(c, asset))));
    out.add(api(HttpMethod.GET, "objectives", c -> ok(c, objectives(null))));
    out.add(
        api(
            HttpMethod.GET,
            "objectives/{id}",
            c -> {
              Object one = objectives(c.path("id"));
              if (one == null) {
                HttpResponses.error(
                    c.ctx(),
                    c.req(),
                    HttpResponseStatus.NOT_FOUND,
                    "no objective '" + c.path("id") + "'");
              } else {
                ok(c, one);
              }
            }));
    out.add(
        api(
            HttpMethod.GET,
            "mappings",
            c -> async(c.ctx(), c.req(), server.queuesSeen().get().thenApply(this::mappings))));
    out.add(
        api(
            HttpMethod.GET,
            "preview",
            c -> {
              Map<String, List<String>> q = c.query();
              ok(
                  c,
                  preview(
                      param(q, "number"),
                      param(q, "queue"),
                      param(q, "agent"),
                      param(q, "direction")));
            }));
    out.add(
        api(
            HttpMethod.GET,
            "status",
            c -> ok(c, Map.of("lastReload", config.last(), "findings", config.findings()))));
    out.add(
        api(
            HttpMethod.GET,
            "files/{file}",
            c -> {
              String f = file(c.path("file"));
              async(
                  c.ctx(),
                  c.req(),
                  config.read(f).thenApply(text -> Map.of("file", f, "text", text)));
            }));
    out.add(
        api(
            HttpMethod.PUT,
            "files/{file}",
            c -> {
              String f = file(c.path("file"));
              outcome(c.ctx(), c.req(), config.save(f, text(c.req()), c.who().name()));
            }));
    out.add(
        api(
            HttpMethod.POST,
            "lint",
            c -> {
              JsonNode body = body(c.req());
              String f = file(body.path("file").asText("objectives.yaml"));
              async(c.ctx(), c.req(), config.validate(f, text(body)));
            }));
    out.add(api(HttpMethod.GET, "lint", c -> ok(c, config.findings())));
    out.add(
        api(
            HttpMethod.POST,
            "reload",
            c ->
                outcome(
                    c.ctx(), c.req(), config.reload(c.who().name(), "reload requested", false))));
    out.add(
        api(
            HttpMethod.GET,
            "proposals",
            c ->
                async(c.ctx(), c.req(), server.proposals().list(param(c.query(), "status"), 200))));
    out.add(api(HttpMethod.POST, "proposals/{id}/accept", c -> decide(c, "accepted")));
    out.add(api(HttpMethod.POST, "proposals/{id}/dismiss", c -> decide(c, "dismissed")));
    out.add(api(HttpMethod.GET, "audit", c -> async(c.ctx(), c.req(), audit.recent(100))));
    return List.copyOf(out);
  }

  /** An admin API route: changes only with a JSON body, bad input answered 400. */
  private static Route api(HttpMethod method, String path, Route.Handler handler) {
    return new Route(
        method,
        API + path,
        Role.ADMIN,
        c -> {
          if ((method == HttpMethod.POST || method == HttpMethod.PUT) && !isJson(c.req())) {
            // Forms from other sites cannot send JSON without a preflight: no cross-site changes.
            HttpResponses.error(
                c.ctx(),
                c.req(),
                HttpResponseStatus.UNSUPPORTED_MEDIA_TYPE,
                "send Content-Type: application/json");
            return;
          }
          try {
            handler.handle(c);
          } catch (BadRequest e) {
            HttpResponses.error(c.ctx(), c.req(), HttpResponseStatus.BAD_REQUEST, e.getMessage());
          }
        });
  }

  private void asset(Call c, String asset) {
    String type =
        asset.endsWith(".js")
            ? "text/javascript; charset=utf-8"
            : asset.endsWith(".css") ? "text/css; charset=utf-8" : "text/html; charset=utf-8";
    HttpResponses.send(
        c.ctx(),
        c.req(),
        HttpResponseStatus.OK,
        type,
        new String(assets.get(asset), StandardCharsets.UTF_8));
  }

  private void ok(Call c, Object body) throws Exception {
    ok(c.ctx(), c.req(), body);
  }

  private void decide(Call c, String status) {
    ChannelHandlerContext ctx = c.ctx();
    FullHttpRequest req = c.req();
    long id = id(c.path("id"));
    String who = c.who().name();
    req.retain();
    server
        .proposals()
        .decide(id, status, who, clock.millis())
        .whenComplete(
            (changed, err) -> {
              try {
                if (err != null) {
                  fail(ctx, req, err);
                } else if (!changed) {
                  HttpResponses.error(
                      ctx, req, HttpResponseStatus.NOT_FOUND, "no open proposal #" + id);
                } else {
                  audit.record(
                      clock.millis(),
                      who,
                      "proposal-" + status,
                      null,
                      "proposal #" + id,
                      null,
                      null);
                  HttpResponses.json(
                      ctx, req, HttpResponseStatus.OK, json(Map.of("id", id, "status", status)));
                }
              } catch (Exception e) {
                HttpResponses.error(
                    ctx, req, HttpResponseStatus.INTERNAL_SERVER_ERROR, e.toString());
              } finally {
                req.release();
              }
            });
  }

  /**
   * Objectives in force with their lint findings; one objective when {@code id} is given (null if
   * unknown).
   */
  private Object objectives(String id) {
    Config c = server.config().get();
    Map<String, List<LintFinding>> byObjective = new LinkedHashMap<>();
    for (LintFinding f : config.findings()) {
      byObjective.computeIfAbsent(f.objectiveId(), k -> new ArrayList<>()).add(f);
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (Objective o :
        c.objectives().values().stream().sorted((a, b) -> a.id().compareTo(b.id())).toList()) {
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("id", o.id());
      v.put("title", o.title());
      v.put("advance", o.advance());
      v.put("measure", o.measure());
      v.put("timeFrame", o.timeFrame());
      v.put("checklist", o.checklist());
      v.put(
          "followUp",
          o.followUp() == null
              ? org.callobjectives.protocol.Commitment.DEFAULT_QUESTION
              : o.followUp());
      v.put("followUpIsDefault", o.followUp() == null);
      v.put("findings", byObjective.getOrDefault(o.id(), List.of()));
      if (o.id().equals(id)) {
        return v;
      }
      out.add(v);
    }
    return id == null ? out : null;
  }

  private Map<String, Object> mappings(java.util.Set<String> seen) {
    Config c = server.config().get();
    java.util.Set<String> names = new java.util.TreeSet<>(seen);
    names.addAll(c.queues().keySet());
    List<Map<String, Object>> queues = new ArrayList<>();
    for (String name : names) {
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("queue", name);
      v.put("seen", seen.contains(name));
      QueueMapping qm = c.queue(name).orElse(null);
      v.put("configured", qm != null);
      if (qm != null) {
        List<Stage> stages = c.rules().stages(name);
        if (stages.isEmpty()) {
          Target t = c.rules().queueTarget(name).orElse(Target.of(qm.objectiveId()));
          v.put("objective", t.primary());
          v.put("secondObjective", t.secondary());
        } else {
          v.put(
              "stages",
              stages.stream()
                  .map(
                      s ->
                          Map.of(
                              "id",
                              s.id(),
                              "objective",
                              s.target().primary(),
                              "secondObjective",
                              s.target().secondary() == null ? "" : s.target().secondary()))
                  .toList());
        }
        v.put("dispositionCodes", qm.codes().stream().map(d -> d.code()).toList());
        v.put("maxWaitSeconds", qm.maxWait().toSeconds());
      } else {
        v.put("objective", "(not mapped: outbound rules and default apply)");
      }
      queues.add(v);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put(
        "order",
        List.of(
            "agent override",
            "queue (stage for this caller)",
            "outbound agent",
            "outbound group",
            "campaign",
            "default"));
    out.put("queues", queues);
    out.put("agentOverrides", c.rules().agentOverrides());
    out.put(
        "outbound",
        Map.of(
            "default",
            c.outbound().defaultObjective(),
            "agents",
            c.outbound().byAgent(),
            "groups",
            c.outbound().byGroup()));
    out.put(
        "campaigns",
        c.rules().campaigns().stream()
            .map(
                k ->
                    Map.of(
                        "id",
                        k.id(),
                        "start",
                        k.start().toString(),
                        "end",
                        k.end().toString(),
                        "target",
                        k.target()))
            .toList());
    out.put(
        "agents",
        c.agents().stream()
            .map(
                a ->
                    Map.of(
                        "id",
                        a.id(),
                        "name",
                        a.name(),
                        "group",
                        a.group() == null ? "" : a.group()))
            .toList());
    return out;
  }

  private Map<String, Object> preview(
      String number, String queue, String agentId, String direction) {
    Config c = server.config().get();
    if (number != null && number.length() > 40 || queue != null && queue.length() > 80) {
      throw new BadRequest("number or queue too long");
    }
    Agent agent = null;
    if (agentId != null) {
      agent = c.agent(agentId).orElseThrow(() -> new BadRequest("unknown agent '" + agentId + "'"));
    }
    boolean outbound = "outbound".equals(direction) || queue == null;
    ObjectiveResolver.Resolution r =
        outbound
            ? server.resolver().forOutbound(agent, number)
            : server.resolver().forQueueCall(queue, agent, number);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put(
        "call",
        (outbound ? "an outbound call to " : "a call from ")
            + (number == null ? "an unknown number" : number)
            + (outbound ? "" : " on queue " + queue)
            + (agent == null ? "" : " for agent " + agent.id() + " (" + agent.name() + ")"));
    out.put("rule", r.rule());
    out.put("objective", r.objective());
    out.put("dispositionCodes", r.codes().stream().map(d -> d.code()).toList());
    return out;
  }

  private void outcome(
      ChannelHandlerContext ctx, FullHttpRequest req, CompletableFuture<ConfigService.Outcome> f) {
    req.retain();
    f.whenComplete(
        (o, err) -> {
          try {
            if (err != null) {
              fail(ctx, req, err);
            } else {
              HttpResponses.json(
                  ctx,
                  req,
                  o.ok() ? HttpResponseStatus.OK : HttpResponseStatus.UNPROCESSABLE_ENTITY,
                  json(o));
            }
          } finally {
            req.release();
          }
        });
  }

  private void async(ChannelHandlerContext ctx, FullHttpRequest req, CompletableFuture<?> f) {
    req.retain();
    f.whenComplete(
        (v, err) -> {
          try {
            if (err != null) {
              fail(ctx, req, err);
            } else {
              HttpResponses.json(ctx, req, HttpResponseStatus.OK, json(v));
            }
          } finally {
            req.release();
          }
        });
  }

  private static void fail(ChannelHandlerContext ctx, FullHttpRequest req, Throwable err) {
    Throwable cause =
        err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
    if (cause instanceof IllegalArgumentException) {
      HttpResponses.error(ctx, req, HttpResponseStatus.BAD_REQUEST, cause.getMessage());
    } else {
      log.error("admin API {} failed", req.uri(), cause);
      HttpResponses.error(ctx, req, HttpResponseStatus.INTERNAL_SERVER_ERROR, "failed: " + cause);
    }
  }

  private static void ok(ChannelHandlerContext ctx, FullHttpRequest req, Object v) {
    HttpResponses.json(ctx, req, HttpResponseStatus.OK, json(v));
  }

  private static String json(Object v) {
    try {
      return Json.mapper().writeValueAsString(v);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean isJson(FullHttpRequest req) {
    String t = req.headers().get(HttpHeaderNames.CONTENT_TYPE);
    return t != null && t.toLowerCase(java.util.Locale.ROOT).startsWith("application/json");
  }

  private static JsonNode body(FullHttpRequest req) {
    String text;
    try {
      // Strictly: a byte that is not UTF-8 would otherwise be saved as U+FFFD, the text changed.
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
              .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
              .decode(req.content().nioBuffer())
              .toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new BadRequest("the body is not valid UTF-8: send the text as UTF-8");
    }
    try {
      JsonNode n = Json.mapper().readTree(text);
      if (n == null || !n.isObject()) {
        throw new BadRequest("send a JSON object");
      }
      wellFormed(n, "");
      return n;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new BadRequest("not valid JSON: " + e.getOriginalMessage());
    }
  }

  /**
   * Refuses a lone UTF-16 surrogate ({@code "\\ud800"}) in any name or string of {@code n}: no file
   * can hold it, and guessing the character meant would change the admin's text.
   */
  private static void wellFormed(JsonNode n, String at) {
    if (n.isTextual()) {
      int i = Utf16.loneSurrogate(n.textValue());
      if (i >= 0) {
        throw new BadRequest(
            (at.isEmpty() ? "the body" : "\"" + at + "\"")
                + String.format(
                    " holds a lone UTF-16 surrogate (\\u%04x) at character %d: half of a character"
                        + " (e.g. an emoji cut in two); remove it or send the whole character",
                    (int) n.textValue().charAt(i), i + 1));
      }
      return;
    }
    var fields = n.fields();
    while (fields.hasNext()) {
      var f = fields.next();
      if (Utf16.loneSurrogate(f.getKey()) >= 0) {
        throw new BadRequest(
            "a name in the body holds a lone UTF-16 surrogate: half of a character");
      }
      wellFormed(f.getValue(), f.getKey());
    }
    for (int i = 0; n.isArray() && i < n.size(); i++) {
      wellFormed(n.get(i), at + "[" + i + "]");
    }
  }

  private static String text(FullHttpRequest req) {
    return text(body(req));
  }

  private static String text(JsonNode body) {
    JsonNode t = body.get("text");
    if (t == null || !t.isTextual()) {
      throw new BadRequest("send {\"text\": \"...the whole file...\"}");
    }
    return t.asText();
  }

  private static String file(String name) {
    if (!ConfigService.EDITABLE.contains(name)) {
      throw new BadRequest("only " + ConfigService.EDITABLE + " can be read or edited here");
    }
    return name;
  }

  private static long id(String s) {
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw new BadRequest("proposal id must be a number");
    }
  }

  private static String param(Map<String, List<String>> q, String name) {
    List<String> v = q.get(name);
    return v == null || v.isEmpty() || v.get(0).isBlank() ? null : v.get(0).strip();
  }

  /** Bad input from the client: answered 400 with the message. */
  private static final class BadRequest extends RuntimeException {
    BadRequest(String message) {
      super(message);
    }
  }
}
