package bahth.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * The whole input as one token, in its matching form ({@code
 * indexer.arabic.normalize}): a keyword value (tag, actor, source) that
 * matches whatever spelling it was written in. Elasticsearch 8 lets no
 * stable-plugin component into a normalizer, so keyword fields get a text
 * subfield with this one token instead.
 */
final class WholeTokenizer extends Tokenizer {
    private final ArabicAnalysis analysis = ArabicAnalysis.get();
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private boolean done;
    private int length;

    @Override
    public boolean incrementToken() throws IOException {
        if (done) {
            return false;
        }
        done = true;
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[8192];
        for (int read; (read = input.read(buffer)) != -1; ) {
            text.append(buffer, 0, read);
        }
        length = text.length();
        String folded = analysis.normalize(text.toString());
        if (folded.isEmpty()) {
            return false;
        }
        clearAttributes();
        term.setEmpty().append(folded);
        offset.setOffset(correctOffset(0), correctOffset(length));
        return true;
    }

    @Override
    public void end() throws IOException {
        super.end();
        int last = correctOffset(length);
        offset.setOffset(last, last);
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        done = false;
        length = 0;
    }
}
