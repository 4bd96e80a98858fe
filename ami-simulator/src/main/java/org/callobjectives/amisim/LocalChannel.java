package org.callobjectives.amisim;

/**
 * One half of a simulated {@code Local/...} channel pair, with the snapshot fields Asterisk puts in
 * events.
 */
final class LocalChannel {
  static final String UNKNOWN = "<unknown>";

  final String name;
  final String uniqueid;
  final String linkedid;
  final String context;
  final long createdMillis;
  String exten;
  int priority = 1;
  int state;
  String callerIdNum = UNKNOWN;
  String callerIdName = UNKNOWN;
  String connectedNum = UNKNOWN;
  String connectedName = UNKNOWN;
  String application = "AppDial";
  String applicationData = "(Outgoing Line)";
  String bridgeId = "";

  LocalChannel(
      String name,
      String uniqueid,
      String linkedid,
      String context,
      String exten,
      int state,
      long createdMillis) {
    this.name = name;
    this.uniqueid = uniqueid;
    this.linkedid = linkedid;
    this.context = context;
    this.exten = exten;
    this.state = state;
    this.createdMillis = createdMillis;
  }

  void callerId(String number, String displayName) {
    callerIdNum = number;
    callerIdName = displayName;
  }

  void connectedLine(String number, String displayName) {
    connectedNum = number;
    connectedName = displayName;
  }

  /** Asterisk's ChannelStateDesc for the numeric state. */
  String stateDesc() {
    return switch (state) {
      case 0 -> "Down";
      case 4 -> "Ring";
      case 5 -> "Ringing";
      case 6 -> "Up";
      default -> "Unknown";
    };
  }

  /** Appends the channel snapshot, each key prefixed (e.g. "Dest"), in Asterisk's field order. */
  AmiEvent.Builder snapshot(AmiEvent.Builder event, String prefix) {
    return event
        .put(prefix + "Channel", name)
        .put(prefix + "ChannelState", state)
        .put(prefix + "ChannelStateDesc", stateDesc())
        .put(prefix + "CallerIDNum", callerIdNum)
        .put(prefix + "CallerIDName", callerIdName)
        .put(prefix + "ConnectedLineNum", connectedNum)
        .put(prefix + "ConnectedLineName", connectedName)
        .put(prefix + "Language", "en")
        .put(prefix + "AccountCode", "")
        .put(prefix + "Context", context)
        .put(prefix + "Exten", exten)
        .put(prefix + "Priority", priority)
        .put(prefix + "Uniqueid", uniqueid)
        .put(prefix + "Linkedid", linkedid);
  }

  /** Appends the unprefixed snapshot. */
  AmiEvent.Builder snapshot(AmiEvent.Builder event) {
    return snapshot(event, "");
  }
}
