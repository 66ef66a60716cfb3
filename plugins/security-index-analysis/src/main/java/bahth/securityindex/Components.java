package bahth.securityindex;

import java.util.List;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.email.UAX29URLEmailTokenizer;
import org.apache.lucene.analysis.miscellaneous.RemoveDuplicatesTokenFilter;
import org.apache.lucene.analysis.pattern.PatternCaptureGroupTokenFilter;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import org.elasticsearch.plugin.analysis.TokenizerFactory;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.BooleanSetting;
import org.elasticsearch.plugin.settings.ListSetting;

/** The three components of analysis-common that the .security index's "email" analyzer uses. */
public final class Components {
    private Components() {}

    /** uax_url_email: words, with e-mail addresses and URLs kept whole. */
    @NamedComponent("uax_url_email")
    public static final class UrlEmail implements TokenizerFactory {
        @Override
        public Tokenizer create() {
            return new UAX29URLEmailTokenizer();
        }
    }

    /** unique: a token repeated at its position is dropped (what the email analyzer needs of it). */
    @NamedComponent("unique")
    public static final class Unique implements TokenFilterFactory {
        @Override
        public TokenStream create(TokenStream tokenStream) {
            return new RemoveDuplicatesTokenFilter(tokenStream);
        }
    }

    /** pattern_capture: a token for each group each pattern captures, the original kept or not. */
    @NamedComponent("pattern_capture")
    public static final class PatternCapture implements TokenFilterFactory {
        @AnalysisSettings
        public interface Settings {
            @ListSetting(path = "patterns")
            List<String> patterns();

            @BooleanSetting(path = "preserve_original", defaultValue = true)
            boolean preserveOriginal();
        }

        private final Pattern[] patterns;
        private final boolean preserveOriginal;

        @Inject
        public PatternCapture(Settings settings) {
            this.patterns = settings.patterns().stream().map(Pattern::compile).toArray(Pattern[]::new);
            this.preserveOriginal = settings.preserveOriginal();
        }

        @Override
        public TokenStream create(TokenStream tokenStream) {
            return new PatternCaptureGroupTokenFilter(tokenStream, preserveOriginal, patterns);
        }
    }
}
