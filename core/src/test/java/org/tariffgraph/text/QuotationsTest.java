package org.tariffgraph.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QuotationsTest {

    @Test
    void theSameWordsWhateverTheirMarksCaseDashesAndSpaces() {
        assertTrue(Quotations.sameWords("“The rationale is to try to reduce the cost,”", "the rationale is to try to  reduce the cost"));
        assertEquals("it's a tax - on the miner", Quotations.normal(" “It’s a tax — on the miner.” "));
    }

    @Test
    void aQuotationHoldingMostOfAnotherIsTheSameButAFragmentIsNot() {
        assertTrue(Quotations.sameWords("reduce the cost for both us and our customers", "reduce the cost for both us and our customers, he said"));
        assertFalse(Quotations.sameWords("reduce the cost", "The rationale is to try to reduce the cost for both us and our customers"));
        assertFalse(Quotations.sameWords("", "anything"));
    }
}
