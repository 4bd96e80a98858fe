package org.callobjectives.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.callobjectives.protocol.DispositionSubmit;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class OutboxTest {

  @TempDir Path dir;

  private static DispositionSubmit d(String requestId, String callId) {
    return new DispositionSubmit(
        requestId, callId, "SALE", true, List.of("a"), 2, List.of("tv", "mobile"), null, "n");
  }

  @Test
  void entries_survive_reopening_the_file_in_order() throws Exception {
    Path file = dir.resolve("sub/outbox.jsonl");
    Outbox first = Outbox.open(file);
    first.add(d("r1", "c1"));
    first.add(d("r2", "c2"));
    first.close();

    Outbox again = Outbox.open(file);
    assertEquals(List.of(d("r1", "c1"), d("r2", "c2")), again.entries());
    List<String> lines = Files.readAllLines(file);
    assertEquals(2, lines.size());
    assertTrue(lines.get(0).contains("\"type\":\"disposition\""), lines.get(0));
  }

  @Test
  void removing_by_request_id_or_call_id_rewrites_the_file() throws Exception {
    Path file = dir.resolve("outbox.jsonl");
    Outbox box = Outbox.open(file);
    box.add(d("r1", "c1"));
    box.add(d("r2", "c2"));
    box.add(d("r3", "c2"));

    assertEquals(List.of(d("r1", "c1")), box.removeByRequestId("r1"));
    assertEquals(2, box.removeByCallId("c2").size());
    assertTrue(box.removeByRequestId("nope").isEmpty());

    assertTrue(box.isEmpty());
    assertTrue(Outbox.open(file).isEmpty());
    assertTrue(Files.notExists(dir.resolve("outbox.jsonl.tmp")));
  }

  @Test
  void a_torn_last_line_from_a_crash_is_skipped_and_the_rest_kept() throws Exception {
    Path file = dir.resolve("outbox.jsonl");
    Outbox box = Outbox.open(file);
    box.add(d("r1", "c1"));
    Files.writeString(
        file, "{\"type\":\"disposition\",\"requestId\":\"r2\",\"cal", StandardOpenOption.APPEND);

    Outbox reopened = Outbox.open(file);
    assertEquals(List.of(d("r1", "c1")), reopened.entries());
    reopened.add(d("r3", "c3"));
    assertEquals(List.of(d("r1", "c1"), d("r3", "c3")), Outbox.open(file).entries());
    assertEquals(2, Files.readAllLines(file, StandardCharsets.UTF_8).size());
  }

  @Test
  void an_in_memory_outbox_keeps_entries_without_a_file() throws Exception {
    Outbox box = Outbox.inMemory();
    box.add(d("r1", "c1"));
    assertEquals(1, box.size());
    assertEquals(null, box.file());
    box.removeByCallId("c1");
    assertTrue(box.isEmpty());
  }
}
