package org.callobjectives.server.objectives.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a time frame in a text: the call itself ("during the call", "before we hang up", "while on
 * the line"), relative ("within two weeks", "in the next fortnight", "by end of day"), weekdays
 * ("next Tue", "by Friday"), dates ("no later than the 20th", "5 March", "2026-12-01",
 * "05/03/2027") and clock times; plus the site's own phrases and patterns. Vague words ("soon",
 * "asap") are named.
 */
final class TimeExpressions {
  private static final String NUM =
      "(?:\\d+(?:[.,]\\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven"
          + "|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|twenty-one|twenty-four"
          + "|thirty|forty-eight|forty|fifty|sixty|seventy-two|ninety|a couple of|a few|several|couple of)";
  private static final String UNIT =
      "(?:minutes?|mins?|hours?|hrs?|h|(?:working |business |calendar |school )?days?"
          + "|(?:working |business )?weeks?|wks?|months?|fortnights?|quarters?|years?|weekends?)";
  private static final String DAY =
      "(?:monday|mon|tuesday|tues|tue|wednesday|weds|wed|thursday|thurs|thur|thu|friday"
          + "|fri|saturday|sat|sunday|sun)";
  private static final String MONTH =
      "(?:january|jan|february|feb|march|mar|april|apr|may|june|jun|july|jul|august"
          + "|aug|september|sept|sep|october|oct|november|nov|december|dec)";
  private static final String ORD = "\\d{1,2}(?:st|nd|rd|th)?";
  private static final String ORD_WORD =
      "(?:(?:(?:twenty|thirty)-)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
          + "|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth"
          + "|eighteenth|nineteenth|twentieth|thirtieth)";
  private static final String DATE =
      "(?:\\d{4}-\\d{1,2}-\\d{1,2}|\\d{1,2}[/.]\\d{1,2}(?:[/.]\\d{2,4})?"
          + "|(?:the\\s+)?"
          + ORD
          + "(?:\\s+of)?\\s+"
          + MONTH
          + "\\b(?:\\s+\\d{4})?"
          + "|"
          + MONTH
          + "\\.?\\s+"
          + ORD
          + "\\b(?:,?\\s+\\d{4})?"
          + "|the\\s+\\d{1,2}(?:st|nd|rd|th)\\b)";
  private static final String CALL =
      "(?:call|conversation|phone call|phone|line|contact|screen[- ]share|session|dial|"
          + "demo|demonstration|meeting|webinar|video call|chat|consultation|appointment|interaction|visit"
          + "|fact[- ]?find|kick[- ]?off|walk[- ]?through|test[- ]drive|drive|viewing|showing|tour)";

  /** "on the demo unit", "in the demo account": a thing named after the call, not a time. */
  private static final String NOT_A_THING =
      "(?:(?<=\\b(?:call|phone|line))(?=[\\s-]+recordings?\\b)"
          + "|(?![\\s-]+(?:units?|machines?|kit|accounts?|logins?|site|systems?|environment|version|model|"
          + "devices?|car|van|truck|printers?|room|box|stock|portal|app|tenant|instance|sandbox|equipment|"
          + "hardware|set|pack|data|files?|script|deck|video|recording|link|page|form|certificate|report|"
          + "notes)\\b))";

  private static final String PLAIN_MONTHS =
      "january|february|march|april|june|july|august|september|october"
          + "|november|december|jan|feb|apr|jun|jul|aug|sept|sep|oct|nov|dec";

  /** A month's name that is no other English word ("may" and "mar" are left out). */
  private static final String MONTH_NAME = "(?:" + PLAIN_MONTHS + ")";

  /** Every month's name, for a whole time frame where "May" can only be the month. */
  static final String ANY_MONTH_NAME = "(?:" + PLAIN_MONTHS + "|may|mar)";

