package bahth.analysis;

import java.util.BitSet;

/**
 * Python's regex classes \w, \d and \s, code point by code point, as the
 * Python package exports them. Regular expressions run on a copy of the text
 * in which every character outside ASCII (but for the two Arabic punctuation
 * marks the patterns name) stands for its class: a few private-use code
 * points, so that each class is a handful of ranges however many Unicode
 * puts in it.
 */
final class CharClasses {
    static final char WORD = '\uE000';
    static final char DIGIT = '\uE001';
    static final char SPACE = '\uE002';
    static final char OTHER = '\uE003';
    private static final String KEPT = "،؛";

    final BitSet word;
    final BitSet digit;
    final BitSet space;

    CharClasses(AnalysisData data) {
        word = read(data, "word");
        digit = read(data, "digit");
        space = read(data, "space");
    }

    private static BitSet read(AnalysisData data, String name) {
        BitSet set = new BitSet(Character.MAX_CODE_POINT + 1);
        for (String range : data.classes.get(name).split(",")) {
            String[] ends = range.split("-");
            set.set(Integer.parseInt(ends[0], 16), Integer.parseInt(ends[1], 16) + 1);
        }
        return set;
    }

    boolean isWord(int code) {
        return word.get(code);
    }

    /** In the stand-in copy: a character of Python's {@code [^\\W\\d_]} (a letter, mostly). */
    boolean isLetter(char standing) {
        if (standing == WORD) {
            return true;
        }
        return standing != DIGIT && standing != '_' && standing < 0xE000 && word.get(standing)
            && !digit.get(standing);
    }

    /** In the stand-in copy: a character of Python's {@code \\d}. */
    boolean isDigit(char standing) {
        return standing == DIGIT || (standing < 0xE000 && digit.get(standing));
    }

    /** The character a code point stands as in the copy the patterns run on. */
    char stand(int code) {
        if (code < 0x80 || KEPT.indexOf(code) >= 0) {
            return (char) code;
        }
        if (digit.get(code)) {
            return DIGIT;
        }
        if (word.get(code)) {
            return WORD;
        }
        return space.get(code) ? SPACE : OTHER;
    }

    /** A class's ASCII members and its stand-ins, as the inside of a Java character class. */
    String inside(BitSet set, char... standIns) {
        StringBuilder inside = new StringBuilder();
        for (int first = set.nextSetBit(0); first >= 0 && first < 0x80; ) {
            int end = Math.min(set.nextClearBit(first), 0x80);  // a run of members
            inside.append(String.format("\\x{%X}-\\x{%X}", first, end - 1));
            first = set.nextSetBit(end);
        }
        for (char standIn : standIns) {
            inside.append(String.format("\\x{%X}", (int) standIn));
        }
        return inside.toString();
    }
}
