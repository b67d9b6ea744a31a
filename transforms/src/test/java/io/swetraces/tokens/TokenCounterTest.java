package io.swetraces.tokens;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

/**
 * Expected counts come from {@code len(tiktoken.get_encoding("cl100k_base").encode(s,
 * disallowed_special=()))} with tiktoken 0.14.0.
 */
public class TokenCounterTest {
  private static final Object[][] TIKTOKEN = {
    {"", 0},
    {"hello world", 2},
    {"<|endoftext|> and <|im_start|>user\nhi<|im_end|>", 22},
    {"  leading and trailing   \n\n\n", 6},
    {"I'M here, you'RE there; they'Ve gone", 12},
    {"12345678901234 3.14159 1e-10", 15},
    {"日本語のテキストと中文", 11},
    {"emoji 😀👍🏽 family 👨‍👩‍👧", 21},
    {"tabs\t\tand\r\nCRLF\r\n\r\nlines", 8},
    {"lone \ud800 surrogate and \udc00 low", 7},
    {"def f(x):\n    return x**2  # comment\n", 13},
    {"αβγ ÀÉÎ Ω ﬁ ǅ", 13},
    {"\u00a0nbsp\u2028line\u2029para\u3000ideo", 10},
    {"    \n    \n\t\n", 2},
    {"a".repeat(5000), 625},
    {"x ".repeat(3000), 3001},
  };

  @Test
  public void countsLikeTiktokenWithSpecialTokensAsText() {
    for (Object[] c : TIKTOKEN) {
      assertEquals("tokens of " + c[0], (int) c[1], TokenCounter.count((String) c[0]));
    }
  }
}
