package org.callobjectives.server.objectives.lint;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a step sits in the buying process (first contact, discovery, demo, proposal, commitment,
 * close), for a queue stage (by its name, else its place in the chain) and for an advance (by what
 * it asks: a site visit, a budget approval, a signed contract).
 */
final class BuyingProcess {
  static final List<String> PHASES =
      List.of("first contact", "discovery", "demo", "proposal", "commitment", "close");

  private static final List<List<String>> STAGE_WORDS =
      List.of(
          List.of(
              "first",
              "firstcontact",
              "intro",
              "introduction",
              "prospect",
              "prospecting",
              "outbound",
              "cold",
              "lead",
              "leads",
              "new",
              "enquiry",
              "inquiry",
              "welcome",
              "contact",
              "opening",
              "reach",
              "outreach",
              "callback",
              "recall",
              "winback",
              "win"),
          List.of(
              "discovery",
              "discover",
              "qualify",
              "qualification",
              "qualifying",
              "needs",
              "assessment",
              "research",
              "factfind",
              "fact",
              "understand",
              "diagnosis",
              "survey"),
          List.of(
              "demo",
              "demonstration",
              "trial",
              "evaluation",
              "evaluate",
              "pilot",
              "presentation",
              "visit",
              "test",
              "poc"),
          List.of(
              "proposal", "quote", "quotation", "pricing", "offer", "solution", "tender", "bid"),
          List.of(
              "commitment",
              "commit",
              "negotiation",
              "negotiate",
              "approval",
              "decision",
              "legal",
              "procurement",
              "review"),
          List.of(
              "close",
              "closing",
              "contract",
              "sign",
              "signature",
              "signing",
              "order",
              "purchase",
              "won",
              "deal",
              "onboarding"));

  /** Steps of an advance with their phase (index into {@link #PHASES}); the latest found wins. */
  record Step(
      int phase,
      String what,
      Pattern pattern,
      long minAmount,
      boolean notAfterATrial,
      boolean reportsSaid) {
    Step(int phase, String what, Pattern pattern, long minAmount) {
      this(phase, what, pattern, minAmount, false, false);
    }

    Step(int phase, String what, Pattern pattern) {
      this(phase, what, pattern, 0, false, false);
    }

    /** A step that a trial named shortly before it makes part of the trial ("a pilot ... live"). */
    static Step inUse(int phase, String what, Pattern pattern) {
      return new Step(phase, what, pattern, 0, true, false);
    }

    /** A step whose match starts at its taker; only its {@code said} group is reported. */
    static Step saidBy(int phase, String what, Pattern pattern) {
      return new Step(phase, what, pattern, 0, false, true);
    }

    /** The step as written in {@code original}, for {@code m} run on its lower-case copy. */
    String said(Matcher m, String original, String lower) {
      if (!reportsSaid) {
        return m.group();
      }
      return original.length() == lower.length()
          ? original.substring(m.start("said"), m.end("said"))
          : m.group("said");
    }

    boolean tooSmall(String matched) {
      return minAmount > 0 && amount(matched) < minAmount;
    }

    /** Whether a trial is named in the 80 characters before {@code at} (same sentence). */
    boolean afterATrial(String text, int at) {
      if (!notAfterATrial) {
        return false;
      }
      String before = text.substring(Math.max(0, at - 80), at);
      int stop = Math.max(before.lastIndexOf('.'), before.lastIndexOf('\n'));
      return TRIAL_NAMED.matcher(before.substring(stop + 1)).find();
    }
  }

  /** Words before "invoice" that make it no payment for what was bought. */
  private static final String NOT_A_SALE_INVOICE =
      "(?:overdue|outstanding|late|unpaid|disputed|old|previous|last|missed|arrears|monthly|repair|"
          + "sample|trial|deposit|water|gas|electricity|phone|utility)\\b";

  private static final String MONEY_BIG =
      // (not rupees: "INR 100,000" is about 1,250 in the thresholds' money)
      "(?<!₹|₹\\s|\\brs\\s|\\brs\\.|\\brs\\.\\s|\\binr|\\binr\\s)"
          + "(?:(?:six|seven|eight)-figure|\\d+(?:\\.\\d+)?-?\\s?(?:megawatt|mw)\\b|[$€£]\\s?\\d[\\d,.]*\\s?(?:m|mn|million|bn|billion|k)\\b"
          + "|\\d[\\d,.]*\\s?(?:m|mn|million|bn|billion|mio|mrd|mln|mld)\\s*(?:usd|eur|gbp|dollars?|euros?|pounds?)?\\b"
          + "|(?:usd|eur|gbp)\\s?\\d[\\d,.]*\\s?(?:m|mn|million|bn|billion)\\b|\\d{1,3}(?:,\\d{3}){2,}"
          + "|(?:[$€£]\\s?|(?:usd|eur|gbp)\\s?)?\\d{3}(?:,\\d{3})(?:\\s?(?:usd|eur|gbp|dollars?|euros?|pounds?))?)";

  /**
   * An amount of a thousand or more, in figures or words ("£8,000", "$12k", "twenty-five thousand
   * pounds").
   */
  private static final String MONEY_THOUSANDS =
      "(?:[$€£]\\s?\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|[$€£]\\s?\\d{4,}(?:\\.\\d+)?"
          + "|[$€£]\\s?\\d+(?:\\.\\d+)?\\s?(?:k|m|mn|million|bn|billion)\\b"
          + "|\\b\\d{1,3}(?:,\\d{3})+\\s?(?:pounds?|dollars?|euros?|gbp|usd|eur)\\b"
          + "|\\b\\d+(?:\\.\\d+)?\\s?k\\s?(?:pounds?|dollars?|euros?|gbp|usd|eur)\\b"
          + "|\\b(?:[a-z]+[- ])?(?:thousand|million)(?:[\\s-]+(?:and|[a-z]+)){0,4}?\\s+(?:pounds?|dollars?|euros?)\\b"
          // "85 000 EUR": thousands set apart by a space, the currency after
          + "|\\b\\d{1,3}(?:[ \\u00a0]\\d{3})+\\s?(?:[$€£]|eur\\b|euros?\\b|usd\\b|gbp\\b|chf\\b)"
          // "Rs 1,85,000", "₹2,40,000": rupees in lakh grouping
          + "|(?:\\brs\\.?\\s?|\\binr\\s?|₹\\s?)\\d{1,3}(?:,\\d{2,3})+"
          // "2.5 lakh", "1 crore", "1,20,000 rupees"
          + "|\\b\\d+(?:\\.\\d+)?\\s?(?:lakhs?|lacs?|crores?)\\b|\\b\\d{1,3}(?:,\\d{2,3})+\\s?rupees\\b"
          // "45.000 €", "180.000 EUR": thousands with dots, the currency after
          + "|\\b\\d{1,3}(?:[.,]\\d{3})+(?:,\\d{2})?\\s?(?:[$€£]|eur\\b|euros?\\b|usd\\b|gbp\\b)"
          + "|\\b\\d{4,}\\s?(?:[$€£]|eur\\b|euros?\\b)"
          // "CHF 5 Mio.", "AUD 250,000", "SGD 12000": a currency code before the figure
          + "|\\b(?:chf|aud|cad|nzd|sgd|hkd|usd|eur|gbp|rm|myr|kes|ksh|zar|php|aed|sar)\\s?(?:\\d{1,3}(?:[,.' ]\\d{3})+|\\d{4,}"
          + "|\\d+(?:\\.\\d+)?\\s?(?:k|m|mn|mio|million|bn|billion)\\b))";

  /**
   * Words that make goods or a step a trial, not a purchase ("the loaner", "samples", "a taster").
   */
  private static final String TRIAL_WORDS =
      "demos?|samples?|loan(?:er)?s?|loaned|borrowed|trials?|tests?|brochures?|packs?|quotes?|demonstrators?|evaluations?|"
          + "courtesy|pilots?|taster|free|returnable|uat|staging";

  /**
   * No trial, taster or consultation, and no balance, arrears, bill or payment plan (what a
   * collections call settles) in the 80 characters before (checked where the step was found), nor
   * "of the trial" or "for the consultation" just after.
   */
  private static final String NOT_A_TRIAL_OR_A_DEBT =
      "(?<!\\b(?:demos?|samples?|trials?|tests?|pilots?|taster|free|consultations?|consults?|surveys?|"
          + "assessments?|admin|deposits?|balances?|arrears|debts?|outstanding|overdue|invoices?|bills?|"
          + "late|reconnection|payment plan|arrangement|instal+ments?|magazine)\\b[^.\\n]{0,80})"
          + "(?!\\s+(?:for|of|towards?|on)\\s+(?:(?:the|a|an|their|our|his|her)\\s+)?(?:[\\w-]+\\s+){0,2}?"
          + "(?:demos?|samples?|trials?|tests?|pilots?|taster|consultations?|surveys?|assessments?)\\b)";

  /** Words that, before "buys", say the sentence is not about the subject buying now. */
  private static final String NOT_A_BUYER =
      "(?:who|whoever|whom|whose|that|which|she|he|they|we|i|it|you|agent|rep|never|still|also|usually|"
          + "normally|always|often|only|now|already|currently|regularly|sometimes|typically|generally|"
          + "confirms?|says?|tells?|explains?|mentions?|notes?|adds?|states?|admits?|reports?|shares?|"
          + "whether|if|where|when|what|how|why)";

  /** A date soon after the call: a weekday, "next month", "the 1st", "1 August", "Jan 1". */
  private static final String SOON =
      "(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow"
          + "|next\\s+(?:week|month|sprint|quarter|term|payroll(?:\\s+cycle)?)"
          + "|the\\s+\\d{1,2}(?:st|nd|rd|th)\\b"
          + "|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\b"
          + "|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\s+\\d{1,2}(?:st|nd|rd|th)?\\b)";

  /**
   * No trial, pilot or sample in the 80 characters before (checked where the step's words were
   * found, not at every character).
   */
  private static final String TRIAL_BEFORE =
      "(?<!\\b(?:"
          + "demos?|samples?|trials?|tests?|pilots?|evaluations?|taster|free"
          + ")\\b[^.\\n]{0,80})";

  /** A number of things, in figures or words ("60", "forty", "six"). */
  private static final String COUNT =
      "(?:\\d[\\d,]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|twenty|thirty|"
          + "forty|fifty|sixty|seventy|eighty|ninety|hundred|both)";

  /** Sites, people or assets of an account, one or many. */
  private static final String UNITS =
      "(?:branch(?:es)?|offices?|sites?|stores?|shops?|bars?|pubs?|hotels?|depots?|clinics?|practices?|"
          + "locations?|outlets?|restaurants?|venues?|campus(?:es)?|schools?|warehouses?|plants?|factor(?:y|ies)|"
          + "propert(?:y|ies)|buildings?|retail parks?|parks?|tenants?|members?|staff|employees?|workers?|residents?|"
          + "patients?|clients?|client files?|ledgers?|policies|policy|vehicles?|vans?|trucks?|lorr(?:y|ies)|"
          + "trailers?|prime movers?|routes?|users?|seats?|agents?|physicians?|doctors?|referrals?|"
          + "subsidiar(?:y|ies)|entit(?:y|ies)|compan(?:y|ies)|machines?|devices?|handsets?|drivers?|"
          + "subcontractors?|homes?|rooms?|floors?|departments?|divisions?|regions?|doors|bays?|"
          + "kitchens?|lines)"
          // "all 12 branch managers" are people, not branches
          + "(?!\\s+(?:managers?|directors?|heads?|leads?|owners?|staff|teams?|secretar(?:y|ies)|"
          + "admins?|administrators?|coordinators?|supervisors?))";

  /**
   * The whole of an account: "all 60 haul trucks", "every one of its 200 client ledgers", "her
   * whole caseload of 60 clients".
   */
  private static final String ALL_OF_THEM =
      "(?:\\b(?:all|every(?:\\s+one\\s+of)?|each\\s+of)\\s+(?:(?:its|their|his|her|the|of\\s+(?:its|their|the))\\s+)?"
          + "(?:"
          + COUNT
          + "\\s+)?(?:[\\w&'-]+\\s+){0,2}?"
          + UNITS
          + "\\b|\\b(?:whole|entire)\\s+(?:caseload|fleet|estate|range|collection|catalogue|workforce|portfolio|book|network|membership|company|business)\\b"
          + "|\\bacross\\s+(?:all|every)\\s+(?:"
          + COUNT
          + "\\s+)?(?:[\\w&'-]+\\s+){0,2}?"
          + UNITS
          + "\\b)";

  /** "completes the mortgage application": paperwork on the way, not the purchase completed. */
  private static final String NOT_PAPERWORK =
      "(?![-/]\\w)(?!\\s+(?:(?:[\\w'’-]+\\s+){0,2}?(?:application|form|questionnaire|enquiry|inquiry|fact-?find|paperwork|checklist|"
          + "quote|illustration|calculator|pre-?approval|agreement in principle|aip|review|call|booking|survey|"
          + "agreement|order|offer|quiz|documents?|eligibility|affordability|requisition|acceptance|contract|upload|"
          + "instruction|check|assessment|template|pre-?qualification|pre-?qual|purpose|section|worksheet|planner|"
          + "range|price|interview|verification|export|history|ledger|summary|timeline|schedule|and\\s+purchase))\\b)";

  /** Trial words, for {@link Step#afterATrial}. */
  private static final Pattern TRIAL_NAMED =
      Pattern.compile("\\b(?:" + TRIAL_WORDS + "|proof-of-concept|poc|sandbox)\\b");

  /**
   * After "gets": not an approval of something before the sale ("gets our survey visit approved",
   * "gets the free trial approved").
   */
  private static final String NOT_BEFORE_THE_SALE =
      "(?![^.\\n]{0,50}\\b(?:trials?|pilots?|surveys?|visits?|parking|access|data|records?|samples?|recce|"
          + "inspections?|sandbox|referrals?|free|poc|demos?)\\b)(?!(?:the\\s+)?our\\b)";

  /**
   * An outside authority that approves a purchase: an insurer, a utility, a council, a regulator, a
   * court, a government body, a creditors' meeting (not the customer's own people or us).
   */
  private static final String AUTHORITY =
      "(?:insurers?|underwriters?|carriers?|health\\s+fund|utility|utilities|network\\s+operator|dno|grid\\s+operator|"
          + "energex|council|city(?:\\s+of\\s+\\w+)?|county|municipality|state|federal|government|ministry|"
          + "(?:planning|building|housing)\\s+(?:department|authority|office)|building\\s+control|authorit(?:y|ies)|"
          + "regulators?|court|creditors'?(?:\\s+meeting)?|ombudsman|embassy|consulate|veterans\\s+affairs|va|vac|"
          + "medicare|medicaid|nhs|insolvency\\s+service|central\\s+bank|cbk|land\\s+registry|immigration|"
          + "customs|discharge\\s+planner|health\\s+plan|hoa|homeowners'?\\s+association|body\\s+corp(?:orate)?(?:\\s+committee)?|"
          + "strata(?:\\s+(?:council|committee|corporation))?|condo(?:minium)?\\s+(?:board|association)|co-?op\\s+board|"
          + "fire\\s+(?:marshall?|department|officer|service)|insurance\\s+(?:company|provider|carrier)|fda|epa|faa|fcc|osha|cqc|hmrc|listed\\s+building|"
          + "(?:[\\w'-]+\\s+){0,2}(?:agency|department|service|board|commission|"
          + "inspector|inspectorate)\\s+(?:of|for)\\s+\\w+|health\\s+board|inspectors?|building\\s+regs)\\b";

  static final String AUTHORITY_APPROVAL = "an outside authority's approval";

  /**
   * The approval of a purchase by an outside {@code authority} (a regular expression ending at a
   * word): "gets pre-approval from their insurer", "the council approves the planning application",
   * "has the permit approved by the city", "gets the local authority to fund the placement",
   * "obtains the alcohol licence from the council".
   */
  static Pattern approvalBy(String authority) {
    String whose = "(?:the\\s+|their\\s+|his\\s+|her\\s+|its\\s+|an?\\s+)?";
    String getOrHave = "\\b(?:get(?:s|ting)?|ha(?:s|ve|ving))\\s+";
    return p(
        "(?:\\bget(?:s|ting)?\\s+"
            + NOT_BEFORE_THE_SALE
            + whose
            + "(?!(?:[\\w'-]+\\s+){0,5}?(?:loan|finance|mortgage|credit|lending|internal)\\b)(?:[\\w'-]+\\s+){0,5}?"
            + "(?:pre-?approval|approval|sign-?off|go-ahead|green\\s+light|consent|clearance|permit|permission|licen[cs]e)"
            + "\\s+(?:from|by|of)\\s+"
            + "(?:the\\s+|their\\s+)?(?:local\\s+)?"
            + authority
            + "|"
            + getOrHave
            + NOT_BEFORE_THE_SALE
            + whose
            + "(?:[\\w'-]+\\s+){0,5}?"
            + "(?:approved|granted|issued|signed\\s+off|cleared)\\s+(?:by|at)\\s+(?:the\\s+|their\\s+)?(?:local\\s+)?"
            // ("by the Douglas County building department")
            + "(?:[\\w'-]+\\s+){0,2}?"
            + authority
            + "|\\bget(?:s|ting)?\\s+(?:the\\s+|their\\s+|his\\s+|her\\s+)(?:[\\w'-]+\\s+){0,5}?(?:grant|visa|"
            + "(?:building|planning|export|import|work|operating|construction)\\s+(?:permit|permission|consent)|planning)"
            + "\\s+(?:approved|granted|issued)\\b(?!\\s+in[- ]principle)"
            + "|\\b(?:get(?:s|ting)?|obtains?|secures?|receives?)\\s+"
            + NOT_BEFORE_THE_SALE
            + "(?:the\\s+)?(?:local\\s+)?"
            + authority
            + "(?:'s|’s)?\\s+(?:pre-?approval|approval|sign-?off|consent|clearance|permission)\\b"
            + "|\\b(?:local\\s+authority|council|insurer|city|county|medicare|medicaid|va)(?:'s|’s)\\s+"
            + "(?:approval|sign-?off)\\s+(?:on|of|for)\\b"
            + "|\\b"
            + authority
            + "(?:'s|’s)\\s+(?:approval|sign-?off)\\s+(?:on|of|for)\\b"
            + "|\\bget(?:s|ting)?\\s+(?:the|his|her|their|its)\\s+(?:[\\w'-]+\\s+){0,3}?(?:bank|branch|lender|"
            + "council|insurer|regulator|authority|government|ministry|funder)\\s+to\\s+"
            + "(?:approve|release|sign\\s+off|grant|authori[sz]e)\\b"
            + "(?![^.\\n]{0,40}\\b(?:letter|statement|reference|proof|quote|estimate)\\b)"
            + "|\\bget(?:s|ting)?\\s+(?:the\\s+)?(?:local\\s+)?"
            + authority
            // ("gets the county environmental health office to sign off on the permit")
            + "(?:\\s+[\\w'-]+){0,3}?\\s+to\\s+(?:approve|sign\\s+off|authori[sz]e|grant|fund)\\b"
            // "the council approves the planning application", "Medicare approves the chair"
            + "|\\b(?:the\\s+|their\\s+|his\\s+|her\\s+)?(?:local\\s+)?"
            + authority
            + "\\s+(?:approves|okays|oks|signs\\s+off(?:\\s+on)?|grants|authori[sz]es|funds|covers|"
            + "agrees\\s+to\\s+(?:cover|fund|pay\\s+for))\\s+"
            + NOT_BEFORE_THE_SALE
            + "|\\b(?:gets?|obtains?|secures?)\\s+(?:the\\s+|a\\s+)?prior\\s+auth(?:ori[sz]ation)?\\b"
            + "|\\bobtains?\\s+(?![^.\\n]{0,20}\\b(?:copy|copies|scan|photo)\\s+of\\b)"
            + "(?:the\\s+|a\\s+|an\\s+|their\\s+|his\\s+|her\\s+)?(?:[\\w'-]+\\s+){0,3}?"
            + "(?:no-objection|planning\\s+permission|(?:building|export|import|operating)\\s+(?:permit|licen[cs]e))\\b"
            + "|\\b(?:obtains?|secures?|receives?)\\s+"
            + NOT_BEFORE_THE_SALE
            + "(?:the\\s+|an?\\s+|their\\s+)?(?:[\\w'-]+\\s+){0,3}?(?:approval|sign-?off|consent|licen[cs]e|permit|"
            + "clearance)\\s+(?:from|of)\\s+(?:the\\s+|their\\s+)?(?:local\\s+)?"
            + authority
            + ")"
            // (not an approval to share data with us or to let us in: "approval from the
            // trust's IG team to share referral data with us")
            + "(?![^.\\n]{0,60}\\bto\\s+(?:send|share|release|give|pass|let|pull|access|provide|park|run|start|evaluate|trial|"
            + "test|pilot|assess|try)\\b)");
  }

  /**
   * The approval by one of a site's own outside authorities ({@code outsideAuthorities} in
   * lint.yaml), or none when it names none.
   */
  static Optional<Step> approvalByOneOf(List<String> authorities) {
    List<String> names =
        authorities == null
            ? List.of()
            : authorities.stream()
                .filter(a -> a != null && !a.isBlank())
                .map(
                    a ->
                        Pattern.quote(a.strip().toLowerCase(Locale.ROOT))
                            .replace(" ", "\\E\\s+\\Q"))
                .toList();
    return names.isEmpty()
        ? Optional.empty()
        : Optional.of(
            new Step(
                4,
                AUTHORITY_APPROVAL,
                approvalBy("(?:" + String.join("|", names) + ")(?:'?s)?(?![\\p{L}\\p{N}])")));
  }

  /** What the step of absurd size is called in findings. */
  static final String ABSURD = "a purchase of a size no single call gets";

  /**
   * "every tractor in the yard", "all 40 hospitals", "sole vendor for 10 yrs": a close of a size
   * that no single call gets, whatever the stage.
   */
  private static final String ABSURD_SCALE_WORDS =
      "(?:\\bevery\\s+other\\s+(?:[a-z-]+\\s+)?(?:shops?|stores?|vendors?|suppliers?|dealers?|retailers?|providers?|competitors?)\\b"
          + "|\\bevery\\s+[a-z][a-z-]*\\s+(?:in|on)\\s+(?:the|our|their|his|her)\\s+(?:yard|showroom|warehouse|lot|stock|depot)\\b"
          + "|\\b(?:entire|whole)\\s+(?:product\\s+)?catalog(?:ue)?\\b|\\b(?:entire|whole)\\s+(?:stock|inventory)\\b"
          + "|\\b(?:entire|whole)\\s+(?:company|group|chain|workforce|street|town|village|county|country|tower)\\b"
          + "|\\ball\\s+(?:of\\s+)?(?:(?:his|her|their|its|the)\\s+)?(?:[4-9]\\d|\\d{3,}|\\d{1,3},\\d{3}|forty|fifty|hundred)\\s+"
          + "(?:of\\s+(?:his|her|their|its)\\s+)?(?:[a-z-]+\\s+)?(?:hospitals|stores|shops|branches|locations|sites|households|homes|"
          + "schools|clinics|hotels|restaurants|offices|plants|farms)\\b"
          + "|\\ball\\s+(?:of\\s+)?(?:(?:his|her|their|its|the)\\s+)?(?:\\d{1,3},\\d{3}|\\d{4,})\\s+(?:acres|hectares)\\b"
          + "|\\bsole\\s+(?:vendor|supplier|provider)\\b"
          + "|\\b(?:ten|fifteen|twenty|[1-9]\\d)[- ](?:years?|yrs?|seasons?)\\b"
          + "(?=\\s+(?:of\\s+(?:premium|fees|rent|service|accommodation|cover)|up\\s*front|in\\s+advance|prepaid)\\b))";

