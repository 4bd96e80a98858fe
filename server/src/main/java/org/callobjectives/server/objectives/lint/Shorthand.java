package org.callobjectives.server.objectives.lint;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Office shorthand read as words ("mgr", "w/c 14th", "b4 end of call", "next wk"), before any
 * analysis.
 */
final class Shorthand {
  private record Rule(Pattern pattern, String words) {}

  // Capitals only: "ho" or "dm" in lower case are not these. Before RULES, which reads it.
  private static final java.util.Set<String> CASED =
      java.util.Set.of(
          "(?<!\\d\\s)pt(?=\\s+[a-z]+s\\b)",
          "DM",
          "AH",
          "(?<=\\b(?:by|via|on|plan|the|a|monthly|annual|up|new|their|his|her) )DD(?!\\s+(?:pack|process|questionnaire|report|review|checklist|call|stage|phase|team|room|request|list)\\b)",
          "DMs",
          "HO",
          "HOs",
          "Pt",
          "Pts",
          "(?<=\\b(?:starts?|begins?|start|begin)\\s(?:[A-Z][\\w-]{0,20}\\s)?)Tx",
          "(?<=\\b(?i:maint|maintenance|site|plant|shift|area|project) )super",
          "mbr|Mbr",
          "mbrs|Mbrs",
          "(?<=^)(?:Appl|APPL|Applt)",
          "Mrs\\.",
          "Mr\\.",
          "Ms\\.");

  private static final List<Rule> RULES =
      List.of(
          r("mgrs", "managers"),
          r("mgr", "manager"),
          // a ship's superintendent ("Supt releases the PO")
          r("Supt|supt", "superintendent"),
          r("dept", "department"),
          // "Maint super ships the failed tip back": a mine's or plant's superintendent
          r("maint", "maintenance"),
          r("(?<=\\b(?i:maint|maintenance|site|plant|shift|area|project) )super", "superintendent"),
          r("DMs", "decision makers"),
          r("DM", "decision maker"),
          // collections: "AH explains why the payment was missed"
          r("AH", "account holder"),
          // "signs up to the eyecare plan DD", "sets up the DD" (not a due-diligence "DD pack")
          r(
              "(?<=\\b(?:by|via|on|plan|the|a|monthly|annual|up|new|their|his|her) )DD(?!\\s+(?:pack|process|questionnaire|report|review|checklist|call|stage|phase|team|room|request|list)\\b)",
              "direct debit"),
          r("HOs", "homeowners"),
          r("HO", "homeowner"),
          r("cx|cust", "customer"),
          // "Appl. signs the consent": an applicant, at the start only ("appl form" is a form)
          r("(?<=^)(?:Appl|APPL|Applt)", "applicant"),
          r("ex-cust|ex-cx", "former customer"),
          // ("MBR", a monthly business review, stays as written)
          r("mbr|Mbr", "member"),
          // "Pt sends 2 pics": a patient, written as clinics write it
          r("Pt", "patient"),
          r("Pts", "patients"),
          // "starts Invisalign Tx": a clinic's treatment started ("TX" stays Texas, "a test Tx" a
          // transaction)
          r("(?<=\\b(?:starts?|begins?|start|begin)\\s(?:[A-Z][\\w-]{0,20}\\s)?)Tx", "treatment"),
          // "pt books the review" (not "5 pt sessions")
          r("(?<!\\d\\s)pt(?=\\s+[a-z]+s\\b)", "patient"),
          r("Cand\\.", "Candidate"),
          r("bene", "beneficiary"),
          r("benes", "beneficiaries"),
          r("contract-holder", "contract holder"),
          r("contract-holders", "contract holders"),
          // "Mrs. Henderson picks ...": the title's full stop is no sentence end
          r("Mrs\\.", "Mrs"),
          r("Mr\\.", "Mr"),
          r("Ms\\.", "Ms"),
          r("mbrs|Mbrs", "members"),
          r("ops", "operations"),
          // freight desks: "Shpr tenders the load", "Cnee DC mgr gives dock hours"
          r("shpr", "shipper"),
          r("shprs", "shippers"),
          r("cnee", "consignee"),
          r("cnees", "consignees"),
          r("e-?brochure", "brochure"),
          r("e-?brochures", "brochures"),
          r("opp", "opportunity"),
          r("opps", "opportunities"),
          r("thru", "through"),
          r("b4", "before"),
          r("tmrw|tmw|tmrow|2moro|tomoz", "tomorrow"),
          r("wk", "week"),
          r("wks", "weeks"),
          r("mth|mo", "month"),
          r("mths|mos", "months"),
          r("yr", "year"),
          r("yrs", "years"),
          // "HR" is a department: hours only after a number ("1 hr", "48 hrs")
          r("(?<=\\d )hr", "hour"),
          r("(?<=\\d )hrs", "hours"),
          r("fwd", "forward"),
          r("agmt|agmnt", "agreement"),
          r("agmts", "agreements"),
          r("incl", "including"),
          r("acct", "account"),
          r("accts", "accounts"),
          r("mtg", "meeting"),
          r("mtgs", "meetings"),
          r("reqs", "requirements"),
          // "Ops dir", "Fin dir" ("the dir. debit form" is not one)
          r(
              "(?<=(?:ops|operations|fin|finance|sales|managing|group|it|hr|tech|commercial|marketing) )dir",
              "director"),
          r(
              "(?<=(?:ops|operations|fin|finance|sales|managing|group|it|hr|tech|commercial|marketing) )dirs",
              "directors"),
          r("approx", "approximately"),
          r("pls|plz", "please"),
          r("no\\.", "number"),
          r("info", "information"),
          r("appt", "appointment"),
          r("appts", "appointments"),
          r("custs", "customers"),
          r("offer-holders?", "offer holder"),
          r("policy-holders?", "policyholder"),
          r("account-holders?", "account holder"),
          r("decision-makers?", "decision maker"));
  private static final Pattern WITH =
      Pattern.compile("(?i)(?<![\\p{L}\\p{N}])w/(?![\\p{L}]/)(?=\\s|[\\p{L}])");
  private static final Pattern WEEK_OF =
      Pattern.compile("(?i)(?<![\\p{L}\\p{N}])w/c(?![\\p{L}\\p{N}])");

  /** "3-yr", "12-mth": a term in a compound word. */
  private static final Pattern TERM =
      Pattern.compile("(?i)(?<![\\p{L}\\p{N}])(\\d+)-(yr|yrs|mth|mths|mo|mos)(?![\\p{L}\\p{N}])");

  private Shorthand() {}

  static String expand(String text) {
    if (text == null || text.isEmpty()) {
      return text == null ? "" : text;
    }
    String t = WEEK_OF.matcher(text).replaceAll("the week commencing");
    t =
        TERM.matcher(t)
            .replaceAll(m -> m.group(1) + "-" + (m.group(2).startsWith("y") ? "year" : "month"));
    t = WITH.matcher(t).replaceAll("with ");
    t = t.replace(" & ", " and ").replace(" + ", " and ");
    for (Rule rule : RULES) {
      t = rule.pattern().matcher(t).replaceAll(rule.words());
    }
    return t.replace("  ", " ");
  }

  private static Rule r(String shorthand, String words) {
    return new Rule(
        Pattern.compile(
            "(?<![\\p{L}\\p{N}'’-])(?:"
                + shorthand
                + ")(?![\\p{L}\\p{N}-])"
                + (shorthand.endsWith("\\.") ? "" : "\\.?"),
            CASED.contains(shorthand) ? 0 : Pattern.CASE_INSENSITIVE),
        words);
  }
}
