package org.callobjectives.server.desk;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.callobjectives.server.access.Access;
import org.callobjectives.server.push.AgentSocketHandler;
import org.callobjectives.server.security.Role;
import org.callobjectives.server.web.Call;
import org.callobjectives.server.web.Html;
import org.callobjectives.server.web.HttpResponses;
import org.callobjectives.server.web.PageResource;
import org.callobjectives.server.web.Route;
import org.callobjectives.server.web.WebSocketUpgrade;

/**
 * The agent's desk in a browser: the page at /desk, its script and style, and /desk/socket, which
 * speaks the agent-bridge protocol but is signed in by the session cookie of /login (never a token
 * in the URL) and refuses pages of other sites.
 */
public final class DeskRoutes {
  static final String PAGE = "/desk";
  static final String SOCKET = "/desk/socket";

  private final Access access;
  private final Supplier<AgentSocketHandler> handlers;
  private final String html = resource("desk.html");
  private final String js = resource("desk.js");
  private final String css = resource("desk.css");

  /** {@code handlers} makes the handler of one agent connection. */
  // The open desk sockets by session: signing out closes them at once.
  private final java.util.Map<String, java.util.Set<io.netty.channel.Channel>> bySession =
      new java.util.concurrent.ConcurrentHashMap<>();

  public DeskRoutes(Access access, Supplier<AgentSocketHandler> handlers) {
    this.access = access;
    this.handlers = handlers;
    access.onSessionClosed(
        sid -> {
          java.util.Set<io.netty.channel.Channel> open = bySession.remove(sid);
          if (open != null) {
            for (io.netty.channel.Channel ch : open) {
              AgentSocketHandler h = ch.pipeline().get(AgentSocketHandler.class);
              if (h != null) {
                h.sessionEnded(ch);
              }
            }
          }
        });
  }

  /** The page and socket for agents; the script and style are open (they hold nothing). */
  public List<Route> routes() {
    return List.of(
        Route.get(PAGE, Role.AGENT, this::page),
        Route.get(
            "/desk/desk.js",
            null,
            c -> send(c, "text/javascript; charset=utf-8", js, HttpResponseStatus.OK)),
        Route.get(
            "/desk/desk.css",
            null,
            c -> send(c, "text/css; charset=utf-8", css, HttpResponseStatus.OK)),
        Route.get(SOCKET, Role.AGENT, this::socket));
  }

  /** True for a browser opening a page (not a WebSocket): it is shown the desk instead. */
  public static boolean browserPage(io.netty.handler.codec.http.HttpRequest req) {
    String accept = req.headers().get(io.netty.handler.codec.http.HttpHeaderNames.ACCEPT);
    return !req.headers().contains(io.netty.handler.codec.http.HttpHeaderNames.UPGRADE)
        && accept != null
        && accept.contains("text/html");
  }

  private void page(Call c) {
    if (c.who().role() != Role.AGENT) {
      send(
          c,
          "text/html; charset=utf-8",
          "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Agent desk -"
              + " Call Objectives</title></head><body style=\"font-family:sans-serif;padding:2em\">"
              + "<h1>The desk is for agents</h1><p id=\"reason\">You are signed in as "
              + Html.escape(c.who().name())
              + " ("
              + c.who().role().name().toLowerCase(java.util.Locale.ROOT)
              + "). Agents sign in with their agent id and token.</p>"
              + "<p><a href=\"/supervisor\">Supervisor view</a></p>"
              + "<form method=\"post\" action=\"/logout\"><button type=\"submit\">Sign out and"
              + " sign in as an agent</button></form></body></html>",
          HttpResponseStatus.FORBIDDEN);
      return;
    }
    send(c, "text/html; charset=utf-8", html, HttpResponseStatus.OK);
  }

  private void socket(Call c) {
    String session = Access.sessionId(c.req());
    if (c.who().role() != Role.AGENT) {
      HttpResponses.error(
          c.ctx(),
          c.req(),
          HttpResponseStatus.FORBIDDEN,
          "the desk socket is for agents; supervisors watch the floor at /supervisor");
      return;
    }
    if (session == null || !access.sessionValid(session)) {
      HttpResponses.error(
          c.ctx(),
          c.req(),
          HttpResponseStatus.UNAUTHORIZED,
          "the desk socket signs in with the session cookie of /login; agent-bridge connects to"
              + " /agent");
      return;
    }
    AgentSocketHandler handler = handlers.get().signedInBySession(c.who().name(), session);
    WebSocketUpgrade.upgrade(
        c.ctx(),
        c.req(),
        SOCKET,
        true,
        handler,
        ch -> {
          bySession.computeIfAbsent(session, k -> ConcurrentHashMap.newKeySet()).add(ch);
          ch.closeFuture()
              .addListener(
                  f ->
                      bySession.computeIfPresent(
                          session, (k, set) -> set.remove(ch) && set.isEmpty() ? null : set));
          handler.opened(ch);
        });
  }

  private static void send(Call c, String type, String body, HttpResponseStatus status) {
    HttpResponses.send(c.ctx(), c.req(), status, type, body);
  }

  private static String resource(String name) {
    return PageResource.text(DeskRoutes.class, name);
  }
}
