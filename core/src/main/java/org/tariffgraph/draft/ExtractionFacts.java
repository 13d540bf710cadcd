package org.tariffgraph.draft;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The facts of an extraction as {@link Evaluation.Fact}s, for tuning the rules against a reading. */
final class ExtractionFacts {

    private ExtractionFacts() {}

    static List<Evaluation.Fact> of(Extraction x) {
        List<Evaluation.Fact> facts = new ArrayList<>();
        String text = x.story().text;
        for (Found.Statement s : x.statements()) {
            facts.add(new Evaluation.Fact(s.quote() ? Evaluation.Kind.QUOTE : Evaluation.Kind.PARAPHRASE,
                    List.of(s.speaker().name(), text.substring(s.start(), s.end()))));
        }
        for (Found.Role r : x.roles()) {
            facts.add(new Evaluation.Fact(Evaluation.Kind.ROLE, List.of(r.person().name(), r.role(),
                    r.organisation() == null ? "" : r.organisation().name())));
        }
        for (Found.Quantity q : x.quantities()) {
            facts.add(new Evaluation.Fact(Evaluation.Kind.QUANTITY, List.of(q.value().toPlainString(),
                    q.bound().name().toLowerCase(Locale.ROOT), q.unit(), q.measures())));
        }
        for (Found.Date d : x.dates()) {
            facts.add(new Evaluation.Fact(Evaluation.Kind.DATE, List.of(d.value(), d.precision().name().toLowerCase(Locale.ROOT))));
        }
        for (Found.Mention m : x.mentions()) {
            facts.add(new Evaluation.Fact(Evaluation.Kind.MENTION, List.of(m.agent().name())));
        }
        return facts;
    }
}
