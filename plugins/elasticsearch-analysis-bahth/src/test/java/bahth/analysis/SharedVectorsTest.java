package bahth.analysis;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.junit.Test;

/**
 * The shared test vectors (tests/analysis_vectors.py): every input must give
 * in Java exactly the normalised text, the words and the terms it gives in
 * Python, through the plain API and through the Lucene components.
 *
 * <p>One exception, which no code can remove: an input holding a character
 * this JVM's Unicode version does not know yet (Java 17 implements Unicode
 * 13.0, Python 3.11 Unicode 14.0) may lower-case or NFKC-normalise
 * differently. Such inputs are counted and shown apart; every other input
 * must be identical.
 */
public class SharedVectorsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<JsonNode> vectors() throws IOException {
        String path = System.getProperty("bahth.vectors");
        if (path == null || !Files.isRegularFile(Path.of(path))) {
            fail("no shared vectors at " + path + ": build with scripts/build-plugin");
        }
        List<JsonNode> vectors = new ArrayList<>();
        try (BufferedReader lines = Files.newBufferedReader(Path.of(path), StandardCharsets.UTF_8)) {
            for (String line; (line = lines.readLine()) != null; ) {
                vectors.add(JSON.readTree(line));
            }
        }
        assertTrue("too few vectors: " + vectors.size(), vectors.size() > 1000);
        return vectors;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }

    private static List<String> tokens(Analyzer analyzer, String text) throws IOException {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("body", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                assertTrue(offset.startOffset() <= offset.endOffset());
                assertTrue(offset.endOffset() <= text.length());
                tokens.add(term.toString());
            }
            stream.end();
        }
        return tokens;
    }

    @Test
    public void everyVectorIsIdentical() throws IOException {
        ArabicAnalysis analysis = ArabicAnalysis.get();
        Analyzer arabic = new Components.Arabic().create();
        Analyzer exact = new Components.ArabicExact().create();
        Analyzer folded = new Components.Folded().create();
        List<String> differences = new ArrayList<>();
        List<String> newerUnicode = new ArrayList<>();
        List<JsonNode> vectors = vectors();
        for (JsonNode vector : vectors) {
            String input = vector.get("input").asText();
            List<String> checks = new ArrayList<>();
            if (!analysis.normalize(input).equals(vector.get("normalized").asText())) {
                checks.add("normalized " + analysis.normalize(input));
            }
            if (!analysis.words(input).equals(strings(vector.get("tokens")))) {
                checks.add("tokens " + analysis.words(input));
            }
            if (!analysis.analyze(input).equals(strings(vector.get("terms")))) {
                checks.add("terms " + analysis.analyze(input));
            }
            if (!tokens(exact, input).equals(strings(vector.get("tokens")))) {
                checks.add("bahth_arabic_exact " + tokens(exact, input));
            }
            if (!tokens(arabic, input).equals(strings(vector.get("terms")))) {
                checks.add("bahth_arabic " + tokens(arabic, input));
            }
            String normalized = vector.get("normalized").asText();
            if (!tokens(folded, input).equals(normalized.isEmpty() ? List.of() : List.of(normalized))) {
                checks.add("bahth_folded " + tokens(folded, input));
            }
            if (!checks.isEmpty()) {
                (unknownToThisJvm(input) ? newerUnicode : differences).add(vector + " -> " + checks);
            }
        }
        System.out.printf(
            "shared vectors: %d inputs, %d identical; %d differ only in characters newer than "
                + "this JVM's Unicode (Java %s)%n",
            vectors.size(), vectors.size() - differences.size() - newerUnicode.size(),
            newerUnicode.size(), Runtime.version().feature());
        assertEquals(String.join("\n", differences.subList(0, Math.min(20, differences.size()))),
            0, differences.size());
    }

    private static boolean unknownToThisJvm(String text) {
        return text.codePoints().anyMatch(c -> Character.getType(c) == Character.UNASSIGNED
            && !Character.isSurrogate((char) c) && c < 0xE0000);
    }

    @Test
    public void offsetsPointAtTheOriginalWords() throws IOException {
        Analyzer arabic = new Components.Arabic().create();
        String text = "قال مُحَمَّدٌ إنّ الـمــسؤولين في شيء";
        List<String> found = new ArrayList<>();
        try (TokenStream stream = arabic.tokenStream("body", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                found.add(term + "=" + text.substring(offset.startOffset(), offset.endOffset()));
            }
            stream.end();
        }
        // Stopwords (إنّ, في) are indexed as they are, offsets and all.
        assertEquals(
            List.of("قال=قال", "محمد=مُحَمَّدٌ", "ان=إنّ", "مسءول=الـمــسؤولين", "في=في", "شء=شيء"),
            found);
    }

    @Test
    public void theCharFilterNormalisesAndCorrectsOffsets() throws IOException {
        String text = "مُحَمَّد کوریا";
        NormalizingCharFilter filter = new NormalizingCharFilter(new StringReader(text));
        char[] buffer = new char[64];
        int read = filter.read(buffer, 0, buffer.length);
        String normalized = new String(buffer, 0, read);
        assertEquals("محمد كوريا", normalized);
        assertEquals(text.indexOf('ک'), filter.correctOffset(normalized.indexOf('ك')));
        assertEquals(text.length(), filter.correctOffset(normalized.length()));
    }
}
