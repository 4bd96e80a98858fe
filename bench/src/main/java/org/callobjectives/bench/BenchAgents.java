package org.callobjectives.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Recorder;
import org.callobjectives.bridge.BridgeClient;
import org.callobjectives.protocol.CallEnded;
import org.callobjectives.protocol.CallStarted;
import org.callobjectives.protocol.DispositionAck;
import org.callobjectives.protocol.DispositionSubmit;

/**
 * The agents of a benchmark: one real agent-bridge client each, timing every first pop against the
 * moment the simulator sent its AMI event, and sending a disposition after every call.
 */
final class BenchAgents {
  /** The simulator's send time (nanoTime) per call id, as the server will name the call. */
  final Map<String, Long> sentAt = new ConcurrentHashMap<>();

  final Recorder endToEnd = new Recorder(3);

  /** The pops of clients signed in on a node that does not listen to Asterisk (several nodes). */
  final Recorder viaOtherNode = new Recorder(3);

  final AtomicLong pops = new AtomicLong();
  final AtomicLong acks = new AtomicLong();
  final AtomicLong welcomed = new AtomicLong();

  /**
   * Notes when {@code gen} sends each call's answer, under the id the server gives the call on AMI
   * link {@code link}: the queue caller's Uniqueid with the member interface, or the customer leg
   * of an agent-dialled call.
   */
  void timeAnswers(org.callobjectives.amisim.DemoCallGenerator gen, String link) {
    gen.setListener(
        (e, nanos) -> {
          if ("AgentConnect".equals(e.type())) {
            sentAt.put(link + ":" + e.get("Uniqueid") + "/" + e.get("Interface"), nanos);
          } else if ("DialEnd".equals(e.type())
              && "ANSWER".equals(e.get("DialStatus"))
              && e.get("Channel") != null) {
            sentAt.put(link + ":" + e.get("DestUniqueid"), nanos);
          }
        });
  }

  /** A client for agent {@code id} (token {@code "t" + id}), not started. */
  BridgeClient client(URI uri, String id, HttpClient http) {
    return client(uri, id, http, false);
  }

  /** As above; {@code elsewhere}: its node does not listen to Asterisk (pops relayed to it). */
  BridgeClient client(URI uri, String id, HttpClient http, boolean elsewhere) {
    BridgeClient[] self = new BridgeClient[1];
    BridgeClient c =
        BridgeClient.builder(uri, id, "t" + id)
            .httpClient(http)
            .listener(
                new BridgeClient.Listener() {
                  @Override
                  public void onWelcome(org.callobjectives.protocol.Welcome w) {
                    welcomed.incrementAndGet();
                  }

                  @Override
                  public void onCallStarted(CallStarted s) {
                    Long t = sentAt.remove(s.callId());
                    if (t != null && !s.replay()) {
                      long took = Math.max(0, System.nanoTime() - t);
                      endToEnd.recordValue(took);
                      if (elsewhere) {
                        viaOtherNode.recordValue(took);
                      }
                    }
                    pops.incrementAndGet();
                  }

                  @Override
                  public void onCallEnded(CallEnded e) {
                    self[0].submit(
                        new DispositionSubmit(
                            null,
                            e.callId(),
                            "ADVANCE",
                            true,
                            List.of(),
                            1,
                            List.of(),
                            null,
                            null));
                  }

                  @Override
                  public void onAck(DispositionAck ack) {
                    acks.incrementAndGet();
                  }
                })
            .build();
    self[0] = c;
    return c;
  }
}
