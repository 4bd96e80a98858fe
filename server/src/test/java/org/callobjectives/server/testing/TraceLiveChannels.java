package org.callobjectives.server.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import org.callobjectives.amisim.AmiEvent;
import org.callobjectives.amisim.AmiTrace;
import org.callobjectives.amisim.ChannelDirectory;

/**
 * What a real Asterisk would answer to CoreShowChannels when a replayed client reconnects: the
 * channels that show up in the new session without being created in it were alive at reconnect.
 */
public final class TraceLiveChannels implements ChannelDirectory {
  private final List<List<AmiEvent>> perSession = new ArrayList<>();
  private final IntSupplier currentSession;

  public TraceLiveChannels(AmiTrace trace, IntSupplier currentSession) {
    this(trace.sessions(), currentSession);
  }

  /** For sessions put together from parts of traces. */
  public TraceLiveChannels(List<AmiTrace.Session> sessions, IntSupplier currentSession) {
    this.currentSession = currentSession;
    for (AmiTrace.Session s : sessions) {
      Map<String, String[]> seen = new LinkedHashMap<>();
      java.util.Set<String> created = new java.util.HashSet<>();
      for (AmiTrace.Packet p : s.packets()) {
        Map<String, String> f = fields(p.bytes());
        String uid = f.get("Uniqueid");
        if ("Newchannel".equals(f.get("Event")) && uid != null) {
          created.add(uid);
        }
        if (uid != null && f.get("Channel") != null && !created.contains(uid)) {
          seen.putIfAbsent(uid, new String[] {f.get("Channel"), f.getOrDefault("Linkedid", uid)});
        }
      }
      List<AmiEvent> live = new ArrayList<>();
      for (var e : seen.entrySet()) {
        live.add(
            AmiEvent.event("CoreShowChannel")
                .put("Channel", e.getValue()[0])
                .put("Uniqueid", e.getKey())
                .put("Linkedid", e.getValue()[1])
                .put("ChannelState", "6")
                .put("ChannelStateDesc", "Up")
                .build());
      }
      perSession.add(live);
    }
  }

  private static Map<String, String> fields(byte[] packet) {
    Map<String, String> f = new LinkedHashMap<>();
    for (String line : new String(packet, StandardCharsets.UTF_8).split("\r\n")) {
      int c = line.indexOf(": ");
      if (c > 0) {
        f.putIfAbsent(line.substring(0, c), line.substring(c + 2));
      }
    }
    return f;
  }

  @Override
  public List<AmiEvent> coreShowChannels() {
    int s = Math.max(0, Math.min(perSession.size() - 1, currentSession.getAsInt()));
    return perSession.get(s);
  }
}
