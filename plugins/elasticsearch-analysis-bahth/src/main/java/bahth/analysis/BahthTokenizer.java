package bahth.analysis;

import java.util.List;

/**
 * Normalises and splits the whole input as {@code indexer.arabic.words}
 * does; each word's offsets point into the original text.
 */
final class BahthTokenizer extends WholeTextTokenizer {
    private final ArabicAnalysis analysis = ArabicAnalysis.get();

    @Override
    List<ArabicAnalysis.Located> tokens(String text) {
        return analysis.locatedWords(text);
    }
}
