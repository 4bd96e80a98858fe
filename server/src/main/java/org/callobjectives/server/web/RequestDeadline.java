package org.callobjectives.server.web;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.LastHttpContent;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A request's headers must arrive within one time and its body within another, else 408 and the
 * connection closes: a slow client cannot hold a connection by dribbling bytes. A connection idle
 * after an answer (keep-alive) closes silently after the header time. Removed when the connection
 * becomes a WebSocket. One per connection.
 */
final class RequestDeadline extends ChannelDuplexHandler {
  private enum Waiting {
    HEADERS,
    BODY,
    NOTHING
  }

  private final long headerMillis;
  private final long bodyMillis;
  private Waiting waiting = Waiting.NOTHING;
  private ScheduledFuture<?> timer;
  private int unanswered; // requests read whole and not yet answered
  private boolean answeredOne;
  private boolean closing;

  RequestDeadline(Duration headers, Duration body) {
    this.headerMillis = headers.toMillis();
    this.bodyMillis = body.toMillis();
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    wait(ctx, Waiting.HEADERS);
    super.channelActive(ctx);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
    if (msg instanceof HttpRequest) {
      wait(ctx, msg instanceof LastHttpContent ? Waiting.NOTHING : Waiting.BODY);
    }
    if (msg instanceof LastHttpContent) {
      wait(ctx, Waiting.NOTHING);
      unanswered++;
    }
    super.channelRead(ctx, msg);
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise)
      throws Exception {
    // A 1xx (100 Continue) is not the answer; the whole answer is its LastHttpContent.
    boolean informational =
        msg instanceof HttpResponse r && r.status().codeClass() == HttpStatusClass.INFORMATIONAL;
    if (msg instanceof LastHttpContent && !informational) {
      promise.addListener(
          f -> {
            unanswered = Math.max(0, unanswered - 1);
            answeredOne = true;
            if (f.isSuccess() && unanswered == 0 && waiting == Waiting.NOTHING) {
              wait(ctx, Waiting.HEADERS); // the next request on this connection, if any
            }
          });
    }
    super.write(ctx, msg, promise);
  }

  private void wait(ChannelHandlerContext ctx, Waiting what) {
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
    waiting = what;
    if (closing || !ctx.channel().isActive() || what == Waiting.NOTHING) {
      return;
    }
    long ms = what == Waiting.HEADERS ? headerMillis : bodyMillis;
    timer = ctx.executor().schedule(() -> expired(ctx, what), ms, TimeUnit.MILLISECONDS);
  }

  private void expired(ChannelHandlerContext ctx, Waiting what) {
    if (waiting != what || closing) {
      return;
    }
    closing = true;
    if (what == Waiting.HEADERS && answeredOne) {
      ctx.close(); // idle between requests: nothing was asked, nothing to answer
      return;
    }
    long ms = what == Waiting.HEADERS ? headerMillis : bodyMillis;
    HttpResponses.error(
        ctx,
        null,
        HttpResponseStatus.REQUEST_TIMEOUT,
        "the request's "
            + (what == Waiting.HEADERS ? "headers" : "body")
            + " did not arrive within "
            + (ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms"));
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    if (timer != null) {
      timer.cancel(false);
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    if (timer != null) {
      timer.cancel(false);
    }
    super.channelInactive(ctx);
  }
}
