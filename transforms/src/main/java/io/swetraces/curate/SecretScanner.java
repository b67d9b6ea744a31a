package io.swetraces.curate;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds secrets in text by rules of the kind gitleaks and detect-secrets use, and replaces each
 * value with a typed placeholder ({@code <REDACTED:github_token>}) that keeps the text around it,
 * JSON strings included, as it was. Rules are tried in order, so a specific rule claims a value
 * before a generic one.
 */
public final class SecretScanner implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * One rule: its name; a pattern whose group {@code v} is the secret's value; the literal pieces
   * one of which every match holds (in any letter case for {@code caseless} rules, which must be
   * followed by an assignment); and how far before and after such a piece a match may reach. All
   * rules' pieces are found in one pass ({@link Anchors}), and only windows around them are matched
   * against the pattern: most text holds none.
   */
  record Rule(String name, Pattern pattern, List<String> anchors, boolean caseless, int before, int after)
      implements Serializable {}

  /** Generic assignments need a value this random (bits per character) to count. */
  static final double MIN_ENTROPY = 3.5;

  private static final List<String> KEYWORDS = List.of("api_key", "api-key", "apikey", "secret", "token", "password",
      "passwd", "pwd", "credential");

  static final List<Rule> RULES = List.of(
      rule("private_key", "(?<v>-----BEGIN[ A-Z0-9]{0,40}PRIVATE KEY( BLOCK)?-----[\\s\\S]{0,20000}?"
          + "-----END[ A-Z0-9]{0,40}PRIVATE KEY( BLOCK)?-----)", List.of("PRIVATE KEY"), false, 60, 20_100),
      rule("aws_access_key_id", "\\b(?<v>(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16})\\b",
          List.of("AKIA", "ASIA", "ABIA", "ACCA"), false, 1, 21),
      rule("aws_secret_access_key",
          "(?i)aws_?secret_?access_?key[\"']?\\s{0,3}[:=]\\s{0,3}[\"']?(?<v>[A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])",
          List.of("secret"), true, 10, 80),
      rule("huggingface_token", "\\b(?<v>hf_[A-Za-z0-9]{30,40})\\b", List.of("hf_"), false, 1, 45),
      rule("github_token", "\\b(?<v>(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{60,255})\\b",
          List.of("ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"), false, 1, 270),
      rule("gitlab_token", "\\b(?<v>glpat-[A-Za-z0-9_-]{20,300})", List.of("glpat-"), false, 1, 310),
      rule("slack_webhook", "(?<v>https://hooks\\.slack\\.com/services/[A-Za-z0-9_/]{20,300})",
          List.of("hooks.slack.com"), false, 8, 340),
      rule("slack_token", "\\b(?<v>xox[abposr]-[A-Za-z0-9-]{10,300})", List.of("xox"), false, 1, 310),
      rule("anthropic_api_key", "\\b(?<v>sk-ant-[A-Za-z0-9_-]{32,300})", List.of("sk-ant-"), false, 1, 310),
      rule("openai_api_key", "\\b(?<v>sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{32,300})", List.of("sk-"), false, 1, 320),
      rule("google_api_key", "\\b(?<v>AIza[0-9A-Za-z_-]{35})", List.of("AIza"), false, 1, 40),
      rule("stripe_key", "\\b(?<v>(?:sk|rk)_(?:live|test)_[0-9A-Za-z]{24,300})", List.of("_live_", "_test_"), false, 3,
          310),
      rule("jwt", "\\b(?<v>eyJ[A-Za-z0-9_-]{10,2000}\\.eyJ[A-Za-z0-9_-]{10,4000}\\.[A-Za-z0-9_-]{10,2000})",
          List.of("eyJ"), false, 1, 8_100),
      rule("url_password", "\\b[a-z][a-z0-9+.-]{1,20}://[^\\s:/@\"'<>]{1,64}:(?<v>[^\\s:/@\"'<>]{3,128})@[\\w.-]+",
          List.of("://"), false, 22, 300),
      rule("generic_secret", "(?i)\\b[A-Za-z0-9_.-]{0,40}(?:api[_-]?key|secret|token|password|passwd|pwd|credential)"
          + "[A-Za-z0-9_.-]{0,40}[\"']?\\s{0,3}[:=]\\s{0,3}[\"']?(?<v>[A-Za-z0-9_+/=.~-]{16,256})", KEYWORDS, true,
          42, 360));

  /** Every rule's pieces in one automaton; for each piece, its rule and its text as written. */
  private static final Anchors ANCHORS;
  private static final int[] ANCHOR_RULE;
  private static final String[] ANCHOR_TEXT;

  static {
    List<String> words = new ArrayList<>();
    List<Integer> rules = new ArrayList<>();
    for (int r = 0; r < RULES.size(); r++) {
      for (String anchor : RULES.get(r).anchors()) {
        words.add(anchor);
        rules.add(r);
      }
    }
    ANCHORS = new Anchors(words);
    ANCHOR_RULE = rules.stream().mapToInt(Integer::intValue).toArray();
    ANCHOR_TEXT = words.toArray(String[]::new);
  }

  private static Rule rule(String name, String regex, List<String> anchors, boolean caseless, int before, int after) {
    return new Rule(name, Pattern.compile(regex), anchors, caseless, before, after);
  }

  /** What redaction made of a text: the text, and how many values each rule replaced. */
  public record Redacted(String text, Map<String, Integer> counts) {
    public boolean changed() {
      return !counts.isEmpty();
    }
  }

  /** The text with every secret replaced by {@code <REDACTED:rule>}. */
  public Redacted redact(String text) {
    if (text.isEmpty()) {
      return new Redacted(text, Map.of());
    }
    List<int[]> hits = new ArrayList<>(); // rule, where its piece starts, the piece's length
    ANCHORS.find(text, (word, start) -> {
      int r = ANCHOR_RULE[word];
      Rule rule = RULES.get(r);
      String anchor = ANCHOR_TEXT[word];
      if (rule.caseless() ? assignedAfter(text, start + anchor.length()) : text.startsWith(anchor, start)) {
        hits.add(new int[] {r, start, anchor.length()});
      }
    });
    if (hits.isEmpty()) {
      return new Redacted(text, Map.of());
    }
    hits.sort(Comparator.comparingInt((int[] h) -> h[0]).thenComparingInt(h -> h[1]));
    List<int[]> spans = new ArrayList<>(); // start, end, rule index; sorted by start, never overlapping
    Matcher m = null;
    for (int i = 0; i < hits.size(); i++) {
      int[] hit = hits.get(i);
      Rule rule = RULES.get(hit[0]);
      if (i == 0 || hits.get(i - 1)[0] != hit[0]) {
        m = rule.pattern().matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
      }
      // A match holding this piece starts at most rule.before() ahead of it: only those starts are
      // tried, not every one in the window. A value found from two pieces is claimed once.
      int to = Math.min(text.length(), hit[1] + hit[2] + rule.after());
      for (int start = Math.max(0, hit[1] - rule.before()); start <= hit[1]; start++) {
        m.region(start, to);
        if (m.lookingAt()) {
          String value = m.group("v");
          if (acceptable(rule, value)) {
            claim(spans, m.start("v"), m.end("v"), hit[0]);
          }
          if (m.end() > hit[1]) {
            break;
          }
          start = m.end() - 1; // a match ending before this piece is another piece's; this one's may follow
        }
      }
    }
    if (spans.isEmpty()) {
      return new Redacted(text, Map.of());
    }
    StringBuilder out = new StringBuilder(text.length());
    Map<String, Integer> counts = new TreeMap<>();
    int last = 0;
    for (int[] span : spans) {
      String name = RULES.get(span[2]).name();
      out.append(text, last, span[0]).append("<REDACTED:").append(name).append('>');
      last = span[1];
      counts.merge(name, 1, Integer::sum);
    }
    return new Redacted(out.append(text, last, text.length()).toString(), counts);
  }

  /**
   * Whether an assignment follows a keyword: the rest of an identifier, an optional closing quote,
   * a few spaces, then {@code :} or {@code =}. A cheap look before the rule's pattern is tried.
   */
  private static boolean assignedAfter(String text, int at) {
    int i = at;
    int end = Math.min(text.length(), at + 40);
    while (i < end && isIdentifierPart(text.charAt(i))) {
      i++;
    }
    if (i < text.length() && (text.charAt(i) == '"' || text.charAt(i) == '\'')) {
      i++;
    }
    for (int spaces = 0; i < text.length() && spaces < 3 && Character.isWhitespace(text.charAt(i)); spaces++) {
      i++;
    }
    return i < text.length() && (text.charAt(i) == ':' || text.charAt(i) == '=');
  }

  private static boolean isIdentifierPart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
  }

  /** Adds a span unless it overlaps one already claimed (by an earlier, more specific rule). */
  private static void claim(List<int[]> spans, int start, int end, int rule) {
    int i = 0;
    while (i < spans.size() && spans.get(i)[0] < start) {
      i++;
    }
    boolean overlapsBefore = i > 0 && spans.get(i - 1)[1] > start;
    boolean overlapsAfter = i < spans.size() && spans.get(i)[0] < end;
    if (!overlapsBefore && !overlapsAfter) {
      spans.add(i, new int[] {start, end, rule});
    }
  }

  /** A generic assignment counts only for a random-looking value with letters and digits. */
  private static boolean acceptable(Rule rule, String value) {
    if (!rule.name().equals("generic_secret")) {
      return true;
    }
    boolean letter = false;
    boolean digit = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      letter |= Character.isLetter(c);
      digit |= Character.isDigit(c);
    }
    return letter && digit && entropy(value) >= MIN_ENTROPY;
  }

  /** Shannon entropy in bits per character. */
  static double entropy(String s) {
    Map<Character, Integer> counts = new TreeMap<>();
    for (int i = 0; i < s.length(); i++) {
      counts.merge(s.charAt(i), 1, Integer::sum);
    }
    double h = 0;
    for (int c : counts.values()) {
      double p = (double) c / s.length();
      h -= p * Math.log(p) / Math.log(2);
    }
    return h;
  }
}
