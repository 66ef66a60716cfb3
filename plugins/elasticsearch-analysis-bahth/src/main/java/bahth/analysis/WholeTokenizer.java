package bahth.analysis;

import java.util.List;

/**
 * The whole input as one token, in its matching form ({@code
 * indexer.arabic.normalize}): a keyword value (tag, actor, source) that
 * matches whatever spelling it was written in. Elasticsearch 8 lets no
 * stable-plugin component into a normalizer, so keyword fields get a text
 * subfield with this one token instead.
 */
final class WholeTokenizer extends WholeTextTokenizer {
    private final ArabicAnalysis analysis = ArabicAnalysis.get();

    @Override
    List<ArabicAnalysis.Located> tokens(String text) {
        String folded = analysis.normalize(text);
        return folded.isEmpty() ? List.of() : List.of(new ArabicAnalysis.Located(folded, 0, text.length()));
    }
}