  private static final List<Step> STEPS =
      List.of(
          new Step(
              3,
              "a trip",
              p(
                  "\\b(?:fl(?:y|ies|ew|ying)|travel(?:s|led|ling)?)\\s+(?:in\\s+|out\\s+|over\\s+|back\\s+)?"
                      + "(?:from\\s+[\\w-]+(?:\\s+[\\w-]+)?\\s+)?to\\b"
                      // ("the top 3 cities they travel to": where they go, not a trip now)
                      + "(?!\\s*(?:$|[.,;:)]))"
                      // "a trip to Cairo", not "sends the poll for a trip to the members"
                      + "|(?<!\\borgani[sz]es?\\s)(?<!\\bruns\\s)(?<!\\barranges?\\s)\\b(?:trips?|journeys?|flights?)\\s+to\\b(?!\\s+(?:the|their|his|her|all|every|each)\\s+"
                      + "(?:members?|group|club|committee|parents|families|travellers|attendees|board)\\b)"
                      + "|\\bfl(?:y|ies|ew|ying)\\s+(?:home|in|over)\\s+from\\b"
                      // "commits to fly two engineers to Bologna"
                      + "|\\bfl(?:y|ies|ying)\\s+(?:[\\w-]+\\s+){0,2}(?:engineers?|people|staff|team|managers?|directors?|"
                      + "buyers?|delegates?)\\s+(?:over\\s+|out\\s+)?to\\b"
                      + "|\\bbooks?\\s+(?:their\\s+|the\\s+)?flights?\\b"
                      + "|\\b(?:our\\s+(?:[\\w-]+\\s+)?(?:team|engineers?|people)|we)\\s+(?:fly|flies|flying)\\s+(?:in|out|over)\\b"
                      + "|\\b(?:two|three|four|\\d)-week\\s+on-?site\\s+(?:poc|pilot|trial|visit|workshop|assessment)\\b"
                      + "|\\bflights?\\s+(?:are\\s+|is\\s+)?(?:booked|confirmed|paid)\\b"
                      + "|\\b(?:two|three|four|five|six|seven|multi|\\d)-day\\s+(?:\\w+\\s+){0,2}?(?:visit|trip|"
                      + "inspection|tour|review|workshop|audit|assessment|familiari[sz]ation)\\b"
                      + "|\\bfamiliari[sz]ation (?:trip|visit|tour)\\b"
                      + "|\\bspends?\\b[^.\\n]{0,40}\\b(?:two|three|four|five|several|a few|\\d+)\\s+(?:full\\s+)?days?\\s+"
                      + "(?:at|in|on)\\b")),
          // "commits to buying 30 licences", "commits to the purchase"
          new Step(
              4,
              "a commitment to buy",
              p(
                  "\\bcommits?\\s+to\\s+(?:buying|purchasing|ordering|signing|the\\s+(?:purchase|order|contract|deal)|"
                      + "(?:go|going)\\s+ahead\\s+with\\s+the\\s+(?:purchase|order))\\b"
                      + "(?![^.\\n]{0,40}\\b(?:"
                      + TRIAL_WORDS
                      + "|samples?|demo)\\b)")),
          new Step(
              4,
              "a large commitment",
              p(
                  "\\b(?:signs?|commits?|approves?|initiates?|pledges?|invests?|rolls? over|agrees? to|"
                      + "accepts?|takes? out)\\b"
                      + "[^.\\n]{0,50}"
                      + MONEY_THOUSANDS),
              10_000),
          new Step(
              4,
              "a deposit",
              p(
                  "\\bpays? (?:an? |the )?(?:\\w+[- ]?)?(?:percent|per cent|%) deposit\\b"
                      + "|\\bpays? (?:an? |the )?deposit of (?:the )?\\d{2}\\s?(?:percent|per cent|%)")),
          new Step(
              4,
              "a deposit",
              p(
                  "\\b(?:pays?|paying|puts? down|transfers?)\\b[^.\\n]{0,40}[$€£][^.\\n]{0,40}\\bdeposits?\\b"),
              1_000),
          new Step(
              5,
              "a payment of the whole deal",
              p(
                  "\\bpays?\\s+(?:for\\s+)?(?:the|their|his|her)\\s+(?:full\\s+|entire\\s+|whole\\s+)?"
                      + "(?:[$€£]\\s?[\\d,.]+\\s+)?(?:[\\w-]+\\s+){0,4}?"
                      + "(?:plan|contract|programme|program|course|package|policy|subscription|membership|"
                      + "licen[cs]e|price|fees?|tuition|term|cover)\\b[^.\\n]{0,30}\\b(?:in full|up ?front|outright)\\b"
                      + "|\\b(?:pays?|transfers?|wires?|remits?)\\s+(?:for\\s+)?(?:(?:the|their|his|her)\\s+)?(?:full|entire|whole)\\s+"
                      + "(?:(?:[$€£₹]|rs\\.?|inr)\\s?[\\d,.]+\\s+)?(?:[\\w-]+\\s+){0,4}?"
                      + "(?:plan|contract|programme|program|course|package|policy|subscription|membership|"
                      + "licen[cs]e|price|fees?|tuition|term|cover)\\b"
                      // "signs 2-year plans for all three units and pays upfront"
                      + "|\\b(?:signs?|buys?|takes?\\s+out|orders?|purchases?)\\b(?![^.\\n]{0,60}\\b(?:"
                      + TRIAL_WORDS
                      + ")\\b)[^.\\n]{0,80}\\band\\s+pays?\\s+"
                      + "(?:(?:it|them|everything|the\\s+lot|all)\\s+)?(?:up ?front|outright)\\b")),
          new Step(
              5,
              "a payment in full",
              p(
                  "\\bpays?\\b(?:\\s+for)?(?![^.\\n]{0,40}\\b(?:arrears|balance|debt|outstanding|overdue|invoice|bill|"
                      + "account|shortfall)\\b)[^.\\n]{0,40}\\bin full\\b")),
          new Step(
              4,
              "a large payment",
              p(
                  "\\b(?:pays?|paying)\\b[^.\\n]{0,30}[$€£]\\s?\\d[\\d,]*[^.\\n]{0,30}\\b(?:fee|fees|deposit|"
                      + "retainer|instalment|installment|premium|on account|by card|up ?front)\\b"),
              1_000),
          new Step(
              4,
              "a budget approval",
              p(
                  "\\b(?:approves?|(?<!the |an |their |its )approved|approving|signs? off)\\b[^.\\n]{0,60}"
                      + "\\b(?:budget|capex|capital|spend|investment|funding|(?:company|corporate|employer)\\s+"
                      + "sponsorship)\\b"
                      + "|\\b(?:secures?|gets?|obtains?|wins?)\\b[^.\\n]{0,40}\\b(?:budget|capex|capital|spend|"
                      + "investment|funding|afe|expenditure)\\b[^.\\n]{0,20}\\b(?:approved|approval|sign-off|signed off)\\b"
                      + "|\\bboard approval\\b|\\bbudget approval\\b")),
          // "The group board signs off on switching all sites": a governing body's decision is a
          // commitment whatever it is about ("the rate the board has approved" is a fact, not a
          // step)
          new Step(
              4,
              "an approval by the customer's board",
              p(
                  "\\b(?:board|board of directors|trustees|governors|governing body|investment committee|"
                      + "steering committee|executive committee|exec committee|works council)"
                      // "Works council (OR) gives formal approval"
                      + "(?:\\s*\\([^)]{1,12}\\))?"
                      + "(?:\\s+of\\s+(?:the\\s+)?[\\w-]+(?:\\s+[\\w-]+)?)?\\s+(?:(?!has\\b|have\\b|had\\b)"
                      + "[\\w-]+\\s+)?(?:to\\s+)?(?:signs?\\s+off|approves?|ratif(?:y|ies)|green-?lights?|"
                      + "votes?\\s+(?:through|for|to)|resolves?\\s+to|gives?\\s+(?:its\\s+|their\\s+)?(?:formal\\s+|final\\s+)?"
                      + "approval)\\b"
                      // "takes the switch to their board and gets it approved"
                      + "|\\bboard\\b[^.\\n]{0,30}\\bgets?\\s+(?:it|this|that|them)\\s+(?:approved|signed off|ratified)\\b")),
          // "moves £1,500 from their savings to us today": more than a first call asks for
          new Step(
              4,
              "a large payment",
              p(
                  "\\b(?:pays?|repays?|paying|clears?|settles?|transfers?|wires?|moves?|deposits?|invests?|"
                      + "authori[sz]es?|writes?\\s+(?:the|a|us\\s+a)\\s+(?:check|cheque)|"
                      // "hands over a £10k cheque" (not the keys to a £450,000 house); "buys a
                      // membership for 5,000 dollars" (not "they buy $20,000 of toner a year")
                      + "hands?\\s+(?:over|us|in)(?=[^.\\n]{0,30}\\b(?:cheques?|checks?|cash|payment|deposit)\\b)|"
                      + "(?:buys?|purchases?)\\s+(?=an?\\s|the\\s))\\b[^.\\n]{0,70}"
                      + MONEY_THOUSANDS
                      // (not "tells us what he transfers, about $20,000 a month")
                      + "(?![^.\\n]{0,20}\\b(?:a|per|each|every)\\s+(?:month|week|year|quarter)\\b)"),
              1_500),
          new Step(
              4,
              "a large payment",
              p(
                  "\\bputs?\\b[^.\\n]{0,60}\\bon (?:their|the|a|his|her|a company) (?:credit |debit |business )?card\\b"),
              5_000),
          new Step(
              5,
              "a payment in full",
              p(
                  "\\b(?:pays?|paying|clears?|settles?)\\b[^.\\n]{0,50}"
                      + MONEY_THOUSANDS
                      + "[^.\\n]{0,40}\\b(?:up ?front|in full|in (?:one|a single) (?:payment|go|lump sum))\\b"
                      + "|\\b(?:pays?|repays?|clears?|settles?)\\s+(?:off\\s+)?(?:the|their|his|her)\\s+(?:full|entire|whole|total)\\b[^.\\n]{0,20}"
                      + MONEY_THOUSANDS),
              5_000),
          // "puts the full 24 months on card", "pays 12 months of the subscription upfront", "pays
          // all 3 years by card": a long period paid ahead (not a payment plan's instalments, a
          // trial or a taster)
          new Step(
              5,
              "a payment of the whole price now",
              p(
                  "\\b(?:pays?|paying|prepays?|transfers?|wires?|puts?)\\s+(?:for\\s+)?(?:the\\s+)?"
                      + "(?:all\\s+|full\\s+)?"
                      + COUNT
                      + "\\s+(?:months|years|terms|quarters)\\b[^.\\n]{0,40}?"
                      + "\\b(?:up ?front|in advance|in one go|on (?:the\\s+|their\\s+|a\\s+)?card)\\b"
                      + NOT_A_TRIAL_OR_A_DEBT
                      + "|\\bpays?\\s+(?:for\\s+)?all\\s+"
                      + COUNT
                      + "\\s+years\\b"
                      + NOT_A_TRIAL_OR_A_DEBT
                      + "|\\bpays?\\s+up ?front\\s+for\\s+(?:the\\s+(?:full|whole|entire)\\s+(?:year|term|season|course)|"
                      + COUNT
                      + "\\s+(?:[\\w'-]+\\s+)?(?:lessons|sessions|classes|months|weeks))\\b"
                      + NOT_A_TRIAL_OR_A_DEBT)),
          new Step(
              4,
              "a large financial commitment",
              p(
                  "\\b(?:approves?|approval|commits?|signs?|pays?|prepays?|invests?|"
                      + "transfers?|moves?|switch(?:es)?|deposits?|authori[sz]es?)\\b[^.\\n]{0,60}"
                      + MONEY_BIG)),
          new Step(
              3,
              "a reference call with one of our customers",
              p(
                  "\\breference (?:call|calls|visit|visits|check|checks|site|sites|meeting)\\b"
                      + "|\\b(?:speaks?|talks?) to (?:one of )?our (?:existing |current |reference )?customers?\\b")),
          new Step(
              4,
              "an approval of a rollout",
              p(
                  "\\b(?:approves?|approved|signs? off|commits? to|green-?lights?)\\b[^.\\n]{0,50}"
                      + "\\b(?:roll-?out|deployment|implementation|migration|expansion|switch(?:ing)?|moving"
                      + "|transfer(?:ring)?)\\b[^.\\n]{0,60}"
                      + "\\b(?:all|every|each|whole|entire|company-wide|enterprise-wide|group-wide|nationwide|"
                      + "across)\\b"
                      + "|\\b(?:approves?|approved|signs? off|commits? to)\\b[^.\\n]{0,30}"
                      + "\\b(?:multi-site|company-wide|enterprise-wide|group-wide|nationwide|organisation-wide|"
                      + "organization-wide)\\b"
                      // "approves to list our brand in all 12 doors"
                      + "|\\b(?:approves?|signs? off)\\b[^.\\n]{0,40}\\b(?:all|every)\\s+(?:\\d+\\s+)?"
                      + "(?:doors|stores|shops|sites|branches|locations|outlets|depots|schools|clinics|hotels)\\b")),
          new Step(
              5,
              "a purchase order",
              p(
                  "\\b(?:raises?|issues?|sends?|approves?|signs?|submits?|releases?|cuts?|places?|emits?)\\b"
                      // (not "a copy of their last purchase order", "three sample purchase orders")
                      + "(?![^.\\n]{0,40}\\b(?:sample|samples|copy|copies|last|previous|old|past|example|test|"
                      + "dummy|format)\\b[^.\\n]{0,30}\\b(?:purchase orders?|p\\.?o\\.?s?)\\b)"
                      + "[^.\\n]{0,40}"
                      + "\\b(?:purchase orders?|p\\.?o\\.?s?)\\b(?! number)"
                      // ("3 months POS transaction history": the point of sale)
                      + "(?!\\s+(?:transactions?|terminals?|system|machines?|data|history|reports?|sales|statements?|"
                      + "devices?|till|records?|float)\\b)"
                      // "Purchase order from Harbor Foods for 20 pallets": the paper, as the goal
                      + "|^\\s*(?:an?\\s+|the\\s+|signed\\s+|first\\s+)*(?:purchase\\s+order|p\\.?o\\.?)\\s+(?:from|by)\\b")),
          // "Letter of intent from Sahara Agro for the drip system": committed in writing
          new Step(
              4,
              "a letter of intent",
              p(
                  // (not "sends the LOI for the business he's buying": a paper of another deal)
                  "(?:^\\s*(?:an?\\s+|the\\s+|signed\\s+)*|\\bsigns?\\s+(?:an?|the|their|our)\\s+)"
                      + "(?:letter\\s+of\\s+intent|loi)\\b"
                      + "(?!\\s+(?:template|draft|format|example|sample)s?\\b)"
                      + "(?![^.\\n]{0,30}\\bfor\\s+the\\s+(?:business|property|company|house|site)\\b)")),
          // "obtains the HOA approval and the city building permit", "pays the county permit fees":
          // the permits for the work, which come once the job is agreed
          new Step(
              4,
              "a permit for the work",
              p(
                  "\\b(?:obtains?|obtaining|obtained|secures?|secured|securing|applies\\s+for|applied\\s+for|"
                      + "apply\\s+for|applying\\s+for)\\s+(?:(?:the|their|his|her|an?|all)\\s+)?"
                      // ("obtains a copy of the building permit", "the permit history": papers
                      // about a permit, not the permit)
                      + "(?:(?!(?:copy|copies|up|records?|history|details)\\b)[\\w-]+\\s+){0,2}?(?:(?:building|planning|"
                      + "electrical|construction|city|county|zoning|installation)\\s+(?:permits?|permission|consent)"
                      + "|(?:hoa|homeowners'?\\s+association)\\s+approval)\\b"
                      + "(?!\\s+(?:history|records?|number|copy|letter|request|form|rules|status))"
                      + "|\\bpays?\\s+(?:(?:the|their|all)\\s+)?(?:[\\w-]+\\s+){0,4}?permit\\s+fees?\\b")),
          // "Customer pays the renewal invoice in full", "pays our first invoice": paying for what
          // was bought (not a monthly bill, an old debt, a repair, a sample, a trial, a deposit
          // invoice, an invoice link, or the final invoice of a paid discovery phase)
          new Step(
              5,
              "a paid invoice",
              p(
                  "\\b(?:pays?|settles?|clears?)\\s+(?:the|our|their|its|his|her)\\s+"
                      + "(?:(?:(?!"
                      + NOT_A_SALE_INVOICE
                      + ")[\\w$£€.,%'-]+\\s+){0,3}?invoices?\\b(?=\\s+in\\s+full\\b)"
                      + "|(?:(?!"
                      + NOT_A_SALE_INVOICE
                      + ")[\\w$£€.,%'-]+\\s+){0,2}?(?:first|renewal|annual|yearly|onboarding|set-?up|subscription|"
                      + "licen[cs]e)(?:'s)?\\s+(?:(?!"
                      + NOT_A_SALE_INVOICE
                      + ")[\\w$£€.,%'-]+\\s+){0,2}?invoices?\\b)"
                      + "(?!\\s+(?:link|number|query|queries|address))"
                      + "(?![^.\\n]{0,40}\\b(?:discovery|scoping|assessment|audit|survey|consultation|feasibility|"
                      + "trial|sample|samples|repair|repairs|deposit|overdue|outstanding|arrears|last\\s+month)\\b)")),
          new Step(
              5,
              "a year paid in full",
              p(
                  "\\bpays?\\b[^.\\n]{0,20}\\b(?:the|their|his|her)\\s+(?:full|whole|entire)\\s+"
                      + "(?:annual|yearly|year's|first-year|first year's|twelve-month|12-month)\\b"
                      + "|\\bpays?\\b[^.\\n]{0,20}\\b(?:the )?(?:first|whole|full) year\\b[^.\\n]{0,15}"
                      + "\\b(?:in full|up ?front|in advance)\\b"
                      + "|\\bprepayments?\\b(?!\\s+meters?)"
                      + "|\\bpays?\\s+(?:the|their|its|his|her)\\s+(?:first\\s+)?(?:[$£€]?\\d[\\d,.]*k?\\s+)?(?:annual|yearly|year's|12-month|twelve-month)\\s+"
                      + "(?:invoice|fee|subscription|licen[cs]e|contract|premium)\\b")),
          new Step(
              5,
              "a signed contract or order",
              p(
                  "\\b(?:signs?|signed|signing|e-signs?|docusigns?|countersigns?|executes?)"
                      + "\\b(?!\\s+(?:consent|declaration|mandate form)\\b)[^.]{0,60}(?<!trial |pilot |evaluation |demo |non-disclosure |consent |data-sharing |data sharing )\\b(?:contracts|agreements|contract|agreement|programme|program|deal|msa|mandate|purchase order|order form|policy|scheme|lease|licence|license|retainer|"
                      + "switch-?over forms?|switching forms?|group guarantee|guarantee forms?|"
                      + "treatment plan contract|order|engagement letter|(?:registered\\s+)?mortgage(?! application| offer| illustration| advice| in principle| review| check| appointment| affordability)|volume commitment|letter of engagement|client care letter|tenancy|"
                      + "(?:final |new |updated |mirror )?wills?(?! be\\b| need| have| send| return| call))\\b|\\b(?:binds?|bound)\\b[^.]{0,30}\\b(?:cover|programme|policy|program)\\b"
                      + "|\\bprepays?\\b|\\bdraws? down\\b|\\bcompletes? on (?:the|their|his|her) (?:mortgage|purchase|sale|house|"
                      + "property|flat|home)\\b|\\bsigns?\\b[^.]{0,30}\\b(?:codicil|deed|lasting power of attorney)\\b|\\bplaces? (?:(?:an?|the|their|its|his|her) )?(?:(?!(?:trial|sample|test|tester|return|repeat|pilot|starter|in|into|on|of|by|them|it|these|those|the|their)\\b)[\\w$£€.,%-]+ ){0,4}?order\\b(?!\\s+(?:of|to)\\b)|\\bcloses? the deal\\b"
                      + "|\\b(?:signs?|buys?|purchases?)\\b[^.]{0,40}\\b(?:multi-year|two-year|three-year|five-year|enterprise)\\b"
                      // "signs for a new F-150": the sale of a car, a van, a kitchen
                      + "|\\bsigns?\\s+for\\s+(?:an?|the|their|his|her)\\s+(?:brand[- ]new|new|used|pre-owned|second-hand)\\s+"
                      + "(?:car|van|truck|pick-?up|suv|vehicle|motorbike|motorcycle|boat|caravan|motorhome|tractor|"
                      + "kitchen|[a-z]{1,3}-?\\d{1,4}[a-z]?)\\b"
                      + "|\\bcommits?\\s+to\\b[^.]{0,40}\\b(?:multi-year|two-year|three-year|five-year|[2-9]-year|\\d{2}-month)\\b"
                      // ("the benefits of a 10-year term over a 5-year term": terms compared, none
                      // signed)
                      + "|(?<!\\bof an? |\\bover an? |\\bthan an? |\\bvs\\.? an? |\\bversus an? )"
                      + "\\b(?:multi-year|two-year|three-year|five-year|\\d+-year|\\d{2}-month)\\b[^.]{0,30}\\b(?:contract|agreement|deal|commitment|order|term|renewal|licen[cs]e|subscription)\\b"
                      // "commits all their volume to us for the next two years"
                      + "|\\b(?:commits?|signs?|locks?\\s+in)\\b(?![^.\\n]{0,30}\\b(?:consent|nda|data)\\b)[^.\\n]{0,60}"
                      + "\\bfor\\s+(?:the\\s+next\\s+)?(?:two|three|four|five|ten|fifteen|twenty|twenty-five|[2-9]|[12]\\d)\\s+years\\b"
                      + "|\\bsigns?\\s+over\\s+(?!the\\s+(?:phone|line|call)\\b)(?:his|her|their|its|the)\\b"
                      // "takes the van lease for 4 years", "takes out a 36-month lease"
                      + "|\\btakes?\\s+(?:out\\s+)?(?:the|a|an|their)\\s+(?:[\\w-]+\\s+){0,2}?lease\\b"
                      + "(?![^.\\n]{0,30}\\b(?:"
                      + TRIAL_WORDS
                      + "|quote|quotes|terms|details)\\b)"
                      + "|\\bsigns?\\b[^.]{0,40}\\bappointment\\s+letters?\\b"
                      + "|\\b(?:orders?|buys?|purchases?)\\b[^.]{0,60}"
                      + MONEY_BIG
                      + "|\\bpays?\\b[^.\\n]{0,30}\\b(?:years?|(?:\\d+|six|nine|twelve|eighteen|twenty-four) months)\\b"
                      + "[^.\\n]{0,20}\\b(?:up ?front|in advance)\\b")),
          // "Patient books their cataract surgery date": the operation itself is what is bought
          new Step(
              5,
              "a booked operation",
              p(
                  "\\b(?:books?|schedules?|fixes|sets?)\\s+(?:in\\s+)?(?:an?\\s+|the\\s+|their\\s+|his\\s+|her\\s+)?"
                      + "(?:[\\w-]+\\s+){0,3}?(?:surgery|operation)(?:\\s+(?:date|slot))?\\b")),
          // "The client instructs us on the remortgage": engaging the firm to act is a commitment
          new Step(
              4,
              "an instruction to act",
              p(
                  "\\binstructs?\\s+(?:us|our (?:[\\w-]+ )?(?:firm|team|practice|solicitors?|brokers?|"
                      + "conveyancers?|lawyers?))\\b")),
          // "accepts the lender's mortgage offer": taking up an offer is the customer's commitment
          new Step(
              4,
              "an accepted offer",
              p(
                  "\\baccepts?\\s+(?:the|our|their|his|her)\\s+(?:(?!to\\b|invitation\\b)[\\w'-]+\\s+){0,3}?"
                      + "(?:offer|quote)\\b(?!\\s+(?:of|to|for)\\s+(?:an?|the)\\b)")),
          // "pays the £499 broker fee", "pays 50% of the migration fee": money committed to the
          // deal
          // "pays a deposit", "pays the enrollment deposit": no sum named, the purchase's own
          // deposit
          new Step(
              4,
              "a deposit paid",
              p(
                  "\\b(?:pa(?:y|ys|ying)|sends?|wires?)\\s+(?:a|the|their|his|her|its|\\w+\\s+weeks?'?s?)\\s+"
                      + "(?:(?!refundable|holding|booking|small|token|security|consultation|appointment|"
                      + "reservation|keg|cylinder|damage|key|bottle|pallet|crate)(?:[a-z][\\w-]*|\\d+(?:%|-[a-z]+))\\s+){0,2}?deposit\\b"
                      + "(?!\\s+(?:paperwork|forms?|requests?|details|slips?|information|info|terms))"
                      // "buys the van and pays deposit": shorthand drops the article
                      + "|\\bpa(?:y|ys|ying)\\s+deposit\\b(?!\\s+(?:paperwork|forms?|requests?|details|slips?|information|info|terms))"
                      // "confirms a group of 60 rooms with deposit": the booking made firm by it
                      // (not
                      // "happy with the deposit amount", "deposit-free renting")
                      + "|\\b(?:confirms?|books?|secures?|reserves?|locks?\\s+in)\\s+(?!(?:that|they|he|she|it|we)\\b)"
                      + "[^.,;\\n]{0,50}?\\bwith\\s+(?:an?\\s+|the\\s+|their\\s+)?(?:\\d+\\s?%\\s+)?deposit\\b(?!-)"
                      + "(?!\\s+(?:paperwork|forms?|requests?|details|information|info|terms|amount|scheme|protection|"
                      + "holder|card|team|return|refund|free))")),
          // "signs the acceptance form for a place in September" (not a trial's or a delivery's)
          new Step(
              4,
              "an acceptance signed",
              p(
                  "\\bsigns?\\s+(?:the|their|his|her|an?|our)\\s+"
                      + "(?:(?!trial|loan|delivery|equipment|goods)[\\w-]+\\s+){0,2}?acceptance\\s+form\\b")),
          // "commits budget for 500 memberships", "allocates budget for 25 places"
          new Step(
              4,
              "a budget committed",
              p(
                  "\\b(?:commits|committed|allocates|allocated|ring-?fences|ring-?fenced|earmarks|earmarked)\\s+"
                      + "(?:the\\s+|a\\s+|their\\s+|its\\s+)?budget\\b"
                      // "the board votes the $18k programme into next year's budget"
                      + "|\\b(?:votes?|puts?|adds?|builds?)\\s+(?:the|our|a|an|this|that|it|them|[$£€]\\d[\\w.,]*)\\s+"
                      + "(?:[\\w.,'’$£€-]+\\s+){0,4}?(?:into|in|onto)\\s+"
                      + "(?:the\\s+|their\\s+|its\\s+|next\\s+year(?:'s|’s)\\s+|(?:fy|20)\\d{2}\\s+)"
                      + "(?:(?!draft|proposed|provisional)[\\w-]+\\s+)?budget\\b(?!\\s+(?:figure|number|amount|range|sheet|"
                      + "spreadsheet|template|form|request|review|meeting|call|discussion|planner|plan|tool|calculator|"
                      + "proposal|submission|forecast|bid|pack|case|draft)s?\\b)")),
          // "commits 10 northbound loads a week to us": volume promised
          new Step(
              4,
              "volume committed to us",
              p(
                  "\\bcommits?\\s+(?:\\d+|all|its|their|his|her)\\b"
                      + "(?![^.\\n]{0,40}\\b(?:trial|test|sample|minutes?|hours?|time)\\b)"
                      + "[^.\\n]{0,40}\\bto\\s+us\\b")),
          // ("pays the £25 application fee" is a small step that fits any stage)
          new Step(
              4,
              "a fee paid",
              p(
                  "\\b(?:pays?|paying)\\s+(?:the|an?|their|his|her)\\s+[$€£]\\s?[\\d,.]+\\s+"
                      + "(?:[\\w-]+\\s+){0,2}?(?:fee|fees|retainer|deposit)\\b"
                      // ("a £250 holding fee to hold the date": provisional, no booking yet; a
                      // letting's holding deposit binds the tenant, so it stays)
                      + "(?<!holding fees?)(?<!hold fees?)"),
              250),
          new Step(
              4,
              "a share of the fee paid",
              p(
                  // (not "their plan pays 80% of the cost", "the grant pays 40%": someone else's
                  // share, told us)
                  "(?<!\\b(?:plan|grant|employer|insurer|insurance|scheme|council|fund|they|who|which|that|it)"
                      + "\\s{1,3}(?:[\\w-]{1,20}\\s{1,3})?)\\b(?:pays?|paying)\\s+\\d{2,3}\\s?%\\s+of\\s+(?:the|their)\\s+"
                      + "(?:[\\w-]+\\s+){0,2}?(?:fees?|hire|price|package|contract(?:\\s+value)?)\\b")),
          // "Orphan owner buys a new Camry over the phone": the subject's own step is the purchase
          // (not "who buys", "confirms she buys", "buys their fish at the market", a $49 scan or a
          // trial's token; not a caller, who rang to buy)
          Step.saidBy(
              5,
              "a purchase",
              p(
                  "^(?!(?:the\\s+|an?\\s+)?(?:new\\s+|inbound\\s+)?(?:callers?|enquirers?|inquirers?|walk-ins?)\\b)"
                      + "(?:the\\s+|our\\s+|an?\\s+)?"
                      + "(?:(?!"
                      + NOT_A_BUYER
                      + "\\b)[\\p{L}\\p{N}_'’&.-]+\\s+){1,3}?(?<said>(?:buys|purchases(?=\\s+(?:an?|the|their|his|her|our|\\d)\\b))\\s+"
                      + "(?!(?:in|into|time|from|through|at|on|for|off|online|direct)\\b)"
                      + "(?![^.\\n]{0,60}\\b(?:trials?|samples?|tasters?|tests?|tokens?|scans?|tickets?|vouchers?|"
                      + "one-off|single|lunch|coffee|dinner|breakfast|drinks?)\\b)"
                      + "(?![^.\\n]{0,60}\\b(?:at|from)\\s+(?:the|a|an|their|his|her|its)\\s+(?!us\\b)"
                      + "(?:[\\p{L}-]+\\s+){0,2}?(?:market|shop|store|co-op|supermarket|wholesaler|supplier|"
                      + "competitor|cash-and-carry|chemist|pharmacy|dealer|outlet)s?\\b)"
                      + "(?![^.\\n]{0,40}(?:[$€£]\\s?\\d{1,2}|(?:[₦₹]|\\b(?:n|rs|inr)\\s?)\\d{1,3})(?![\\d,.]|\\s?(?:k|m|mn|million|bn)\\b))"
                      + "(?:(?:an?|the|their|his|her|our)\\s+)?(?:[\\p{L}\\p{N}_'’$€£,.-]+\\s+){0,2}?[\\p{L}\\p{N}_'’-]+)"
                      + "(?=\\s+(?:over|on|by|from|off|for|at|in|of|and|to|with|via|today|this|before|during|while|"
                      + "outright)\\b|\\s*[.,;(]|\\s*$)")),
          // "agrees to buy a pair of hearing aids", "pays for the devices": the purchase itself
          new Step(
              5,
              "a purchase",
              p(
                  "\\b(?:agrees?|decides?|commits?)\\s+to\\s+(?:buy|purchase)\\b"
                      + "|\\bpays?\\s+for\\s+(?:the|their|his|her)\\s+(?:[\\w-]+\\s+){0,2}?(?:devices?|aids?|"
                      + "hardware|equipment|units?|machines?|system|kit|handsets?|vehicles?|cars?|vans?|block|passes|"
                      + "tickets|seats|places|licen[cs]es)\\b"
                      // ("would buy it outright rather than finance", "prefers to buy outright": a
                      // preference told us)
                      + "|(?<!\\b(?:would|'d|to|we|rather|whether|if)\\s{1,3})\\bbuys\\b[^.\\n]{0,40}\\boutright\\b"
                      + "(?!\\s+rather)"
                      + "|\\bpays?\\s+(?:the|their)\\s+full\\s+[$€£]\\s?\\d[\\d,.]*+"
                      + NOT_A_TRIAL_OR_A_DEBT
                      + "(?!\\s+(?:of\\s+)?(?:arrears|balance|debt|owed|outstanding|overdue|bill|invoice)\\b)"
                      // "books and pays for a 6-session laser course"
                      + "|\\bpays?\\s+for\\s+(?:a|an|the|their|his|her)\\s+(?:[3-9]|[1-9]\\d|six|eight|ten|twelve)-session\\b")),
          // "completes the remortgage", "signs a 24-month recontract", "signs up to a 36-month
          // package"
          new Step(
              5,
              "a completed purchase or a term contract",
              p(
                  "\\bcompletes?\\s+(?:the|their|his|her)\\s+(?:re-?mortgage|mortgage|purchase|sale|"
                      + "conveyancing)\\b"
                      + NOT_PAPERWORK
                      + "|\\bre-?contracts?\\b"
                      + "|\\b(?:signs?|signing)\\s+up\\s+(?:to|for)\\b[^.]{0,20}\\b(?:\\d+|twelve|eighteen|"
                      + "twenty-four|thirty-six)-month\\b(?![^.]{0,20}\\b(?:free|trial)\\b)"
                      + "|\\b(?:signs?|signing)\\s+up\\s+(?:to|for)\\s+(?:12|18|24|36|48|twelve|eighteen|twenty-four|"
                      + "thirty-six)\\s?(?:months|m)\\b")),
          // "pays a three-month deposit": months paid ahead
          new Step(
              4,
              "a deposit",
              p(
                  "\\b(?:pays?|transfers?)\\s+(?:(?:an?|the|their)\\s+)?(?:\\d+|one|two|three|four|six|eight|"
                      + "twelve)[- ](?:months?|weeks?)'?\\s+(?:rent\\s+)?(?:as\\s+(?:an?\\s+)?)?deposit\\b")),
          // "signs a full protection application", "completes the full application": an application
          // for cover or credit is the commitment before the close
          new Step(
              4,
              "a signed application",
              p(
                  "\\b(?:signs?|e-signs?)\\s+(?:an?|the|their|his|her)\\s+(?:full\\s+)?(?:[\\w-]+\\s+){0,2}?"
                      + "application\\b(?!\\s+fee)"
                      + "|\\bcompletes?\\s+(?:an?|the|their|his|her)\\s+full\\s+(?:[\\w-]+\\s+){0,2}?application\\b")),
          // "the first premium is collected so the policy is on risk": cover in force
          new Step(
              5,
              "cover in force",
              p(
                  "\\b(?:policy|cover|plan)\\s+(?:is\\s+|goes\\s+|go\\s+)?on risk\\b"
                      + "(?![\\s-]+(?:management|assessment|register|profile|appetite))"
                      + "|\\bfirst\\s+premium\\s+(?:is\\s+)?(?:collected|paid|taken)\\b")),
          // "orders a full set of tracks, around 18k": an order of that size
          new Step(
              5,
              "a large order",
              p(
                  "\\b(?:orders?|buys?|purchases?)\\b[^.\\n]{0,60}(?:"
                      + MONEY_THOUSANDS
                      + "|\\b\\d+(?:\\.\\d+)?k\\b)"),
              10_000),
          // "orders a full 12 months of flea and wormer stock": a year's supply at once
          new Step(
              5,
              "a year's order",
              p(
                  "\\b(?:orders?|buys?|purchases?|stocks? up)\\b[^.\\n]{0,20}\\b(?:(?:a|the)\\s+)?(?:full\\s+)?"
                      + "(?:12|twelve|18|eighteen|24|twenty-four)\\s+months(?:'|’)?\\s+(?:of|worth)\\b"
                      + "(?!\\s+(?:bank\\s+)?(?:statements|payslips|history|data|records|invoices))"
                      + "|\\b(?:orders?|buys?|purchases?)\\b[^.\\n]{0,20}\\ba\\s+(?:full\\s+)?year(?:'s|’s)\\s+"
                      + "(?:supply|stock|worth)\\b"
                      // "pays for the full winter supply up front"
                      + "|\\bpays?\\s+for\\s+(?:the|a|their)\\s+(?:full|whole|entire)\\s+(?:[\\w-]+\\s+)?supply\\b")),
          // "signs the transfer authorisation to move their RRSP to our firm": the assets move to
          // us
          new Step(
              5,
              "a transfer of their holdings to us",
              p(
                  "\\b(?:signs?|completes?|submits?)\\s+(?:the|a|their)\\s+(?:[\\w-]+\\s+){0,2}?"
                      + "(?:transfer|switch)\\s+(?:authori[sz]ations?|forms?|requests?|instructions?)\\b"
                      + "|\\b(?:moves?|transfers?)\\s+(?:their|the|his|her|its)\\s+(?:[\\w-]+\\s+){0,5}?"
                      + "(?:holdings|portfolios?|pension|pensions|savings|investments|isa|assets)\\b[^.\\n]{0,30}"
                      + "\\b(?:(?:to|over to|across to)\\s+(?:us|our)|into\\s+(?:custody\\s+with\\s+us|our))\\b")),
          // "signs a 90-day paid pilot agreement for 50 seats": money for a trial is a commitment
          new Step(4, "a paid pilot", p("\\bpaid\\s+(?:pilot|poc|proof of concept)\\b")),
          // "cuts all 80 client tenants over to our platform and cancels the incumbent": the switch
          new Step(
              5,
              "a switch of everything to us",
              p(
                  "\\bcuts?\\s+(?:all|every|each|the whole|\\d+)\\b[^.\\n]{0,40}\\bover\\s+to\\b"
                      + "|\\bcancels?\\s+(?:the|their)\\s+(?:incumbent|current provider|existing provider)\\b"
                      // "cancels with the current broker", "gives notice to his current broker"
                      + "|\\b(?:cancels?|gives?\\s+notice)\\s+(?:with\\s+|to\\s+)?(?:the|their|his|her|its)\\s+"
                      + "(?:current|existing|old)\\s+(?:broker|provider|supplier|insurer|agent|agency|bank|peo)\\b"
                      // "closes their accounts at the current bank and moves payroll over to us"
                      + "|\\bcloses?\\s+(?:their|its|his|her)\\s+(?:[\\w-]+\\s+)?accounts?\\s+(?:at|with)\\s+"
                      + "(?:the|their|his|her|its)\\s+(?:current|existing|old)\\b"
                      + "|\\bmoves?\\s+(?!one\\b|a\\s+(?:test|trial|sample)|test|trial|sample)[^.\\n]{0,60}\\bover\\s+to\\s+(?:us|our)\\b"
                      // "takes delivery of the car this afternoon": the sale is done
                      + "|\\btakes?\\s+delivery\\s+of\\s+(?:the|their|his|her)\\s+(?!demo|sample|loan|trial)"
                      // "the new supply goes live", "completes the data migration of all 300
                      // records":
                      // after the sale
                      + "|\\b(?:supply|service|system|platform|account|lines?|policy|cover|plan|contract|site|"
                      + "store|tenant|payroll|clinics|sites|stores|branches|offices|locations)\\s+(?:all\\s+)?"
                      + "(?:goes|go)\\s+live\\b"
                      + "|\\bcompletes?\\s+(?:the|their|its|his|her)\\s+(?:full\\s+|data\\s+|whole\\s+)*migration\\b"
                      + "(?!\\s+(?:form|questionnaire|checklist|survey|template|plan|assessment)\\b)"
                      // "hands over the keys and full management of his 14 flats"
                      + "|\\bhands?\\s+over\\s+(?:the\\s+)?keys(?=\\s+and\\b)"
                      // "switches all loan repayment collections for 40,000 members to our paybill"
                      + "|\\b(?:moves?|transfers?|switch(?:es)?|migrates?)\\s+all\\b(?![^.\\n]{0,30}\\b(?:data|files|documents)\\b)"
                      + "(?![^.\\n]{0,60}\\b(?:trial|pilot|demo|test)\\b)"
                      + "[^.\\n]{0,60}\\b(?:on)?to\\s+(?:us|our)\\b"
                      // "moves its operating line and payroll to us"
                      + "|\\b(?:moves?|transfers?|switch(?:es)?)\\s+(?:its|their)\\s+(?:[\\w-]+\\s+){0,3}?(?:payroll|banking|"
                      + "operating line|accounts|business|volumes?|freight|book)\\b[^.\\n]{0,30}\\bto\\s+us\\b"
                      // "moves Mom into the apartment": the move-in is the purchase
                      + "|\\bmoves?\\s+(?:(?:their|his|her)\\s+)?(?:mom|mum|dad|mother|father|parents?|nan|gran)\\s+in(?:to)?\\b"
                      // "has the $400k loan paid into their account": funds released
                      + "|\\b(?:has|gets)\\s+(?:the|their|a|an)\\s+(?:[$€£]?[\\w,.-]+\\s+){0,3}?loan\\s+(?:paid|released|advanced)\\s+"
                      + "(?:in)?to\\b"

                      // "transfers its entire workforce to our PEO"
                      + "|\\b(?:moves?|transfers?|switch(?:es)?)\\s+(?:its|their|the|his|her)\\s+(?:[\\w']+\\s+)?(?:entire|whole|complete|full)\\b"
                      + "(?![^.\\n]{0,30}\\b(?:data|dataset|files)\\b)[^.\\n]{0,60}\\b(?:on)?to\\s+(?:us|our)\\b")),
          // "buys every tractor in the yard", "converts all 40 hospitals": more than a sale
          new Step(
              5,
              ABSURD,
              p(
                  "\\b(?:buys?|purchases?|orders?|prepays?|pays(?:\\s+for)?|signs?\\s+up|commits?|converts?|"
                      + "switch(?:es)?|moves?|makes?\\s+us|sells?|installs?|rolls?\\s+out)\\b"
                      + "(?![^.\\n]{0,60}\\b(?:trials?|pilots?|samples?|free|webinars?|nda)\\b)[^.\\n]{0,50}"
                      + ABSURD_SCALE_WORDS
                      // "every other rental shop in the county sign exclusive deals with us"
                      + "|"
                      + ABSURD_SCALE_WORDS
                      + "[^.\\n]{0,60}\\b(?:to\\s+)?(?:buys?|signs?|orders?|switch(?:es)?|moves?|converts?)\\b"
                      + "(?![^.\\n]{0,40}\\b(?:trials?|pilots?|samples?|free|webinars?|nda)\\b)")),
          // "takes delivery of a spray rig", "picks up the keys", "Dad moves in on Saturday",
          // "trades in his old sprayer", "buys a drone off us": the purchase done, said plainly
          new Step(
              5,
              "a purchase made",
              p(
                  "\\b(?:takes?|taking|took)\\s+delivery\\s+of\\b"
                      + "(?![^.\\n]{0,30}\\b(?:"
                      + TRIAL_WORDS
                      + ")\\b)"
                      + "|\\b(?:picks?\\s+up|collects?|gets?|receives?)\\s+(?:the\\s+)?keys\\b"
                      + "(?![^.\\n]{0,40}\\b(?:viewings?|view|look|tours?|visits?|inspections?|demos?|tests?|trials?|show|courtesy|loaner|hire|loan\\s+(?:car|van|vehicle|unit))\\b)"
                      + "|\\b(?:moves|moving|will\\s+move)\\s+in(?:to)?\\s+(?:for|on|next|this|by|permanently|tomorrow|today|"
                      + "the|a|an|our|one)\\b"
                      + "(?![^.\\n]{0,30}\\b(?:phase|stage|step|round|conversation|discussion|direction|"
                      + "process|pipeline|talks|conversations|right|trials?|pilots?|evaluations?|respite|free)\\b)"
                      + "|\\btrades?\\s+in\\s+(?:his|her|their|its|the|an?)\\b"
                      + "|\\bbuys?\\b(?!\\s+(?:in|into|time)\\b)(?![^.\\n]{0,40}\\b(?:trial|sample|taster|test|starter)\\b)"
                      + "[^.\\n]{0,40}\\b(?:off|from)\\s+us\\b"
                      + "|\\brefinances?\\b[^.\\n]{0,40}\\bwith\\s+us\\b"
                      // "buys the 10-year parts and labour extended warranty": cover bought
                      + "|\\b(?:buys?|purchases?|takes?\\s+out|adds?\\s+on)\\s+(?:the|an?|their|his|her|its)\\s+"
                      + "(?:[\\w$£€.,-]+\\s+){0,5}?(?:extended\\s+)?(?:warranty|warranties)\\b"
                      + "(?!\\s+(?:card|certificate|number|details|claim|booklet|registration|terms|info|information)\\b)"
                      + "|\\bpays?\\s+off\\s+(?:the|their|his|her|its)\\s+(?:current|existing|old)\\s+"
                      + "(?:bank|lender|loan|mortgage|provider|finance)\\b"
                      + "|\\b(?:puts?|places?)\\b[^.\\n]{0,40}\\bon\\s+(?:an?\\s+)?(?:\\d+|two|three|four|five)"
                      + "[- ]year\\s+(?:finance|lease|loan|plan|contract|hire)\\b"
                      // "switches all his spraying from the contractor to his own drones"
                      + "|\\b(?:moves?|transfers?|switch(?:es)?|migrates?)\\s+all\\b"
                      + "(?![^.\\n]{0,80}\\b(?:trials?|pilots?|tests?|demos?|data|records|files|slots?|calls?|meetings?)\\b)"
                      + "[^.\\n]{0,60}\\bfrom\\b"
                      + "[^.\\n]{0,40}\\bto\\b"
                      + "|\\bsigns?\\s+(?:[\\w']+\\s+){0,3}?up\\s+for\\s+(?:a\\s+)?permanent\\s+"
                      + "(?:place|room|bed|stay|placement)\\b"
                      // "pays the first month of rental", "pays the first monthly invoice": service
                      // bought
                      + "|\\bpays?\\s+(?:the\\s+|their\\s+)?first\\s+(?:month|quarter|monthly|quarterly|year|annual)\\b"
                      // (not a gym's first month "of 29 pounds")
                      + "(?![^.\\n]{0,20}?(?:[$€£]\\s?\\d{1,2}(?:\\.\\d{2})?\\b|\\b\\d{1,2}(?:\\.\\d{2})?\\s?"
                      + "(?:pounds|dollars|euros|quid|bucks)\\b))"
                      + "(?![^.\\n]{0,30}\\b(?:arrears|overdue|owed|missed|instal(?:l)?ments?\\s+of\\s+the\\s+plan)\\b)"
                      // "switch the three sites from their current provider to ours"
                      + "|\\b(?:switch(?:es)?|moves?|transfers?|migrates?|brings?)\\b[^.\\n]{0,60}"
                      + "\\bfrom\\s+(?:their|the|his|her|its)\\s+(?:current|existing|old|incumbent)\\s+"
                      + "(?:[\\w-]+\\s+){0,3}?to\\s+(?:us|ours|our)\\b"
                      // "drives away with the new boat", "the boat goes home on their trailer"
                      + "|(?:\\b(?:drives?|sails?|rides?|walks?)\\s+(?:away|off|home)\\s+(?:with|in|on)\\s+(?:the|a|their|his|her)\\s+new\\b"
                      + "|\\b(?:goes|go)\\s+home\\s+(?:on|with)\\b)"
                      + "(?![^.\\n]{0,40}\\b(?:"
                      + TRIAL_WORDS
                      + "|test\\s+drive|units?\\s+to\\s+test)\\b)"
                      // "refinances her boat loan through our lender", "the old note gets paid off"
                      + "|\\brefinances?\\b[^.\\n]{0,40}\\bthrough\\s+(?:us|our)\\b"
                      + "|\\b(?:loan|note|mortgage|finance|balance)\\s+(?:gets|is)\\s+paid\\s+off\\b"
                      // "cancels his spot at Harbor Point", "terminates the contract with their
                      // current supplier"
                      + "|\\b(?:cancels?|terminates?)\\s+(?:his|her|their|its|the)\\s+(?:[\\w-]+\\s+){0,2}?"
                      + "(?:spot|contract|membership|subscription|account|agreement|lease|berth|mooring)\\s+"
                      + "(?:at|with)\\s+(?!us\\b|our\\b)(?![^.\\n]{0,30}\\b(?:"
                      + TRIAL_WORDS
                      + ")\\b)"
                      + "|\\b(?:cancels?|terminates?|ends?)\\s+(?:the\\s+|their\\s+|its\\s+|his\\s+|her\\s+)?"
                      + "(?:current|existing|incumbent)\\s+(?:[\\w-]+\\s+){0,2}?(?:contract|agreement|supplier|provider|tmc|account)\\b"
                      // "tells the current cleaning contractor to stop from the 31st"
                      + "|\\b(?:tells?|asks?|instructs?|notif(?:y|ies))\\s+(?:the|their|his|her|its)\\s+"
                      + "(?:current|existing|old)\\s+(?:[\\w-]+\\s+){0,2}?[\\w-]+\\s+to\\s+"
                      + "(?:stop|cancel|end|finish|terminate)\\b"
                      // "the first truck with 22 pallets arrives at their warehouse"
                      + "|\\bfirst\\s+(?:truck|delivery|shipment|consignment|container|load|pallets?)\\b"
                      + "(?![^.\\n]{0,40}\\b(?:"
                      + TRIAL_WORDS
                      + ")\\b)[^.\\n]{0,60}\\b(?:arrives?|is\\s+delivered|lands?)\\b"
                      // "sends the first order"
                      + "|\\bsends?\\s+(?:us\\s+)?(?:the|their|its|a)\\s+first\\s+(?:purchase\\s+)?order\\b"
                      // "starts weekly lessons with his new tutor from Monday": the service itself
                      // "adult patient starts Invisalign treatment": the treatment bought and begun
                      // (not "the month she wishes to start treatment": a wish told)
                      + "|(?<!\\b(?:wish|wishes|want|wants|plan|plans|hope|hopes|like|ready|when|whether|able)\\sto\\s)"
                      + "(?<!\\b(?:can|could|would|might|may|should|will)\\s)"
                      + "\\bstarts?\\s+(?:their\\s+|the\\s+|his\\s+|her\\s+)?"
                      + "(?:(?!trial|free|taster|demo|pilot|test|assessment|consultation|intake|evaluation|screening)"
                      + "[\\w-]+\\s+){0,2}?(?:treatment|therapy|aligners|braces)\\b"
                      + "(?!\\s+(?:plan|options?|consultation|assessment|enquiry|inquiry|questionnaire|form|discussion|"
                      + "intake|referral|sign-up|signup|booking|registration|application)s?\\b)"
                      + "|\\bstarts?\\s+(?:weekly|regular|fortnightly|monthly|paid|daily)\\s+"
                      + "(?:(?!trial|free|taster|demo|pilot|discovery|assessment|check-?in)[\\w-]+\\s+){0,3}?"
                      + "(?:lessons|classes|tuition|service|deliveries|"
                      + "collections|cleaning|visits|care)\\b"
                      // "the whole finance team switches expense claims to our module"
                      + "|\\b(?:whole|entire)\\b[^.\\n]{0,30}\\b(?:switch(?:es)?|moves?|transfers?|migrates?)\\b"
                      + "(?![^.\\n]{0,40}\\b(?:calls?|meetings?|demos?|sessions?|slots?|zoom|links?|trials?|pilots?|tests?|"
                      + "workshops?|visits?|tours?|webinars?|reviews?)\\b)"
                      + "[^.\\n]{0,40}"
                      + "\\b(?:on)?to\\s+(?:us|our)\\b"
                      // "purchases the A-dec 500 chair package", "makes the purchase order of 25
                      // tons"
                      + "|\\bpurchases?\\s+(?:the|an?|their|its|his|her|our|\\d+|two|three|four|five|six)\\s+"
                      + "(?![^.\\n]{0,40}\\b(?:"
                      + TRIAL_WORDS
                      + "|starter|taster|report|copy|ticket|tickets)\\b)[\\w'-]+(?:\\s+[\\w'-]+){0,3}"
                      + "|\\b(?:makes?|raises?|issues?)\\s+(?:the|a|their)\\s+purchase\\s+order\\s+(?:of|for)\\s+"
                      + COUNT
                      + "|\\bconfirms?\\s+(?:the\\s+|their\\s+|an?\\s+)?order\\s+(?:of|for)\\s+"
                      + COUNT
                      // "pays the first order by bank transfer"
                      + "|\\b(?:pays?|settles?)\\s+(?:for\\s+|the\\s+invoice\\s+for\\s+)?(?:the|their|its)\\s+first\\s+order\\b"
                      // "signs up to the annual Family Plan and sets up the Direct Debit"
                      + "|\\b(?:(?:signs?\\s+up|enrol(?:l)?s?|subscribes?|joins|upgrades?|switch(?:es)?|moves?)\\s+(?:to|for|in|on|onto)|"
                      + "picks?|chooses?|selects?|takes?)\\b"
                      + "(?![^.\\n]{0,50}\\b(?:"
                      + TRIAL_WORDS
                      + "|webinar|newsletter|event|waitlist|updates|alerts)\\b)"
                      + "[^.\\n]{0,50}\\b(?:plan|membership|subscription|programme|program|policy|package|tier)\\b"
                      + "[^.\\n]{0,40}\\b(?:direct\\s+debit|autopay|auto-pay|standing\\s+order|recurring\\s+payment|"
                      + "first\\s+payment|card\\s+payment)\\b"
                      // "enrols in autopay for the yearly subscription"
                      + "|\\b(?:enrol(?:l)?s?\\s+in|sets?\\s+up|signs?\\s+up\\s+(?:to|for))\\s+(?:an?\\s+|the\\s+)?"
                      + "(?:autopay|auto-pay|direct\\s+debit|standing\\s+order|recurring\\s+payments?)\\b"
                      // (not "for the arrears plan", "for the repayment plan": a debt's own plan)
                      + "(?![^.\\n]{0,40}\\b(?:arrears|repayment|payment|debt|hardship|instal?l?ment)\\s+plan\\b)"
                      + "[^.\\n]{0,40}\\b(?:plan|membership|subscription|programme|program|policy|package|tier|contract)\\b"
                      + "(?![^.\\n]{0,30}\\b(?:"
                      + TRIAL_WORDS
                      + ")\\b)"
                      // "buys 30 licences of the Team plan"
                      + "|\\b(?:buys?|purchases?|orders?)\\s+"
                      + COUNT
                      + "\\s+(?:[\\w-]+\\s+)?(?:licen[cs]es|seats|subscriptions|user\\s+licen[cs]es)\\b"
                      + "(?![^.\\n]{0,30}\\b(?:"
                      + TRIAL_WORDS
                      + ")\\b)"
                      // "transfers the money for 3 containers" (not a debt's arrears)
                      + "|\\btransfers?\\s+(?:the|their|his|her|its)\\s+(?:[\\w'-]+\\s+){0,3}?"
                      + "(?:money|funds|purchase price|fees)\\b"
                      + "(?![^.\\n]{0,60}\\b(?:arrears|overdue|owed|outstanding|missed|debt|instal(?:l)?ments?|repayments?)\\b)")),
          // "puts the deposit down on two drones", "puts the 10% equity into escrow"
          new Step(
              4,
              "a deposit put down",
              p(
                  "\\bputs?\\s+(?:down\\s+)?(?:a|the|their|his|her|its)\\s+"
                      + "(?:(?!refundable|returnable|holding|booking|small|token|security|reservation|key|damage)"
                      + "[\\w%-]+\\s+){0,3}?deposit\\b(?![^.\\n]{0,30}\\b(?:"
                      + TRIAL_WORDS
                      + ")\\b)"
                      + "|\\b(?:puts?|pays?|transfers?|wires?|deposits?|places?)\\b[^.\\n]{0,50}\\binto\\s+escrow\\b")),
          // "puts the £2,000 room reservation deposit down": a deposit of that size
          new Step(
              4,
              "a deposit of that size",
              p(
                  "\\b(?:puts?|pays?|transfers?|leaves?|sends?|wires?)\\s+(?:down\\s+)?(?:a|the|their|his|her|its)\\s+"
                      + "[$€£]\\s?[\\d,.]+k?\\s+(?:[\\w-]+\\s+){0,3}?deposit\\b"),
              1000),
          // "installs our dispatch system on all 60 haul trucks", "moves every resident over to our
          // agency": the whole estate adopts it at once, the sale's end, not a first step
          new Step(
              5,
              "a rollout to all of them",
              p(
                  // (nothing tried, counted, met or listed: "a free trial at all six clinics";
                  // looked
                  // at only where one of the verbs starts)
                  "\\b(?=(?:installs?|installation|fits?|deploys?|rolls?|completes?|switch(?:es)?|moves?|migrates?|"
                      + "transfers?|converts?|orders?|enrol(?:l)?s?|signs?|onboards?|swaps?|equips?|upgrades?|"
                      + "replaces?|commits?|lists?|puts?|stocks?|ranges?|gets?|has|have|tells?|instructs?|"
                      + "makes?|gives?|grants?|places?|takes?|routes?|pays?)\\b)"
                      + "(?![^.\\n]{0,100}\\b(?:trials?|pilots?|poc|samples?|tests?|demos?|free|quotes?|surveys?|"
                      + "data|files|list|names|details|numbers|counts?|assessments?|audits?|calls?|meetings?|"
                      + "walk-?throughs?|visits?|tours?|inspections?|viewings?|consultations?|sessions?|"
                      + "slots?|huddles?|webinars?|lunch-and-learns?|reads?|checks?|mock-?ups?)\\b)"
                      + "(?:\\b(?:installs?|fits?|deploys?|rolls?\\s+(?:[\\w-]+\\s+){0,3}?out|switch(?:es)?|moves?|"
                      + "migrates?|transfers?|converts?|orders?|enrol(?:l)?s?|signs?\\s+up|onboards?|"
                      + "swaps?|equips?|upgrades?|replaces?|commits?|places?|routes?|pays?\\s+for)\\b"
                      + "[^.\\n]{0,40}?"
                      + ALL_OF_THEM
                      // "completes the pan-India rollout to all 40 branches"
                      + "|\\bcompletes?\\b[^.\\n]{0,30}\\brollout\\b[^.\\n]{0,20}?"
                      + ALL_OF_THEM
                      // "lists our whole range in all 14 hotels": only with our product named
                      + "|\\b(?:lists?|puts?|stocks?|ranges?|takes?)\\s+our\\b[^.\\n]{0,40}?"
                      + ALL_OF_THEM
                      // "gets all 240 members to buy", "tells his 40 stores to cancel the current
                      // supplier"
                      + "|\\b(?:gets?|has|have|tells?|instructs?|makes?)\\s+(?:all|every(?:\\s+one\\s+of)?|"
                      + "(?:his|her|their|its)\\s+"
                      + COUNT
                      + ")\\s+(?:(?:its|their|his|her|the|of\\s+(?:its|their|the))\\s+)?(?:"
                      + COUNT
                      + "\\s+)?(?:[\\w&'-]+\\s+){0,2}?"
                      + UNITS
                      + "\\s+(?:to\\s+)?(?:buy|sign|switch|move|install|order|cancel|join|enrol|enroll|register|start|use)\\b"
                      // "picks install weeks for all five retail parks"
                      + "|\\binstall(?:ation)?\\s+(?:dates?|weeks?|slots?)\\s+for\\s+"
                      + ALL_OF_THEM
                      // "the go-ahead to start fitting panels next month"
                      + "|\\b(?:gives?|grants?)\\s+(?:us\\s+)?(?:the|their|a)\\s+go-?ahead\\s+to\\s+(?:start\\s+)?"
                      + "(?:install|fit|build|order|proceed|begin\\s+(?:the\\s+)?(?:work|install)))")),
          // "completes the financing application, credit check included": a full credit
          // application
          new Step(
              4,
              "an application with a credit check",
              p(
                  "\\bapplication\\b(?![^.\\n]{0,80}\\b(?:no|without|soft)\\b)[^.\\n]{0,80}"
                      + "\\bcredit\\s+(?:check|pull|search)\\b"
                      + "|(?<!\\b(?:no|soft)\\s)(?<!soft-)(?<!without\\s)(?<!without\\sa\\s)"
                      + "\\bcredit\\s+(?:check|pull|search)\\b[^.\\n]{0,30}\\bapplication\\b"
                      + "|\\bhard\\s+credit\\s+(?:check|pull|search|inquiry|enquiry)\\b"
                      + "|\\bcompletes?\\s+our\\s+full\\s+(?:[\\w-]+\\s+){0,2}?application\\b")),
          // "closes on a 30-year refinance and signs the closing documents": the loan's close
          new Step(
              5,
              "a loan closing",
              p(
                  "\\bcloses?\\s+on\\s+(?:an?|the|their|his|her)\\s+(?:[\\w-]+\\s+){0,3}?(?:mortgage|refinance|refi|"
                      + "loan|heloc|purchase|sale|house|home|property)\\b"
                      + "|\\bsigns?\\s+(?:the|their|his|her|all)\\s+(?:loan\\s+)?closing\\s+(?:documents|docs|papers|"
                      + "package|disclosure)\\b")),
          // "opens a letter of credit for the first 12,000 metres": payment for an order secured
          new Step(
              5,
              "a letter of credit",
              p(
                  "\\bopens?\\s+(?:an?\\s+|the\\s+)?(?:irrevocable\\s+)?(?:letter of credit|l/?c)\\b")),
          // "draws the full $80,000 on the line", "the mobile notary comes out to close the line"
          new Step(
              5,
              "credit drawn or closed",
              p(
                  "\\bdraws?\\s+(?:down\\s+)?(?:the\\s+)?(?:full|entire|whole)\\b"
                      + "|\\bclose\\s+(?:the|their)\\s+(?:line|loan|heloc|mortgage|refinance|refi)\\b"
                      + "|\\bdraws?\\s+down\\s+(?:the|their|his|her)\\s+(?:new\\s+)?(?:loan|facility|mortgage|funds?)\\b"
                      + NOT_PAPERWORK)),
          // "buyers complete on the purchase", "completes the remortgage": the money has moved
          // (not "completes the mortgage application")
          new Step(
              5,
              "a purchase or loan completed",
              p(
                  "\\bcomplet(?:es?|ing)\\s+(?:on\\s+)?(?:the|their|his|her)\\s+(?:[\\w-]+\\s+){0,2}?"
                      + "(?:purchase|remortgage|re-mortgage|refinance|refi|sale|mortgage|loan|house\\s+purchase)\\b"
                      + NOT_PAPERWORK
                      + "|\\bcloses?\\s+on\\s+(?:the|their|his|her)\\s+(?:[\\w-]+\\s+){0,2}?(?:house|home|condo|flat|"
                      + "apartment|property|purchase|new\\s+build|townhouse)\\b"
                      + "|\\b(?:purchase|remortgage|re-mortgage|refinance)\\s+(?:completes|closes)\\b"
                      + "(?!\\s+(?:last|in\\s+(?:19|20)\\d\\d|\\w+\\s+years?\\s+ago))"
                      + "|\\bfinali[sz]es?\\s+(?:the|their|his|her)\\s+(?:remortgage|re-mortgage|refinance|house\\s+purchase)\\b"
                      + NOT_PAPERWORK)),
          // "gets a signed resolution to switch providers": the board's decision in writing
          new Step(
              4,
              "a board resolution",
              p(
                  "\\bsigned\\s+(?:board\\s+)?resolution\\b"
                      + "|\\b(?:passes?|signs?|gets?|secures?|obtains?)\\b[^.\\n]{0,30}\\bboard\\s+resolution\\b")),
          // "pays full year renewal": a year paid ahead
          new Step(
              5,
              "a year paid in full",
              p(
                  "\\bpays?\\s+(?:the\\s+|their\\s+)?(?:full|whole|entire)\\s+(?:year|annual|yearly)\\b")),
          // "orders a turning centre with bar feeder": capital equipment bought outright
          new Step(
              5,
              "an order of equipment",
              p(
                  "\\border(?:s|ed)?\\s+(?:an?|the|their|its|two|three|four|five|\\d+)\\s+"
                      + "(?!free\\b|sample|trial|test|loan\\b|demo|spare|replacement|quote|brochure|catalogue|catalog|spec|hire)"
                      + "(?:(?!of\\b|on\\b|for\\b|about\\b|with\\b)[\\w-]+\\s+){0,3}?"
                      + "(?:machines?|machining centres?|turning centres?|lathes?|presses|press|tanks?|trucks?|"
                      + "excavators?|forklifts?|tractors?|combines?|boilers?|generators?|compressors?|chillers?|"
                      + "scanners?|robots?|vehicles?|vans?)\\b")),
          // "amends their Will to leave us 25% of their residuary estate": a legacy
          new Step(
              4,
              "a legacy",
              p(
                  "\\bleaves?\\s+us\\s+(?:\\d+\\s?%|a\\s+share|a\\s+percentage|the\\s+residue|(?:their|his|her)\\s+"
                      + "(?:residuary|estate|house|home))"
                      + "|\\b(?:amends?|changes?|updates?|rewrites?)\\s+(?:their|his|her)\\s+will\\b[^.\\n]{0,40}"
                      + "\\b(?:leave|include)\\s+(?:us|our)\\b"
                      // "pledges a named 25% residuary share", "confirms in writing a 10% residuary
                      // gift to us in their new Will" (not "says they left a residuary gift to
                      // ...")
                      + "|\\b(?:pledges?|commits?|promises?)\\b"
                      + "(?:(?!\\b(?:whether|if|discuss|talk|about|consider|learn|hear|find|visit|call|meeting)\\b)[^.\\n]){0,40}"
                      + "\\b(?:residuary|pecuniary)\\s+(?:gift|share|legacy|bequest)\\b"
                      + "|\\b(?:gift|legacy|bequest|share)\\s+(?:to|for)\\s+us\\s+in\\s+(?:their|his|her)\\s+"
                      + "(?:(?:new|updated|amended|revised)\\s+)?will\\b"
                      // "names us as a beneficiary", "pledges to leave us a gift in their will"
                      + "|\\bnames?\\s+us\\s+as\\s+(?:a|the|their|his|her)\\s+(?:residuary\\s+)?beneficiary\\b"
                      + "|\\b(?:pledges?|promises?|commits?)\\s+to\\s+leav(?:e|ing)\\s+us\\b"
                      + "|\\bpromises?\\s+us\\s+\\d+\\s?%\\s+of\\s+(?:their|his|her)\\s+estate\\b"
                      + "|\\bwrites?\\s+us\\s+into\\s+(?:their|his|her)\\s+will\\b"
                      // "adds a gift to the hospice in her will and sends us a copy of the codicil"
                      + "|\\b(?:adds?|puts?|includes?|leaves?)\\s+(?:a\\s+|an\\s+)?(?:[\\w-]+\\s+)?(?:gift|legacy|bequest)\\b"
                      + "[^.\\n]{0,40}\\bin\\s+(?:their|his|her)\\s+(?:(?:new|updated|amended|revised)\\s+)?will\\b"
                      + "|\\b(?:signs?|sends?|makes?|adds?|executes?|has|gets?)\\s+(?:us\\s+)?(?:a|the|their|his|her)\\s+"
                      + "(?:(?:signed\\s+)?copy\\s+of\\s+(?:the|their|his|her|a)\\s+)?codicil\\b|\\bcodicil\\s+(?:copy\\s+)?"
                      + "(?:received|signed|on\\s+file)\\b"
                      // "commits to a £5,000 legacy gift" (not "to a legacy conversation")
                      + "|\\b(?:pledges?|commits?|promises?)\\s+(?:to\\s+)?(?:a|an|the|their|his|her)\\s+"
                      + "(?:[$€£]?[\\d,.]+k?\\s+)?(?:legacy|bequest)(?:\\s+(?:gift|pledge))?\\b"
                      + "(?!\\s+(?:conversation|call|meeting|visit|information|pack|guide|event|seminar|webinar|chat|"
                      + "planning|review|session|enquiry|inquiry|options|talk|discussion|brochure|appointment|advice|gift|"
                      + "pledge))")),
          // "pays the community fee", "endorses the ACV check and hands it to our rep": money of
          // a decided purchase
          new Step(
              4,
              "a payment",
              p(
                  "\\bpays?\\s+(?:the|their|his|her|a|an)\\s+(?:[\\w-]+\\s+)?(?:community|entrance|move-in|entry|buy-in|admission)\\s+fee\\b"
                      + "|\\bendorses?\\s+(?:the|their|his|her|an?)\\s+(?:[\\w-]+\\s+){0,2}?(?:check|cheque)\\b")),
          // "signs the certificate of completion and pays the final balance": the job is done
          new Step(
              5,
              "the final payment",
              p(
                  "\\b(?:pays?|settles?)\\s+(?:off\\s+)?(?:the|their|his|her)\\s+(?:final|remaining|last)\\s+(?:stage\\s+)?"
                      + "(?:balance|payment|invoice|instal(?:l)?ment|bill)\\b"
                      + "(?![^.\\n]{0,40}\\b(?:deposit|lease|design|survey|consult\\w*|retainer|booking|reservation|discovery|"
                      + "scoping|feasibility|phase\\s+1|first\\s+phase)\\b)"
                      // (not "the final bill to their old supplier", "the remaining balance of the
                      // arrears")
                      + "(?![^.\\n]{0,30}\\b(?:to|with|from)\\s+(?:the|their|his|her)\\s+(?:old|current|previous|existing)\\b)"
                      + "(?![^.\\n]{0,40}\\b(?:arrears|debt|overdue|account|card|loan)\\b)"
                      + "|\\bsigns?\\s+(?:off\\s+)?(?:the|a|their)\\s+(?:certificate\\s+of\\s+completion|completion\\s+certificate)\\b")),
          // "sends the signed protocol approving the switch to our platform", "gets the management
          // group to approve switching HR system to us": the decision itself
          new Step(
              4,
              "a decision to switch to us",
              p(
                  "\\bapprov(?:e|es|ed|ing)\\s+(?:the\\s+)?(?:switch(?:ing)?|mov(?:e|ing)|migrat(?:e|ion|ing)|"
                      + "transfer(?:ring)?)\\s+(?!(?:[\\w-]+\\s+){0,3}?(?:meetings?|calls?|reviews?|visits?|sessions?|demos?)\\b)"
                      + "(?:[\\w-]+\\s+){0,3}?(?:to|over\\s+to)\\s+(?:us|our\\s+(?:platform|system|solution|service|software|"
                      + "product|company|firm|app|tool))\\b")),
          // "gets his TAMS grant approval letter from the Department": months of someone else's
          // process (not "applies for the grant")
          new Step(
              4,
              "a grant approved",
              p(
                  "\\b(?:gets?|got|receives?|secures?|obtains?|wins?)\\s+(?:the|their|his|her|its|a|an)\\s+"
                      + "(?:[\\w-]+\\s+){0,3}?grant\\s+(?:approval|award)\\b"
                      + "|(?<!\\bappl(?:y|ies|ying)\\s+for\\s+(?:the\\s+|a\\s+)?)\\bgrant\\s+(?:is\\s+|gets\\s+)?(?:approved|awarded)\\b"
                      + "|\\bgrant\\s+approval\\s+(?:letter\\s+)?(?:received|on\\s+file)\\b")),
          // "Opp closed-won in SFDC": the deal itself
          new Step(5, "a deal closed", p("\\bclosed[- ]won\\b")),
          // "gets his marine loan funded", "gets the patient-finance loan for the plan approved"
          // (not pre-approved or approved in principle; not "her finance manager to ...")
          new Step(
              4,
              "a loan approved or funded",
              p(
                  "\\b(?:has|gets|got|having|getting)\\s+(?:the|their|his|her|its|a|an|[\\w-]+(?:'s|’s))\\s+"
                      + "(?:[$€£]?[\\w,.'’-]+\\s+){0,3}?(?:loan|finance|financing|mortgage)"
                      + "(?:\\s+(?!to\\b|and\\b|or\\b|manager|department|team|director|officer|controller|lead|head|person)"
                      + "[\\w$€£,.'’-]+){0,5}?\\s+(?<!\\bpre\\s)(?<!pre-)(?<!provisionally\\s)(?<!conditionally\\s)"
                      + "(?:funded|approved|drawn\\s+down)\\b"
                      + "(?!\\s*in[\\s-]+principle)"
                      // "secures unconditional mortgage approval"
                      + "|\\b(?:secures?|gets?|obtains?|receives?)\\s+(?:an?\\s+|the\\s+|their\\s+|his\\s+|her\\s+)?"
                      + "(?:unconditional|full|formal|final)\\s+(?:mortgage|loan|finance)\\s+(?:approval|offer)\\b")),
          // "enrolls in the $0 premium HMO", "signs the enrollment app for a 2025 MA plan"
          new Step(
              4,
              "an enrolment in a health plan",
              p(
                  "\\benrol(?:l)?s?\\s+in(?:to)?\\s+(?:the|a|an|their|his|her)\\s+(?:[\\w$-]+\\s+){0,4}?"
                      + "(?:hmo|ppo|medicare|medigap|ma\\s+plan|health\\s+plan|dental\\s+plan|insurance\\s+plan)\\b"
                      + "|\\bsigns?\\s+(?:the|their|his|her)\\s+(?:[\\w-]+\\s+)?enrol(?:l)?ment\\s+"
                      + "(?:app|application|form)\\b")),
          // "pays Rs 50,000 first instalment for the program", "pays the first premium"
          new Step(
              4,
              "a first instalment paid",
              p(
                  "\\bpays?\\b[^.\\n]{0,40}?\\bfirst\\s+(?:instal(?:l)?ments?|emi|monthly\\s+(?:payment|premium)|"
                      + "premium)\\b")),
          // "give their OK to invest in bulk tanks for all 4 sites": the spend approved
          new Step(
              4,
              "a budget approval",
              p(
                  "\\bgives?\\s+(?:their|the|his|her|its)\\s+(?:ok|okay|go-ahead|approval|sign-off|green light)\\s+"
                      + "to\\s+(?:invest|buy|purchase|spend|order|fund)\\b")),
          // "writes us into their will with a £50,000 legacy": a legacy or a large gift pledged
          new Step(
              4,
              "a large gift or legacy",
              p(
                  "\\b(?:writes?\\s+us\\s+into|leaves?\\s+us|donates?|gifts?|pledges?)\\b[^.\\n]{0,50}"
                      + MONEY_THOUSANDS),
              10_000),
          // "tells us to go ahead and order the worktops", "gives us the go-ahead to rip out the
          // old
          // kitchen": the customer's word to do the work or place the order (not to price it up,
          // not "before they give the go-ahead")
          new Step(
              5,
              "a go-ahead for the order or the work",
              p(
                  // (the lookahead first: the lookbehind is only paid where a verb of it stands)
                  "\\b(?=(?:tells?|told|asks?|gives?|gave|giving|go|goes)\\b)"
                      + "(?<!\\b(?:before|until|till|once|when|if|unless|whether)\\s[^.\\n]{0,25})"
                      + "(?:\\b(?:tells?|told|asks?)\\s+us\\s+to\\s+go\\s+ahead\\s+(?:and|with)\\s+(?:the\\s+)?"
                      + "(?:order|ordering|buy|purchase|install(?:ation)?|fit(?:ting)?|deliver|drop\\s+off|ship|start\\s+"
                      + "(?:the\\s+)?(?:work|job|install|fitting|build)|rip|book\\s+(?:in\\s+)?the\\s+(?:[\\w-]+\\s+)?(?:fitters|installers))\\b"
                      + "|\\b(?:gives?|gave|giving)\\s+(?:us\\s+)?(?:the|a|their|his|her|its)\\s+(?:full\\s+|final\\s+)?"
                      + "go[- ]ahead\\s+(?:to\\s+(?:order|buy|purchase|start|rip|install|fit|begin|proceed|build|deliver|ship)|"
                      + "for\\s+(?:the\\s+)?(?:order|works?|install(?:ation)?|job|project|purchase|build|fit(?:ting)?))\\b"
                      + "|\\bgo(?:es)?\\s+ahead\\s+(?:and|with)\\s+(?:the\\s+)?(?:orders?|ordering|buys?|buying|purchases?|"
                      + "install(?:ation)?|fit(?:ting)?|works?|job|project|contract|deal)\\b)"
                      + "(?![^.\\n]{0,50}\\b(?:"
                      + TRIAL_WORDS
                      + "|surveys?|visits?|calls?|meetings?|measure|measuring|appointments?|assessments?|"
                      + "inspections?|consultations?|designs?|viewings?|proposals?|pric(?:e|es|ing))\\b)")),
          // "says we can be their one and only bed vendor", "pulls them from the other agencies":
          // all their business, or none for anyone else (not the conditions for it, not who their
          // only supplier is today)
          new Step(
              4,
              "all their business given to us",
              p(
                  "\\b(?=(?:us|we|makes?|names?|appoints?|chooses?|sets?|setting|pulls?|takes?|withdraws?|drops)\\b)"
                      + "(?<!\\b(?:conditions?|criteria|what|why|how|whether|if|who|which)\\b[^.\\n]{0,30})"
                      + "(?:\\b(?:us|we)\\s+(?:can\\s+|could\\s+|will\\s+|would\\s+|to\\s+)?(?:be|become|are|as)\\s+"
                      + "(?:their|the|his|her|its)\\s+(?:one and only|sole|only|exclusive)\\s+(?!other\\b)"
                      + "(?:[\\w-]+\\s+){0,2}?(?:vendor|supplier|provider|agency|partner|recruiter|broker|distributor|"
                      + "source|installer|contractor|agent)\\b"
                      + "|\\b(?:makes?|names?|appoints?|chooses?)\\s+us\\s+(?:their|the|its)\\s+(?:one and only|sole|only|exclusive)\\s+"
                      + "(?!other\\b)(?:[\\w-]+\\s+){0,2}?(?:vendor|supplier|provider|agency|partner|recruiter|broker|"
                      + "distributor|source|installer|contractor|agent)\\b"
                      + "|\\b(?:sets?|setting)\\s+us\\s+up\\s+as\\s+(?:an?\\s+|their\\s+)?(?:approved\\s+|preferred\\s+|new\\s+)?"
                      + "(?:vendor|supplier|provider)\\b[^.\\n]{0,30}\\b(?:every|all|each|whole|entire)\\b"
                      + "|\\b(?:pulls?|takes?|withdraws?)\\s+(?:them|it|all|those|these|the\\s+[\\w-]+(?:\\s+[\\w-]+)?)\\s+"
                      + "(?:away\\s+)?from\\s+(?:the|their|all)\\s+(?:other|current|existing)\\s+(?:agencies|suppliers|vendors|"
                      + "providers|brokers)\\b"
                      + "|\\bdrops\\s+(?:the|their|all)\\s+(?:other|current|existing)\\s+(?:agencies|suppliers|vendors|"
                      + "providers|brokers|agency|supplier|vendor|provider|broker)\\b)")),
          // "agrees to take all their olein from us for the next 2 years": supply bound for years
          // (not "have been leasing for 3 years")
          new Step(
              4,
              "a supply bound for years",
              p(
                  "\\b(?=(?:takes?|buys?|rents?|renting|hires?|sources?|orders?|leases?)\\b)(?<!\\bbeen\\s)"
                      + "(?:takes?|buys?|rents?|renting|hires?|sources?|orders?|leases?)\\b"
                      + "(?![^.\\n]{0,60}\\b(?:"
                      + TRIAL_WORDS
                      + ")\\b)"
                      + "[^.\\n]{0,60}\\b(?:(?:for|over)\\s+(?:the\\s+)?next|from\\s+us\\s+for)\\s+(?:2|3|4|5|two|three|four|five|ten)\\s+"
                      + "years\\b")),
          // "do TT 30% down payment", "pays 30% advance for a full container": money before the
          // goods
          new Step(
              4,
              "a down payment",
              p(
                  "\\b(?:pays?|paying|do|does|makes?|transfers?|wires?|sends?|puts?|funds?)\\b[^.\\n]{0,30}"
                      + "(?:\\bdown[- ]?payment\\b|\\badvance\\s+payment\\b|\\b\\d{1,3}\\s?(?:%|percent|per cent)\\s+"
                      + "(?:advance|upfront|up front|down)\\b)")),
          // "agrees to a 36-month stairlift rental", "accept exclusive with us 24 month", "enrolls
          // in
          // the 5-year care plan", "commits ... for 3 years": bound for a term (not a repayment
          // plan,
          // a trial, a catch-up in 12 months or 3 years' accounts)
          new Step(
              4,
              "a commitment for a term",
              p(
                  "\\b(?:agrees?|agree|commits?|commit|enrol(?:l)?s?|enroll|signs?|accepts?|accept|locks?\\s+in|"
                      + "takes?|join(?:s)?)\\b"
                      + "(?![^.\\n]{0,60}\\b(?:"
                      + TRIAL_WORDS
                      + "|repayment|payment plan|instalment|installment|arrangement|warranty|guarantee|so|consent|"
                      + "records|data|history|which|what|tell|tells|name|names|whether)\\b)"
                      + "[^.\\n]{0,40}\\b(?:(?:12|18|24|36|48|60|twelve|eighteen|twenty-four|thirty-six|forty-eight|sixty)[- ]?month|(?:[2-9]|two|three|four|five|ten)[- ](?:year|yr|season))[- ]+(?:[\\w-]+\\s+){0,3}?"
                      + "(?:rental|lease|contract|plan|agreement|deal|term|subscription|commitment|exclusivity|"
                      + "membership|programme|program|supply|service)\\b"
                      + "|\\b(?:accepts?|accept|agrees?|agree|commits?|commit|signs?)\\b[^.\\n]{0,20}\\bexclusiv(?:e|ity)\\b"
                      + "[^.\\n]{0,30}\\b(?:(?:12|18|24|36|48|60|twelve|eighteen|twenty-four|thirty-six|forty-eight|sixty)|(?:[2-9]|two|three|four|five|ten))\\s?(?:months?|years?)\\b"
                      + "|\\bcommits?\\b(?![^.\\n]{0,60}\\b(?:so|records|data|history)\\b)[^.\\n]{0,60}\\bfor\\s+"
                      + "(?:[2-9]|two|three|four|five|ten)\\s+(?:years?|seasons?)\\b")),
          // "commits his whole year's glyphosate volume to us", "locks in his whole winter crop
          // programme": all of a season's or a year's business (not "gives us their full budget")
          new Step(
              5,
              "a season's or a year's business committed",
              p(
                  "\\b(?:commits?|commit|locks?\\s+in|books?|places?|gives?)\\b[^.\\n]{0,20}\\b(?:his|her|their|its|the)\\s+"
                      + "(?:whole|entire|full)\\s+(?:[\\w'’,-]+\\s+){0,3}?(?:volume|crop|program|programme|spend|tonnage)\\b"
                      + "(?!\\s+(?:requirements?|list|details|figures?|estimates?|forecast|plan)\\b)"
                      // "commits its full catch-up budget for the year to us" (not "gives their
                      // full budget figure")
                      + "|\\bcommits?\\b[^.\\n]{0,20}\\b(?:his|her|their|its|the)\\s+(?:whole|entire|full)\\s+"
                      + "(?:[\\w'’,-]+\\s+){0,3}?budget\\b(?!\\s+(?:figure|number|amount|range)\\b)")),
          // "locks in an install date with the crew", "book the fitters in": the sale is done
          new Step(
              5,
              "an install booked",
              p(
                  // (not "signs the 30-day pilot agreement and books a fitting slot")
                  "\\b(?=(?:books?|book|schedules?|schedule|locks?|picks?|chooses?)\\b)"
                      + "(?<!\\b(?:pilot|trial|demo|loan|free|sample|test)\\b[^.\\n]{0,80})"
                      + "(?:\\b(?:books?|book|schedules?|schedule|locks?\\s+in|picks?|chooses?)\\s+(?:in\\s+)?"
                      + "(?:an?\\s+|the\\s+|their\\s+)?(?:(?:install|installation|fitting)\\s+(?:date|slot|day|crew|team)|(?:build|production)\\s+(?:date|slot|day))\\b"
                      + "(?!\\s+(?:of|for)\\s+(?:their|the|his|her|its)\\s+(?:current|existing|old|present)\\b)"
                      + "|\\b(?:books?|book)\\s+(?:in\\s+)?(?:the\\s+)?(?:fitters|installers|install crew|installation crew)\\b)"
                      + "(?![^.\\n]{0,40}\\b(?:"
                      + TRIAL_WORDS
                      + "|surveys?)\\b)")),
          // "transfers their 80k pension pot into a new account with us": their money moved to us,
          // the sale itself
          new Step(
              5,
              "their savings moved to us",
              p(
                  "\\btransfers?\\s+(?:their|his|her|the)\\s+(?:[\\w-]+\\s+){0,3}?(?:pension|pot|isa|investments?|"
                      + "portfolio|savings)\\b(?!\\s+(?:statements?|documents?|details|paperwork|forms?|records?|"
                      + "summary|valuations?|letters?|history))[^.\\n]{0,50}?\\b(?:to\\s+us|with\\s+us|to\\s+our|"
                      + "into\\s+our)\\b")),
          // "completes onboarding and gets a roll number", "completes admission": enrolled, so
          // paid for (not "completes the onboarding questionnaire")
          new Step(
              5,
              "an enrolment or onboarding completed",
              p(
                  // ("completes the admission application", "completes onboarding in the free
                  // trial":
                  // a step of the application or the trial)
                  "\\bcompletes?\\s+(?:(?:the|their|his|her)\\s+)?(?:enrol?l?ment|admission)"
                      + "(?=\\s*(?:[,.;]|$|and\\b|for\\s+(?:the|their|his|her)\\s+"
                      + "(?:course|programme|program|term|year|batch|intake)\\b|on\\s+the\\s+[\\w-]+\\s+"
                      + "(?:course|programme|program)\\b))"
                      + "(?![^.\\n]{0,60}\\b(?:trial|pilot|sandbox|taster|free)\\b)")),
          // "the resort's property goes live on our extranet": onboarding done
          new Step(
              5,
              "a listing or property live",
              p(
                  "\\b(?:property|properties|hotel|resort|listing|listings|shop|store|outlet|restaurant|venue|"
                      + "clinic|practice|merchant|site|branch)\\s+(?:goes|go|going)\\s+live\\b")),
          // "wires the setup fee", "pays the loan processing fee": the fee of the purchase itself
          // ("pays the £25 application fee" is a small step that fits any stage)
          new Step(
              4,
              "the purchase's fee paid",
              p(
                  "\\b(?=(?:pays?|paying|wires?|wiring|funds?|transfers?|settles?|remits?)\\b)"
                      + "(?:pays?|paying|wires?|wiring|funds?|transfers?|settles?|remits?)\\b[^.\\n]{0,40}?"
                      + "\\b(?:set-?up|implementation|onboarding|processing|activation|installation|install|"
                      + "arrangement|joining|connection|placement|engagement|reservation|enrol?l?ment|fitment|"
                      + "membership|first[- ]year(?:'s)?)\\s+fees?\\b"
                      + "|\\bmobili[sz]ation\\s+(?:fees?|payments?|advance|deposit)\\b"
                      + "|\\b(?:set-?up|implementation|onboarding|processing|activation|installation|arrangement|"
                      + "joining|connection|placement|engagement|reservation)\\s+fees?\\s+(?:is\\s+|are\\s+|gets?\\s+)?"
                      + "(?:paid|wired|transferred|settled)\\b"
                      + "|\\b(?:pays?|paying|deposits?|posts?|puts?\\s+up|lodges?)\\b[^.\\n]{0,30}"
                      + "\\b(?:cash|security|loan|\\d+\\s?%)\\s+collateral\\b")),
          // "pays the 500 pound deposit", "puts $250 on their card so we can hold the panels":
          // money to hold the purchase (not "a 20 pound deposit for the tasting")
          new Step(
              4,
              "a deposit paid",
              p(
                  "\\b(?=(?:pays?|paying|puts?|transfers?|wires?|remits?)\\b)"
                      + "(?:(?:pays?|paying|puts?\\s+down|transfers?|wires?|remits?)\\b[^.\\n]{0,20}\\b\\d[\\d,.]*\\s*k?\\s*"
                      + "(?:pounds?|dollars?|euros?|rand|usd|gbp|eur|aud|cad|nzd)\\s+(?:[\\w-]+\\s+)?deposit\\b"
                      + "|puts?\\s+[$€£]\\s?\\d[\\d,]*\\s+(?:on|onto)\\s+(?:their|his|her|the)\\s+(?:credit\\s+|debit\\s+)?card\\b)"),
              100),
          // "pays a holding deposit on one of the new lodges", "remit USD 30k advance by TT"
          // (not a refundable deposit to keep a slot)
          new Step(
              4,
              "a deposit to hold the purchase",
              p(
                  "\\b(?:pays?|paying|puts?\\s+down|transfers?|wires?|remits?)\\s+(?:a|an|the|their|his|her)\\s+"
                      + "(?:[\\w-]+\\s+){0,3}?(?:holding|reservation|security)\\s+deposit\\b"
                      + "(?![^.\\n]{0,40}\\b(?:slots?|appointments?|tastings?|viewings?|sessions?|consultations?|"
                      + "class(?:es)?|lessons?|visits?|surveys?|dates?|tours?|"
                      + TRIAL_WORDS
                      + ")\\b)"
                      + "|\\b(?:remits?|wires?|transfers?)\\b[^.\\n]{0,30}\\badvance\\b")),
          // "drops their community-solar subscription", "stops the debit order and ends their
          // tracking": the current supplier cancelled for ours
          new Step(
              5,
              "the current supplier cancelled",
              p(
                  "\\b(?:drops?|cancels?|ends?|stops?|terminates?)\\s+(?:their|his|her|its)\\s+"
                      + "(?!(?:[\\w-]+\\s+){0,2}?(?:"
                      + TRIAL_WORDS
                      + ")\\b)(?:current\\s+|existing\\s+|old\\s+)?(?:[\\w-]+\\s+){0,2}?"
                      + "(?:subscription|tracking|service|provider|supplier|contract)\\b"
                      // "gives notice to his current broker", "serves notice on their current
                      // lift firm" (not "the renewal notice from their current insurer")
                      + "|\\b(?:gives?|serves?|hands?\\s+in)\\s+(?:(?:their|his|her|its)\\s+)?"
                      + "(?:written\\s+|formal\\s+)?(?:termination\\s+|cancell?ation\\s+)?(?:notice|termination)\\s+"
                      + "(?:to|on)\\s+(?:the|their|his|her|its)\\s+(?:current|existing|old|incumbent)\\b")),
          // "has funds drawn to buy the tractor", "funds go to the dealer": the loan paid out
          new Step(
              5,
              "the loan paid out",
              p(
                  "\\bfunds?\\s+(?:are\\s+|is\\s+|get\\s+|gets\\s+)?(?:drawn(?:\\s+down)?|disbursed|paid\\s+out|"
                      + "released\\s+to|go(?:es)?\\s+to|sent\\s+to)\\b"
                      + "|\\bhas\\s+(?:the\\s+)?funds?\\s+(?:drawn|released|disbursed|paid\\s+out)\\b")),
          // "opens a credit account with us": set up to buy from us on terms
          new Step(
              4,
              "a trade account opened with us",
              p(
                  "\\bopens?\\s+(?:an?\\s+|their\\s+)?(?:credit|trade|customer|wholesale)\\s+account\\s+with\\s+us\\b")),
          // "the buyers exchange contracts on the semi": the property sale is done
          new Step(
              5,
              "contracts exchanged",
              p("\\bexchang(?:e|es|ing|ed)\\s+(?:of\\s+)?(?:the\\s+)?contracts\\b")),
          // "submits a full mortgage application with all supporting documents": the formal
          // application, after the choice is made (not a short online credit app)
          new Step(
              4,
              "a full application submitted",
              p(
                  "\\b(?:submits?|completes?|sends?|lodges?|files?)\\s+(?:a|the|their|his|her)\\s+full\\s+"
                      + "(?:mortgage\\s+|loan\\s+|finance\\s+|credit\\s+|remortgage\\s+)?application\\b")),
          // "tells the old firm to stop coming": the current supplier let go
          new Step(
              5,
              "the current supplier let go",
              p(
                  "\\btells?\\s+(?:the|their|his|her)\\s+(?:old|current|existing|present)\\s+(?:[\\w'-]+\\s+){0,2}?"
                      + "(?:firm|supplier|provider|company|contractor|agency|agent|installer|engineers?)\\s+"
                      + "(?:to\\s+stop|(?:that\\s+)?(?:they'?re|they\\s+are)\\s+(?:done|finished|fired|out))\\b")),
          // "sets up ACH from their operating account for the monthly bill", "sets up the quarterly
          // direct debit for servicing": paying for the service as a customer (not an arrears plan
          // or a gift: those are the call's own step)
          new Step(
              5,
              "a regular payment set up for the service",
              p(
                  "\\b(?:sets?\\s+up|setting\\s+up|enrol?ls?\\s+in|turns?\\s+on|authori[sz]es?)\\s+"
                      + "(?:an?\\s+|the\\s+|their\\s+|his\\s+|her\\s+)?(?:[\\w-]+\\s+){0,2}?"
                      + "(?:direct\\s+debit|dd|debit\\s+order|standing\\s+order|ach|autopay|auto-pay|"
                      + "pre-?authori[sz]ed\\s+(?:[\\w-]+\\s+)?(?:debit|payment|contribution)s?|"
                      + "recurring\\s+(?:card\\s+)?payments?)\\b"
                      + "(?![^.\\n]{0,80}\\b(?:arrears|repayment|owed|overdue|debts?|balance|instal?l?ments?\\s+of|"
                      + "payment\\s+(?:plan|arrangement)|arrangement|hardship|gifts?|donations?|"
                      + "demos?|samples?|trials?|tests?|pilots?|free)\\b)"
                      + "(?<!\\b(?:arrears|repayment|plan|gift|donation|trial|test)\\b[^.\\n]{0,80})")),
          // "confirm the date for first 40ft reefer loading", "release the first lot", "keys at
          // reception for our engineer's first service visit": the goods or the service delivered
          new Step(
              5,
              "the first delivery of the purchase",
              p(
                  "\\b(?:(?:confirms?|agrees?|picks?|books?|sets?|fix(?:es)?|locks?\\s+in)\\s+(?:the\\s+|a\\s+)?"
                      + "(?:date|day|week|slot|window)\\s+(?:for|of)\\s+(?:the\\s+|their\\s+|our\\s+)?)?"
                      // ("lists their needs: styles, price and the first delivery week": when they
                      // want it, told as a fact)
                      + "(?!(?<=\\b(?:lists?|names?|gives?|tells?|shares?|states?|mentions?|outlines?)\\b"
                      + "[^.\\n]{0,100})first\\s+(?:[\\w'-]+\\s+){0,2}?(?:shipments?|deliver(?:y|ies)|loading)\\s+"
                      + "(?:week|date|day|month|window|slot)s?\\b)"
                      + "first\\s+(?!(?:[\\w'-]+\\s+){0,2}?(?:"
                      + TRIAL_WORDS
                      + ")\\b)(?:[\\w'-]+\\s+){0,2}?"
                      + "(?:shipments?|containers?|consignments?|deliver(?:y|ies)|loading|lots?|service\\s+visits?|"
                      + "installs?|installations?)\\b"
                      + "(?![^.\\n]{0,30}\\bfrom\\s+(?:(?:the|their|his|her)\\s+)?(?:new|current|other|existing)\\b)"
                      // ("Date of first stock delivery": a title asking when, not that it happens)
                      + "(?<!^\\s{0,2}dates?\\s{1,2}(?:of|for)\\s{1,2}first\\s{1,2}[\\w' -]{1,40})")),
          // "has the orangery handed over", "the first channel bundle activated", "her new
          // supplement active", "prints the first live shipping label", "completes onboarding
          // training": what the customer has once the sale is done, in use or in place
          Step.inUse(
              5,
              "the purchase delivered or in use",
              p(
                  "(?:"
                      + "\\b(?:has|have|gets?|getting|having)\\s+(?:the|her|his|their|its|all)\\s+"
                      + "(?!(?:[\\w'-]+\\s+){0,4}?(?:"
                      + TRIAL_WORDS
                      + "|existing|current|present|old|older|previous|legacy|surveys?|estimates?|sandbox|webcam|camera|"
                      + "zoom|teams|headset|browser)\\b)(?:[\\w'-]+\\s+){0,4}?"
                      + "(?:fitted|installed|commissioned|handed\\s+over|erected|laid|mounted|activated|switched\\s+on|"
                      + "up\\s+and\\s+running|in\\s+(?:daily|regular|everyday|full|routine|live)\\s+use)\\b(?![^.\\n]{0,40}\\bfor\\s+(?:the|a|our|their)\\s+(?:[\\w-]+\\s+)?"
                      + "(?:demo|trial|pilot|call|meeting|webinar|test|session)\\b)(?![^.\\n]{0,40}\\bso\\s+(?:that\\s+)?(?:our|we|us)\\b)"
                      + "(?![^.\\n]{0,60}\\b(?:proof\\s+of\\s+(?:value|concept)|pov|poc|"
                      + TRIAL_WORDS
                      + ")\\b)"
                      // "the patient's crown is fitted", "their first 20 containers with us are
                      // delivered"
                      + "|(?:'s|’s|\\btheir|\\bhis|\\bher)"
                      + "(?<!\\b(?:checks?|confirms?|tells?|says?|where|whether|if|when|how|asks?)\\b[^.\\n]{0,46})\\s+(?!(?:[\\w'-]+\\s+){0,5}?(?:"
                      + TRIAL_WORDS
                      + "|existing|current|old|report|results?|proposal|documents?|paperwork|letter|email|info|"
                      + "information|survey|assessment|estimate)\\b)(?:[\\w'-]+\\s+){0,5}?(?:is|are)\\s+(?:now\\s+|all\\s+)?"
                      + "(?:fitted|installed|commissioned|delivered)\\b(?!\\s+(?:in|to|on)\\b(?!\\s+(?:the|a|an|their|his|her|our|\\d)\\b))"
                      + "(?!\\s+by\\s+(?:their|his|her)\\b)"
                      // "goes live on our WMS", "goes live with the EDI link to our TMS"
                      + "|\\b(?:goes|go|going)\\s+live\\s+(?:on|with)\\s+(?:our\\b|us\\b|the\\s+new\\b|(?:the\\s+)?[\\w-]+\\s+(?:link|feed|integration)\\s+to\\s+our\\b)"
                      + "(?![^.\\n]{0,60}\\b(?:sandbox|pilot|trial|webinar|demo|test|guest|speaker|podcast|uat|staging|dummy)\\b)"
                      + "|\\b(?:windows?|doors?|conservatory|orangery|"
                      + "kitchen|boiler|roof|panels?|sashes|replacements|blinds|bathroom|heat\\s+pump|battery|system|unit|"
                      + "kit|charger|bundle|sim|meter|router|supplement|coverage|subscription|licen[cs]e)"
                      + "(?<!\\b(?:existing|current|old|present|year|date)\\s[a-z ]{3,14})"
                      + "(?<!\\b(?:checks?|confirms?|tells?|says?|where|whether|if|when|how|asks?)\\b[^.\\n]{0,54})\\s+"
                      + "(?:is\\s+|are\\s+|gets?\\s+|was\\s+|shows?\\s+(?:as\\s+)?)?(?:fitted|installed|commissioned|handed\\s+over|"
                      + "erected|activated|switched\\s+on)\\b"
                      + "(?!\\s+(?:in|to|on)\\b(?!\\s+(?:the|a|an|their|his|her|our|\\d)\\b))(?!\\s+by\\s+(?:their|his|her)\\b)"
                      + "(?!\\s+(?:in|on)\\s+(?:19|20)\\d\\d)(?!\\s+\\w+\\s+years?\\s+ago)"
                      + "|\\bhanded\\s+over\\s+(?:by|on|before|and)\\b|\\bhandover\\s+(?:sheet|photo|certificate|pack|"
                      + "of\\s+(?:the\\s+)?(?:system|property|home|house|unit))\\b(?![^.\\n]{0,30}\\bto\\s+our\\b)"
                      + "|\\bfirst\\s+(?:unlock|activation)\\s+code\\b"
                      + "|\\bpass(?:es)?\\s+(?:the\\s+)?(?:[\\w-]+\\s+){0,2}?final\\s+inspection\\b"
                      // "signs off the newly fixed headstone": the finished work accepted
                      + "|\\bsigns?\\s+off\\s+(?:on\\s+)?(?:the|their|his|her)\\s+(?:newly\\s+)?(?:fixed|installed|fitted|completed|"
                      + "finished|built|laid|erected|re-fixed)\\s+\\w+"
                      + "|\\bnew\\s+(?:[\\w-]+\\s+){0,2}?(?:coverage|cover|policy|plan|supplement)\\s+"
                      + "(?:is\\s+|shows?\\s+|shown\\s+)?(?:active|live|in\\s+force)\\b|\\b(?:coverage|cover|policy)\\s+kicks?\\s+in\\b"
                      + "|\\bhas\\s+(?:her|his|their)\\s+new\\s+(?:[\\w-]+\\s+){0,2}?(?:active|live|running|in\\s+force)\\b"
                      + "|\\b(?:holding|has|with)\\s+(?:her|his|their)\\s+new\\s+(?:member\\s+)?id\\s+card\\b"
                      + "|\\bmember\\s+id\\s+(?:card|number)\\s+(?:issued|in\\s+hand|arrives?|arrived)\\b"
                      + "|\\b(?:carrier(?:'s)?|insurer(?:'s)?)\\s+welcome\\s+(?:call|kit|pack)\\b"
                      + "|\\bfirst\\s+(?:live|production)\\s+(?:[\\w-]+\\s+){0,2}?(?:labels?|orders?|shipments?|transactions?|"
                      + "payroll|runs?|bookings?|jobs?|routes?|invoices?|claims?|parcels?|pallets?|loads?|trades?)\\b"
                      + "|\\bfirst\\s+(?:week|month|day)s?\\s+of\\s+usage\\b"
                      // "receives our first 5 IBCs and issues the GRN": the goods arrived
                      + "|\\breceives?\\s+(?:our|the)\\s+first\\s+(?:\\d+\\s+)?(?:[\\w-]+\\s+){0,3}?(?:delivery|deliveries|shipment|"
                      + "consignment|ibcs?|pallets?|drums?|containers?|loads?|cases?|units?)\\b"
                      + "|\\b(?:issues?|signs?|raises?)\\s+(?:the|a|their)\\s+(?:grn|goods\\s+received\\s+note|delivery\\s+note|"
                      + "proof\\s+of\\s+delivery)\\b"
                      + "|\\bcompletes?\\s+(?:the\\s+|their\\s+)?(?:[\\w-]+\\s+)?onboarding\\s+training\\b"
                      + "|\\bbuilding\\s+control\\s+(?:sign-?off|completion)\\b"
                      + "|\\b(?:measures?\\s+up|surveys?)\\s+for\\s+(?:manufacture|manufacturing|fabrication)\\b"
                      + "|\\bcollects?\\s+(?:the|her|his|their)\\s+(?!(?:[\\w'-]+\\s+){0,3}?(?:"
                      + TRIAL_WORDS
                      + ")\\b)(?:[\\w'-]+\\s+){0,3}?(?:kit|unit|system|handset|order|goods)\\b"
                      + "|\\b(?:hosts?|lets?|welcomes?)\\s+(?:in\\s+)?(?:our|the)\\s+(?![^.\\n]{0,30}\\b(?:measur\\w*|survey\\w*|"
                      + "assess\\w*|quot\\w*|inspect\\w*)\\b)(?:installers?|fitters?|"
                      + "install(?:ation)?\\s+(?:team|crew|engineer))\\b)")),
          // "answers the carrier's underwriting questions and gets approved": the application
          // decided
          new Step(
              4,
              "the insurer's approval",
              p(
                  "\\b(?:approved|accepted)\\s+by\\s+(?:the\\s+)?(?:carrier|insurer|underwriters?|underwriting)\\b"
                      + "|\\bunderwriting\\b[^.\\n]{0,60}\\b(?:and|then)\\s+(?:gets?|is)\\s+approved\\b"
                      + "|\\bapproval\\s+status\\b[^.\\n]{0,40}\\b(?:carrier|insurer)\\b")),
          // "lets our PSW start visits on Monday", "puts all waiters on our Till", "enrols its
          // staff
          // in our benefit": our service running for them, everything moved to us
          new Step(
              5,
              "the work or service started",
              p(
                  "\\b(?:lets?|has|have|allows?)\\s+our\\s+(?:[\\w-]+\\s+){0,2}?(?:staff|team|carers?|psws?|nurses?|crew|"
                      + "cleaners?|engineers?|installers?|technicians?|drivers?|guards?|workers?|caregivers?|fitters?|gardeners?|"
                      + "landscapers?)\\s+(?:start|begin)\\b"
                      + "(?![^.\\n]{0,60}\\b(?:"
                      + TRIAL_WORDS
                      + "|assessments?|surveys?|assess|diagnostics?|shadowing|proof\\s+of\\s+concept|reviews?|audits?|measur\\w*|inspections?|"
                      + "checks?|scoping|discovery|site\\s+visits?|walk-?throughs?|recce|counts?|valuations?|mapping|"
                      + "quotes?|quotations?|proposals?|estimates?)\\b)"
                      + "|\\b(?:puts?|moves?|switch(?:es)?|enrol+s?|migrates?)\\s+(?:(?:its|their|his|her)\\s+)?"
                      + "(?:all|whole|entire|every|staff|employees|workforce|fleet|drivers)\\b"
                      + "(?![^.\\n]{0,60}\\b(?:"
                      + TRIAL_WORDS
                      + "|data|files|documents|details|questions|list|assessments?|calculators?|spreadsheets?|webinars?|"
                      + "calls?|meetings?|sessions?|workshops?|surveys?|comparisons?|questionnaires?|quiz(?:zes)?|events?|"
                      + "briefings?|rates|prices|courses?|training|tours?|panels?|tastings?|presentations?|demos?)\\b)"
                      + "[^.\\n]{0,40}\\b(?:on|onto|through|into|in)\\s+our\\b")),
          // "has a full tank of our kerosene", "running the tractors on our green diesel", "does
          // the
          // shift planning in our platform and the old Excel is switched off", "is covered with
          // us": the customer already living on ours (not on a trial of it)
          Step.inUse(
              5,
              "ours already in use",
              p(
                  "(?:"
                      + "\\b(?:has|have|having|gets?|getting)\\s+(?:a\\s+full\\s+(?:tank|load|order)\\s+of\\s+our|our)\\s+"
                      + "(?:[\\w'-]+\\s+){0,5}?(?:delivered|spread|installed|fitted|filled|working|running|live|onboarded|"
                      + "in\\s+production|stacked|fed|applied|in\\s+use)\\b"
                      + "|\\b(?:has|have)\\s+a\\s+full\\s+tank\\s+of\\s+our\\b"
                      // "has his second-shift operators running our forklifts", "starts running the
                      // yard cameras over our satellite link", "our trucks replace his current
                      // provider's units", "starts referring their over-40 patients to us"
                      + "|\\b(?:has|have|gets?)\\s+(?:his|her|their|its|the)\\s+(?:[\\w-]+\\s+){0,2}?(?:staff|crews?|operators?|"
                      + "drivers?|teams?|people|workers?|engineers?|users?|technicians?|nurses?|carers?)\\s+(?:running|using|operating|"
                      + "driving|working\\s+(?:on|with))\\s+our\\b"
                      + "|\\bstarts?\\s+(?:running|using|operating)\\b[^.\\n]{0,50}\\b(?:over|on|through|via)\\s+our\\s+"
                      + "(?:[\\w-]+\\s+)?(?:link|network|service|platform|system|connection|line|broadband|satellite)\\b"
                      + "|\\bour\\s+(?:[\\w-]+\\s+){0,3}?replaces?\\s+(?:his|her|their|its|the)\\s+(?:current|existing|old|"
                      + "incumbent)\\b"
                      + "|\\bstarts?\\s+(?:referring|routing)\\s+(?:[\\w'-]+\\s+){1,5}?(?:to|through)\\s+us\\b"
                      + "|\\b(?:delivered|installed|fitted)\\s+and\\s+(?:working|running|in\\s+use|live|operational)\\b"
                      // "has back-to-base monitoring live on all 5 stores", "goes live on their
                      // website with our rates", "tickets go on sale through our module", "tees
                      // off as a full member"
                      + "|\\bhas\\s+(?:[\\w-]+\\s+){1,3}?live\\s+(?:on|at|across|in)\\s+(?:all|every|each|the\\s+whole)\\b"
                      + "|\\bgo(?:es)?\\s+live\\b[^.\\n]{0,40}\\bwith\\s+our\\s+(?:rates|prices|products?|range|offer|stock|"
                      + "listings?)\\b"
                      + "|\\bgo(?:es)?\\s+on\\s+sale\\s+(?:through|on|via|with)\\s+our\\b"
                      // "moves its patient records to our system", "staff use our headsets on every
                      // shift"
                      + "|\\bmoves?\\s+(?:its|their|his|her|the|all)\\s+(?:[\\w'-]+\\s+){0,3}?(?:records|accounts|customers|clients|"
                      + "patients|members|payroll|bookings|books)\\s+(?:over\\s+)?(?:to|onto|into)\\s+our\\s+(?:[\\w-]+\\s+)?"
                      + "(?:system|platform|software|app|portal)\\b"
                      + "|\\buses?\\s+our\\s+(?:[\\w-]+\\s+){1,3}?(?:on|for|in|at)\\s+(?:every|each|all)\\s+"
                      + "(?:shifts?|days?|jobs?|orders?|sites?|stores?|branches|clients?|patients?)\\b"
                      // "switches their 12 mast sites over to our rental sets", "puts the theatre
                      // and
                      // ICU on our 250kVA set", "start managing their clients' assets on our
                      // platform"
                      + "|\\bswitch(?:es)?\\s+(?:their|its|his|her|the)\\s+(?:[\\w'-]+\\s+){1,5}?(?:over\\s+)?to\\s+our\\s+"
                      + "(?:[\\w-]+\\s+){0,2}?(?:sets?|generators?|platform|system|network|service|fleet|units?|kit|software|app|"
                      + "supply|tariff|plan|lines?|trucks?|vans?)\\b"
                      + "|\\b(?:runs?|puts?)\\s+(?:the|their|his|her|its)\\s+(?:[\\w'-]+\\s+){1,5}?on\\s+our\\s+(?:[\\w-]+\\s+){0,2}?"
                      + "(?:sets?|generators?|platform|system|network|fleet|units?|kit|software|equipment)\\b"
                      + "|\\bstarts?\\s+(?:managing|running|processing|booking|trading|operating)\\b[^.\\n]{0,50}\\b(?:on|through|in|via)\\s+"
                      + "our\\s+(?:[\\w-]+\\s+)?(?:platform|system|app|software|portal|network|e-banking)\\b"
                      + "|\\bas\\s+(?:a\\s+)?(?:full|paid|paying|fully\\s+paid)(?:-up)?\\s+members?\\b"
                      + "|\\b(?:is|are)\\s+(?:now\\s+)?(?:running|operating|using)\\b"
                      + "(?![^.\\n]{0,50}\\b(?:spreadsheets?|templates?|calculators?|website|speed\\s+test|tools?|checkers?|quiz)\\b)"
                      + "[^.\\n]{0,50}\\b(?:on|with)\\s+our\\b"
                      + "|\\b(?:do|does|run|runs|process|processes|book|books|manage|manages)\\s+(?:all\\s+(?:(?:their|its|his|her)\\s+)?|"
                      + "(?:their|its|his|her)\\s+)"
                      + "[^.\\n]{0,40}\\b(?:in|on|through)\\s+our\\s+(?:[\\w-]+\\s+)?(?:platform|system|app|software|tool|portal|"
                      + "terminals?|till|gateway|network)\\b"
                      + "|\\bin\\s+force\\s+with\\s+us\\b"
                      + "|\\b(?:onboarded|live)\\s+(?:and\\s+live\\s+)?on\\s+(?:the|our)\\s+(?:platform|system|app|software|portal)\\b"
                      + "|\\b(?:is|are)\\s+(?:now\\s+)?(?:covered|insured)\\s+(?:with|by)\\s+us\\b"
                      + "|\\bhas\\s+us\\s+on\\s+file\\s+as\\b|\\bhas\\s+us\\s+start\\b"
                      // "confirms we are now their exclusive mover", "switches 100% of their volume
                      // to us", "all referrals come to us", "her mother is admitted to our service"
                      + "|\\b(?:we\\s+are|we're|us\\s+as)\\s+(?:now\\s+)?(?:their|its|the)\\s+(?:new\\s+)?(?:exclusive|preferred|"
                      + "sole|main|only|primary|official)\\s+(?:[\\w-]+\\s+)?(?:supplier|partner|provider|vendor|mover|agency|"
                      + "broker|insurer|hospice|distributor|carrier|forwarder|lender|bank|contractor)\\b"
                      + "|\\b(?:switch(?:es)?|moves?|transfers?|gives?|sends?)\\s+100\\s?%\\s+of\\b[^.\\n]{0,40}\\b(?:to|with)\\s+us\\b"
                      + "|\\ball\\s+(?:their\\s+|its\\s+)?(?:referrals|orders|volume|business)\\s+(?:now\\s+)?(?:come|go)\\s+to\\s+us\\b"
                      + "|\\b(?:admitted|enrol+ed)\\s+(?:to|into|onto|on)\\s+our\\s+(?:service|care|programme|program|hospice|"
                      + "plan|books)\\b"
                      + "|\\b(?:has|have|gets?|puts?)\\s+(?:the|their|his|her)\\s+(?:[\\w-]+\\s+)?on\\s+our\\s+(?:service|care|books)\\b"
                      + "|\\bstarts?\\s+on\\s+our\\s+(?:service|care|programme|program|plan)\\b"
                      + "|\\bstarts?\\s+(?:using|routing|running|processing|booking|ordering)\\b[^.\\n]{0,50}\\b(?:all|every|entire|"
                      + "whole)\\b[^.\\n]{0,40}\\b(?:on|through|in|with|via|from)\\s+(?:us|our)\\b"
                      + "|\\bstarts?\\s+using\\s+(?:our|the)\\s+(?!(?:[\\w-]+\\s+){0,2}?(?:calculators?|templates?|spreadsheets?|"
                      + "website|tools?|checkers?)\\b)(?:[\\w-]+\\s+){1,2}?(?:for|with)\\s+(?:all|every|the\\s+whole|"
                      + "the\\s+entire)\\b"
                      + "|\\blaunch(?:es)?\\s+(?:their|its|his|her)\\s+(?:[\\w-]+\\s+){0,2}?(?:store|shop|site|service|app)\\s+on\\s+our\\b"
                      + "|\\b(?:passes|appoints?|names?|selects?)\\s+us\\s+as\\s+(?:the|their|its|his|her)\\b[^.\\n]{0,30}"
                      + "\\b(?:supplier|provider|vendor|insurer|broker|agency|partner)\\b"
                      + "|\\b(?:old|previous|current|existing)\\s+(?:[\\w'-]+\\s+){0,3}?(?:is|are|gets?)\\s+(?:switched\\s+off|"
                      + "turned\\s+off|decommissioned|gone|cancell?ed|canceled|terminated|taken\\s+out)\\b"
                      + "|\\b(?:signed|signs?)\\s+off\\s+on\\s+(?:the\\s+\\w+\\s+)?using\\s+our\\b"
                      + "|\\bpositive\\s+advice\\s+on\\s+using\\s+our\\b)"
                      + "(?![^.\\n]{0,60}\\b(?:"
                      + TRIAL_WORDS
                      + "|sandbox|webinar|website|web\\s+site|calculators?|speed\\s+test|checker|quiz|estimator|"
                      + "configurator|comparison)\\b)")),
          // "gets the grid pre-approval from Energex", "gets the IVA approved at the creditors'
          // meeting", "gets Veterans Affairs approval for 20 hrs/week", "gets the bank to release
          // the draw", "obtains the no-objection letter": an outside authority's approval of the
          // purchase (not their CFO's, manager's or IT's: their own people, any stage)
          new Step(4, AUTHORITY_APPROVAL, approvalBy(AUTHORITY)),
          // "approves our factory and adds us to their vendor list", "sets us up as a supplier":
          // the buyer takes us on
          new Step(
              4,
              "us taken on as a supplier",
              p(
                  "(?:\\b(?:adds?|puts?|gets?|lists?)\\s+us\\s+(?:on|onto|to|in)\\s+(?:the|their|its)\\s+"
                      + "(?:approved\\s+|preferred\\s+|new\\s+)?(?:vendor|supplier)s?\\s+"
                      + "(?:list|panel|register|roster|database|master)\\b"
                      // "sets us up as an approved supplier" (not "as a new supplier so we can ship
                      // the trial pallet")
                      + "|\\b(?:sets?\\s+us\\s+up|onboards?\\s+us|approves?\\s+us|adds?\\s+us|registers?\\s+us)\\s+as\\s+"
                      + "(?:an?\\s+)?(?:new\\s+)?(?:approved|preferred|nominated)\\s+(?:vendor|supplier)\\b)"
                      // (not "adds us to their supplier list for the tender": asked to bid; nor for
                      // a trial or a sample)
                      + "(?![^.\\n]{0,60}\\b(?:tenders?|bids?|bidding|rfps?|rfqs?|rfis?|trial|sample|samples|"
                      + "pilot|test|for\\s+it|quote|quotes|quoting|proposal|pitch|price|pricing|framework)\\b)")),
          // "all creditors agree to freeze interest": every lender signs up to the plan
          new Step(
              4,
              "every creditor's agreement",
              p(
                  "\\b(?:all|every|each)\\s+(?:of\\s+(?:their|the|his|her)\\s+)?creditors?\\s+"
                      + "(?:agrees?|accepts?|approves?|signs?)\\b")),
          // "tows the new Rockwood off the lot", "picks up the new toy hauler", "puts insurance on
          // the new trailer": the vehicle bought is taken home
          new Step(
              5,
              "the purchase taken home",
              p(
                  "\\b(?:tows?|drives?|takes?|collects?)\\s+(?:the|their|his|her)\\s+(?!(?:[\\w'-]+\\s+){0,3}?(?:"
                      + TRIAL_WORDS
                      + ")\\b)(?:[\\w'-]+\\s+){0,4}?(?:home|off\\s+the\\s+(?:lot|forecourt|yard))\\b"
                      + "|\\b(?:picks?\\s+up|collects?|takes?\\s+delivery\\s+of)\\s+(?:the|their|his|her)\\s+new\\b"
                      + "|\\b(?:insurance|plates?|registration|tags?)\\s+(?:on|for)\\s+(?:the|their|his|her)\\s+"
                      + "(?:new\\s+)?(?:[\\w'-]+\\s+){0,3}?(?:car|van|truck|trailer|hauler|rv|motorhome|caravan|boat|"
                      + "vehicle|bike|camper|fifth\\s+wheel|pontoon)\\b")),
          // "agrees a date for the modules and racking to be dropped at their dock": delivery
          // booked
          new Step(
              5,
              "a delivery or install date booked",
              p(
                  "\\b(?:date|day|slot|window|week)\\s+for\\s+(?:the\\s+|our\\s+|their\\s+)?(?!(?:[\\w'-]+\\s+){0,4}?(?:"
                      + TRIAL_WORDS
                      + ")\\b)(?:[\\w'-]+\\s+){0,4}?to\\s+be\\s+(?:dropped|delivered|installed|fitted|shipped|"
                      + "loaded|mounted)\\b")),
          // "books our install crew onto the roof", "the date our crew starts bolting racking",
          // "registers fobs for our engineers": the work is booked in (not a survey)
          new Step(
              5,
              "our crew booked in to do the work",
              p(
                  "\\b(?:books?|schedules?|picks?|confirms?|agrees?|locks?\\s+in|fix(?:es)?)\\b[^.\\n]{0,40}?"
                      + "\\bour\\s+(?:install(?:ation)?\\s+|fitting\\s+)?(?:crews?|fitters?|installers?|team|engineers?|technicians?)\\b"
                      + "[^.\\n]{0,12}?\\b(?:starts?|begins?|onto|in\\s+to\\s+(?:replace|install|fit|start)|"
                      + "to\\s+(?:replace|install|fit|start|begin))\\b"
                      + "|\\bbooks?\\s+(?:in\\s+)?our\\s+(?:[\\w-]+\\s+)?crews?\\b"
                      + "|\\b(?:keys?|fobs?|access\\s+(?:cards?|codes?)|badges?|passes)\\b[^.\\n]{0,60}?"
                      + "\\bfor\\s+our\\s+(?:[\\w-]+\\s+){0,2}?(?:engineers?|foreman|crew|fitters?|installers?|technicians?|"
                      + "operatives?|workers?)\\b"
                      + "(?![^.\\n]{0,40}\\b(?:surveys?|inspect(?:ion|s)?|assessments?|audits?|measure|quotes?|estimates?|"
                      + TRIAL_WORDS
                      + ")\\b)")),
          // "so our crew can start racking on Thursday", "lets our driver drop off two bins":
          // the service begins
          new Step(
              5,
              "the work or service started",
              p(
                  "\\b(?:so|for|lets?|let)\\s+(?:that\\s+)?(?:our|the)\\s+(?:install\\s+|installation\\s+|fitting\\s+)?"
                      + "(?:crew|installers?|fitters?|engineers?|drivers?|lorry|lorries|trucks?|team|technicians?|techs?)\\s+"
                      + "(?:can\\s+|could\\s+|to\\s+)?(?:start|begin|starts?\\s+on\\s+site|come\\s+out\\s+and\\s+(?:mount|install|fit)|mount|"
                      + "install|fit|drop\\s+off|go\\s+in|get\\s+started)\\b"
                      + "(?![^.\\n]{0,40}\\b(?:"
                      + TRIAL_WORDS
                      + "|surveys?|measur\\w*|inspections?|assessments?|visits?|estimates?|quotes?|quotations?|"
                      + "designs?|proposals?|scoping|mapping|proof\\s+of\\s+concept|diagnostics?|shadowing|walk-?throughs?|"
                      + "recce|counts?|valuations?)\\b)"
                      + "|\\b(?:installers?|fitters?|crew)\\s+can\\s+be\\s+booked\\b"
                      // "agrees our mobilisation date", "arranges handover of keys and fobs to our
                      // supervisor": the contract's work begins
                      + "|\\b(?:agrees?|sets?|fixes?|books?)\\s+(?:our|the|a)\\s+(?:crew\\s+)?mobili[sz]ation\\s+date\\b")),
          // "put down 800 MT a month for Q3 with us", "lift 200 MT next week", "nominate the
          // vessel": goods committed or collected
          new Step(
              5,
              "goods committed or collected",
              p(
                  "\\bputs?\\s+down\\s+\\d[\\d,]*\\s*(?:mt|t|tons?|tonnes?|kg|units?|cases?|litres?|liters?|pallets?)\\b"
                      + "|\\blifts?\\s+\\d[\\d,]*\\s*(?:mt|tons?|tonnes?)\\b"
                      + "|\\bnominates?\\s+(?:the|a|their)\\s+vessel\\b|\\blaycan\\b")),
          // "issues a bind order", "pays for 300 litres upfront", "releases the LPO", "gets the
          // board to vote the panels through", "puts the full fleet onto our system"
          new Step(
              5,
              "a purchase made",
              p(
                  "\\bbind\\s+(?:order|request)\\b"
                      + "|\\bpays?\\s+for\\b[^.\\n]{0,50}\\b(?:up ?front|in advance|in full)\\b"
                      + "|\\b(?:releases?|issues?|raises?)\\s+(?:the|an?|their)\\s+(?:[\\w-]+\\s+){0,2}?(?:lpo|l\\.p\\.o\\.?)\\b"
                      + "|\\bputs?\\s+(?:the|their|its|his|her)\\s+(?:full|whole|entire)\\b[^.\\n]{0,30}\\b(?:onto|on\\s+to)\\s+our\\b")),
          new Step(
              4,
              "a vote to approve",
              p("\\bvotes?\\s+(?:the\\s+|our\\s+|it\\s+)?(?:[\\w-]+\\s+){0,3}?through\\b")),
          // "signs the fully managed terms": the service's terms signed (not an NDA's)
          new Step(
              5,
              "terms signed",
              p(
                  "\\b(?:signs?|signed|e-signs?|countersigns?)\\s+(?:and\\s+returns?\\s+)?(?:the\\s+|our\\s+|their\\s+)?"
                      + "(?:(?:fully\\s+)?managed\\s+|management\\s+|service\\s+|standard\\s+|final\\s+|commercial\\s+|"
                      + "payment\\s+|supply\\s+|trade\\s+)?terms\\b(?!\\s+(?:of|for)\\s+(?:the\\s+)?(?:nda|reference|trial|pilot|"
                      + "demo|loan|evaluation))")),
          // "makes the order of the first container", "issues a blanket order for the year"
          new Step(
              5,
              "an order placed",
              p(
                  "\\bmakes?\\s+(?:the|an?|their|its|his|her)\\s+(?:first\\s+|initial\\s+|bulk\\s+|full\\s+)?"
                      + "(?!(?:trial|sample|test|starter)\\b)(?:purchase\\s+)?order\\b"
                      + "(?![^.\\n]{0,30}\\b(?:"
                      + TRIAL_WORDS
                      + ")\\b)"
                      + "|\\bblanket\\s+(?:purchase\\s+)?(?:orders?|p\\.?o\\.?s?)\\b")),
          // "approves the go-live from the 1st", "confirms the rollout on all three lines": the
          // start of the service bought
          new Step(
              5,
              "a go-live or rollout approved",
              p(
                  "\\b(?:approves?|approving|confirms?|authori[sz]es?|signs?\\s+off(?:\\s+on)?|green-?lights?|"
                      + "okays?)\\s+(?:the|a|their|its|our)\\s+(?:(?!(?:"
                      + TRIAL_WORDS
                      + ")\\b)[\\w-]+\\s+){0,2}?"
                      + "(?:go-?live|rollout|roll-out|full launch)\\b"
                      + "(?!\\s+(?:timeline|timing|requirements|criteria|window|questions|checklist|date|dates|"
                      + "target|plan|plans|schedule|day|month|week)\\b)"
                      + "(?![^.\\n]{0,40}\\b(?:"
                      + TRIAL_WORDS
                      + ")\\b)")),
          // "gives notice to the current courier", "moves daily pickups to us": the switch itself
          new Step(
              5,
              "a switch of supplier",
              p(
                  "\\b(?:gives?|serves?|hands?\\s+in|sends?)\\s+(?:formal\\s+|written\\s+)?notice\\s+(?:to|on)\\s+"
                      + "(?:the|their|its|his|her)\\s+(?:current|existing|old|present|incumbent)\\b"
                      + "|\\b(?:moves?|puts?|switch(?:es)?)\\s+(?![^.\\n]{0,40}\\b(?:"
                      + TRIAL_WORDS
                      + ")\\b)(?:(?:all|the|their|its|his|her|daily|weekly|every)\\s+)?(?:[\\w-]+\\s+){0,5}?"
                      + "(?:to|over\\s+to)\\s+us\\b(?![^.\\n]{0,40}\\b(?:"
                      + TRIAL_WORDS
                      + ")\\b)")),
          // "orders the whole kitchen off the brochure prices": the whole thing bought at once
          new Step(
              5,
              "a purchase of the whole thing",
              p(
                  "\\b(?:orders?|ordering|buys?|buying|purchases?)\\s+(?:the|their|a|an|his|her)\\s+(?:whole|entire|complete)\\s+"
                      + "(?!(?:(?!at\\b|for\\b|from\\b|off\\b|on\\b|with\\b|in\\b)[\\w'’-]+\\s+){0,3}?(?:"
                      + TRIAL_WORDS
                      + "|reports?|guides?|copy|list|breakdown|catalogue|catalog|specs?|brochure)\\b)"
                      + "[\\w-]+")),
          // "moves daily lab pickups to us starting Monday", "to our group plan effective 1
          // August",
          // "our contractor to start Monday": our service begins on a date (not a trial or pilot,
          // nor "the webinar starting Thursday")
          new Step(
              5,
              "the service started on a date",
              p(
                  "\\b(?:moves?|moving|switch(?:es|ing)?|transfers?|transferring|routes?|brings?|puts?|rolls?)\\b"
                      + "[^.\\n]{0,60}?\\b(?:to|onto)\\s+(?:us|our\\s+[\\w-]+(?:\\s+[\\w-]+)?)\\b"
                      + TRIAL_BEFORE
                      + "[^.\\n]{0,40}?\\b(?:starting|effective)\\s+(?:on\\s+)?"
                      + SOON
                      + "(?![^.\\n]{0,40}\\b(?:"
                      + TRIAL_WORDS
                      + "|audits?|assessments?|surveys?)\\b)")));

