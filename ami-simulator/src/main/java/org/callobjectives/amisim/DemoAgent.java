package org.callobjectives.amisim;

import java.util.List;
import java.util.Objects;

/**
 * A simulated queue member.
 *
 * @param extension the agent's extension, e.g. {@code 1001}
 * @param name the MemberName, e.g. {@code Alice Agent}
 * @param memberInterface the queue member interface, e.g. {@code Local/1001@agents/n}
 * @param queues the queues the agent is a static member of
 */
public record DemoAgent(
    String extension, String name, String memberInterface, List<String> queues) {

  /** Validates and copies the queue list. */
  public DemoAgent {
    Objects.requireNonNull(extension, "extension");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(memberInterface, "memberInterface");
    queues = List.copyOf(queues);
  }

  /** An agent with the lab's interface convention {@code Local/<extension>@agents/n}. */
  public static DemoAgent of(String extension, String name, String... queues) {
    return new DemoAgent(extension, name, "Local/" + extension + "@agents/n", List.of(queues));
  }

  /** The device behind the interface ({@code Local/1001@agents}), Asterisk's StateInterface. */
  public String stateInterface() {
    return memberInterface.endsWith("/n")
        ? memberInterface.substring(0, memberInterface.length() - 2)
        : memberInterface;
  }
}
