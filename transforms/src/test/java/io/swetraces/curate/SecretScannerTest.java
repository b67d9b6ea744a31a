package io.swetraces.curate;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import java.util.Map;
import org.junit.Test;

/** Each rule finds its kind of secret, replaces only the value, and leaves ordinary code alone. */
public class SecretScannerTest {
  private final SecretScanner scanner = new SecretScanner();

  private void assertRedacted(String expected, String rule, String text) {
    SecretScanner.Redacted r = scanner.redact(text);
    assertEquals(expected, r.text());
    assertEquals(Map.of(rule, 1), r.counts());
  }

  @Test
  public void providerKeysAndTokens() {
    assertRedacted("aws_access_key_id = <REDACTED:aws_access_key_id>", "aws_access_key_id",
        "aws_access_key_id = AKIAIOSFODNN7EXAMPLE");
    assertRedacted("aws_secret_access_key = <REDACTED:aws_secret_access_key>", "aws_secret_access_key",
        "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
    assertRedacted("HF_TOKEN=<REDACTED:huggingface_token>", "huggingface_token",
        "HF_TOKEN=hf_AbCdEfGhIjKlMnOpQrStUvWxYz01234567");
    assertRedacted("export GH=<REDACTED:github_token>", "github_token",
        "export GH=ghp_0123456789abcdefghijABCDEFGHIJ012345");
    assertRedacted("token: <REDACTED:gitlab_token>", "gitlab_token", "token: glpat-abcdefghij0123456789");
    assertRedacted("SLACK=<REDACTED:slack_token>", "slack_token", "SLACK=xoxb-1234567890-abcdefghijkl");
    assertRedacted("<REDACTED:anthropic_api_key>", "anthropic_api_key",
        "sk-ant-api03-abcdefghijklmnopqrstuvwxyz0123456789ABCD");
    assertRedacted("OPENAI_API_KEY=<REDACTED:openai_api_key>", "openai_api_key",
        "OPENAI_API_KEY=sk-proj-abcdefghijklmnopqrstuvwxyz0123456789");
    assertRedacted("key=<REDACTED:google_api_key>", "google_api_key", "key=AIzaSyA-abcdefghijklmnopqrstuvwxyz01234");
    assertRedacted("stripe.api_key = '<REDACTED:stripe_key>'", "stripe_key",
        "stripe.api_key = 'sk_live_abcdefghijklmnopqrstuvwx'");
  }

  @Test
  public void privateKeysJwtsAndUrlPasswords() {
    assertRedacted("before\n<REDACTED:private_key>\nafter", "private_key",
        "before\n-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----\nafter");
    assertRedacted("Authorization: Bearer <REDACTED:jwt>", "jwt",
        "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U");
    assertRedacted("postgres://admin:<REDACTED:url_password>@db.example.com:5432/app", "url_password",
        "postgres://admin:s3cr3tPassw0rd@db.example.com:5432/app");
  }

  @Test
  public void randomLookingAssignmentsButNotCode() {
    assertRedacted("API_KEY=\"<REDACTED:generic_secret>\"", "generic_secret", "API_KEY=\"q8Zr4Lm2Xv9Tb7Wn3Kd5\"");
    assertRedacted("DB_PASSWORD: <REDACTED:generic_secret>", "generic_secret", "DB_PASSWORD: Xk29fLq8Zr4Lm2Xv");
    for (String code : new String[] {"password = get_password(user)", "self.token = token_value_from_config",
        "tokenizer = AutoTokenizer.from_pretrained(name)", "secret_key: CHANGE_ME_PLEASE_NOW", "git log -1"}) {
      assertFalse(code, scanner.redact(code).changed());
    }
  }

  /** Identifier-like runs are bounded in every rule: a long one is scanned in linear time, not squared. */
  @Test
  public void longRunsOfIdentifierCharacters() {
    String text = "token " + "a-".repeat(200_000) + " key=" + "b.".repeat(200_000);
    assertFalse(scanner.redact(text).changed());
  }

  @Test
  public void aPlaceholderIsNotRedactedAgain() {
    String once = scanner.redact("x=ghp_0123456789abcdefghijABCDEFGHIJ012345").text();
    assertEquals(once, scanner.redact(once).text());
  }
}
