package org.callobjectives.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
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
import org.callobjectives.server.config.Agent;
import org.callobjectives.server.config.Config;
import org.callobjectives.server.config.Objective;
import org.callobjectives.server.config.QueueMapping;
import org.callobjectives.server.config.Stage;
import org.callobjectives.server.config.Target;
import org.callobjectives.server.objectives.ObjectiveResolver;
import org.callobjectives.server.objectives.lint.LintFinding;
import org.callobjectives.server.security.Principal;
import org.callobjectives.server.security.Role;
import org.callobjectives.server.store.AuditLog;
import org.callobjectives.server.web.Guard;
import org.callobjectives.server.web.HttpResponses;
import org.callobjectives.server.web.HttpRoute;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin page ({@code /admin}, its script and style) and the admin REST API under {@code
 * /api/admin/} (see docs/admin-api.md). Admins only; slow work completes off the event loop.
 */
public final class AdminRoute implements HttpRoute {
  private static final Logger log = LoggerFactory.getLogger(AdminRoute.class);
  private static final String API = "/api/admin/";
  private static final Map<String, String> ASSETS =
      Map.of(
          "/admin",
          "admin.html",
          "/admin/",
          "admin.html",
          "/admin/admin.js",
          "admin.js",
          "/admin/admin.css",
          "admin.css");

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

  @Override
  public boolean handle(ChannelHandlerContext ctx, FullHttpRequest req, String path, Principal who)
      throws Exception {
    String asset = ASSETS.get(path);
    if (asset != null) {
      // The page needs an admin; its script and style hold no data and load like any static file.
      if (asset.equals("admin.html") && !Guard.require(ctx, req, who, Role.ADMIN)) {
        return true;
      }
      String type =
          asset.endsWith(".js")
              ? "text/javascript; charset=utf-8"
              : asset.endsWith(".css") ? "text/css; charset=utf-8" : "text/html; charset=utf-8";
      HttpResponses.send(
          ctx,
          req,
          HttpResponseStatus.OK,
          type,
          new String(assets.get(asset), StandardCharsets.UTF_8));
      return true;
    }
    if (!path.startsWith(API)) {
      return false;
    }
    if (!Guard.require(ctx, req, who, Role.ADMIN)) {
      return true;
    }
    HttpMethod m = req.method();
    if ((m == HttpMethod.POST || m == HttpMethod.PUT) && !isJson(req)) {
      // Forms from other sites cannot send JSON without a preflight: no cross-site changes.
      HttpResponses.error(
          ctx,
          req,
          HttpResponseStatus.UNSUPPORTED_MEDIA_TYPE,
          "send Content-Type: application/json");
      return true;
    }
    String rest = path.substring(API.length());
    String[] parts = rest.split("/");
    Map<String, List<String>> q = new QueryStringDecoder(req.uri()).parameters();
    try {
      route(ctx, req, m, parts, q, who);
    } catch (BadRequest e) {
      HttpResponses.error(ctx, req, HttpResponseStatus.BAD_REQUEST, e.getMessage());
    }
    return true;
  }

  private void route(
      ChannelHandlerContext ctx,
      FullHttpRequest req,
      HttpMethod m,
      String[] p,
      Map<String, List<String>> q,
      Principal who)
      throws Exception {
    String head = p[0];
    boolean get = m == HttpMethod.GET;
    if (get && head.equals("objectives") && p.length == 1) {
      ok(ctx, req, objectives(null));
    } else if (get && head.equals("objectives") && p.length == 2) {
      Object one = objectives(p[1]);
      if (one == null) {
        HttpResponses.error(ctx, req, HttpResponseStatus.NOT_FOUND, "no objective '" + p[1] + "'");
      } else {
        ok(ctx, req, one);
      }
    } else if (get && head.equals("mappings") && p.length == 1) {
      async(ctx, req, server.queuesSeen().get().thenApply(this::mappings));
    } else if (get && head.equals("preview") && p.length == 1) {
      ok(
          ctx,
          req,
          preview(param(q, "number"), param(q, "queue"), param(q, "agent"), param(q, "direction")));
    } else if (get && head.equals("status") && p.length == 1) {
      ok(ctx, req, Map.of("lastReload", config.last(), "findings", config.findings()));
    } else if (get && head.equals("files") && p.length == 2) {
      file(p[1]);
      async(ctx, req, config.read(p[1]).thenApply(text -> Map.of("file", p[1], "text", text)));
    } else if (m == HttpMethod.PUT && head.equals("files") && p.length == 2) {
      file(p[1]);
      String text = text(req);
      outcome(ctx, req, config.save(p[1], text, who.name()));
    } else if (m == HttpMethod.POST && head.equals("lint") && p.length == 1) {
      JsonNode body = body(req);
      String file = body.path("file").asText("objectives.yaml");
      file(file);
      async(ctx, req, config.validate(file, text(body)));
    } else if (get && head.equals("lint") && p.length == 1) {
      ok(ctx, req, config.findings());
    } else if (m == HttpMethod.POST && head.equals("reload") && p.length == 1) {
      outcome(ctx, req, config.reload(who.name(), "reload requested", false));
    } else if (get && head.equals("proposals") && p.length == 1) {
      String status = param(q, "status");
      async(ctx, req, server.proposals().list(status, 200));
    } else if (m == HttpMethod.POST
        && head.equals("proposals")
        && p.length == 3
        && (p[2].equals("accept") || p[2].equals("dismiss"))) {
      long id = id(p[1]);
      String status = p[2].equals("accept") ? "accepted" : "dismissed";
      req.retain();
      server
          .proposals()
          .decide(id, status, who.name(), clock.millis())
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
                        who.name(),
                        "proposal-" + status,
                        null,
                        "proposal #" + id,
                        null,
                        null);
                    HttpResponses.json(
                        ctx, req, HttpResponseStatus.OK, json(Map.of("id", id, "status", status)));
                  }
                } finally {
                  req.release();
                }
              });
    } else if (get && head.equals("audit") && p.length == 1) {
      async(ctx, req, audit.recent(100));
    } else {
      HttpResponses.error(
          ctx,
          req,
          HttpResponseStatus.NOT_FOUND,
          "no such admin API: " + req.method() + " " + API + String.join("/", p));
    }
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
    try {
      JsonNode n = Json.mapper().readTree(req.content().toString(StandardCharsets.UTF_8));
      if (n == null || !n.isObject()) {
        throw new BadRequest("send a JSON object");
      }
      return n;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new BadRequest("not valid JSON: " + e.getOriginalMessage());
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

  private static void file(String name) {
    if (!ConfigService.EDITABLE.contains(name)) {
      throw new BadRequest("only " + ConfigService.EDITABLE + " can be read or edited here");
    }
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
