package org.callobjectives.amisim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AmiTraceTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a_sales_caller_hangup",
        "b_support_agent_hangup",
        "c_abandon_while_ringing",
        "d_outbound_agent_dials",
        "e_burst_20_calls",
        "g_blind_transfer_to_other_queue",
        "h_restart_mid_call",
        "h2_crash_mid_call",
        "h3_client_reconnect_mid_call"
      })
  void everyCapturedEventIsKeptAndCountsMatchTheTruth(String name) throws Exception {
    AmiTrace trace = Traces.load(name);
    assertEquals(Traces.truthEventCounts(name), Traces.countTypes(trace.eventTypes()));
  }

  @Test
  void aSingleSessionTraceDropsTheLoginResponseAndKeepsCaptureTimes() throws Exception {
    AmiTrace trace = Traces.load("a_sales_caller_hangup");

    assertEquals(1, trace.sessions().size());
    AmiTrace.Session session = trace.sessions().get(0);
    assertEquals(0.001204, session.startSeconds(), 1e-9);
    AmiTrace.Packet first = session.packets().get(0);
    assertEquals("Newchannel", first.eventType());
    assertEquals(0.503249, first.seconds(), 1e-9);
    String text = new String(first.bytes(), StandardCharsets.UTF_8);
    assertTrue(text.endsWith("\r\n\r\n"), "packets keep their CRLF framing");
    assertFalse(session.packets().stream().anyMatch(packet -> packet.eventType() == null));
  }

  @Test
  void restartTracesSplitIntoTwoSessionsAtTheSecondBanner() throws Exception {
    AmiTrace trace = Traces.load("h_restart_mid_call");

    assertEquals(2, trace.sessions().size());
    assertTrue(trace.sessions().get(1).startSeconds() > 5.0);
    for (AmiTrace.Session session : trace.sessions()) {
      assertTrue(
          session.packets().stream()
              .noneMatch(
                  packet ->
                      new String(packet.bytes(), StandardCharsets.US_ASCII)
                          .startsWith("Response:")));
    }
  }

  @Test
  void rawBytesCanBeInsertedBetweenPackets() throws Exception {
    AmiTrace.Session session = Traces.load("a_sales_caller_hangup").sessions().get(0);
    AmiTrace.Session dirty =
        session.withRawBytes(1, "garbage\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

    assertEquals(session.packets().size() + 1, dirty.packets().size());
    assertEquals(session.eventTypes(), dirty.eventTypes());
    assertEquals(List.of("Newchannel", "Newchannel"), dirty.eventTypes().subList(0, 2));
  }
}
