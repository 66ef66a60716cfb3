package bahth.analysis;

import java.io.IOException;
import java.io.Reader;
import java.util.Iterator;
import java.util.List;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * A tokenizer that reads its whole input first (the analysis looks at whole
 * texts, as the Python side does), then hands out the tokens a subclass
 * finds in it, with offsets into that text.
 */
abstract class WholeTextTokenizer extends Tokenizer {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private Iterator<ArabicAnalysis.Located> tokens;
    private int length;

    /** The tokens of the whole text. */
    abstract List<ArabicAnalysis.Located> tokens(String text);

    @Override
    public final boolean incrementToken() throws IOException {
        if (tokens == null) {
            String text = readAll(input);
            length = text.length();
            tokens = tokens(text).iterator();
        }
        if (!tokens.hasNext()) {
            return false;
        }
        clearAttributes();
        ArabicAnalysis.Located token = tokens.next();
        term.setEmpty().append(token.text());
        offset.setOffset(correctOffset(token.start()), correctOffset(token.end()));
        return true;
    }

    static String readAll(Reader reader) throws IOException {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[8192];
        for (int read; (read = reader.read(buffer)) != -1; ) {
            text.append(buffer, 0, read);
        }
        return text.toString();
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
        tokens = null;
        length = 0;
    }
}
