package org.callobjectives.server.agents;

import java.util.concurrent.CompletableFuture;
import org.callobjectives.server.ami.AmiCapabilities;

/** The AMI side of forced wrap-up: what each link may send, and QueuePause on that link. */
public interface QueuePauses {
  /** What the named link's AMI user may send ({@link AmiCapabilities#UNKNOWN} before its login). */
  AmiCapabilities capabilities(String server);

  /**
   * Whether this node listens to the named link; another node pauses the agents of calls it tracks.
   */
  default boolean here(String server) {
    return true;
  }

  /** QueuePause on the named link ({@code queue} null: every queue of the interface). */
  CompletableFuture<Void> pause(
      String server, String iface, String queue, boolean paused, String reason);
}
