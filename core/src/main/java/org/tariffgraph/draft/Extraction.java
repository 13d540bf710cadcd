package org.tariffgraph.draft;

import java.time.LocalDate;
import java.util.List;

/** Everything the drafting rules find in one report, before it is written as RDF. */
record Extraction(Story story, List<Found.Statement> statements, List<Found.Role> roles, List<Found.Quantity> quantities,
                  List<Found.Date> dates, List<Found.Relative> relatives) {

    static Extraction of(String text, LocalDate published, EntityIndex known) {
        Story story = new Story(text, known);
        List<Found.Statement> statements = Attributions.find(story);
        List<Found.Role> roles = Roles.find(story);
        Dates.Result dates = Dates.find(story, published);
        List<Found.Quantity> quantities = Quantities.find(story, dates.dates(), dates.relatives());
        return new Extraction(story, statements, roles, quantities, dates.dates(), dates.relatives());
    }

    List<Found.Mention> mentions() {
        return story.mentions;
    }
}
