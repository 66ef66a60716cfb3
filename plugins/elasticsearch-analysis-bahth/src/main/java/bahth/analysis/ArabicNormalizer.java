package bahth.analysis;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The matching form of a string, as {@code indexer.arabic.normalize} makes it:
 * NFKC where needed, lower case, the folding table (diacritics, tatweel and
 * format characters deleted, letter variants folded, digits to ASCII), alef
 * maqsura folded to yeh but in the word على (which would be the name علي), and
 * a yeh dropped before a word-final hamza (شيء = شئ). Repeated until stable,
 * at most four times, as the Python side does.
 */
final class ArabicNormalizer {
    private final Map<Integer, String> fold;
    // The table for the Basic Multilingual Plane as an array, and what each of
    // its characters normalises to alone (filled as they are met): lookups
    // without boxing on the paths that run for every character.
    private final String[] foldBmp = new String[0x10000];
    private final String[] aloneBmp = new String[0x10000];
    private final String yehHamza;
    private final String hamza;
    private final Pattern yehsBeforeHamza;
    private final char maksura;
    private final char yeh;
    private final Set<String> maksuraKept;
    private final CharClasses classes;

    ArabicNormalizer(AnalysisData data, CharClasses classes) {
        fold = data.fold;
        fold.forEach((code, replacement) -> {
            if (code < foldBmp.length) {
                foldBmp[code] = replacement;
            }
        });
        hamza = data.rule("hamza");
        yehHamza = data.rule("yeh") + hamza;
        yehsBeforeHamza = Pattern.compile(data.rule("yeh") + "+" + hamza);
        maksura = data.rule("maksura").charAt(0);
        yeh = data.rule("yeh").charAt(0);
        maksuraKept = Set.copyOf(List.of(data.rule("maksura_kept").split(" ")));
        this.classes = classes;
    }

    String normalize(String text) {
        for (int round = 0; round < 4; round++) {
            if (!Normalizer.isNormalized(text, Normalizer.Form.NFKC)) {
                text = Normalizer.normalize(text, Normalizer.Form.NFKC);
            }
            text = foldMaksura(fold(text.toLowerCase(Locale.ROOT)));
            if (mayRewriteYehs(text)) {
                text = dropYehBeforeFinalHamza(text);
            }
            if (Normalizer.isNormalized(text, Normalizer.Form.NFKC)) {
                return text;
            }
        }
        return text;
    }

    /** One pass of the folding table. */
    String fold(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int code = text.codePointAt(i);
            int width = Character.charCount(code);
            String replacement = code < foldBmp.length ? foldBmp[code] : fold.get(code);
            if (replacement != null && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                if (replacement != null) {
                    out.append(replacement);
                } else {
                    out.appendCodePoint(code);
                }
            }
            i += width;
        }
        return out == null ? text : out.toString();
    }

    /** Each code point of {@code text} on its own: NFKC, lower case, one pass of the table. */
    String normalizeCodePoint(int code) {
        if (code < aloneBmp.length) {
            String known = aloneBmp[code];
            if (known == null) {
                known = normalizeAlone(code);
                aloneBmp[code] = known;  // a benign race: every thread computes the same string
            }
            return known;
        }
        return normalizeAlone(code);
    }

    private String normalizeAlone(int code) {
        String text = new String(Character.toChars(code));
        if (!Normalizer.isNormalized(text, Normalizer.Form.NFKC)) {
            text = Normalizer.normalize(text, Normalizer.Form.NFKC);
        }
        return fold(text.toLowerCase(Locale.ROOT));
    }

    /**
     * Alef maqsura folded to yeh, but in a word that is one of the kept ones
     * (Python's {@code (?<!\w)(على|وعلى|فعلى)(?!\w)}). One character for one:
     * positions do not move.
     */
    String foldMaksura(String text) {
        int at = text.indexOf(maksura);
        if (at < 0) {
            return text;
        }
        char[] out = text.toCharArray();
        for (; at >= 0; at = text.indexOf(maksura, at + 1)) {
            int start = at;
            while (start > 0 && classes.isWord(Character.codePointBefore(text, start))) {
                start -= Character.charCount(Character.codePointBefore(text, start));
            }
            int end = at + 1;
            boolean wordFollows = end < text.length() && classes.isWord(Character.codePointAt(text, end));
            if (wordFollows || !maksuraKept.contains(text.substring(start, end))) {
                out[at] = yeh;
            }
        }
        return new String(out);
    }

    /** Whether the text has a yeh before a hamza at all (the yeh rule has nothing to do otherwise). */
    boolean mayRewriteYehs(String text) {
        return text.contains(yehHamza);
    }

    /**
     * Yehs before a hamza that ends a word (Python's {@code ي+ء\b}: the
     * next code point is not a word character) replaced by the hamza alone.
     */
    String dropYehBeforeFinalHamza(CharSequence text) {
        return rewriteYehs(text, null);
    }

    /**
     * As {@link #dropYehBeforeFinalHamza}, filling {@code from} (the position
     * of each output character in {@code text}) when it is given.
     */
    String rewriteYehs(CharSequence text, int[] from) {
        StringBuilder out = new StringBuilder(text.length());
        Matcher matcher = yehsBeforeHamza.matcher(text);
        int copied = 0;
        while (matcher.find()) {
            int next = matcher.end();
            boolean wordFollows = next < text.length()
                && classes.isWord(Character.codePointAt(text, next));
            int keepUntil = wordFollows ? matcher.end() : matcher.start();
            copy(text, copied, keepUntil, out, from);
            if (!wordFollows) {
                if (from != null) {
                    from[out.length()] = matcher.start();
                }
                out.append(hamza);
            }
            copied = matcher.end();
        }
        copy(text, copied, text.length(), out, from);
        return out.toString();
    }

    private static void copy(CharSequence text, int start, int end, StringBuilder out, int[] from) {
        for (int k = start; k < end; k++) {
            if (from != null) {
                from[out.length()] = k;
            }
            out.append(text.charAt(k));
        }
    }

    String hamza() {
        return hamza;
    }
}
