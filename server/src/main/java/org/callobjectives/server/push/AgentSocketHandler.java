package org.callobjectives.server.push;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
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

/**
 * One agent connection (agent-bridge on /agent, signing in with Hello; or the browser desk, signed
 * in by its session cookie): takes dispositions, checklist ticks and proposals. Once signed in,
 * every message is held to the agent's {@link AgentLimits} (over them: {@code rate_limited},
 * nothing stored; going on after being told closes the connection), and at most {@link
 * AgentLimits.Settings#inFlight} of its store requests wait for the database at a time: reading
 * from the connection pauses meanwhile, so one client never fills the store's queue. Not sharable;
 * everything here runs on the connection's event loop.
 */
public final class AgentSocketHandler extends SimpleChannelInboundHandler<WebSocketFrame> {
  private static final Logger log = LoggerFactory.getLogger(AgentSocketHandler.class);

  /** The WebSocket close code for a policy violation (RFC 6455): here, flooding. */
  static final int POLICY_VIOLATION = 1008;

  /** How long a client has to answer the server's close before the connection is closed anyway. */
  static final long CLOSE_ANSWER_MS = 5_000;

  private final Access access;
  private final AgentSessions sessions;
  private final DispositionService dispositions;
  private final Executor authExecutor;
  private final ProposalService proposals;
  private final AgentLimits limits;
  private final AgentLimits.Connection refusals;
  // Store requests (dispositions, proposals) answered by the store's thread, and those waiting
  // for one of them to finish; reading is paused while any wait.
  private final ArrayDeque<Runnable> waitingForStore = new ArrayDeque<>();
  private int inFlight;
  private boolean closing;
  private String closeReason = "rate limited";
  private boolean closeSent;
  private String agentId;
  private boolean authenticating;
  private boolean helloReceived;
  // A browser's socket: the session cookie that signed it in, and whose it is (no hello then).
  private String sessionId;
  private String sessionAgent;

  /**
   * How often a browser's socket is pinged and checks that its session still holds (expiry); well
   * under the web server's idle limit (120 s).
   */
  static final long SESSION_CHECK_MS = 30_000;

  /**
   * Held to {@code limits} (one for the whole server: the buckets are per agent, whichever
   * connection a message comes on); with {@code proposals} (may be null), agents may also send
   * objective change proposals.
   */
  public AgentSocketHandler(
      Access access,
      AgentSessions sessions,
      DispositionService dispositions,
      Executor authExecutor,
      ProposalService proposals,
      AgentLimits limits) {
    this.proposals = proposals;
    this.access = access;
    this.sessions = sessions;
    this.dispositions = dispositions;
    this.authExecutor = authExecutor;
    this.limits = limits;
    this.refusals = limits.connection();
  }

  /**
   * Makes this the socket of a browser whose session cookie ({@code sessionId}) signed in agent
   * {@code agentId}: no hello is expected; {@link #opened} welcomes it once the handshake is sent,
   * and the socket closes when the session ends. Call before the upgrade.
   */
  public AgentSocketHandler signedInBySession(String agentId, String sessionId) {
    this.sessionAgent = agentId;
    this.sessionId = sessionId;
    this.authenticating = true; // a hello meanwhile is "already signed in"
    this.helloReceived = true;
    return this;
  }

  /** The browser's socket is open: the welcome and what the agent missed, as after a hello. */
  public void opened(io.netty.channel.Channel ch) {
    ChannelHandlerContext ctx = ch.pipeline().context(this);
    if (ctx == null || sessionAgent == null) {
      return;
    }
    signedIn(
        ctx,
        new Hello(sessionAgent, null, "browser"),
        new Access.Result.Ok(
            new org.callobjectives.server.security.Principal(sessionAgent, Role.AGENT)),
        null);
    // Sign-out closes it at once (sessionEnded); this catches expiry and removal from the config.
    // A page cannot send WebSocket pings: the server's keep a quiet desk's socket from being
    // closed as idle, and the browser's pongs show it is still there.
    if (agentId == null) {
      return; // refused (removed from the config a moment ago): already closing
    }
    var checks =
        ctx.executor()
            .scheduleWithFixedDelay(
                () -> {
                  if (!access.sessionValid(sessionId)) {
                    sessionEnded(ctx);
                  } else if (ch.isActive() && !closing) {
                    ch.writeAndFlush(
                        new io.netty.handler.codec.http.websocketx.PingWebSocketFrame());
                  }
                },
                SESSION_CHECK_MS,
                SESSION_CHECK_MS,
                TimeUnit.MILLISECONDS);
    ch.closeFuture().addListener(f -> checks.cancel(false));
  }

  /**
   * The browser's session was signed out: tell the page, then close once what was taken is
   * answered.
   */
  public void sessionEnded(io.netty.channel.Channel ch) {
    ChannelHandlerContext ctx = ch.pipeline().context(this);
    if (ctx != null) {
      ctx.executor().execute(() -> sessionEnded(ctx));
    }
  }

