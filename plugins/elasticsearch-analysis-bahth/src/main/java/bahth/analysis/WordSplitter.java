package bahth.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words, numbers, hosts and e-mail addresses of normalised text, as
 * {@code indexer.arabic.tokenize} finds them: the same regular expressions
 * (but for the plain one, a scanner that matches what it matches),
 * with the character classes of Python's {@code re} (\w, \d, \s), which the
 * Python package exports, so both sides agree on every code point. They run
 * on a copy of the text with one character per code point, each outside
 * ASCII standing for its class (CharClasses): quantifiers count code points,
 * as Python's do.
 */
final class WordSplitter {
    /** A token: its text, and where it was found in the normalised text. */
    record Token(String text, int start, int end) {}

    private final CharClasses classes;
    private final Pattern withLinks;
    private final Pattern dottedLatin = Pattern.compile("\\.[a-z]");
    private final Pattern thousands;

    WordSplitter(AnalysisData data, CharClasses classes) {
        this.classes = classes;
        String w = classes.inside(classes.word, CharClasses.WORD, CharClasses.DIGIT);
        String d = classes.inside(classes.digit, CharClasses.DIGIT);
        String s = classes.inside(classes.space, CharClasses.SPACE);
        String word = "[" + w + "&&[^" + d + "_]]+";
        String number = "[" + d + "]+(?:[.,][" + d + "]+)*";
        String notInLink = "[^" + s + "<>\"'()\\[\\]{}،؛]";
        String url = "(?:https?://|www\\.)" + notInLink + "+";
        String host = "(?:[a-z0-9][a-z0-9-]*\\.)+[a-z]{2,24}(?![" + w + "])(?:/" + notInLink + "*)?";
        String email = "[" + w + ".+\\-]{1,64}@[" + w + "&&[^_]](?:[" + w + "\\-]{0,62}\\.)+"
            + "[" + w + "&&[^" + d + "_]]{2,24}";
        withLinks = Pattern.compile(url + "|" + email + "|" + host + "|" + word + "|" + number);
        thousands = Pattern.compile("[" + d + "]{1,3}(?:,[" + d + "]{3})+(?:\\.[" + d + "]+)?");
    }

    List<Token> split(String normalized) {
        StringBuilder standing = new StringBuilder(normalized.length());
        int[] origin = new int[normalized.length() + 1];
        for (int i = 0; i < normalized.length(); ) {
            int code = normalized.codePointAt(i);
            origin[standing.length()] = i;
            standing.append(classes.stand(code));
            i += Character.charCount(code);
        }
        origin[standing.length()] = normalized.length();
        boolean links = hasLinks(normalized);
        List<Token> tokens = new ArrayList<>();
        if (!links) {
            scanPlain(standing, origin, normalized, tokens);
            return tokens;
        }
        Matcher matcher = withLinks.matcher(standing);
        while (matcher.find()) {
            int start = origin[matcher.start()];
            int end = origin[matcher.end()];
            String found = normalized.substring(start, end);
            String text = links || found.indexOf(',') >= 0 ? clean(found) : found;
            if (!links || !text.isEmpty()) {
                tokens.add(new Token(text, start, end));
            }
        }
        return tokens;
    }

    /**
     * What {@code plain} finds (a run of letters, or digits with their decimal
     * and thousands separators), by hand: the two alternatives start with
     * different characters, so the first character decides, as in the regex.
     */
    private void scanPlain(CharSequence standing, int[] origin, String normalized, List<Token> tokens) {
        int length = standing.length();
        for (int i = 0; i < length; ) {
            char c = standing.charAt(i);
            int end = i;
            if (classes.isLetter(c)) {
                while (end < length && classes.isLetter(standing.charAt(end))) {
                    end++;
                }
            } else if (classes.isDigit(c)) {
                end = digits(standing, i);
                while (end + 1 < length && (standing.charAt(end) == '.' || standing.charAt(end) == ',')
                        && classes.isDigit(standing.charAt(end + 1))) {
                    end = digits(standing, end + 1);
                }
            } else {
                i++;
                continue;
            }
            String found = normalized.substring(origin[i], origin[end]);
            tokens.add(new Token(found.indexOf(',') >= 0 ? clean(found) : found, origin[i], origin[end]));
            i = end;
        }
    }

    private int digits(CharSequence standing, int from) {
        int end = from;
        while (end < standing.length() && classes.isDigit(standing.charAt(end))) {
            end++;
        }
        return end;
    }

    private boolean hasLinks(String text) {
        return text.indexOf('@') >= 0 || text.contains("://") || dottedLatin.matcher(text).find();
    }

    private String clean(String token) {
        if (token.contains("://") || token.indexOf('/') >= 0 || token.startsWith("www.")) {
            return host(token);
        }
        if (token.indexOf('@') >= 0) {
            return token;
        }
        if (token.indexOf(',') >= 0) {
            return thousands.matcher(token).matches() ? token.replace(",", "") : token.replace(',', '.');
        }
        return token;
    }

    static String host(String url) {
        int scheme = url.indexOf("://");
        String host = scheme >= 0 ? url.substring(scheme + 3) : url;
        host = before(before(host, "/"), "?");
        int at = host.lastIndexOf('@');
        host = before(at >= 0 ? host.substring(at + 1) : host, ":");
        host = stripDots(host);
        return host.startsWith("www.") ? host.substring(4) : host;
    }

    private static String before(String text, String separator) {
        int at = text.indexOf(separator);
        return at >= 0 ? text.substring(0, at) : text;
    }

    private static String stripDots(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) == '.') {
            start++;
        }
        while (end > start && text.charAt(end - 1) == '.') {
            end--;
        }
        return text.substring(start, end);
    }
}
