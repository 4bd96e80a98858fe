package org.callobjectives.server.config;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A queue's CRM screen-pop: a URL template such as {@code
 * https://crm.example.com/search?phone={callerNumber}&call={callId}} that the agent's browser opens
 * on answer. Values are URL-encoded into it, so a caller id cannot change where the link goes.
 */
public record ScreenPop(String template) {
  /** The names a template may use. */
  public static final List<String> FIELDS =
      List.of("callerNumber", "callerName", "callId", "queue", "agentId");

  static final int MAX_LENGTH = 2000;
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

  /**
   * The template at {@code at} of {@code src}, checked: an absolute http(s) URL of at most {@link
   * #MAX_LENGTH} characters using only {@link #FIELDS}. Null for none.
   */
  static ScreenPop parse(YamlSource src, String at, String template) throws ConfigException {
    if (template == null || template.isBlank()) {
      return null;
    }
    String t = template.strip();
    if (t.length() > MAX_LENGTH) {
      throw src.error(at, "screenPop is " + t.length() + " characters; at most " + MAX_LENGTH);
    }
    Matcher m = PLACEHOLDER.matcher(t);
    while (m.find()) {
      if (!FIELDS.contains(m.group(1))) {
        throw src.error(
            at,
            "screenPop uses {"
                + m.group(1)
                + "}; a template may use "
                + String.join(", ", FIELDS.stream().map(f -> "{" + f + "}").toList()));
      }
    }
    ScreenPop pop = new ScreenPop(t);
    URI sample;
    try {
      sample =
          URI.create(pop.url("1700000000.42", "+15551234567", "Sample Caller", "sales", "1001"));
    } catch (IllegalArgumentException e) {
      throw src.error(at, "screenPop is not a valid URL: " + e.getMessage());
    }
    String scheme = sample.getScheme() == null ? "" : sample.getScheme().toLowerCase();
    if (!(scheme.equals("https") || scheme.equals("http")) || sample.getHost() == null) {
      throw src.error(
          at,
          "screenPop must be an absolute http:// or https:// URL with a host, e.g."
              + " https://crm.example.com/search?phone={callerNumber}");
    }
    return pop;
  }

  /** The URL for one call; a missing value becomes empty. */
  public String url(
      String callId, String callerNumber, String callerName, String queue, String agentId) {
    Map<String, String> values =
        Map.of(
            "callId", nz(callId),
            "callerNumber", nz(callerNumber),
            "callerName", nz(callerName),
            "queue", nz(queue),
            "agentId", nz(agentId));
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String v = values.get(m.group(1));
      String encoded =
          v == null
              ? m.group()
              // "." too: a caller name of ".." must not climb the CRM's path.
              : URLEncoder.encode(v, StandardCharsets.UTF_8)
                  .replace("+", "%20")
                  .replace(".", "%2E");
      m.appendReplacement(out, Matcher.quoteReplacement(encoded));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
