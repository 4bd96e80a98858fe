package org.callobjectives.server.web;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpResponse;

/**
 * Adds Strict-Transport-Security to every response on an https connection, so that a browser that
 * has been here once never tries plain http (where a man in the middle could answer). Stateless.
 */
@ChannelHandler.Sharable
public final class Hsts extends ChannelOutboundHandlerAdapter {
  public static final Hsts INSTANCE = new Hsts();

  /** A year; no includeSubDomains: other hosts of the domain are not ours to bind. */
  static final String VALUE = "max-age=31536000";

  private Hsts() {}

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (msg instanceof HttpResponse res) {
      res.headers().set("Strict-Transport-Security", VALUE);
    }
    ctx.write(msg, promise);
  }
}
