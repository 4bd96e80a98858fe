package org.callobjectives.server.ami;

/**
 * The few AMI facts call tracking needs, copied out of Asterisk-Java's events on its dispatch
 * thread so that nothing else ever touches Asterisk-Java objects. {@code server} names the AMI
 * link.
 */
public sealed interface AmiEvent {
  String server();

  /** When our listener received it, for latency figures ({@link System#nanoTime()}). */
  long receivedNanos();

  record LinkUp(String server, long receivedNanos) implements AmiEvent {}

  record LinkDown(String server, long receivedNanos) implements AmiEvent {}

  /**
   * QueueCallerJoin, or a QueueEntry of the QueueStatus at login ({@code waitedSeconds} then says
   * how long the caller has waited already).
   */
  record QueueJoin(
      String server,
      long receivedNanos,
      String queue,
      String uniqueid,
      String linkedid,
      String channel,
      String callerNum,
      String callerName,
      long waitedSeconds,
      boolean listed)
      implements AmiEvent {
    /** A join read from QueueStatus at login ({@code listed}), having waited that long. */
    public QueueJoin(
        String server,
        long receivedNanos,
        String queue,
        String uniqueid,
        String linkedid,
        String channel,
        String callerNum,
        String callerName,
        long waitedSeconds) {
      this(
          server,
          receivedNanos,
          queue,
          uniqueid,
          linkedid,
          channel,
          callerNum,
          callerName,
          waitedSeconds,
          false);
    }

    public QueueJoin(
        String server,
        long receivedNanos,
        String queue,
        String uniqueid,
        String linkedid,
        String channel,
        String callerNum,
        String callerName) {
      this(
          server,
          receivedNanos,
          queue,
          uniqueid,
          linkedid,
          channel,
          callerNum,
          callerName,
          0,
          false);
    }
  }

  /** QueueCallerLeave: the caller is out of the queue (answered, abandoned, timed out, moved). */
  record QueueLeave(String server, long receivedNanos, String queue, String uniqueid)
      implements AmiEvent {}

  /**
   * QueueStatus at login listed every caller waiting on the link ({@code waiting} as
   * "queue|uniqueid"); a wait seen before {@code askedNanos} and not in it is over.
   */
  record WaitersListed(
      String server, long receivedNanos, long askedNanos, java.util.Set<String> waiting)
      implements AmiEvent {}

  record QueueAbandon(
      String server,
      long receivedNanos,
      String queue,
      String uniqueid,
      String linkedid,
      String callerNum,
      String callerName,
      long holdSeconds)
      implements AmiEvent {}

  record AgentConnect(
      String server,
      long receivedNanos,
      String queue,
      String uniqueid,
      String linkedid,
      String channel,
      String callerNum,
      String callerName,
      String memberUniqueid,
      String memberChannel,
      String iface,
      String memberName,
      long holdSeconds)
      implements AmiEvent {}

  /** Caller and member fields are null when Asterisk had already destroyed that channel. */
  record AgentComplete(
      String server,
      long receivedNanos,
      String queue,
      String uniqueid,
      String linkedid,
      String callerNum,
      String callerName,
      String memberUniqueid,
      String memberChannel,
      String iface,
      String memberName,
      long holdSeconds,
      long talkSeconds,
      String reason)
      implements AmiEvent {}

  record DialBegin(
      String server,
      long receivedNanos,
      String uniqueid,
      String linkedid,
      String channel,
      String destUniqueid,
      String destChannel,
      String dialString)
      implements AmiEvent {}

  record DialEnd(
      String server, long receivedNanos, String uniqueid, String destUniqueid, String status)
      implements AmiEvent {}

  /** A HangupRequest or SoftHangupRequest: tells which side of a call hung up first. */
  record HangupRequest(String server, long receivedNanos, String uniqueid, String channel)
      implements AmiEvent {}

  /**
   * A channel left a bridge: a caller leaving before anyone hung up was redirected or transferred
   * away.
   */
  record BridgeLeave(String server, long receivedNanos, String uniqueid, String channel)
      implements AmiEvent {}

  record Hangup(String server, long receivedNanos, String uniqueid, String channel, int cause)
      implements AmiEvent {}

  /**
   * The channels CoreShowChannels reported alive, answering the resync asked for at tracking {@code
   * epoch}: anything tracked before that epoch and not in the list is gone.
   */
  record LiveChannels(String server, long receivedNanos, int epoch, java.util.Set<String> uniqueids)
      implements AmiEvent {}

  /**
   * What a member event says: a status change, a pause change, added, removed, or listed by
   * QueueStatus.
   */
  enum MemberChange {
    STATUS,
    PAUSE,
    ADDED,
    REMOVED,
    LISTED
  }

  /**
   * A queue membership as QueueMemberStatus / QueueMemberPause / QueueMemberAdded /
   * QueueMemberRemoved (or QueueStatus at login) report it: {@code status} is the device state (1
   * not in use, 2 in use, 6 ringing, ...), {@code pausedReason} empty when not paused.
   */
  record QueueMember(
      String server,
      long receivedNanos,
      MemberChange change,
      String queue,
      String iface,
      String memberName,
      int status,
      boolean paused,
      String pausedReason)
      implements AmiEvent {}

  /**
   * QueueStatus at login listed every membership of the link (sent after its {@code LISTED}
   * events): {@code memberships} as "queue|interface". Memberships not in it were removed while we
   * were away.
   */
  record MembersListed(String server, long receivedNanos, java.util.Set<String> memberships)
      implements AmiEvent {}

  /**
   * AgentCalled ({@code ringing} true) or AgentRingNoAnswer (false) for the caller {@code
   * uniqueid}.
   */
  record AgentRinging(
      String server,
      long receivedNanos,
      String queue,
      String uniqueid,
      String iface,
      String memberName,
      boolean ringing)
      implements AmiEvent {}
}