  private static final List<Pattern> BUILT_IN =
      List.of(
          // the call itself
          p(
              "\\b(?:during|on|in|within|throughout|over|by the end of|before the end of|at the end of|end of|before"
                  + " (?:the )?end of|on this|in this|on the same|before ending)\\s+(?:the\\s+|this\\s+|that\\s+|our\\s+)?"
                  + "(?:same\\s+|current\\s+|present\\s+|live\\s+)?"
                  + CALL
                  + "\\b"
                  + NOT_A_THING),
          p(
              "\\b(?:while|whilst|when)\\s+(?:still\\s+|they\\s+are\\s+|the\\s+customer\\s+is\\s+|we\\s+are\\s+)?"
                  + "(?:on|in)\\s+(?:the\\s+)?(?:line|phone|call)\\b"),
          p(
              "\\b(?:with|while)\\s+(?:us|me|the agent|the advisor|the adviser|the rep|you|the caller|them|the customer)"
                  + "\\s+(?:still\\s+)?on\\s+the\\s+(?:line|phone|call)\\b"),
          p("\\bon the (?:line|phone)\\b"),
          p(
              "\\b(?:before|by the time)\\s+(?:we|you|they|i|the (?:customer|caller|agent))\\s+(?:hang|hangs|ring|rings)"
                  + "\\s+off|\\b(?:before|until)\\s+(?:we|you|they|i|the (?:customer|caller|agent)|both sides)\\s+"
                  + "(?:hang|hangs)\\s+up\\b|\\bbefore\\s+hanging\\s+up\\b|\\bbefore\\s+(?:we|you)\\s+(?:end|finish|close|"
                  + "wrap up)\\s+(?:the\\s+)?(?:call|conversation)\\b|\\bbefore\\s+disconnecting\\b"),
          p(
              "\\bbefore\\s+(?:the\\s+|this\\s+)?(?:[\\w-]+\\s+)?"
                  + CALL
                  + "\\s+(?:ends|is over|closes|finishes|wraps up)\\b"),
          p(
              "\\bbefore\\s+(?:we|you|they)\\s+(?:say\\s+(?:goodbye|bye)|part|ring off|log off|disconnect)\\b"),
          p(
              "\\b(?:course|duration|conclusion|end|close|start|beginning|begin)\\s+of\\s+(?:the\\s+|this\\s+|our\\s+)?"
                  + "(?:[\\w-]+\\s+)?"
                  + CALL
                  + "\\b"),
          p(
              "\\b(?:during|on|in|before the end of|by the end of|at the end of)\\s+(?:the|this|our)\\s+(?:\\w+\\s+){1,2}"
                  + CALL
                  + "\\b"
                  + NOT_A_THING),
          p(
              "\\b(?:prior to|before)\\s+(?:the\\s+)?(?:termination|conclusion|end|close)\\s+of\\s+(?:the|this)\\s+"
                  + CALL
                  + "\\b"),
          p(
              "\\bbefore\\s+(?:the|this)\\s+(?:call|conversation)\\s+is\\s+(?:concluded|finished|over|ended|done|closed)\\b"),
          p("\\bbefore\\s+to\\s+hang\\s+up\\b|\\bbefore\\s+(?:we|you)\\s+finish\\b"),
          p("\\b(?:until|till|by|before|on)\\s+the\\s+\\d{1,2}\\b"),
          p(
              "\\b(?:prior to|before|by|ahead of)\\s+(?:the|their|its)\\s+(?:next\\s+)?(?:billing|renewal|due|payment|statement|"
                  + "review|delivery|installation|start|go-live|closing|completion|moving|move-in|exchange)\\s+date\\b"),
          p(
              "\\b(?:before|ahead of|prior to)\\s+(?:hanging up|ringing off|ending (?:the|this) "
                  + CALL
                  + "|finishing (?:the|this) "
                  + CALL
                  + "|(?:we|you|they|i)\\s+(?:finish|end|stop|close|wrap up)(?:\\s+(?:speaking|talking|the "
                  + CALL
                  + "))?|"
                  + "(?:we|you|they|i)\\s+put\\s+the\\s+phone\\s+down|(?:the|this)\\s+"
                  + CALL
                  + "\\s+(?:wraps up|is finished|"
                  + "is over|is done|ends|finishes|closes|stops))\\b"),
          p(
              "\\b(?:while|whilst|as long as)\\s+(?:the|this|our)\\s+"
                  + CALL
                  + "\\s+(?:is\\s+)?(?:running|live|open|on|"
                  + "going|in progress|lasts)\\b"),
          p(
              "\\b(?:while|whilst)\\s+(?:we|you|they|the customer)(?:'re|\\s+are|\\s+is)?\\s+(?:still\\s+)?"
                  + "(?:talking|speaking|chatting|connected|on)\\b"),
          p(
              "\\b(?:at|by|before)\\s+the\\s+(?:start|beginning|end|close)\\s+of\\s+(?:the|this)\\s+call\\b"),
          p(
              "\\b(?:before|by)\\s+(?:the\\s+)?(?:month|week|quarter|year|term|shift)[- ]end\\b|\\b(?:month|week|"
                  + "quarter|year)[- ]end\\b"),
          p(
              "\\b(?:by|before|at|this|tomorrow)\\s+(?:lunchtime|lunch|midday|noon|tonight|teatime|close|home time)\\b"),
          p(
              "\\b(?:right|straight|immediately|directly|just|shortly)?\\s*after\\s+(?:the|this|our)\\s+"
                  + CALL
                  + "\\b"),
          p("\\b(?:then and there|there and then|live on the call|in the same call|same call)\\b"),
          p(
              "\\bby the time\\s+(?:we|you|they|i|the customer|the caller)\\s+(?:hang up|ring off|finish|end|"
                  + "put the phone down|get off the (?:call|phone|line))\\b"),
          p(
              "^\\s*(?:the\\s+|this\\s+|our\\s+)?first\\s+(?:call|contact|conversation|dial)\\s*\\.?$"),
          // "before hang-up", "before they leave the call", "on each call"
          p(
              "\\b(?:before|by|at)\\s+(?:the\\s+)?hang[- ]?up\\b|\\bbefore\\s+(?:they|we|you|the customer|the caller)"
                  + "\\s+(?:leave|drop|come off|get off|go off)\\s+(?:the\\s+)?"
                  + CALL
                  + "\\b|\\bon\\s+(?:each|every)\\s+"
                  + CALL
                  + "\\b"),
          // a time frame that is just the call ("this call"), or the follow-up already booked
          p("^\\s*(?:the|this|same|current)\\s+(?:phone\\s+)?(?:call|conversation)\\s*\\.?$"),
          p(
              "\\b(?:before|by|ahead of|prior to)\\s+(?:the|our|their)\\s+(?:next|follow-up|scheduled|booked|agreed)\\s+"
                  + "(?:follow-up\\s+)?(?:call|conversation|meeting|appointment|session|visit)\\b"),
          // a scheduled meeting: "by the April board meeting", "before the steering committee"
          p(
              "\\b(?:by|before|at|ahead of|prior to)\\s+(?:the|their|our|its)\\s+(?:"
                  + MONTH_NAME
                  + "\\s+|next\\s+|monthly\\s+|quarterly\\s+|weekly\\s+|annual\\s+)?(?:board|committee|steering|"
                  + "budget|governors'?|management|planning|leadership|exec(?:utive)?|review|quarterly)\\s+"
                  + "(?:committee\\s+)?(?:meeting|review|session|call|committee)\\b"
                  + "|\\b(?:by|before|at|ahead of|prior to)\\s+(?:the|their|its)\\s+next\\s+(?:board|committee)\\b"),
          // the opening of the call: "first 60 seconds", "in the first two minutes"
          p(
              "^\\s*(?:in\\s+|within\\s+)?(?:the\\s+)?first\\s+"
                  + NUM
                  + "\\s*(?:seconds?|secs?|minutes?|mins?)\\b"),
          // relative
          p(
              "\\b(?:within|in|over|inside|during|before|after)\\s+(?:the\\s+)?(?:next\\s+|coming\\s+|following\\s+|"
                  + "first\\s+)?"
                  + NUM
                  + "\\s*-?\\s*"
                  + UNIT
                  + "\\b"),
          p(
              "\\b"
                  + NUM
                  + "\\s+"
                  + UNIT
                  + "\\s+(?:from now|from today|after the call|after today)\\b"),
          p(
              "\\b(?:within|in|over|inside|during|before the end of|by the end of)\\s+(?:the\\s+|a\\s+|this\\s+)?"
                  + "(?:next\\s+|coming\\s+|same\\s+|current\\s+)?(?:fortnight|week|month|quarter|hour|day|weekend|year)\\b"),
          // seasons: "this winter", "by the spring", "over the summer"
          p(
              "\\b(?:this|next|coming|by|before|over|during|in|through|until|end of|by the end of|(?:by |over |during |in )?the)"
                  + "\\s+(?:coming\\s+)?(?:winter|spring|summer|autumn)\\b"),
          // a numbered week or day of a course, plan or trial: "by week two", "after week one"
          p(
              "\\b(?:by|in|during|after|before|end of|within|at)\\s+(?:the\\s+end\\s+of\\s+)?(?:week|day|month)\\s+"
                  + "(?:one|two|three|four|five|six|\\d{1,2})\\b"),
          p(
              "\\b(?:next|this|coming|the coming|following|the following|same)\\s+(?:week|month|quarter|fortnight|"
                  + "weekend|year|morning|afternoon|evening|business day|working day|day)\\b"),
          p(
              "\\b(?:today|tonight|tomorrow|overnight|same[- ]day|next[- ]day|end of (?:the )?(?:day|business|week|month|"
                  + "quarter|year|play|shift)|close of (?:business|play)|eod|eow|eom|cob|this (?:morning|afternoon|evening))\\b"),
          // quarters, "week commencing the 14th", "by 30th"
          p(
              "\\b(?:by|in|during|through|before|end of|the end of|by the end of|within)\\s+(?:the\\s+)?q[1-4]\\b"),
          p("\\bweek commencing\\b"),
          p(
              "\\b(?:by|on|before|until|till|no later than|from)\\s+(?:the\\s+)?\\d{1,2}(?:st|nd|rd|th)\\b"),
          // "no later than the fifteenth", "by the first of the month"
          p(
              "\\b(?:by|on|before|until|till|no later than|from)\\s+the\\s+"
                  + ORD_WORD
                  + "(?=\\s*$|\\s*[,.;)]|\\s+of\\b)"),
          // months
          p(
              "\\b(?:by|before|until|till|in|during|within|(?:by |before )?(?:the )?(?:end|start|beginning|middle) of|early|"
                  + "mid|late|no later than)\\s+"
                  + MONTH_NAME
                  + "\\b"),
          // weekdays, dates, clock times
          p(
              "\\b(?:on|by|for|next|this|before|until|till|no later than|coming|from|or|and|latest|the|"
                  + "end of|close of|close of play|close of business|start of)\\s+"
                  + DAY
                  + "\\b"),
          p("^\\s*" + DAY + "\\b"),
          p("\\b" + DAY + "\\s+(?:morning|afternoon|evening|" + ORD + ")\\b"),
          p("\\b" + DATE),
          p(
              "\\b\\d{1,2}(?::\\d{2})?\\s*(?:am|pm)\\b|\\b\\d{1,2}:\\d{2}\\b|\\b(?:at|by|before)\\s+(?:noon|midday|"
                  + "midnight)\\b"),
          p(
              "\\b(?:by|before|on|until|no later than|at|ahead of|prior to)\\s+(?:the\\s+|their\\s+|its\\s+|his\\s+|her\\s+)?"
                  + "(?:next\\s+)?(?:due date|payday|pay day|renewal date|renewal|billing date|statement date|cut-off|cutoff"
                  + "|deadline|expiry date|go-live date|start date)\\b"),
          // the end of a period the customer's account already has: "by the end of the current
          // billing
          // period", "before the free trial ends"
          p(
              "\\b(?:by|before|at)\\s+the\\s+(?:end|close|expiry)\\s+of\\s+(?:the|this|their|its|his|her)\\s+"
                  + "(?:current\\s+|free\\s+|existing\\s+)?(?:billing\\s+(?:period|cycle|month|run)|notice\\s+period"
                  + "|cooling[- ]off\\s+period|trial(?:\\s+period)?|contract(?:\\s+term)?|fixed(?:[- ]rate)?\\s+(?:term|period)"
                  + "|price\\s+lock|grace\\s+period)\\b"
                  + "|\\bbefore\\s+(?:the|their|its)\\s+(?:current\\s+|free\\s+)?(?:trial|price lock|grace period|"
                  + "notice period|fixed(?:[- ]rate)? (?:term|period)|contract)\\s+(?:ends|expires|runs out|closes)\\b"),
          // the next event of an account that has its own date: "next order", "at the next billing
          // run"
          p(
              "^\\s*(?:(?:on|at|with|by|before|for)\\s+)?(?:the\\s+|their\\s+|its\\s+)?next\\s+"
                  + "(?:order|delivery|invoice|bill|statement|billing run|billing date|payment|renewal|shipment"
                  + "|service|collection|term|intake)\\s*\\.?$"));

