package io.swetraces.hub;

import java.util.regex.Pattern;

/**
 * Glob patterns over repository paths, as {@code fsspec} and {@code datasets} read them: {@code *}
 * and {@code ?} stay inside one folder, {@code **} spans any number of folders (none included),
 * {@code [abc]} is a class and {@code {a,b}} an alternative.
 */
final class Globs {
  private Globs() {}

  static boolean isGlob(String path) {
    return path.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
  }

  /** The folder before the first wildcard: where a listing must start. */
  static String fixedFolder(String glob) {
    int first = 0;
    while (first < glob.length() && "*?[{".indexOf(glob.charAt(first)) < 0) {
      first++;
    }
    int slash = glob.lastIndexOf('/', first);
    return slash < 0 ? "" : glob.substring(0, slash);
  }

  /** Whether matching needs the folders below {@link #fixedFolder}, not just its own files. */
  static boolean spansFolders(String glob) {
    String rest = glob.substring(fixedFolder(glob).length());
    rest = rest.startsWith("/") ? rest.substring(1) : rest;
    return rest.contains("/") || rest.contains("**");
  }

  static Pattern toRegex(String glob) {
    StringBuilder re = new StringBuilder();
    boolean inAlternatives = false;
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      switch (c) {
        case '*' -> {
          if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
            boolean folderPart = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
            re.append(folderPart ? "(?:.*/)?" : ".*");
            i += folderPart ? 2 : 1;
          } else {
            re.append("[^/]*");
          }
        }
        case '?' -> re.append("[^/]");
        case '[' -> {
          int end = glob.indexOf(']', i + 1);
          if (end < 0) {
            re.append("\\[");
          } else {
            String body = glob.substring(i + 1, end);
            re.append('[').append(body.startsWith("!") ? "^" + body.substring(1) : body).append(']');
            i = end;
          }
        }
        case '{' -> {
          inAlternatives = true;
          re.append("(?:");
        }
        case '}' -> {
          if (inAlternatives) {
            inAlternatives = false;
            re.append(')');
          } else {
            re.append("\\}");
          }
        }
        case ',' -> re.append(inAlternatives ? "|" : ",");
        default -> re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re.toString());
  }
}
