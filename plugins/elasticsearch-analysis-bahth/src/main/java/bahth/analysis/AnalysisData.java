package bahth.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * The analysis' data, as the Python package exports it ({@code python -m
 * indexer.arabic.export}): the normalisation table, Python's regex classes,
 * the stopwords, the stemmer's rules and the lexicon. Loaded once, on first use.
 */
final class AnalysisData {
    final Map<Integer, String> fold;
    final Map<String, String> classes;
    final Set<String> stopwords;
    final Map<String, String> rules;
    final Map<String, Integer> lexicon;

    private AnalysisData() {
        fold = readFold();
        classes = readTable("classes.tsv");
        stopwords = new HashSet<>(readLines("stopwords.txt", false));
        rules = readTable("rules.tsv");
        lexicon = readLexicon();
    }

    private static final class Holder {
        static final AnalysisData DATA = new AnalysisData();
    }

    static AnalysisData get() {
        return Holder.DATA;
    }

    private static InputStream open(String name) {
        InputStream stream = AnalysisData.class.getResourceAsStream("/bahth/" + name);
        if (stream == null) {
            throw new IllegalStateException("the plugin lacks its data file bahth/" + name);
        }
        return stream;
    }

    private static List<String> readLines(String name, boolean gzipped) {
        try (InputStream raw = open(name);
             InputStream in = gzipped ? new GZIPInputStream(raw) : raw;
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String> lines = new ArrayList<>();
            for (String line; (line = reader.readLine()) != null; ) {
                if (!line.isEmpty()) {
                    lines.add(line);
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> readTable(String name) {
        Map<String, String> table = new HashMap<>();
        for (String line : readLines(name, false)) {
            int tab = line.indexOf('\t');
            table.put(line.substring(0, tab), line.substring(tab + 1));
        }
        return table;
    }

    private static Map<Integer, String> readFold() {
        Map<Integer, String> fold = new HashMap<>();
        for (String line : readLines("fold.tsv", false)) {
            String[] parts = line.split("\t", -1);
            StringBuilder replacement = new StringBuilder();
            for (String code : parts[1].split(" ")) {
                if (!code.isEmpty()) {
                    replacement.appendCodePoint(Integer.parseInt(code, 16));
                }
            }
            fold.put(Integer.parseInt(parts[0], 16), replacement.toString());
        }
        return fold;
    }

    private static Map<String, Integer> readLexicon() {
        Map<String, Integer> counts = new HashMap<>(200_000);
        for (String line : readLines("lexicon.tsv.gz", true)) {
            int tab = line.indexOf('\t');
            counts.put(line.substring(0, tab), Integer.parseInt(line.substring(tab + 1)));
        }
        return counts;
    }

    String rule(String name) {
        String value = rules.get(name);
        if (value == null) {
            throw new IllegalStateException("rules.tsv lacks " + name);
        }
        return value;
    }
}
