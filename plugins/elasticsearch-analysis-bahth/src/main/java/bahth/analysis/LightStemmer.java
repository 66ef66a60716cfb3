package bahth.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The light stemmer of {@code indexer.arabic.stem}: light10's affixes, the
 * bare clitics و ف ب ل ك stripped only where the lexicon says the rest is a
 * word of its own and the whole is not (never seen after the article),
 * protected words, and a suffix pass that stops before a stopword and at a
 * name it keeps whole (proper.txt), as it is or once a pronoun is off; a place ending in ا whose
 * adjective drops it (nisba.txt: فرنسا, الفرنسي) loses it first, and a decade is its ten
 * (التسعينات, التسعينيات: تسعين). Every affix, ratio and threshold comes
 * from the exported rules. Lengths count code points, as Python's do.
 */
final class LightStemmer {
    private record Article(String letters, int minRest) {}

    private final List<Article> articles = new ArrayList<>();
    private final String clitics;
    private final String[] suffixes;
    private final int minStem;
    private final Map<Integer, Double> ratio = new HashMap<>();
    private final int minRestCount;
    private final String[] definite;
    private final int minDefiniteCount;
    private final double definiteShare;
    private final Set<String> wholeWords;
    private final Set<String> proper;
    private final Set<String> nisba;
    private final Set<String> tens;
    private final String[] decadeEndings;
    private final String alef;
    private final List<String> pronouns;
    private final String allah;
    private final Set<String> stopwords;
    private final Map<String, Integer> lexicon;

    LightStemmer(AnalysisData data) {
        for (String article : data.rule("articles").split(" ")) {
            String[] parts = article.split(":");
            articles.add(new Article(parts[0], Integer.parseInt(parts[1])));
        }
        clitics = data.rule("clitics").replace(" ", "");
        suffixes = data.rule("suffixes").split(" ");
        minStem = Integer.parseInt(data.rule("min_stem"));
        for (String entry : data.rule("ratio").split(" ")) {
            String[] parts = entry.split(":");
            ratio.put(parts[0].codePointAt(0), Double.parseDouble(parts[1]));
        }
        minRestCount = Integer.parseInt(data.rule("min_rest_count"));
        definite = data.rule("definite").split(" ");
        minDefiniteCount = Integer.parseInt(data.rule("min_definite_count"));
        definiteShare = Double.parseDouble(data.rule("definite_share"));
        wholeWords = new HashSet<>(List.of(data.rule("whole_words").split(" ")));
        proper = new HashSet<>(List.of(data.rule("proper").split(" ")));
        nisba = new HashSet<>(List.of(data.rule("nisba").split(" ")));
        tens = new HashSet<>(List.of(data.rule("tens").split(" ")));
        decadeEndings = data.rule("decade_endings").split(" ");
        alef = data.rule("alef");
        pronouns = List.of(data.rule("pronouns").split(" "));
        allah = data.rule("allah");
        stopwords = data.stopwords;
        lexicon = data.lexicon;
    }

    String stem(String word) {
        if (word.isEmpty() || !isArabic(word) || word.equals(allah)) {
            return word;
        }
        if (word.endsWith(allah)) {
            return stripPrefixes(word);
        }
        String rest = stripPrefixes(word);
        for (String ending : decadeEndings) {
            if (rest.endsWith(ending)) {
                String ten = rest.substring(0, rest.length() - ending.length());
                if (tens.contains(ten)) {
                    return ten; // التسعينات, التسعينيات: تسعين
                }
            }
        }
        if (nisba.contains(rest)) {
            rest = rest.substring(0, rest.length() - alef.length());
        }
        return stripSuffixes(rest);
    }

    private static boolean isArabic(String word) {
        int first = word.codePointAt(0);
        return first >= 0x0621 && first <= 0x06FF;
    }

    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    private String stripArticle(String word) {
        for (Article article : articles) {
            if (word.startsWith(article.letters())
                    && length(word) - length(article.letters()) >= article.minRest()) {
                return word.substring(article.letters().length());
            }
        }
        return null;
    }

    boolean cliticIsSeparate(String word) {
        String rest = word.substring(Character.charCount(word.codePointAt(0)));
        if (length(rest) < 3 || wholeWords.contains(word)) {
            return false;
        }
        int wholeCount = lexicon.getOrDefault(word, 0);
        int restCount = lexicon.getOrDefault(rest, 0);
        int definiteCount = 0;
        for (String article : definite) {
            definiteCount += lexicon.getOrDefault(article + word, 0);
        }
        if (definiteCount >= Math.max(minDefiniteCount, definiteShare * wholeCount)) {
            return false;
        }
        if (wholeCount == 0 && restCount == 0) {
            return word.charAt(0) == 'و';
        }
        return restCount >= minRestCount && restCount >= ratio.get(word.codePointAt(0)) * wholeCount;
    }

    private String stripPrefixes(String word) {
        for (int round = 0; round < 3; round++) {
            if (wholeWords.contains(word)) {
                break; // البالستية: the article off, no بال after it
            }
            String rest = stripArticle(word);
            if (rest != null) {
                word = rest;
            } else if (!word.isEmpty() && clitics.indexOf(word.codePointAt(0)) >= 0
                    && cliticIsSeparate(word)) {
                word = word.substring(1);
            } else {
                break;
            }
        }
        return word;
    }

    private String stripSuffixes(String word) {
        if (proper.contains(word)) {
            return word;
        }
        for (String suffix : suffixes) {
            if (word.endsWith(suffix) && length(word) - length(suffix) >= minStem) {
                String shorter = word.substring(0, word.length() - suffix.length());
                if (stopwords.contains(shorter)) {
                    break;
                }
                word = shorter;
                if (pronouns.contains(suffix) && proper.contains(word)) {
                    break;
                }
            }
        }
        return word;
    }
}
