package org.tariffgraph.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class RolesTest {

    private static List<String> roles(String... paragraphs) {
        Story story = DraftTexts.story(paragraphs);
        return Roles.find(story).stream().map(r -> r.person().name() + " | " + r.role() + " | "
                + (r.organisation() == null ? "" : r.organisation().name()) + " | " + r.rule()).toList();
    }

    @Test
    void readsAnAppositionAfterAName() {
        assertEquals(List.of("Leo Wang | senior executive | Canaan | person-comma-role"),
                roles("Leo Wang, a senior executive at Canaan, spoke."));
        assertEquals(List.of("Jane Roe | chief strategy officer | Acme Research | person-comma-role"),
                roles("Jane Roe, chief strategy officer at U.S.-based Acme Research, spoke."));
    }

    @Test
    void takesTheCompanyOfTheCompanysRoleFromTheNameBefore() {
        assertEquals(List.of("Dale Hart | chief executive | Red Mesa Works | person-comma-role"),
                roles("Red Mesa Works mines bitcoin.", "Dale Hart, the company's chief executive, spoke."));
    }

    @Test
    void readsAPossessiveRoleAndATitleBeforeAName() {
        assertEquals(List.of("Jane Roe | chief strategy officer | Acme Research | possessive-role"),
                roles("Acme Research’s chief strategy officer Jane Roe spoke."));
        assertEquals(List.of("John Deaton | Crypto attorney |  | title-before-name"), roles("Crypto attorney John Deaton noted it."));
        assertEquals(List.of("Dana Pruitt | economist | Maumee Valley University | title-before-name"),
                roles("According to economist Dana Pruitt of Maumee Valley University, prices rose."));
    }

    @Test
    void takesNoLinkingWordForARole() {
        assertEquals(List.of("Priya Raman | analyst |  | title-before-name"), roles("According to analyst Priya Raman, prices rose."));
    }

    @Test
    void leavesOutWhatDescribesAnOrganisationBeforeItsName() {
        assertEquals(List.of("Jane Roe | chief strategy officer | Acme Research | person-comma-role"),
                roles("Jane Roe, chief strategy officer of U.S. chipmaker Acme Research, spoke."));
    }

    @Test
    void takesTheOrganisationNamedBeforeForTheAssociation() {
        assertEquals(List.of("Ann Lee | executive director | Steel Makers Association of Ohio and Indiana | person-comma-role"),
                roles("The Steel Makers Association of Ohio and Indiana met.", "Ann Lee, executive director of the association, spoke."));
    }

    @Test
    void readsATitleThatRunsOnToTheNameAndTheMinistryOfAMinister() {
        assertEquals(List.of("Petr Novak | Deputy Minister of Industry and Trade for Foreign Affairs | Ministry of Industry and Trade | title-before-name"),
                roles("Deputy Minister of Industry and Trade for Foreign Affairs Petr Novak spoke.", "The Ministry of Industry and Trade agreed."));
        assertEquals(List.of("Eva Dvorak | Director-General of the Trade Policy Section | Ministry of Industry and Trade | person-comma-role"),
                roles("Eva Dvorak, Director-General of the Trade Policy Section at the Ministry of Industry and Trade, spoke."));
    }

    @Test
    void takesNoRoleForAnUnnamedSpokesperson() {
        assertEquals(List.of(), roles("In Washington, a spokesman for the agency said so."));
    }
}
