package org.callobjectives.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AtomicFileTest {

  @TempDir Path dir;

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void replace_puts_the_whole_new_content_in_place_and_leaves_no_temporary_file() throws Exception {
    Path file = dir.resolve("drafts.json");
    AtomicFile.replace(file, utf8("first, a longer content"));
    AtomicFile.replace(file, utf8("second"));
    assertEquals("second", Files.readString(file));
    assertFalse(Files.exists(dir.resolve("drafts.json.tmp")));
  }

  @Test
  void append_creates_the_file_and_adds_to_its_end() throws Exception {
    Path file = dir.resolve("outbox.jsonl");
    AtomicFile.append(file, utf8("a\n"));
    AtomicFile.append(file, utf8("b\n"));
    assertEquals("a\nb\n", Files.readString(file));
  }

  @Test
  void a_replace_that_cannot_write_fails_and_keeps_the_old_content() throws Exception {
    Path file = dir.resolve("drafts.json");
    AtomicFile.replace(file, utf8("old"));
    Files.createDirectory(
        dir.resolve("drafts.json.tmp")); // the temporary file cannot be opened for writing
    assertThrows(IOException.class, () -> AtomicFile.replace(file, utf8("new")));
    assertEquals("old", Files.readString(file));
  }
}
