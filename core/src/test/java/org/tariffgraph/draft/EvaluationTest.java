package org.tariffgraph.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class EvaluationTest {

    private static Evaluation.Fact fact(Evaluation.Kind kind, String... fields) {
        return new Evaluation.Fact(kind, List.of(fields));
    }

    @Test
    void matchesQuotesBySpeakerAndWordsWhateverTheQuotationMarks() {
        Map<Evaluation.Kind, Evaluation.Score> s = Evaluation.compare(
                List.of(fact(Evaluation.Kind.QUOTE, "Leo Wang", "We test first,"), fact(Evaluation.Kind.QUOTE, "Jane Roe", "We test first,")),
                List.of(fact(Evaluation.Kind.QUOTE, "Leo Wang", "“We test first”")));
        assertEquals(new Evaluation.Score(Evaluation.Kind.QUOTE, 2, 1, 1), s.get(Evaluation.Kind.QUOTE));
    }

    @Test
    void matchesEachFactOfTheReadingOnlyOnce() {
        Map<Evaluation.Kind, Evaluation.Score> s = Evaluation.compare(
                List.of(fact(Evaluation.Kind.QUANTITY, "90", "more_than", "percent", "rigs"), fact(Evaluation.Kind.QUANTITY, "90.0", "more_than", "percent", "hardware")),
                List.of(fact(Evaluation.Kind.QUANTITY, "90", "more_than", "percent", "rigs")));
        assertEquals(new Evaluation.Score(Evaluation.Kind.QUANTITY, 2, 1, 1), s.get(Evaluation.Kind.QUANTITY));
        assertEquals(0.5, s.get(Evaluation.Kind.QUANTITY).precision());
    }

    @Test
    void takesAParaphraseThatSharesHalfItsWordsForTheSame() {
        Map<Evaluation.Kind, Evaluation.Score> s = Evaluation.compare(
                List.of(fact(Evaluation.Kind.PARAPHRASE, "Leo Wang", "unpredictable tariffs make major investments risky")),
                List.of(fact(Evaluation.Kind.PARAPHRASE, "Leo Wang", "that unpredictable tariffs make investments risky")));
        assertEquals(1, s.get(Evaluation.Kind.PARAPHRASE).matched());
    }

    @Test
    void readsAHandMadeReading() throws Exception {
        java.nio.file.Path tsv = java.nio.file.Files.createTempFile("gold", ".tsv");
        java.nio.file.Files.writeString(tsv, "kind\ta\tb\tc\td\nquantity\t99\tmore-than\tpercent\trigs\ndate\t2024-12\tmonth\tDecember\nnote\tignored\n");
        List<Evaluation.Fact> facts = Evaluation.readTsv(tsv);
        assertEquals(List.of(fact(Evaluation.Kind.QUANTITY, "99", "more_than", "percent", "rigs"), fact(Evaluation.Kind.DATE, "2024-12", "month", "December")), facts);
    }

    @Test
    void takesAShareWrittenAsARatioForTheDecimalItIsExactlyButNotForARounding() {
        Map<Evaluation.Kind, Evaluation.Score> s = Evaluation.compare(
                List.of(fact(Evaluation.Kind.QUANTITY, "0.9", "more_than", "fraction", ""), fact(Evaluation.Kind.QUANTITY, "0.6667", "about", "fraction", "")),
                List.of(fact(Evaluation.Kind.QUANTITY, "9/10", "more_than", "fraction", ""), fact(Evaluation.Kind.QUANTITY, "2/3", "about", "fraction", "")));
        assertEquals(new Evaluation.Score(Evaluation.Kind.QUANTITY, 2, 2, 1), s.get(Evaluation.Kind.QUANTITY));
    }
}
