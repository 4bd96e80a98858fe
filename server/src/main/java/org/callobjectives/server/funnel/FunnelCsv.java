package org.callobjectives.server.funnel;

import java.time.Instant;
import java.util.List;

/** The stalled customers as CSV (RFC 4180), for a follow-up list in a spreadsheet or the CRM. */
public final class FunnelCsv {
  static final String HEADER =
      "queue,caller_number,stage,stage_position,days_stalled,no_advance_since,last_call_at,"
          + "last_call_id,last_agent_id,last_agent_name,last_code\r\n";

  private FunnelCsv() {}

  public static String stalled(List<FunnelReport> reports) {
    StringBuilder sb = new StringBuilder(HEADER);
    for (FunnelReport r : reports) {
      for (FunnelReport.Stalled s : r.stalled()) {
        Object[] cells = {
          r.queue(),
          s.callerNumber(),
          s.stage(),
          s.stagePosition(),
          s.daysStalled(),
          Instant.ofEpochMilli(s.sinceMillis()).toString(),
          Instant.ofEpochMilli(s.lastCallAtMillis()).toString(),
          s.lastCallId(),
          s.lastAgentId(),
          s.lastAgentName(),
          s.lastCode()
        };
        for (int i = 0; i < cells.length; i++) {
          sb.append(i == 0 ? "" : ",").append(cell(cells[i]));
        }
        sb.append("\r\n");
      }
    }
    return sb.toString();
  }

  static String cell(Object v) {
    if (v == null) {
      return "";
    }
    String s = v.toString();
    // A spreadsheet runs a cell starting with = + - @ as a formula ("+1555..." numbers included).
    if (!(v instanceof Number) && !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
      s = "'" + s;
    }
    if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
      s = "\"" + s.replace("\"", "\"\"") + "\"";
    }
    return s;
  }
}