  /** A relative word right before the step ("names who signs off"), at most one word between. */
  private static final Pattern EMBEDDED =
      Pattern.compile(
          "\\b(?:"
              + String.join("|", new java.util.TreeSet<>(Sentence.CLAUSE_WORDS))
              // ("who, besides her, signs off": an aside after the relative word)
              + ")(?:,\\s+(?:[\\w'-]+\\s+){0,2}[\\w'-]+,)?\\s+(?:[\\w'-]+\\s+){0,3}(?:\\w+-)?$"
              // "tells us when the new payroll system goes live", "the date their platform goes
              // live": when it happens, not that it does now
              // ("if possible the group signs": a hedge, not a condition)
              + "|\\b(?:when|once|until|if(?!\\s+(?:at\\s+all\\s+)?possible\\b)|after)\\s+(?:[\\w'-]+\\s+){0,4}$"
              // ("the week she would want the first delivery", "the dates they want first
              // delivery")
              + "|\\bthe\\s+(?:dates?|years?|months?|days?|weeks?)\\s+(?:[\\w'-]+\\s+){0,5}$"
              // "the top 3 cities they travel to", "the fairs their reps fly to": where they go
              + "|\\b(?:cities|places|destinations|countries|fairs|shows|events|sites|locations|regions|markets|"
              + "offices|airports|hubs|venues|conferences)\\s+(?:that\\s+|which\\s+)?(?:they|he|she|we|you|"
              + "(?:their|his|her)\\s+[\\w-]+)\\s+(?:[\\w'-]+\\s+)?$"
              // "where they'd want the charger fitted": where, not that it is
              + "|\\bwhere\\s+(?:[\\w'-]+\\s+){0,5}$"
              // "gives his email so we can offer him a gifted first shipment": our step, later
              + "|\\bso\\s+(?:that\\s+)?(?:we|i|our\\s+[\\w-]+)\\s+(?:can|could|may|might)\\s+(?:[\\w'-]+\\s+){0,5}$"
              // "tells us who besides them signs off on agency spend": whom to ask, not the step
              + "|\\b(?:tells?|names?|says?|explains?|shares?|asks?|knows?)\\s+(?:us\\s+|me\\s+)?(?:who|where)\\s+"
              + "(?:[\\w'-]+\\s+){0,4}$"
              // "says whether they or head office signs off the budget": a question, not a step
              + "|\\bwhether\\s+(?:[\\w'-]+\\s+){0,4}$"
              // "a good conversation about moving into the space", "asks about signing": a topic
              + "|\\babout\\s+$"
              // "tells us what they need to see to approve the spend": what it takes, not the step
              + "|\\b(?:what|how|which|when)\\s+(?:[\\w'-]+\\s+){0,3}(?:need|needs|want|wants|takes?|would|'d)\\s+(?:[\\w'-]+\\s+){0,3}$"
              // "tells us which two accounts they'd move to us first": which, not that they do
              + "|\\b(?:which|what|how\\s+many|how\\s+much)\\s+(?:[\\w'-]+\\s+){0,4}?"
              + "(?:they'?d|they\\s+would|they'?ll|they\\s+will|she'?d|he'?d|would|could)\\s+(?:[\\w'-]+\\s+){0,3}$"
              // "tells us how much they pay in placement fees today": a figure of today
              + "|\\bhow\\s+(?:much|many|often)\\s+(?:[\\w'-]+\\s+){0,4}$"
              + "|\\b(?:they'?d|they\\s+would|he'?d|she'?d)\\s+be\\s+(?:happy|willing|prepared|keen|able)\\s+to\\s+$"
              // "names the two depots they plan to move to us first": their plan, not the step
              + "|\\b(?:they|he|she)\\s+(?:plan|plans|want|wants|intend|intends|hope|hopes|expect|expects|"
              + "would\\s+like|'d\\s+like)\\s+to\\s+$"
              // "the names of households willing to pay the connection fee": who would, not a step
              + "|\\b\\w+s\\s+(?:who\\s+are\\s+)?(?:willing|prepared|keen|wanting)\\s+to\\s+$");

