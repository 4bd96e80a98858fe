package org.callobjectives.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.callobjectives.amisim.AmiTrace;

/**
 * Parts of the streams captured from Asterisk (first session), to put together the stream a test
 * needs.
 */
public final class TraceParts {
  private TraceParts() {}

  public static List<AmiTrace.Packet> all(String trace) {
    try {
      return AmiTrace.load(AmiTrace.defaultDirectory(), trace).sessions().get(0).packets();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Up to and including the first {@code event} whose text has every string given. */
  public static List<AmiTrace.Packet> upTo(String trace, String event, String... having) {
    List<AmiTrace.Packet> all = all(trace);
    return new ArrayList<>(all.subList(0, cut(trace, all, event, having)));
  }

  /** Everything after that packet. */
  public static List<AmiTrace.Packet> after(String trace, String event, String... having) {
    List<AmiTrace.Packet> all = all(trace);
    return new ArrayList<>(all.subList(cut(trace, all, event, having), all.size()));
  }

  private static int cut(String trace, List<AmiTrace.Packet> all, String event, String... having) {
    for (int i = 0; i < all.size(); i++) {
      AmiTrace.Packet p = all.get(i);
      String text = new String(p.bytes(), StandardCharsets.UTF_8);
      if (event.equals(p.eventType()) && Arrays.stream(having).allMatch(text::contains)) {
        return i + 1;
      }
    }
    throw new IllegalArgumentException(
        trace + " has no " + event + " with " + Arrays.toString(having));
  }
}
