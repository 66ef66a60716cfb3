package bahth.analysis;

import java.io.IOException;
import java.util.Iterator;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Normalises and splits the whole input as {@code indexer.arabic.words}
 * does; each word's offsets point into the original text.
 */
final class BahthTokenizer extends Tokenizer {
    private final ArabicAnalysis analysis = ArabicAnalysis.get();
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private Iterator<ArabicAnalysis.Located> words;
    private int length;

    @Override
    public boolean incrementToken() throws IOException {
        if (words == null) {
            String text = readAll();
            length = text.length();
            words = analysis.locatedWords(text).iterator();
        }
        if (!words.hasNext()) {
            return false;
        }
        clearAttributes();
        ArabicAnalysis.Located word = words.next();
        term.setEmpty().append(word.text());
        offset.setOffset(correctOffset(word.start()), correctOffset(word.end()));
        return true;
    }

    private String readAll() throws IOException {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[8192];
        for (int read; (read = input.read(buffer)) != -1; ) {
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
        words = null;
        length = 0;
    }
}
