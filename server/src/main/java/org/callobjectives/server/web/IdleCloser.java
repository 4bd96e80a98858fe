package org.callobjectives.server.web;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.timeout.IdleStateEvent;

/** Closes a connection that has neither sent nor received anything for a while. Stateless. */
@ChannelHandler.Sharable
public final class IdleCloser extends ChannelDuplexHandler {
  public static final IdleCloser INSTANCE = new IdleCloser();

  private IdleCloser() {}

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
    if (evt instanceof IdleStateEvent) {
      ctx.close();
      return;
    }
    super.userEventTriggered(ctx, evt);
  }
}
