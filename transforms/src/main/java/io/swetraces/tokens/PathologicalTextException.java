package io.swetraces.tokens;

/**
 * Text the tokenizer cannot count in time and memory linear in its length: a run of letters, of
 * punctuation or of white space longer than {@link #MAX_RUN} characters, which cl100k's
 * pre-tokenizer keeps as one piece. Byte-pair encoding one piece costs more than linear time and
 * memory in its length (measured with jtokkit 1.1: 0.17 s for 65,536 letters, 0.44 s for 262,144,
 * 47 s for 5 million; 30 million ran a 1 GB heap out), and such a run is never natural text (a
 * program printing one letter, padding, a corrupted dump). A row holding one is rejected as {@link
 * #REASON} rather than counted wrong or left to stall a worker.
 */
public final class PathologicalTextException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The reject reason of a row holding such text. */
  public static final String REASON = "pathological_text";

  /** The longest run of one character class counted. */
  public static final int MAX_RUN = 1 << 18;

  private static final int LETTER = 0;
  private static final int NUMBER = 1;
  private static final int SPACE = 2;
  private static final int OTHER = 3;

  private PathologicalTextException(String message) {
    super(message);
  }

  /** Throws when {@code text} holds a run longer than {@link #MAX_RUN}; one pass over the text. */
  static void checkRuns(String text) {
    if (text.length() <= MAX_RUN) {
      return;
    }
    int run = 0;
    int runClass = -1;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      int c = charClass(cp);
      run = c == runClass ? run + 1 : 1;
      runClass = c;
      if (run > MAX_RUN && c != NUMBER) { // numbers split every 3 digits
        throw new PathologicalTextException(String.format(
            "more than %,d %s in a row, one piece too long to count", MAX_RUN,
            c == LETTER ? "letters" : c == SPACE ? "white-space characters" : "punctuation characters"));
      }
      i += Character.charCount(cp);
    }
  }

  /** The pre-tokenizer's classes: {@code \\p{L}}, {@code \\p{N}} (at most 3 per piece), white space, the rest. */
  private static int charClass(int cp) {
    if (Character.isLetter(cp)) {
      return LETTER;
    }
    int type = Character.getType(cp);
    if (type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER) {
      return NUMBER;
    }
    return Character.isWhitespace(cp) || Character.isSpaceChar(cp) ? SPACE : OTHER;
  }
}
