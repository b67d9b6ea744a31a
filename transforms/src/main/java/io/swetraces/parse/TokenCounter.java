package io.swetraces.parse;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;

/**
 * cl100k_base token counts equal to {@code len(tiktoken.get_encoding("cl100k_base").encode(s,
 * disallowed_special=()))}: special-token text counts as ordinary text.
 */
public final class TokenCounter {
  // Loaded once per JVM; jtokkit's Encoding is immutable and safe to share between threads.
  private static final Encoding CL100K =
      Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);

  private TokenCounter() {}

  public static int count(String text) {
    if (text.isEmpty()) {
      return 0;
    }
    return CL100K.countTokensOrdinary(replaceLoneSurrogates(text));
  }

  /**
   * tiktoken replaces unpaired surrogates (which JSON escapes can produce) with U+FFFD before
   * encoding; Java's UTF-8 encoder would turn them into {@code ?} instead.
   */
  static String replaceLoneSurrogates(String s) {
    StringBuilder out = null;
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      boolean lone;
      if (Character.isHighSurrogate(c)) {
        lone = i + 1 >= n || !Character.isLowSurrogate(s.charAt(i + 1));
        if (!lone) {
          if (out != null) {
            out.append(c).append(s.charAt(i + 1));
          }
          i++;
          continue;
        }
      } else {
        lone = Character.isLowSurrogate(c);
      }
      if (lone && out == null) {
        out = new StringBuilder(n).append(s, 0, i);
      }
      if (out != null) {
        out.append(lone ? '\uFFFD' : c);
      }
    }
    return out == null ? s : out.toString();
  }
}
