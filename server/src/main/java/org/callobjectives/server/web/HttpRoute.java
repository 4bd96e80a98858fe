package org.callobjectives.server.web;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import org.callobjectives.server.security.Principal;

/**
 * One group of pages or API paths. Must not block: slow work completes later with writeAndFlush.
 */
public interface HttpRoute {
  /**
   * Answers the request if {@code path} is one of this route's; returns false to let the next route
   * try. {@code who} is null for anonymous requests; use {@link Guard#require} for pages that need
   * a role.
   */
  boolean handle(ChannelHandlerContext ctx, FullHttpRequest req, String path, Principal who)
      throws Exception;
}
