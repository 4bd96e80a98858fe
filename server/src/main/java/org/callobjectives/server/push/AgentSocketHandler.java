package org.callobjectives.server.push;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.callobjectives.protocol.ChecklistProgress;
import org.callobjectives.protocol.DispositionSubmit;
import org.callobjectives.protocol.ErrorMessage;
import org.callobjectives.protocol.Hello;
import org.callobjectives.protocol.Json;
import org.callobjectives.protocol.MalformedMessageException;
import org.callobjectives.protocol.Message;
import org.callobjectives.protocol.Proposal;
import org.callobjectives.protocol.Welcome;
import org.callobjectives.server.access.Access;
import org.callobjectives.server.config.Agent;
import org.callobjectives.server.dispositions.DispositionService;
import org.callobjectives.server.proposals.ProposalService;
import org.callobjectives.server.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One agent-bridge connection: authenticates with Hello, then takes dispositions. Not sharable. */
public final class AgentSocketHandler extends SimpleChannelInboundHandler<WebSocketFrame> {
  private static final Logger log = LoggerFactory.getLogger(AgentSocketHandler.class);

  private final Access access;
  private final AgentSessions sessions;
  private final DispositionService dispositions;
  private final Executor authExecutor;
  private final ProposalService proposals;
  private String agentId;
  private boolean authenticating;
  private boolean helloReceived;

  public AgentSocketHandler(
      Access access,
      AgentSessions sessions,
      DispositionService dispositions,
      Executor authExecutor) {
    this(access, sessions, dispositions, authExecutor, null);
  }

  /** With {@code proposals}, agents may also send objective change proposals. */
  public AgentSocketHandler(
      Access access,
      AgentSessions sessions,
      DispositionService dispositions,
      Executor authExecutor,
      ProposalService proposals) {
    this.proposals = proposals;
    this.access = access;
    this.sessions = sessions;
    this.dispositions = dispositions;
    this.authExecutor = authExecutor;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
    if (frame instanceof BinaryWebSocketFrame) {
      reply(
          ctx,
          new ErrorMessage(
              ErrorMessage.BAD_REQUEST, "binary frames are not supported; send JSON text", null));
      return;
    }
    if (!(frame instanceof TextWebSocketFrame text)) {
      return; // pings, pongs and the close are answered before this handler
    }
    Message m;
    try {
      m = Json.read(text.text());
    } catch (MalformedMessageException e) {
      reply(
          ctx,
          new ErrorMessage(
              ErrorMessage.BAD_REQUEST, "not a valid message: " + e.getMessage(), null));
      return;
    }
    if (m instanceof Hello h) {
      hello(ctx, h);
    } else if (m instanceof DispositionSubmit d) {
      if (agentId == null) {
        reply(
            ctx,
            new ErrorMessage(
                ErrorMessage.UNAUTHORIZED,
                "send hello with your agent id and token first",
                d.requestId()));
        return;
      }
      String me = agentId;
      dispositions.submit(me, d, answer -> reply(ctx, answer));
    } else if (m instanceof ChecklistProgress p) {
      // Live ticks: nothing to answer; a client not signed in or not on that call is ignored.
      if (agentId != null && !sessions.checklistProgress(agentId, p)) {
        log.debug("agent {}: checklist for call {} ignored (not theirs now)", agentId, p.callId());
      }
    } else if (m instanceof Proposal p && proposals != null) {
      if (agentId == null) {
        reply(
            ctx,
            new ErrorMessage(
                ErrorMessage.UNAUTHORIZED,
                "send hello with your agent id and token first",
                p.requestId()));
        return;
      }
      proposals.submit(agentId, p, answer -> reply(ctx, answer));
    } else {
      reply(
          ctx,
          new ErrorMessage(
              ErrorMessage.BAD_REQUEST,
              "agents may send hello, disposition and proposal, not "
                  + m.getClass().getSimpleName(),
              null));
    }
  }

  private void hello(ChannelHandlerContext ctx, Hello h) {
    if (agentId != null || authenticating) {
      reply(ctx, new ErrorMessage(ErrorMessage.BAD_REQUEST, "already signed in", null));
      return;
    }
    authenticating = true;
    helloReceived = true;
    try {
      // Token hashing is CPU work: keep it off the event loop.
      String remote = Access.remote(ctx.channel().remoteAddress());
      authExecutor.execute(
          () -> {
            Access.Result r;
            String ticket = null;
            try {
              // A ticket from an earlier Welcome costs a database read; the token a PBKDF2
              // derivation (a restart's thousands of sign-ins must not queue behind those).
              var resumed = access.resume(h.agentId(), h.resume());
              if (resumed.isPresent()) {
                r = new Access.Result.Ok(resumed.get());
                ticket = h.resume();
              } else {
                r = access.login(h.agentId(), h.token(), remote);
                if (r instanceof Access.Result.Ok ok && ok.who().role() == Role.AGENT) {
                  ticket = access.agentTicket(ok.who());
                }
              }
            } catch (RuntimeException e) {
              log.warn(
                  "sign-in check failed for '{}': {}", Access.clean(h.agentId()), e.toString());
              r = new Access.Result.Refused();
            }
            Access.Result result = r;
            String resume = ticket;
            ctx.executor().execute(() -> signedIn(ctx, h, result, resume));
          });
    } catch (RejectedExecutionException e) {
      authenticating = false;
      reply(ctx, new ErrorMessage(ErrorMessage.BAD_REQUEST, "server is shutting down", null));
      ctx.close();
    }
  }

  private void signedIn(ChannelHandlerContext ctx, Hello h, Access.Result r, String ticket) {
    authenticating = false;
    if (!(r instanceof Access.Result.Ok ok) || ok.who().role() != Role.AGENT) {
      String why =
          r instanceof Access.Result.Throttled
              ? "too many failed sign-ins; wait a minute"
              : "unknown agent or wrong token";
      log.warn(
          "agent sign-in refused for id '{}' from {}: {}",
          Access.clean(h.agentId()),
          ctx.channel().remoteAddress(),
          why);
      reply(ctx, new ErrorMessage(ErrorMessage.UNAUTHORIZED, why, null));
      // A short pause before closing slows down token guessing.
      ctx.executor().schedule(() -> ctx.close(), 500, TimeUnit.MILLISECONDS);
      return;
    }
    Agent a = access.agent(ok.who().name()).orElse(null);
    if (a == null) { // removed by a config reload a moment ago
      reply(ctx, new ErrorMessage(ErrorMessage.UNAUTHORIZED, "unknown agent", null));
      ctx.close();
      return;
    }
    agentId = a.id();
    reply(ctx, new Welcome(a.id(), a.name(), System.currentTimeMillis(), ticket));
    sessions.attach(a.id(), ctx.channel());
    log.info("agent {} ({}) connected from {}", a.id(), a.name(), ctx.channel().remoteAddress());
  }

  private void reply(ChannelHandlerContext ctx, Message m) {
    sessions.write(ctx.channel(), Json.write(m));
  }

  /**
   * Added once the socket is open: a client that opens it must sign in promptly; otherwise it only
   * holds a connection.
   */
  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    ctx.executor()
        .schedule(
            () -> {
              // A hello still being checked (sign-ins queue at a morning's start) is no silence.
              if (!helloReceived && ctx.channel().isActive()) {
                reply(
                    ctx, new ErrorMessage(ErrorMessage.UNAUTHORIZED, "no hello within 15 s", null));
                ctx.close();
              }
            },
            15,
            TimeUnit.SECONDS);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (agentId != null) {
      log.info("agent {} disconnected", agentId);
    }
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    log.warn("agent connection {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
    ctx.close();
  }
}
