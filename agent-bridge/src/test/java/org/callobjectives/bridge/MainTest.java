package org.callobjectives.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MainTest {

  private static final Path HOME = Path.of("/home/agent");

  private static Main.Options parse(Map<String, String> env, String... args) throws Exception {
    return Main.parse(args, env, HOME);
  }

  private static String error(String... args) {
    return assertThrows(Main.UsageException.class, () -> Main.parse(args, Map.of(), HOME))
        .getMessage();
  }

  @Test
  void all_options_are_read_and_the_outbox_defaults_to_the_home_directory() throws Exception {
    Main.Options o =
        parse(Map.of(), "--server", "ws://pbx:8080/agent", "--agent", "1001", "--token", "t0k");
    assertEquals(URI.create("ws://pbx:8080/agent"), o.server());
    assertEquals("1001", o.agentId());
    assertEquals("t0k", o.token());
    assertFalse(o.headless());
    assertEquals(HOME.resolve(".call-objectives/outbox-1001.jsonl"), o.outbox());
  }

  @Test
  void equals_syntax_headless_outbox_and_the_token_from_the_environment_work() throws Exception {
    Main.Options o =
        parse(
            Map.of(Main.TOKEN_ENV, "envtok"),
            "--server=wss://pbx/agent",
            "--agent=sip/7",
            "--headless",
            "--outbox",
            "/tmp/o.jsonl");
    assertEquals("envtok", o.token());
    assertTrue(o.headless());
    assertEquals(Path.of("/tmp/o.jsonl"), o.outbox());
    assertEquals("sip/7", o.agentId());
  }

  @Test
  void an_agent_id_with_odd_characters_gives_a_safe_default_file_name() throws Exception {
    Main.Options o =
        parse(Map.of(), "--server", "ws://pbx/agent", "--agent", "../SIP/7", "--token", "t");
    assertEquals(HOME.resolve(".call-objectives/outbox-.._SIP_7.jsonl"), o.outbox());
  }

  @Test
  void bad_command_lines_get_a_clear_message() {
    assertTrue(error("--agent", "1", "--token", "t").contains("--server is required"));
    assertTrue(error("--server", "ws://h/agent", "--token", "t").contains("--agent is required"));
    assertTrue(error("--server", "ws://h/agent", "--agent", "1").contains("--token is required"));
    assertTrue(
        error("--server", "http://h/agent", "--agent", "1", "--token", "t")
            .contains("ws:// or wss://"));
    assertTrue(
        error("--server", "ws://h/ag ent", "--agent", "1", "--token", "t")
            .contains("not a valid URL"));
    assertTrue(error("--server").contains("--server needs a value"));
    assertTrue(error("--server", "--agent", "1").contains("--server needs a value"));
    assertTrue(error("--bogus").contains("unknown argument '--bogus'"));
    assertTrue(error("--headless=yes").contains("takes no value"));
  }

  @Test
  void help_is_recognised() {
    assertThrows(
        Main.HelpRequested.class, () -> Main.parse(new String[] {"--help"}, Map.of(), HOME));
    assertTrue(Main.USAGE.contains("--server ws://HOST:PORT/agent"));
  }
}
