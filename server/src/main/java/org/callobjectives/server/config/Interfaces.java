package org.callobjectives.server.config;

import java.util.Locale;
import java.util.regex.Pattern;

/** Reduces AMI interface and channel names to the device they stand for. */
public final class Interfaces {
  // Local/1001@agents-00000001;1, PJSIP/1001-0000002a, SIP/1001-00000001
  private static final Pattern CHANNEL_SUFFIX = Pattern.compile("-[0-9a-fA-F]{8}(;[12])?$");
  // Local/1001@agents/n (Local channel options after the last slash)
  private static final Pattern LOCAL_OPTIONS = Pattern.compile("^(local/[^/]+)/[a-z]+$");

  private Interfaces() {}

  /**
   * {@code Local/1001@agents-00000001;1} and {@code Local/1001@agents/n} both give {@code
   * local/1001@agents}.
   */
  public static String device(String interfaceOrChannel) {
    if (interfaceOrChannel == null) {
      return null;
    }
    String s = interfaceOrChannel.trim();
    s = CHANNEL_SUFFIX.matcher(s).replaceFirst("");
    s = s.toLowerCase(Locale.ROOT);
    var m = LOCAL_OPTIONS.matcher(s);
    if (m.matches()) {
      s = m.group(1);
    }
    return s;
  }
}
