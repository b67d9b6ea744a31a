package io.swetraces.curate;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds secrets in text by rules of the kind gitleaks and detect-secrets use, and replaces each
 * value with a typed placeholder ({@code <REDACTED:github_token>}) that keeps the text around it,
 * JSON strings included, as it was. Rules are tried in order, so a specific rule claims a value
 * before a generic one; text no rule's cheap anchor occurs in is returned as it is, unscanned.
 */
public final class SecretScanner implements Serializable {
  private static final long serialVersionUID = 1L;

  /** One rule: its name, and a pattern whose group {@code v} is the secret's value. */
  record Rule(String name, Pattern pattern) implements Serializable {}

  /** Generic assignments need a value this random (bits per character) to count. */
  static final double MIN_ENTROPY = 3.5;

  static final List<Rule> RULES = List.of(
      rule("private_key",
          "(?<v>-----BEGIN[ A-Z0-9]{0,40}PRIVATE KEY( BLOCK)?-----[\\s\\S]{0,20000}?-----END[ A-Z0-9]{0,40}PRIVATE KEY( BLOCK)?-----)"),
      rule("aws_access_key_id", "\\b(?<v>(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16})\\b"),
      rule("aws_secret_access_key",
          "(?i)aws_?secret_?access_?key[\"']?\\s{0,3}[:=]\\s{0,3}[\"']?(?<v>[A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])"),
      rule("huggingface_token", "\\b(?<v>hf_[A-Za-z0-9]{30,40})\\b"),
      rule("github_token", "\\b(?<v>(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{60,255})\\b"),
      rule("gitlab_token", "\\b(?<v>glpat-[A-Za-z0-9_-]{20,})"),
      rule("slack_webhook", "(?<v>https://hooks\\.slack\\.com/services/[A-Za-z0-9_/]{20,})"),
      rule("slack_token", "\\b(?<v>xox[abposr]-[A-Za-z0-9-]{10,})"),
      rule("anthropic_api_key", "\\b(?<v>sk-ant-[A-Za-z0-9_-]{32,})"),
      rule("openai_api_key", "\\b(?<v>sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{32,})"),
      rule("google_api_key", "\\b(?<v>AIza[0-9A-Za-z_-]{35})"),
      rule("stripe_key", "\\b(?<v>(?:sk|rk)_(?:live|test)_[0-9A-Za-z]{24,})"),
      rule("jwt", "\\b(?<v>eyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,})"),
      rule("url_password", "\\b[a-z][a-z0-9+.-]{1,20}://[^\\s:/@\"'<>]{1,64}:(?<v>[^\\s:/@\"'<>]{3,128})@[\\w.-]+"),
      rule("generic_secret", "(?i)\\b[A-Za-z0-9_.-]{0,40}(?:api[_-]?key|secret|token|password|passwd|pwd|credential)"
          + "[A-Za-z0-9_.-]{0,40}[\"']?\\s{0,3}[:=]\\s{0,3}[\"']?(?<v>[A-Za-z0-9_+/=.~-]{16,256})"));

  /**
   * Literal pieces one of which every rule's match contains: text holding none of them has no
   * secret, and most text is skipped after this one scan.
   */
  private static final Pattern ANCHORS = Pattern.compile(
      "PRIVATE KEY|AKIA|ASIA|ABIA|ACCA|gh[pousr]_|github_pat_|glpat-|hooks\\.slack|xox|sk-|hf_|AIza|_live_|_test_|eyJ"
          + "|://|(?i:key|secret|token|passw|pwd|credential)");

  private static Rule rule(String name, String regex) {
    return new Rule(name, Pattern.compile(regex));
  }

  /** What redaction made of a text: the text, and how many values each rule replaced. */
  public record Redacted(String text, Map<String, Integer> counts) {
    public boolean changed() {
      return !counts.isEmpty();
    }
  }

  /** The text with every secret replaced by {@code <REDACTED:rule>}. */
  public Redacted redact(String text) {
    if (text.isEmpty() || !ANCHORS.matcher(text).find()) {
      return new Redacted(text, Map.of());
    }
    String out = text;
    Map<String, Integer> counts = new TreeMap<>();
    for (Rule rule : RULES) {
      Matcher m = rule.pattern().matcher(out);
      StringBuilder replaced = null;
      int last = 0;
      while (m.find()) {
        String value = m.group("v");
        if (value.startsWith("<REDACTED:") || !acceptable(rule, value)) {
          continue;
        }
        if (replaced == null) {
          replaced = new StringBuilder(out.length());
        }
        replaced.append(out, last, m.start("v")).append("<REDACTED:").append(rule.name()).append('>');
        last = m.end("v");
        counts.merge(rule.name(), 1, Integer::sum);
      }
      if (replaced != null) {
        out = replaced.append(out, last, out.length()).toString();
      }
    }
    return new Redacted(out, counts);
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