  private static final int MAX_TEXT = 2_000;

  private static final Pattern TRIAL_ORDER =
      Pattern.compile(
          "\\b(?:trial|sample|test|starter|pilot|taster)(?:[- ]sized?)?\\s+(?:(?:stocking|stock|batch|run|"
              + "size|sized|opening)\\s+)?orders?\\b");

  /** "signs our demo agreement": the papers of a trial, not of the sale. */
  private static final Pattern TRIAL_PAPERS =
      Pattern.compile(
          "(?i)\\b(?:demo|trial|pilot|evaluation|loan|non-disclosure|nda|consent|data[- ]sharing|"
              + "data[- ]processing|confidentiality|business associate|test[- ]drive)\\s+(?:agreement|contract|form)");

  /** A visit near a country's English name, capitalised as written. */
  private static final Pattern VISIT_ABROAD =
      Pattern.compile(
          "\\b(?i:site visit|site tour|site audit|plant tour|factory tour|on-site|onsite|visits?|tours?|hosts?)\\b[^.\\n]{0,60}\\b"
              + countries()
              + "\\b|\\b"
              + countries()
              + "\\b[^.\\n]{0,30}\\b(?i:site visit|site tour|site audit|visit|tour)\\b");

  private BuyingProcess() {}

  /**
   * Every country's English name, longest first: a visit "at their plant in Brazil" means travel.
   */
  private static String countries() {
    java.util.TreeSet<String> names =
        new java.util.TreeSet<>(
            java.util.Comparator.comparingInt(String::length)
                .reversed()
                .thenComparing(java.util.Comparator.naturalOrder()));
    for (String code : Locale.getISOCountries()) {
      names.add(new Locale("", code).getDisplayCountry(Locale.ENGLISH));
    }
    return names.stream()
        .map(Pattern::quote)
        .collect(java.util.stream.Collectors.joining("|", "(?:", ")"));
  }

