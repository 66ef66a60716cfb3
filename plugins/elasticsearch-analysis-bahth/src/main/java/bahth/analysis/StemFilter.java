package bahth.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/** Light-stems each term as {@code indexer.arabic.stem} does. */
final class StemFilter extends TokenFilter {
    private final ArabicAnalysis analysis = ArabicAnalysis.get();
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    StemFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        String stem = analysis.stem(term.toString());
        term.setEmpty().append(stem);
        return true;
    }
}
