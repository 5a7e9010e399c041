package org.wasmconsole.extension;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Issue #23: the in-memory trigram filter never loses a match (superset), and narrows where it can. */
class TrigramSignaturesTest {

    static final String ALPHABET = "abcdefgh ABC%_\\-./:é日本😀İß\n";

    final Random random = new Random(2323);

    @Test
    void everyTextContainingTheQueryIsACandidate() {
        TrigramSignatures index = new TrigramSignatures();
        Map<Long, String> texts = new HashMap<>();
        for (long id = 1; id <= 2000; id++) {
            // some long texts, so that their bit sets are many words long or capped
            String text = text(id % 97 == 0 ? 20_000 : 1 + random.nextInt(400));
            texts.put(id, text);
            index.put(id, text);
        }
        for (long id = 1; id <= 2000; id += 7) { // replaced texts must be found by the new text only
            String text = text(50);
            texts.put(id, text);
            index.put(id, text);
        }
        for (long id = 3; id <= 2000; id += 11) {
            texts.remove(id);
            index.remove(id);
        }
        assertThat(index.size()).isEqualTo(texts.size());
        int narrowed = 0;
        for (int k = 0; k < 3000; k++) {
            String query = k % 2 == 0 ? text(1 + random.nextInt(8)) : slice(texts);
            long[] found = index.candidates(query, Integer.MAX_VALUE);
            List<Long> matches = texts.entrySet().stream().filter(e -> e.getValue().contains(query))
                    .map(Map.Entry::getKey).sorted().toList();
            if (query.length() < 3) {
                assertThat(found).as("no narrowing under 3 chars: %s", query).isNull();
                continue;
            }
            List<Long> candidates = Arrays.stream(found).boxed().toList();
            assertThat(candidates).as("candidates for %s", query).containsAll(matches).doesNotHaveDuplicates();
            if (candidates.size() < texts.size() / 2) {
                narrowed++;
            }
        }
        assertThat(narrowed).isGreaterThan(1000);
    }

    @Test
    void tooManyCandidatesMeansNoNarrowing() {
        TrigramSignatures index = new TrigramSignatures();
        for (long id = 1; id <= 100; id++) {
            index.put(id, "rate limit " + id);
        }
        assertThat(index.candidates("rate", 100)).hasSize(100);
        assertThat(index.candidates("rate", 99)).isNull();
        assertThat(index.candidates("limit 42", 99)).contains(42L);
    }

    private String slice(Map<Long, String> texts) {
        List<String> values = new ArrayList<>(texts.values());
        String text = values.get(random.nextInt(values.size()));
        int length = Math.min(text.length(), 1 + random.nextInt(12));
        int start = random.nextInt(text.length() - length + 1);
        return text.substring(start, start + length);
    }

    private String text(int length) {
        StringBuilder sb = new StringBuilder();
        while (sb.length() < length) {
            int at = random.nextInt(ALPHABET.length());
            if (!Character.isLowSurrogate(ALPHABET.charAt(at))) {
                sb.appendCodePoint(ALPHABET.codePointAt(at));
            }
        }
        return sb.toString();
    }
}
