package bahth.analysis;

import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;
import org.elasticsearch.plugin.analysis.CharFilterFactory;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import org.elasticsearch.plugin.analysis.TokenizerFactory;

/**
 * The analysis components the plugin gives Elasticsearch, each under a
 * name prefixed bahth_. Index descriptions use the two analyzers (and the
 * char filter in a normalizer); the pieces are there for custom chains.
 */
public final class Components {
    private Components() {}

    /** bahth_normalize: the matching form of the text, offsets corrected (before any tokenizer). */
    @NamedComponent("bahth_normalize")
    public static final class Normalize implements CharFilterFactory {
        @Override
        public Reader create(Reader reader) {
            return new NormalizingCharFilter(reader);
        }

        @Override
        public Reader normalize(Reader reader) {
            return create(reader);
        }
    }

    /** bahth_tokenizer: normalises, then splits into words, numbers, hosts, addresses. */
    @NamedComponent("bahth_tokenizer")
    public static final class Words implements TokenizerFactory {
        @Override
        public Tokenizer create() {
            return new BahthTokenizer();
        }
    }

    /** bahth_stop: drops stopwords (no position gap). */
    @NamedComponent("bahth_stop")
    public static final class Stop implements TokenFilterFactory {
        @Override
        public TokenStream create(TokenStream tokenStream) {
            return new StopFilter(tokenStream);
        }
    }

    /** bahth_stem: the lexicon-guarded light stemmer (stopwords left as they are). */
    @NamedComponent("bahth_stem")
    public static final class Stem implements TokenFilterFactory {
        @Override
        public TokenStream create(TokenStream tokenStream) {
            return new StemFilter(tokenStream);
        }
    }

    /** bahth_arabic: the analysis of indexer.arabic.analyze (title and body): stopwords kept. */
    @NamedComponent("bahth_arabic")
    public static final class Arabic implements AnalyzerFactory {
        @Override
        public Analyzer create() {
            return new Analyzer() {
                @Override
                protected TokenStreamComponents createComponents(String fieldName) {
                    Tokenizer words = new BahthTokenizer();
                    return new TokenStreamComponents(words, new StemFilter(words));
                }
            };
        }
    }

    /** bahth_arabic_exact: the normalised words, no stopword dropped, nothing stemmed (phrases). */
    @NamedComponent("bahth_arabic_exact")
    public static final class ArabicExact implements AnalyzerFactory {
        @Override
        public Analyzer create() {
            return new Analyzer() {
                @Override
                protected TokenStreamComponents createComponents(String fieldName) {
                    return new TokenStreamComponents(new BahthTokenizer());
                }
            };
        }
    }

    /** bahth_folded: a keyword value as one token in its matching form (tags, actors, sources). */
    @NamedComponent("bahth_folded")
    public static final class Folded implements AnalyzerFactory {
        @Override
        public Analyzer create() {
            return new Analyzer() {
                @Override
                protected TokenStreamComponents createComponents(String fieldName) {
                    return new TokenStreamComponents(new WholeTokenizer());
                }
            };
        }
    }
}
