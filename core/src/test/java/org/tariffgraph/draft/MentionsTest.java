package org.tariffgraph.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class MentionsTest {

    private static List<String> mentions(String... paragraphs) {
        return DraftTexts.story(paragraphs).mentions.stream()
                .map(m -> m.agent().name() + " " + m.agent().kind() + (m.agent().candidate() ? " new " + m.agent().iri() : "")).toList();
    }

    @Test
    void matchesKnownLabelsLongestFirst() {
        assertEquals(List.of("Trump administration ORGANISATION", "United States PLACE", "Donald Trump PERSON"),
                mentions("The Trump administration taxes U.S. imports, Trump said."));
    }

    @Test
    void makesCandidatesOfNewNamesWithTheirKind() {
        assertEquals(List.of("Red Mesa Hashworks ORGANISATION new https://w3id.org/tariffgraph/id/org/red-mesa-hashworks",
                        "Toledo PLACE new https://w3id.org/tariffgraph/id/place/toledo",
                        "Ohio PLACE new https://w3id.org/tariffgraph/id/place/ohio",
                        "Nora Lindqvist PERSON new https://w3id.org/tariffgraph/id/person/nora-lindqvist"),
                mentions("Red Mesa Hashworks opened a plant in Toledo, Ohio, where Nora Lindqvist, chief executive, spoke."));
    }

    @Test
    void takesNoOpeningWordOrDateForAName() {
        assertEquals(List.of(), mentions("Since January, output grew. In March it fell."));
    }

    @Test
    void readsAShortFormAsTheNameBefore() {
        assertEquals(List.of("Brightfield Solar Works ORGANISATION new https://w3id.org/tariffgraph/id/org/brightfield-solar-works",
                        "Brightfield Solar Works ORGANISATION new https://w3id.org/tariffgraph/id/org/brightfield-solar-works"),
                mentions("Brightfield Solar Works makes panels.", "Last year Brightfield grew."));
    }

    @Test
    void keepsACapitalTheInsideASentenceAndANationalityBeforeAnInstitution() {
        assertEquals(List.of("The Harbour Ledger ORGANISATION new https://w3id.org/tariffgraph/id/org/the-harbour-ledger",
                        "European Commission ORGANISATION new https://w3id.org/tariffgraph/id/org/european-commission"),
                mentions("She told The Harbour Ledger that the European Commission agreed."));
    }

    @Test
    void takesANameBeforeWhichForAnOrganisationAndTheNameAtTheEndOfALongTitleForAPerson() {
        assertEquals(List.of("Kovar Brno ORGANISATION new https://w3id.org/tariffgraph/id/org/kovar-brno"),
                mentions("At Kovar Brno, which forges axles, orders fell."));
        assertEquals(List.of("Petr Novak PERSON new https://w3id.org/tariffgraph/id/person/petr-novak"),
                mentions("Deputy Minister for European Affairs and Foreign Trade Petr Novak spoke."));
    }

    @Test
    void knowsCapitalsAndLargeCitiesAsPlaces() {
        assertEquals(List.of("Prague PLACE new https://w3id.org/tariffgraph/id/place/prague",
                        "Brussels PLACE new https://w3id.org/tariffgraph/id/place/brussels"),
                mentions("Officials in Prague asked Brussels for help."));
    }
}