  /** The phase of a queue stage: by its name, else by its place among {@code count} stages. */
  static Optional<Integer> ofStage(String id, int index, int count) {
    String norm = id == null ? "" : id.toLowerCase(Locale.ROOT);
    for (String part : norm.split("[^a-z]+")) {
      for (int ph = 0; ph < STAGE_WORDS.size(); ph++) {
        if (STAGE_WORDS.get(ph).contains(part)) {
          return Optional.of(ph);
        }
      }
    }
    String joined = norm.replaceAll("[^a-z]", "");
    for (int ph = 0; ph < STAGE_WORDS.size(); ph++) {
      if (STAGE_WORDS.get(ph).contains(joined)) {
        return Optional.of(ph);
      }
    }
    if (count < 2) {
      return Optional.empty();
    }
    return Optional.of((int) Math.round(5.0 * index / (count - 1)));
  }

  /** The furthest step an advance asks for, with its phase, if it names one. */
  static Optional<Found> ofAdvance(String text, Phrases closeWords, Sentence s) {
    return ofAdvance(text, closeWords, s, List.of());
  }

  /** The furthest step an advance asks for, the site's {@code extra} steps included. */
  static Optional<Found> ofAdvance(String text, Phrases closeWords, Sentence s, List<Step> extra) {
    String original = text == null ? "" : text;
    if (original.length() > MAX_TEXT) {
      original = original.substring(0, MAX_TEXT); // longer is refused as too long anyway
    }
    String t = original.toLowerCase(Locale.ROOT);
    Found best = null;
    for (Step st : extra.isEmpty() ? STEPS : concat(STEPS, extra)) {
      var m = st.pattern().matcher(t);
      // "names who signs off the budget": a step someone else takes, later
      boolean found = m.find();
      while (found && (st.tooSmall(m.group()) || st.afterATrial(t, m.start()))) {
        found = m.find(m.start() + 1);
      }
      if (found
          && !EMBEDDED.matcher(t.substring(0, m.start())).find()
          && (best == null
              || st.phase() > best.phase()
              // of two close steps, the one past the signature says more
              || (st.phase() == best.phase()
                  && AFTER_SIGNATURE.contains(st.what())
                  && !best.afterSignature()))) {
        best = new Found(st.phase(), st.what(), st.said(m, original, t).strip());
      }
    }
    // Country names as written ("our plant in Brazil"; not "fine china" or "turkey farm")
    boolean visit =
        t.contains("visit")
            || t.contains("tour")
            || t.contains("audit")
            || t.contains("on-site")
            || t.contains("onsite");
    var abroad = VISIT_ABROAD.matcher(original);
    if (visit && (best == null || best.phase() < 3) && abroad.find()) {
      best = new Found(3, "a site visit that needs travel", abroad.group().strip());
    }
    if (s != null && (best == null || best.phase() < 5)) {
      Phrase close = closeWords.first(s, true);
      // "places a trial order of one case": a first small order is a trial, not a close
      int at = close == null ? -1 : s.find(close, 0);
      String said = at < 0 ? "" : s.span(at, at + s.matchAt(close, at));
      // "in our prepaid envelope": a word describing what is sent, no payment
      boolean describing =
          at >= 0 && s.lemmas()[at].equals("prepay") && s.is(at, "ADJ") && s.is(at + 1, "NOUN");
      if (close != null
          && !describing
          && !TRIAL_ORDER.matcher(t).find()
          && !TRIAL_PAPERS.matcher(said).find()) {
        best = new Found(5, "a close", close.text());
      }
    }
    return Optional.ofNullable(best);
  }

