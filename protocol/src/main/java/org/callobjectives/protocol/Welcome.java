package org.callobjectives.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The server accepted the agent; pops for its calls still open or in wrap-up follow (marked
 * replay). {@code resumeToken}: a ticket to send as {@link Hello#resume} on the next connection
 * (until it expires, the token's hash changes or the agent is removed); null when none was made.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Welcome(String agentId, String displayName, long serverTimeMillis, String resumeToken)
    implements Message {
  public Welcome(String agentId, String displayName, long serverTimeMillis) {
    this(agentId, displayName, serverTimeMillis, null);
  }
}
