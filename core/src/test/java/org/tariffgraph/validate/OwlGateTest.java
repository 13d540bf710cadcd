package org.tariffgraph.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.semanticweb.HermiT.Configuration;
import org.semanticweb.HermiT.ReasonerFactory;
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.formats.RDFXMLDocumentFormat;
import org.semanticweb.owlapi.io.StringDocumentSource;
import org.semanticweb.owlapi.model.OWLOntology;
import org.semanticweb.owlapi.model.OWLOntologyCreationException;
import org.semanticweb.owlapi.profiles.OWL2DLProfile;
import org.semanticweb.owlapi.profiles.OWLProfileViolation;
import org.semanticweb.owlapi.reasoner.OWLReasoner;
import org.tariffgraph.TariffGraph;
import org.tariffgraph.TestHomes;

/**
 * The ontology together with all the data stays in the OWL 2 DL profile and is consistent
 * under HermiT, an OWL 2 DL reasoner.
 *
 * <p>Dates (xsd:date, xsd:gYearMonth) are outside the OWL 2 datatype map, so the ontology
 * declares the properties that carry them as annotation properties.
 */
class OwlGateTest {

    @TempDir
    Path tmp;

    private static OWLOntology ontologyAndData(Path home) throws OWLOntologyCreationException {
        TariffGraph graph = TariffGraph.builder().home(home).build();
        // RDF/XML: the OWL API's most complete parser.
        ByteArrayOutputStream rdfxml = new ByteArrayOutputStream();
        Txn.executeRead(graph.dataset(), () -> RDFDataMgr.write(rdfxml, graph.dataset().getDefaultGraph(), RDFFormat.RDFXML_PLAIN));
        return OWLManager.createOWLOntologyManager().loadOntologyFromOntologyDocument(
                new StringDocumentSource(rdfxml.toString(java.nio.charset.StandardCharsets.UTF_8),
                        "https://w3id.org/tariffgraph/ontology", new RDFXMLDocumentFormat(), null));
    }

    private static boolean consistent(OWLOntology ontology) {
        OWLReasoner reasoner = new ReasonerFactory().createReasoner(ontology, new Configuration());
        try {
            return reasoner.isConsistent();
        } finally {
            reasoner.dispose();
        }
    }

    @Test
    void ontologyAndDataStayInTheOwl2DlProfile() throws Exception {
        List<OWLProfileViolation> violations = new OWL2DLProfile().checkOntology(ontologyAndData(TestHomes.repo())).getViolations();
        assertEquals(List.of(), violations.stream().map(Object::toString).toList());
    }

    @Test
    void ontologyAndDataAreConsistentUnderHermit() throws Exception {
        assertTrue(consistent(ontologyAndData(TestHomes.repo())));
    }

    @Test
    void aStatementGivenTheArticleVoiceMakesTheGraphInconsistent() throws Exception {
        Path home = TestHomes.copyOfRepo(tmp);
        // tg:voice is functional and every tg:Statement has tg:AttributedVoice.
        TestHomes.replaceAfter(home.resolve(TestHomes.ARTICLE), "statement:leo-wang-reduce-cost a",
                "tg:voice tg:AttributedVoice ;", "tg:voice tg:ArticleVoice ;");
        assertFalse(consistent(ontologyAndData(home)));
    }

    @Test
    void aPersonTypedAsAnOrganisationMakesTheGraphInconsistent() throws Exception {
        Path home = TestHomes.copyOfRepo(tmp);
        TestHomes.replaceOnce(home.resolve(TestHomes.ENTITIES), "person:leo-wang a foaf:Person ;", "person:leo-wang a foaf:Person , tg:Company ;");
        assertFalse(consistent(ontologyAndData(home)));
    }

    @Test
    void aPropertyUsedAsBothObjectAndDataPropertyLeavesTheProfile() throws Exception {
        Path home = TestHomes.copyOfRepo(tmp);
        TestHomes.replaceOnce(home.resolve(TestHomes.ONTOLOGY), "tg:value\n    a owl:DatatypeProperty , owl:FunctionalProperty ;",
                "tg:value\n    a owl:DatatypeProperty , owl:ObjectProperty , owl:FunctionalProperty ;");
        List<OWLProfileViolation> violations = new OWL2DLProfile().checkOntology(ontologyAndData(home)).getViolations();
        assertTrue(violations.stream().anyMatch(v -> v.toString().contains("value")), violations.toString());
    }
}