  private final List<Pattern> extra;
  private final List<Phrase> vague;

  TimeExpressions(List<String> extraPatterns, List<String> extraPhrases, List<String> vagueWords) {
    List<Pattern> all = new ArrayList<>();
    for (String s : extraPatterns == null ? List.<String>of() : extraPatterns) {
      all.add(Pattern.compile(s, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    }
    for (String s : extraPhrases == null ? List.<String>of() : extraPhrases) {
      if (s != null && !s.isBlank()) {
        all.add(p("\\b" + Pattern.quote(s.strip().toLowerCase(Locale.ROOT)) + "\\b"));
      }
    }
    this.extra = List.copyOf(all);
    this.vague = Phrase.all(vagueWords);
  }

  /** The time expression in {@code text}, if any. */
  Optional<String> find(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String t =
        Shorthand.expand(text.length() > 2_000 ? text.substring(0, 2_000) : text)
            .toLowerCase(Locale.ROOT)
            .replace('\u2019', '\'')
            .replaceAll("\\s+", " ");
    for (List<Pattern> list : List.of(BUILT_IN, extra)) {
      for (Pattern p : list) {
        Matcher m = p.matcher(t);
        if (m.find()) {
          return Optional.of(m.group().strip());
        }
      }
    }
    return Optional.empty();
  }

  /** A vague time word in {@code s} ("soon", "asap"), if any. */
  Optional<String> vague(Sentence s) {
    for (Phrase p : vague) {
      for (int at = s.find(p, 0); at >= 0; at = s.find(p, at + 1)) {
        // "no later than 48 hrs before load day" is a deadline
        if (!(p.text().equals("later") && s.word(at - 1, "no"))) {
          // the admin's words ("when they're ready"), not the list's pattern ("when * 're ready")
          return Optional.of(s.span(at, at + s.matchAt(p, at)).replace(" / ", "/"));
        }
      }
    }
    return Optional.empty();
  }

  private static Pattern p(String regex) {
    return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }
}
