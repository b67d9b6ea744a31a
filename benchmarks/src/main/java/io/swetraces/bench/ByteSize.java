package io.swetraces.bench;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;

/** Sizes such as {@code 200MB} or {@code 1.5GB}, in decimal units (1 MB = 1,000,000 bytes). */
final class ByteSize implements ITypeConverter<Long> {
  @Override
  public Long convert(String value) {
    String v = value.trim().toUpperCase(Locale.ROOT);
    long unit = 1;
    for (String[] suffix : new String[][] {{"GB", "1000000000"}, {"MB", "1000000"}, {"KB", "1000"}, {"B", "1"}}) {
      if (v.endsWith(suffix[0])) {
        unit = Long.parseLong(suffix[1]);
        v = v.substring(0, v.length() - suffix[0].length()).trim();
        break;
      }
    }
    return (long) (Double.parseDouble(v) * unit);
  }

  static String format(long bytes) {
    return bytes >= 1_000_000_000 && bytes % 100_000_000 == 0
        ? (bytes / 1e9 + "GB").replace(".0GB", "GB")
        : Math.round(bytes / 1e6) + "MB";
  }
}
