package org.callobjectives.server.web;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.callobjectives.server.access.Access;

/**
 * First on every connection: counts it in within {@link ConnectionLimits}, or swaps the routes for
 * a {@link Refusal} that answers 429 (too many from its address) or 503 (too many in all). One per
 * connection.
 */
final class ConnectionGate extends ChannelInboundHandlerAdapter {
  private final ConnectionLimits limits;
  private final RefusalLog refusals;
  private String address;
  private ConnectionLimits.Admission admission;

  ConnectionGate(ConnectionLimits limits, RefusalLog refusals) {
    this.limits = limits;
    this.refusals = refusals;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    address = Access.remote(ctx.channel().remoteAddress());
    admission = limits.admit(address);
    switch (admission) {
      case OPEN -> {}
      case TOO_MANY_FROM_ADDRESS ->
          refuse(
              ctx,
              HttpResponseStatus.TOO_MANY_REQUESTS,
              "too many connections from "
                  + address
                  + " (limit "
                  + limits.perAddress()
                  + ", limits.connectionsPerAddress in server.yaml): close some and try again");
      case TOO_MANY ->
          refuse(
              ctx,
              HttpResponseStatus.SERVICE_UNAVAILABLE,
              "the server holds all the connections it may ("
                  + limits.all()
                  + ", limits.connections in server.yaml): try again in a moment");
      case CLOSE -> {
        refusals.refused(address, "too many connections, and too many refusals to answer each");
        ctx.close();
        return;
      }
    }
    ctx.fireChannelActive();
  }

  private void refuse(ChannelHandlerContext ctx, HttpResponseStatus status, String reason) {
    refusals.refused(address, reason);
    ChannelPipeline p = ctx.pipeline();
    p.remove(WebInitializer.DEADLINE);
    p.remove(WebInitializer.AGGREGATOR);
    p.replace(WebInitializer.ROUTER, "refusal", new Refusal(status, reason));
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (admission == ConnectionLimits.Admission.OPEN) {
      limits.closed(address);
    } else if (admission != null && admission != ConnectionLimits.Admission.CLOSE) {
      limits.refusalClosed();
    }
    admission = null;
    ctx.fireChannelInactive();
  }
}
