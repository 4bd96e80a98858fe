package org.callobjectives.server.config;

import java.util.List;

/**
 * An agent: the AMI interfaces (and queue MemberNames) that mean this agent, its group for outbound
 * objectives, and its access token (stored hashed, see {@code hash-token}).
 */
public record Agent(
    String id, String name, String group, List<String> interfaces, String tokenHash) {
  public Agent {
    interfaces = List.copyOf(interfaces);
  }

  @Override
  public String toString() {
    return "Agent[" + id + " " + name + "]";
  }
}
