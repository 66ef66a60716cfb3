package bahth.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Light-stems each term but the stopwords, as {@code indexer.arabic.analyze}
 * does. Each filter
 * (one per thread and field) remembers the stems it has made, looked up by
 * the term's characters without making a string of them.
 */
final class StemFilter extends TokenFilter {
    private static final int CACHE_LIMIT = 100_000;
    private final ArabicAnalysis analysis = ArabicAnalysis.get();
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final CharArrayMap<String> stems = new CharArrayMap<>(1024, false);

    StemFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        String stem = stems.get(term.buffer(), 0, term.length());
        if (stem == null) {
            String word = term.toString();
            stem = analysis.term(word);
            if (stems.size() < CACHE_LIMIT) {
                stems.put(word, stem);
            }
        }
        term.setEmpty().append(stem);
        return true;
    }
}
