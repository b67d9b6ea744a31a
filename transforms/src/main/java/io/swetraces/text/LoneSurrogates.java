package io.swetraces.text;

/**
 * Unpaired UTF-16 surrogates, which JSON escapes such as {@code "\ud800"} can produce, become
 * U+FFFD, as tiktoken does before encoding. Every string read from a row passes through here, so
 * the outputs hold what was counted; Java's UTF-8 encoder would write {@code ?} instead.
 */
public final class LoneSurrogates {
  private LoneSurrogates() {}

  public static String replace(String s) {
    StringBuilder out = null;
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (!Character.isSurrogate(c) && out == null) {
        continue;
      }
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
