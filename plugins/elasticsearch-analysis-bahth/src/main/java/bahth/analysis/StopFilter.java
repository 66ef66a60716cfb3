package bahth.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Drops the stopwords of {@code indexer.arabic.STOPWORDS}. Unlike Lucene's
 * StopFilter it leaves no gap in the positions: the terms that stay are
 * consecutive, as in the embedded engine, so a phrase matches alike on both.
 */
final class StopFilter extends TokenFilter {
    private final ArabicAnalysis analysis = ArabicAnalysis.get();
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    StopFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        while (input.incrementToken()) {
            if (!analysis.stopwordChars.contains(term.buffer(), 0, term.length())) {
                return true;
            }
        }
        return false;
    }
}
