package org.callobjectives.server.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.callobjectives.amisim.AmiTrace;
import org.callobjectives.amisim.ScriptedAmiServer;
import org.callobjectives.protocol.CallEnded;
import org.callobjectives.protocol.CallStarted;
import org.callobjectives.protocol.DispositionAck;
import org.callobjectives.protocol.DispositionSubmit;
import org.callobjectives.protocol.ErrorMessage;
import org.callobjectives.protocol.Hello;
import org.callobjectives.protocol.Json;
import org.callobjectives.protocol.Proposal;
import org.callobjectives.protocol.ProposalAck;
import org.callobjectives.protocol.Welcome;
import org.callobjectives.server.testing.ProtocolSchema;
import org.callobjectives.server.testing.RawAgentSocket;
import org.callobjectives.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the server writes to an agent is a message as the committed schema has it. */
class ProtocolSchemaTest {
  static final Path TRACES = AmiTrace.defaultDirectory();

  @TempDir Path dir;

  @Test
  void aValidMessageHasNoProblemsAndAWrongOneIsToldWhere() {
    assertEquals(List.of(), ProtocolSchema.problems(Json.write(new Welcome("1001", "Alice", 5))));
    assertEquals(
        List.of("/serverTimeMillis: string found, integer expected"),
        ProtocolSchema.problems(
            "{\"type\":\"welcome\",\"agentId\":\"1001\",\"serverTimeMillis\":\"5\"}"));
    assertEquals(
        List.of("message: required property 'type' not found"),
        ProtocolSchema.problems("{\"agentId\":\"1001\"}"));
    assertTrue(ProtocolSchema.problems("{oops").get(0).startsWith("not JSON: "));
  }

  @Test
  void everyFrameTheServerSendsThroughACallIsAValidMessage() throws Exception {
    assumeTrue(Files.isDirectory(TRACES), "AMI traces not found at " + TRACES + ": skipped");
    AmiTrace.Session call = AmiTrace.load(TRACES, "a_sales_caller_hangup").sessions().get(0);
    try (TestServer ts = TestServer.start(dir, List.of(), Duration.ofMinutes(2), List.of());
        ScriptedAmiServer ami = new ScriptedAmiServer(List.of(call), 50).start();
        RawAgentSocket alice = new RawAgentSocket(ts.agentUri())) {
      alice.send(new Hello("1001", "demo-1001", "test"));
      alice.next(Welcome.class);
      ts.server.connectAmi(TestServer.link("trace", ami.port()));
      CallStarted pop = alice.next(CallStarted.class);
      alice.next(CallEnded.class);
      DispositionSubmit sale =
          new DispositionSubmit(
              "a1",
              pop.callId(),
              "SALE",
              true,
              List.of("greeting", "recording-notice"),
              1,
              List.of("annual plan"),
              90,
              "booked for Tuesday");
      alice.send(sale);
      alice.next(DispositionAck.class);
      alice.send(sale);
      // Sent again: the ack carries the stored disposition, a message inside a message.
      assertTrue(alice.next(DispositionAck.class).duplicate());
      alice.send(new Proposal("p1", pop.objective().id(), "Allow 14 days for the demo"));
      alice.next(ProposalAck.class);
      alice.sendText("{oops");
      alice.next(ErrorMessage.class);

      Set<String> types = new TreeSet<>();
      for (String frame : alice.frames()) {
        ProtocolSchema.assertValid(frame);
        types.add(Json.mapper().readTree(frame).get("type").asText());
      }
      assertTrue(
          types.containsAll(
              Set.of(
                  "welcome",
                  "call_started",
                  "call_ended",
                  "disposition_ack",
                  "proposal_ack",
                  "error",
                  "agent_state")),
          types.toString());
    }
  }
}
