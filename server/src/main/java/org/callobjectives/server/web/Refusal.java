package org.callobjectives.server.web;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * In place of the routes on a refused connection: answers its first request with the refusal
 * (status, reason, Retry-After) and closes; a connection that sends none is closed soon.
 */
final class Refusal extends ChannelInboundHandlerAdapter {
  /** How long a refused connection may take to send its request before it is closed unanswered. */
  static final long WAIT_MS = 5_000;

  private final HttpResponseStatus status;
  private final String reason;
  private boolean answered;
  private ScheduledFuture<?> deadline;

  Refusal(HttpResponseStatus status, String reason) {
    this.status = status;
    this.reason = reason;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    deadline = ctx.executor().schedule(() -> ctx.close(), WAIT_MS, TimeUnit.MILLISECONDS);
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    deadline.cancel(false);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    try {
      // The request is read before the answer, so the client sees it rather than a reset.
      if (msg instanceof HttpRequest && !answered) {
        answered = true;
        byte[] body =
            ("{\"error\":" + HttpResponses.quote(reason) + "}").getBytes(StandardCharsets.UTF_8);
        FullHttpResponse res =
            new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
        res.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json; charset=utf-8");
        res.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        res.headers().set(HttpHeaderNames.RETRY_AFTER, "10");
        res.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-store");
        res.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(res).addListener(ChannelFutureListener.CLOSE);
      }
    } finally {
      ReferenceCountUtil.release(msg);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close();
  }
}