  private void sessionEnded(ChannelHandlerContext ctx) {
    if (!ctx.channel().isActive() || closing || agentId == null) {
      return;
    }
    closing = true;
    closeReason = "signed out";
    log.info("agent {}: browser session ended, closing its socket", agentId);
    reply(
        ctx,
        new ErrorMessage(ErrorMessage.UNAUTHORIZED, "your session ended: sign in again", null));
    closeWhenAnswered(ctx);
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
    if (closing) {
      return; // disconnected for flooding: what was on its way is dropped
    }
    if (frame instanceof BinaryWebSocketFrame) {
      if (limited(ctx, AgentLimits.Kind.OTHER, null)) {
        return;
      }
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
      if (limited(ctx, AgentLimits.Kind.OTHER, null)) {
        return;
      }
      reply(
          ctx,
          new ErrorMessage(
              ErrorMessage.BAD_REQUEST, "not a valid message: " + e.getMessage(), e.requestId()));
      return;
    }
    if (limited(ctx, kind(m), requestId(m))) {
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
      toStore(ctx, answer -> dispositions.submit(me, d, answer));
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
      String me = agentId;
      toStore(ctx, answer -> proposals.submit(me, p, answer));
    } else {
      reply(
          ctx,
          new ErrorMessage(
              ErrorMessage.BAD_REQUEST,
              "agents may send hello, disposition, checklist_progress and proposal, not "
                  + m.getClass().getSimpleName(),
              null));
    }
  }

  private AgentLimits.Kind kind(Message m) {
    if (m instanceof DispositionSubmit) {
      return AgentLimits.Kind.DISPOSITION;
    }
    if (m instanceof ChecklistProgress) {
      return AgentLimits.Kind.CHECKLIST_PROGRESS;
    }
    if (m instanceof Proposal && proposals != null) {
      return AgentLimits.Kind.PROPOSAL;
    }
    return AgentLimits.Kind.OTHER;
  }

  private static String requestId(Message m) {
    if (m instanceof DispositionSubmit d) {
      return d.requestId();
    }
    if (m instanceof Proposal p) {
      return p.requestId();
    }
    return null;
  }

  /**
   * Takes a token for one message of a signed-in agent; true when there was none: the message is
   * answered {@code rate_limited} with when to send again (nothing of it stored), or, for a client
   * that goes on after being told, the connection is closed. Before sign-in nothing is counted: the
   * only message that does anything then is the one hello, and a connection that sends no hello is
   * closed after 15 s.
   */
  private boolean limited(ChannelHandlerContext ctx, AgentLimits.Kind kind, String requestId) {
    if (agentId == null) {
      return false;
    }
    long wait = limits.take(agentId, kind);
    if (wait == 0) {
      return false;
    }
    if (refusals.refusedOnceMore()) {
      closing = true;
      ctx.channel().config().setAutoRead(false);
      limits.disconnectedForFlooding(agentId, kind, ctx.channel().remoteAddress());
      reply(
          ctx,
          new ErrorMessage(
              ErrorMessage.RATE_LIMITED,
              "too many messages after being told to slow down: disconnected",
              requestId,
              wait));
      closeWhenAnswered(ctx);
      // However long the store takes, and a client that does not read the close.
      ctx.executor()
          .schedule(
              () -> {
                if (!closeSent) {
                  ctx.close(); // the store never answered; once the close is out, it has its own
                  // wait
                }
              },
              5,
              TimeUnit.SECONDS);
      return true;
    }
    reply(
        ctx,
        new ErrorMessage(
            ErrorMessage.RATE_LIMITED,
            "too many "
                + kind.label()
                + " messages: not taken, nothing stored; send again in "
                + Math.max(1, (wait + 999) / 1000)
                + " s",
            requestId,
            wait));
    return true;
  }

  /**
   * Hands a request to the store now, or once fewer than the limit's in-flight requests of this
   * connection wait for it; reading from the connection pauses while requests wait here (the frames
   * of the last read still arrive, each already counted by the rate limit).
   */
  private void toStore(ChannelHandlerContext ctx, Consumer<Consumer<Message>> request) {
    Runnable start =
        () -> {
          inFlight++;
          request.accept(
              answer -> {
                reply(ctx, answer);
                ctx.executor().execute(() -> storeAnswered(ctx));
              });
        };
    if (inFlight < limits.settings().inFlight() && waitingForStore.isEmpty()) {
      start.run();
    } else {
      waitingForStore.add(start);
    }
    if (inFlight >= limits.settings().inFlight()) {
      ctx.channel().config().setAutoRead(false);
    }
  }

  /**
   * Closed for flooding: once what was taken before is answered (so a disposition or proposal
   * stored is also acked), the close frame goes out and the connection closes.
   */
  private void closeWhenAnswered(ChannelHandlerContext ctx) {
    if (closeSent || inFlight > 0 || !waitingForStore.isEmpty() || !ctx.channel().isActive()) {
      return;
    }
    closeSent = true;
    Channel ch = ctx.channel();
    ch.writeAndFlush(new CloseWebSocketFrame(POLICY_VIOLATION, closeReason))
        .addListener(
            f -> {
              if (!f.isSuccess()) {
                ch.close();
                return;
              }
              // Until the client's close comes back, what it still sends is read and dropped:
              // closing with unread data would reset the connection, and the client's system
              // would throw away the answers it has not read yet (acks of what was stored).
              ch.config().setAutoRead(true);
              ch.eventLoop().schedule(() -> ch.close(), CLOSE_ANSWER_MS, TimeUnit.MILLISECONDS);
            });
  }

  private void storeAnswered(ChannelHandlerContext ctx) {
    inFlight--;
    while (inFlight < limits.settings().inFlight() && !waitingForStore.isEmpty()) {
      waitingForStore.poll().run();
    }
    if (closing) {
      closeWhenAnswered(ctx);
    } else if (inFlight < limits.settings().inFlight()
        && waitingForStore.isEmpty()
        && !ctx.channel().config().isAutoRead()) {
      ctx.channel().config().setAutoRead(true);
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
    if (closeSent && cause instanceof java.io.IOException) {
      // Told to go and gone without answering the close: nothing was lost.
      log.debug(
          "agent connection {} dropped after the close: {}",
          ctx.channel().remoteAddress(),
          cause.toString());
    } else {
      log.warn("agent connection {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
    }
    ctx.close();
  }
}
