package bahth.analysis;

import java.io.IOException;
import java.io.Reader;
import org.apache.lucene.analysis.CharFilter;

/**
 * The whole input, normalised as {@code indexer.arabic.normalize} does, with
 * offsets corrected back to the original text. For keyword normalizers, or in
 * front of another tokenizer (bahth_tokenizer normalises by itself).
 */
final class NormalizingCharFilter extends CharFilter {
    private final ArabicAnalysis analysis = ArabicAnalysis.get();
    private String normalized;
    private int[] origin;
    private int position;

    NormalizingCharFilter(Reader input) {
        super(input);
    }

    private void fill() throws IOException {
        if (normalized != null) {
            return;
        }
        ArabicAnalysis.Normalized result =
            analysis.normalizeWithOrigins(WholeTextTokenizer.readAll(input));
        normalized = result.text();
        origin = result.origin();
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        fill();
        if (position >= normalized.length()) {
            return -1;
        }
        int count = Math.min(length, normalized.length() - position);
        normalized.getChars(position, position + count, buffer, offset);
        position += count;
        return count;
    }

    @Override
    protected int correct(int currentOff) {
        return origin[Math.max(0, Math.min(currentOff, origin.length - 1))];
    }
}