  private static List<Step> concat(List<Step> a, List<Step> b) {
    List<Step> all = new java.util.ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  record Found(int phase, String what, String words) {
    /**
     * Whether the step follows the customer's signature: the whole price paid, the purchase made,
     * the service started. From a proposal the signature is the next thing to ask for, not these.
     */
    boolean afterSignature() {
      return AFTER_SIGNATURE.contains(what);
    }
  }

  private static final java.util.Set<String> AFTER_SIGNATURE =
      java.util.Set.of(
          "a payment of the whole deal",
          "a payment in full",
          "a payment of the whole price now",
          "a year paid in full",
          "a paid invoice",
          "a purchase made",
          "credit drawn or closed",
          "a go-live or rollout approved",
          "a switch of everything to us",
          "a rollout to all of them",
          "the work or service started",
          "the service started on a date",
          "the purchase delivered or in use",
          "the final payment",
          "a purchase or loan completed",
          "ours already in use");

  static {
    var named = STEPS.stream().map(Step::what).collect(java.util.stream.Collectors.toSet());
    for (String what : AFTER_SIGNATURE) {
      if (!named.contains(what)) {
        throw new IllegalStateException("no step named '" + what + "'");
      }
    }
  }

  private static final Pattern FIRST_CONTACT =
      p(
          "\\b(?:cold|first|introductory|intro|initial)\\s+(?:phone\\s+|sales\\s+)?(?:call|outreach|contact|enquiry|inquiry|conversation)\\b(?![-‑–—]\\s*(?:off|out)\\b|\\s+off\\b)"
              + "|\\bfirst\\s+time\\s+(?:we|i|they)(?:'ve)?\\s+(?:speak|spoke|spoken|talk|talked)\\b"
              + "|\\b(?:bought|bought-in|purchased|rented|cold|data)[- ](?:\\w+[- ])?(?:list|data|leads?)\\b|\\bcold lead\\b"
              + "|\\bcold-call(?:ed|ing)?\\b|\\bnever (?:been )?(?:spoken to|contacted|called|met|heard from)\\b"
              + "|\\bwe(?:'ve|\\s+have)?\\s+never\\s+(?:dealt|worked|done\\s+business)\\s+with\\b"
              + "|\\bnever\\s+(?:dealt|worked|done\\s+business)\\s+with\\s+(?:us|our)\\b|\\bnever\\s+bought\\s+from\\s+(?:us|our)\\b"
              + "|\\bno (?:prior|previous) contact\\b|\\bnot (?:a|an existing) customer\\b"
              + "|\\bfirst[- ]time\\s+(?:caller|enquirer|inquirer|contact)\\b|\\bcalled\\s+cold\\b"
              + "|\\b(?:on|at)\\s+the\\s+first\\s+dial\\b|\\bnew\\s+caller\\b");

  /** "On this cold call, ...": the text itself says the call is a first contact, or null. */
  static String statesFirstContact(String text) {
    var m = FIRST_CONTACT.matcher(text == null ? "" : text);
    return m.find() ? m.group() : null;
  }

  /** The words of {@code text} that ask a purchase of absurd size, or null. */
  /**
   * "Wee one-truck haulier books 40 trailers a week", "solo practice sends us 200 crown cases": a
   * one- or two-person business buying, booking or referring forty or more of something (not kilos,
   * hours or money).
   */
  private static final Pattern SMALL_BUYER_BIG_ORDER =
      p(
          "\\b(?:small|tiny|wee|solo|single-handed|(?:one|two)-(?:truck|man|person|woman|van|chair|vet|shop|store|"
              + "dentist|doctor|counter|site|location)|(?:one|two)\\s+(?:shop|store|person)|"
              + "single-(?:site|truck|chair|location)|sole[\\s-]+trader|works\\s+alone|"
              + "micro)\\b"
              // ("places a small test order": the order is small, not the buyer)
              + "(?!\\s+(?:(?:test|trial|sample|first|starter|pilot)\\s+)?orders?\\b)"
              + "[^.\\n]{0,60}\\b(?:orders?|buys?|books?|sends?\\s+us|refers?|"
              + "commits?(?:\\s+in\\s+writing)?\\s+to(?:\\s+(?:sell|selling|order|buy))?|"
              + "signs?\\s+(?:up\\s+)?for|purchases?|agrees?\\s+to\\s+(?:order|buy))\\b"
              + "(?![^.\\n]{0,40}\\b(?:trials?|pilots?|samples?|free|tasters?|test)\\b)[^.\\n]{0,30}?"
              + "(?:(?<!(?:usd|eur|gbp|inr|aud|cad|\\$|€|£)\\s?)"
              + "\\b(?:[4-9]\\d|\\d{3,}|\\d{1,3}(?:[, ]\\d{3})+)\\b"
              // ("orders 3 x 20ft containers": a container load is no small shop's order)
              + "|\\b(?:[2-9]|\\d{2,})\\s*(?:x\\s*)?(?:(?:20|40)\\s?(?:ft|foot|')\\s*)?"
              + "(?:containers?|truckloads?|lorry\\s+loads?|fcls?)\\b)"
              + "(?![\\s-]*(?:kg|g|lbs?|kilos?|litres?|liters?|l|ml|gallons?|tonnes?|tons?|m|metres?|meters?|"
              + "ft|feet|sq|square|hours?|minutes?|mins?|days?|weeks?|months?|years?|%|percent|euros?|"
              + "dollars?|pounds?|gbp|usd|eur|miles?|km)\\b)");

  /** The words of a small business's outsized order, or null. */
  static String outsized(String advance) {
    var m = SMALL_BUYER_BIG_ORDER.matcher(advance == null ? "" : advance);
    return m.find() ? m.group().strip() : null;
  }

  /** Deadlines of a day or less: today, tomorrow, within hours, on this call. */
  private static final Pattern RUSH =
      p(
          "\\b(?:today|tonight|this\\s+(?:afternoon|morning|evening)|tomorrow|tmrw"
              + "|within\\s+(?:the|an|one|1|2|3|4|6|8|12|24|two|three|48)\\s?(?:hours?|hrs?|h|minutes?|mins?)"
              + "|in\\s+(?:an|one|two|three|1|2|3)\\s+hours?|within\\s+the\\s+hour|end\\s+of\\s+(?:the\\s+)?(?:call|day)"
              + "|before\\s+(?:we\\s+)?hang\\s?up|(?:on|during)\\s+(?:this|the)\\s+call|by\\s+eod|same\\s+day"
              + "|this\\s+weekend|within\\s+(?:24|48)|while\\s+on\\s+the\\s+(?:line|call|phone)"
              + "|before\\s+(?:the\\s+)?(?:end\\s+of\\s+(?:the\\s+)?)?call)\\b");

  /** A later day named beside the rush ("booked on this call, visit on 12 May"). */
  private static final Pattern LATER =
      p(
          "\\b(?:next\\s+(?:week|month|year|quarter)|within\\s+\\d+\\s+(?:days?|weeks?|months?)"
              + "|in\\s+\\d+\\s+(?:days?|weeks?)|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
              + "|(?:jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\s+\\d{1,2}|\\d{4}-\\d{2}-\\d{2}"
              + "|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\\b");

  private static final Pattern COPY_OF =
      p("\\b(?:cop(?:y|ies)|photos?|scans?|pictures?|details|number|proof)\\s+of\\b");

  private static final Pattern OURS_BEFORE = p("\\b(?:we|us|our|i)\\b");

  /** Words before the step that make it something the customer tells, not does. */
  private static final Pattern TELLS =
      p(
          "\\b(?:names?|tells?|says?|whether|which|how|what|when|if|asks?|explains?|lists?|gives?)\\b");

  /**
   * Steps that take days whoever asks: an authority's permit or a bank's loan, a journey, building
   * work, a full integration, years of paper scanned; each with the words it needs beside it, or
   * null.
   */
  private static final List<Pattern[]> SLOW_STEPS =
      List.of(
          new Pattern[] {
            p(
                "\\b(?:building|planning|city|council|county|highways?|listed[- ]building|study|work|import|"
                    + "export|environmental|fire|zoning|regulatory|government|ministry|state|federal|dcgi|premises|alcohol|liquor|"
                    + "cdsco|fda|ema|mhra|hoa|customs)\\s+(?:(?!(?:gets?|got|obtains?|secures?|pulls?|grants?|has|have|"
                    + "and|or|from|to|for|of)\\b)[\\w/-]+\\s+){0,2}?(?:permits?|consent|"
                    + "permission|licen[cs]es?|approval|clearance)\\b(?!\\s+(?:form|application|number|no|"
                    + "check|code|copy|photo|details|letter|history|records?|list|status|fees?))"),
            p(
                "\\b(?:obtains?|obtained|gets?|getting|got|secures?|pulls?(?!\\s+up)|grants?|granted|approved|"
                    + "issued|approves?)\\b")
          },
          new Pattern[] {
            p(
                "(?<![-\\w])(?:fly|flies|flying|flown|sails?)\\s+(?:in|out|over|"
                    + "to|from|down|up|across|into|back|his|her|their|the|a|an|all)\\b"),
            null
          },
          new Pattern[] {
            p(
                "(?<!-)\\b(?:built|poured|pours|cured|cures|refitted|renovated|constructed|shipped\\s+from|installed\\s+and\\s+"
                    + "(?:running|producing|live|working))\\b"),
            p(
                "\\b(?:shed|barn|extension|kitchen|bathrooms?|base|slab|foundations?|concrete|house|"
                    + "building|warehouse|wall|roof|machines?|line|plant|system|sensors|equipment)\\b")
          },
          // ("gets her siblings, who live in three different states, to the cemetery tomorrow")
          new Pattern[] {
            p(
                "\\blive\\s+in\\s+(?:\\w+\\s+)?(?:different|other|separate|two|three|four|five|several|\\d+)\\s+"
                    + "(?:states|countries|cities|provinces|counties)\\b"),
            null
          },
          // a bank's loan decision, a full system integration, years of paper scanned
          new Pattern[] {
            p(
                "\\bapproves?\\s+(?:\\S+\\s+){0,3}?loan\\b|\\bloan\\s+(?:is\\s+)?(?:approved|approval)\\b"),
            p("\\bbank\\b|\\$\\s?\\d+\\s?k\\b|\\b\\d{2,3},000\\b")
          },
          new Pattern[] {
            p("\\b(?:full|complete|entire)\\s+(?:[\\w/-]+\\s+)?(?:integration|migration)\\b"), null
          },
          // an authority's approval sought by the customer ("gets approval from the Ministry of
          // Agriculture", "gets the county health department to approve the design")
          new Pattern[] {
            p(
                "\\bapprovals?\\s+from\\s+(?:the\\s+)?(?:[\\w'-]+\\s+){0,4}?(?:ministry|department|council|"
                    // (not "from the council's CIO": a person inside, not the body)
                    + "county|authority|authorities|regulator|agency|government|commission)\\b(?!['’]s)"
                    + "|\\b(?:department|council|county|authority|ministry|regulator|agency|commission)\\s+to\\s+"
                    + "(?:approve|sign\\s+off|grant|issue|licen[cs]e|register)\\b"
                    + "|\\bregisters?\\b[^.]{0,50}?\\bwith\\s+(?:the\\s+)?(?:[\\w'-]+\\s+){0,3}?(?:authority|"
                    + "authorities|ministry|regulator|agency|customs|fda)\\b(?!['’]s)"),
            p("\\b(?:gets?|getting|got|obtains?|secures?|receives?)\\b")
          },
          // a general meeting needs its notice period ("holds an emergency AGM tonight")
          new Pattern[] {
            p(
                "\\b(?:holds?|calls?|convenes?|runs?)\\s+(?:an?\\s+|the\\s+|their\\s+|its\\s+|his\\s+|her\\s+)?(?:emergency\\s+|special\\s+|"
                    + "extraordinary\\s+)?(?:agm|egm|general\\s+meeting|annual\\s+meeting|shareholders'?\\s+meeting|"
                    + "members'?\\s+meeting)\\b"),
            null
          },
          // dozens of people each signing or voting ("gets all 140 unit owners to sign off")
          new Pattern[] {
            p(
                "\\ball\\s+(?:[2-9]\\d|\\d{3,})\\s+(?:[\\w-]+\\s+)?(?:owners|residents|members|tenants|"
                    + "shareholders|households|parents|employees|staff|landlords|farmers|growers|families)\\b"),
            p("\\b(?:sign|signs|signed|vote|votes|approve|approves|sign-off)\\b")
          },
          // building work at many sites ("gets cabling and power sorted at all 12 pilot pubs")
          new Pattern[] {
            p(
                "\\b(?:at|across|in)\\s+all\\s+(?:[5-9]|\\d{2,}|five|six|seven|eight|nine|ten|twelve|twenty)\\s+"
                    + "(?:of\\s+(?:its|their|the|his|her)\\s+)?(?:[\\w-]+\\s+)?(?:sites|pubs|stores|shops|branches|locations|restaurants|clinics|schools|"
                    + "farms|hotels|offices|depots|warehouses|buildings|venues)\\b"),
            p(
                "\\b(?:cabling|wiring|wired|rewired|installs?|installed|fitted|refit(?:ted)?|upgraded|replaced|built)\\b")
          },
          new Pattern[] {
            p(
                "\\b(?:scans?|digiti[sz]es?)\\b[^.]{0,40}?\\b(?:all\\s+)?(?:(?:the\\s+)?(?:last\\s+)?)?"
                    + "(?:\\d{2,}|[5-9]|five|six|seven|eight|nine|ten|twelve|fifteen|twenty)\\s+years\\b(?![\\s-]+old)"),
            null
          });

  /**
   * "gets the building permit approved today", "the board flies from Sydney to Cebu tomorrow",
   * "lays a concrete base and has it cured within the hour": a step that takes days, asked within a
   * day; the words that say so, or null.
   */
  static String rushed(String advance, String timeFrame) {
    String a = advance == null ? "" : advance.toLowerCase(Locale.ROOT);
    String t = timeFrame == null ? "" : timeFrame.toLowerCase(Locale.ROOT);
    if (!(RUSH.matcher(t).find() || RUSH.matcher(a).find())
        || LATER.matcher(t).find()
        || LATER.matcher(a).find()) {
      return null;
    }
    for (Pattern[] slow : SLOW_STEPS) {
      var m = slow[0].matcher(a);
      if (m.find()
          && (slow[1] == null || slow[1].matcher(a).find())
          && !TELLS.matcher(a.substring(0, m.start())).find()
          // ("obtains a copy of the building permit": the paper, not the permit)
          && !COPY_OF.matcher(a.substring(Math.max(0, m.start() - 24), m.start())).find()
          // ("agrees the two days we can fly over the paddocks": our drone, not their journey)
          && !OURS_BEFORE.matcher(a.substring(Math.max(0, m.start() - 16), m.start())).find()) {
        return m.group().strip();
      }
    }
    return null;
  }

  static String absurd(String text) {
    String t = text == null ? "" : text.toLowerCase(Locale.ROOT);
    for (Step st : STEPS) {
      if (st.what().equals(ABSURD)) {
        var m = st.pattern().matcher(t);
        return m.find() ? m.group().strip() : null;
      }
    }
    return null;
  }

  private static final Pattern FIGURES =
      Pattern.compile(
          "(\\d[\\d,]*(?:\\.\\d+)?)\\s?(k|m|mn|mio|million|bn|billion|thousand|lakhs?|lacs?|crores?|cr)?\\b");
  private static final Pattern IN_WORDS =
      Pattern.compile("\\b([a-z]+(?:-[a-z]+)?)\\s+(hundred\\s+)?(thousand|million)\\b");
  private static final java.util.Map<String, Integer> NUMBERS = numbers();

  /** The largest amount named in {@code text} ("£8,000", "$12k", "twenty-five thousand pounds"). */
  private static final Pattern CURRENCY_BEFORE =
      Pattern.compile("(?:[$€£₹]|\\b(?:usd|eur|gbp|inr|rs\\.?))\\s?$");

  private static final Pattern CURRENCY_AFTER =
      Pattern.compile("\\s?(?:[$€£]|(?:pounds?|dollars?|euros?|usd|eur|gbp|rupees?|inr)\\b)");

  private static final Pattern RUPEES_BEFORE = Pattern.compile("(?:₹|\\b(?:inr|rs\\.?))\\s?$");
  private static final Pattern RUPEES_AFTER = Pattern.compile("\\s?(?:rupees?|inr)\\b");

  /** Rupees to the dollars, pounds and euros the thresholds are written in (roughly). */
  private static final double RUPEES_PER_UNIT = 80;

  /** "45.000 €": thousands written with dots, next to a currency. */
  private static final Pattern DOTTED_THOUSANDS =
      Pattern.compile(
          "(?<=[$€£]\\s?|(?:eur|usd|gbp)\\s)\\d{1,3}(?:\\.\\d{3})+(?![\\d.]|\\s?(?:k|m|mn|bn|million|billion)\\b)"
              + "|\\b\\d{1,3}(?:[. \\u00a0]\\d{3})+(?=\\s?(?:[$€£]|eur\\b|euros?\\b|usd\\b|gbp\\b|chf\\b))");

  static double amount(String text) {
    text =
        DOTTED_THOUSANDS
            .matcher(text)
            .replaceAll(m -> m.group().replace(".", "").replace(" ", "").replace("\u00a0", ""));
    double best = 0;
    double money = 0; // "15,000 leaflets for £1,500": the sum of money, not the count
    var f = FIGURES.matcher(text);
    while (f.find()) {
      try {
        double v = Double.parseDouble(f.group(1).replace(",", ""));
        String unit = f.group(2) == null ? "" : f.group(2);
        v *=
            switch (unit) {
              case "k", "thousand" -> 1e3;
              case "m", "mn", "mio", "million" -> 1e6;
              case "bn", "billion" -> 1e9;
              case "lakh", "lakhs", "lac", "lacs" -> 1e5;
              case "crore", "crores", "cr" -> 1e7;
              default -> 1;
            };
        // the four characters before the figure, from a word's start ("yrs. 15,000" is no "rs.")
        int from = Math.max(0, f.start() - 4);
        while (from > 0 && from < f.start() && Character.isLetter(text.charAt(from - 1))) {
          from++;
        }
        String before = text.substring(from, f.start());
        String after = text.substring(f.end());
        // "Rs 1,85,000" is about two thousand in the thresholds' money, not 185,000
        if (unit.startsWith("la")
            || unit.startsWith("cr")
            || RUPEES_BEFORE.matcher(before).find()
            || RUPEES_AFTER.matcher(after).lookingAt()) {
          v /= RUPEES_PER_UNIT;
        }
        best = Math.max(best, v);
        if (!unit.isEmpty()
            || CURRENCY_BEFORE.matcher(before).find()
            || CURRENCY_AFTER.matcher(after).lookingAt()) {
          money = Math.max(money, v);
        }
      } catch (NumberFormatException e) {
        // "1,2,3": no amount
      }
    }
    best = money > 0 ? money : best;
    var w = IN_WORDS.matcher(text);
    while (w.find()) {
      int n = 0;
      for (String part : w.group(1).split("-")) {
        n += NUMBERS.getOrDefault(part, 0);
      }
      double v = n * (w.group(2) != null ? 100 : 1) * (w.group(3).equals("million") ? 1e6 : 1e3);
      best = Math.max(best, v);
    }
    return best;
  }

  private static java.util.Map<String, Integer> numbers() {
    String[] units = {
      "zero",
      "one",
      "two",
      "three",
      "four",
      "five",
      "six",
      "seven",
      "eight",
      "nine",
      "ten",
      "eleven",
      "twelve",
      "thirteen",
      "fourteen",
      "fifteen",
      "sixteen",
      "seventeen",
      "eighteen",
      "nineteen"
    };
    String[] tens = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
    java.util.Map<String, Integer> m = new java.util.HashMap<>();
    for (int i = 0; i < units.length; i++) {
      m.put(units[i], i);
    }
    for (int i = 0; i < tens.length; i++) {
      m.put(tens[i], 20 + 10 * i);
    }
    m.put("a", 1);
    return java.util.Map.copyOf(m);
  }

  static String name(int phase) {
    return PHASES.get(Math.max(0, Math.min(PHASES.size() - 1, phase)));
  }

  private static Pattern p(String regex) {
    return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }
}
