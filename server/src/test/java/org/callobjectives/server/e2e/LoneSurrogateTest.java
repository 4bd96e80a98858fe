package org.callobjectives.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import org.callobjectives.amisim.AmiTrace;
import org.callobjectives.amisim.AmiWireServer;
import org.callobjectives.amisim.ScriptedAmiServer;
import org.callobjectives.protocol.CallEnded;
import org.callobjectives.protocol.CallStarted;
import org.callobjectives.protocol.DispositionAck;
import org.callobjectives.protocol.ErrorMessage;
import org.callobjectives.protocol.Json;
import org.callobjectives.protocol.ProposalAck;
import org.callobjectives.protocol.Welcome;
import org.callobjectives.server.config.AmiServer;
import org.callobjectives.server.testing.AdminServer;
import org.callobjectives.server.testing.RawAgentSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lone UTF-16 surrogate ({@code "\\ud800"} in JSON, half of an emoji cut in two) wherever a JSON
 * body comes in: a clear 400 for the admin, never a 500, a closed socket or a lost disposition.
 */
class LoneSurrogateTest {
  static final String LONE = "\\ud800";

  @TempDir Path tmp;
  AdminServer s;

  @BeforeEach
  void start() throws Exception {
    s = AdminServer.start(tmp);
  }

  @AfterEach
  void stop() {
    s.close();
  }

  @Test
  void anAdminSaveWithALoneSurrogateIsAnswered400AndNothingIsSaved() throws Exception {
    Path file = s.configDir.resolve("objectives.yaml");
    String before = Files.readString(file);
    String edited =
        Json.mapper()
            .writeValueAsString(
                java.util.Map.of(
                    "text",
                    before.replace("title: Book a product demo", "title: Book a demo SURROGATE")))
            .replace("SURROGATE", LONE);
    HttpResponse<String> r = s.admin("PUT", "/api/admin/files/objectives.yaml", edited);
    assertEquals(400, r.statusCode(), r.body());
    assertTrue(r.body().contains("surrogate"), r.body());
    assertFalse(r.body().contains("Exception"), r.body());
    assertEquals(before, Files.readString(file));

    HttpResponse<String> lint =
        s.admin(
            "POST", "/api/admin/lint", "{\"file\":\"objectives.yaml\",\"text\":\"" + LONE + "\"}");
    assertEquals(400, lint.statusCode(), lint.body());
    assertEquals(
        400,
        s.admin("POST", "/api/admin/lint", "{\"" + LONE + "\":1}").statusCode(),
        "in a name too");

    byte[] latin1 =
        "{\"text\":\"title: Caf\u00e9\"}".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    HttpResponse<String> notUtf8 =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(s.uri("/api/admin/files/objectives.yaml"))
                    .header("Content-Type", "application/json")
                    .header(
                        "Authorization",
                        "Basic "
                            + java.util.Base64.getEncoder()
                                .encodeToString("ada:demo-admin".getBytes()))
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofByteArray(latin1))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(400, notUtf8.statusCode(), notUtf8.body());
    assertTrue(notUtf8.body().contains("UTF-8"), notUtf8.body());
    assertEquals(before, Files.readString(file));
  }

  @Test
  void anAgentsDispositionAndProposalWithALoneSurrogateAreStoredWithTheRestIntact()
      throws Exception {
    Path traces = AmiTrace.defaultDirectory();
    assumeTrue(Files.isDirectory(traces), "AMI traces not found at " + traces + ": skipped");
    AmiTrace.Session call = AmiTrace.load(traces, "a_sales_caller_hangup").sessions().get(0);
    try (RawAgentSocket alice = new RawAgentSocket(s.agentUri());
        ScriptedAmiServer ami = new ScriptedAmiServer(List.of(call), 50).start()) {
      alice.sendText(
          "{\"type\":\"hello\",\"agentId\":\"1001\",\"token\":\"demo-1001\",\"client\":\"t"
              + LONE
              + "\"}");
      assertEquals("1001", alice.next(Welcome.class).agentId());
      s.server.connectAmi(
          new AmiServer(
              "trace",
              "127.0.0.1",
              ami.port(),
              AmiWireServer.DEFAULT_USERNAME,
              AmiWireServer.DEFAULT_SECRET));
      CallStarted pop = alice.next(CallStarted.class);
      alice.next(CallEnded.class);
      alice.sendText(
          "{\"type\":\"disposition\",\"requestId\":\"r1\",\"callId\":\""
              + pop.callId()
              + "\",\"code\":\"SALE\",\"advanceObtained\":true,\"upsellCount\":1,"
              + "\"upsellNotes\":[\"seats "
              + LONE
              + "\"],\"notes\":\"booked \ud83d\ude00 Tuesday "
              + LONE
              + " end\"}");
      DispositionAck ack = alice.next(DispositionAck.class);
      assertFalse(ack.duplicate());
      try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + s.database);
          ResultSet rs = c.createStatement().executeQuery("SELECT notes FROM dispositions")) {
        assertTrue(rs.next(), "stored");
        assertEquals("booked \ud83d\ude00 Tuesday \ufffd end", rs.getString(1));
      }
      alice.sendText(
          "{\"type\":\"proposal\",\"requestId\":\"p1\",\"objectiveId\":\"sales-demo-booked\","
              + "\"text\":\"Allow 14 days "
              + LONE
              + "\"}");
      ProposalAck p = alice.next(ProposalAck.class);
      assertTrue(p.proposalId() > 0);
      HttpResponse<String> list = s.admin("GET", "/api/admin/proposals", null);
      assertEquals(200, list.statusCode(), list.body());
      assertEquals(
          "Allow 14 days \ufffd", Json.mapper().readTree(list.body()).get(0).get("text").asText());
    }
    try (RawAgentSocket stranger = new RawAgentSocket(s.agentUri())) {
      stranger.sendText(
          "{\"type\":\"hello\",\"agentId\":\"" + LONE + "\",\"token\":\"" + LONE + "\"}");
      assertEquals(ErrorMessage.UNAUTHORIZED, stranger.next(ErrorMessage.class).code());
    }
  }
}
