package bahth.analysis;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import org.apache.lucene.analysis.CharArraySet;
import java.util.List;

/**
 * Bahth's Arabic analysis, the same as {@code indexer.arabic}: normalise,
 * split into words, light-stem all but the stopwords (which are indexed as
 * they are, for the queries that need them). One shared instance.
 */
public final class ArabicAnalysis {
    private static final ArabicAnalysis INSTANCE = new ArabicAnalysis(AnalysisData.get());

    final ArabicNormalizer normalizer;
    final WordSplitter splitter;
    final LightStemmer stemmer;
    private final java.util.Set<String> stopwords;
    final CharArraySet stopwordChars;

    private ArabicAnalysis(AnalysisData data) {
        CharClasses classes = new CharClasses(data);
        normalizer = new ArabicNormalizer(data, classes);
        splitter = new WordSplitter(data, classes);
        stemmer = new LightStemmer(data);
        stopwords = data.stopwords;
        stopwordChars = CharArraySet.unmodifiableSet(new CharArraySet(stopwords, false));
    }

    public static ArabicAnalysis get() {
        return INSTANCE;
    }

    public String normalize(String text) {
        return normalizer.normalize(text);
    }

    public boolean isStopword(String token) {
        return stopwords.contains(token);
    }

    public String stem(String token) {
        return stemmer.stem(token);
    }

    /** The index term of one word: a stopword as it is, any other word stemmed. */
    public String term(String word) {
        return isStopword(word) ? word : stem(word);
    }

    /** The words of {@code normalize(text)}: Python's {@code indexer.arabic.words}. */
    public List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (WordSplitter.Token token : splitter.split(normalize(text))) {
            words.add(token.text());
        }
        return words;
    }

    /** The analysed terms: Python's {@code indexer.arabic.analyze}. */
    public List<String> analyze(String text) {
        List<String> terms = new ArrayList<>();
        for (String word : words(text)) {
            terms.add(term(word));
        }
        return terms;
    }

    /** A word with where it stands in the original text. */
    record Located(String text, int start, int end) {}

    /**
     * The words of {@code text} with offsets into {@code text} itself (for
     * highlighting). The words are exactly those of {@link #words}; the
     * offsets come from normalising each code point alone, which gives the
     * same text as normalising the whole in all but rare cases (a sequence
     * NFKC composes, say); there the offsets are spread evenly instead.
     */
    List<Located> locatedWords(String text) {
        Normalized normalized = normalizeWithOrigins(text);
        List<Located> located = new ArrayList<>();
        for (WordSplitter.Token token : splitter.split(normalized.text())) {
            int[] origin = normalized.origin();
            located.add(new Located(token.text(), origin[token.start()], origin[token.end()]));
        }
        return located;
    }

    /** Normalised text, and for each of its positions (and its end) the position in the original. */
    record Normalized(String text, int[] origin) {}

    /**
     * {@link #normalize} with the origin of every character. Each code point is
     * normalised alone, then the yeh rule runs over the whole; that is the
     * whole text's normalisation where the text is in NFKC already, holds no
     * capital sigma (whose lower case depends on its neighbours) and comes out
     * in NFKC: nearly always, and then the text is normalised once. Otherwise
     * the whole is normalised as such, and the origins kept where the two
     * agree, spread evenly where they do not.
     */
    Normalized normalizeWithOrigins(String text) {
        StringBuilder alone = new StringBuilder(text.length());
        int[] from = new int[text.length() + 1];
        for (int i = 0; i < text.length(); ) {
            int code = text.codePointAt(i);
            String piece = normalizer.normalizeCodePoint(code);
            if (alone.length() + piece.length() >= from.length) {
                from = Arrays.copyOf(from, (alone.length() + piece.length()) * 2 + 1);
            }
            for (int k = 0; k < piece.length(); k++) {
                from[alone.length() + k] = i;
            }
            alone.append(piece);
            i += Character.charCount(code);
        }
        // The rules that look at neighbours: alef maqsura kept in على (one
        // character for one: the origins stay), a yeh before a word-final hamza.
        String joined = normalizer.foldMaksura(alone.toString());
        int[] origin = from;
        if (normalizer.mayRewriteYehs(joined)) {
            int[] rewrittenFrom = new int[alone.length() + 1];
            joined = normalizer.rewriteYehs(joined, rewrittenFrom);
            origin = new int[joined.length() + 1];
            for (int k = 0; k < joined.length(); k++) {
                origin[k] = from[rewrittenFrom[k]];
            }
        } else if (origin.length < joined.length() + 1) {
            origin = Arrays.copyOf(origin, joined.length() + 1);
        }
        origin[joined.length()] = text.length();
        boolean local = text.indexOf('\u03A3') < 0
            && Normalizer.isNormalized(text, Normalizer.Form.NFKC)
            && Normalizer.isNormalized(joined, Normalizer.Form.NFKC);
        if (local) {
            return new Normalized(joined, origin);
        }
        String whole = normalize(text);
        if (!whole.equals(joined)) {
            origin = new int[whole.length() + 1];
            for (int k = 0; k < whole.length(); k++) {
                origin[k] = (int) ((long) k * text.length() / Math.max(1, whole.length()));
            }
            origin[whole.length()] = text.length();
        }
        return new Normalized(whole, origin);
    }
}
