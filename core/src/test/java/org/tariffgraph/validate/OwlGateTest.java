package org.tariffgraph.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.semanticweb.HermiT.Configuration;
import org.semanticweb.HermiT.ReasonerFactory;
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.formats.RDFXMLDocumentFormat;
import org.semanticweb.owlapi.io.StringDocumentSource;
import org.semanticweb.owlapi.model.IRI;
import org.semanticweb.owlapi.model.OWLDataFactory;
import org.semanticweb.owlapi.model.OWLDataProperty;
import org.semanticweb.owlapi.model.OWLOntology;
import org.semanticweb.owlapi.model.OWLOntologyCreationException;
import org.semanticweb.owlapi.profiles.OWL2DLProfile;
import org.semanticweb.owlapi.profiles.OWLProfileViolation;
import org.semanticweb.owlapi.profiles.violations.UseOfDefinedDatatypeInLiteral;
import org.semanticweb.owlapi.profiles.violations.UseOfUndeclaredDatatype;
import org.semanticweb.owlapi.reasoner.OWLReasoner;
import org.semanticweb.owlapi.search.EntitySearcher;
import org.semanticweb.owlapi.vocab.XSDVocabulary;
import org.tariffgraph.TariffGraph;
import org.tariffgraph.TestHomes;

/**
 * The ontology together with all the data stays in the OWL 2 DL profile and is consistent
 * under HermiT, an OWL 2 DL reasoner.
 *
 * <p>Dates are written as OWL-Time writes them, with datatype properties whose values are
 * xsd:date, xsd:gYearMonth and the calendar fields xsd:gYear, xsd:gMonth and xsd:gDay. These
 * datatypes are not in the OWL 2 datatype map, so the profile check reports every use of
 * them; the gate lets exactly those reports pass, and every other violation fails it.
 * HermiT, which supports only that map, is told to leave the date axioms aside.
 */
class OwlGateTest {

    private static final String TIME = "http://www.w3.org/2006/time#";
    private static final String TG = "https://w3id.org/tariffgraph/ontology#";

    /** The calendar datatypes of XML Schema that OWL-Time uses and the OWL 2 datatype map lacks. */
    private static final Set<IRI> CALENDAR_DATATYPES = Set.of(XSDVocabulary.DATE.getIRI(), XSDVocabulary.G_YEAR_MONTH.getIRI(),
            XSDVocabulary.G_YEAR.getIRI(), XSDVocabulary.G_MONTH.getIRI(), XSDVocabulary.G_DAY.getIRI());

    @TempDir
    Path tmp;

    private static OWLOntology ontologyAndData(Path home) throws OWLOntologyCreationException {
        TariffGraph graph = TariffGraph.builder().home(home).build();
        // RDF/XML: the OWL API's most complete parser.
        ByteArrayOutputStream rdfxml = new ByteArrayOutputStream();
        Txn.executeRead(graph.dataset(), () -> RDFDataMgr.write(rdfxml, graph.dataset().getDefaultGraph(), RDFFormat.RDFXML_PLAIN));
        return OWLManager.createOWLOntologyManager().loadOntologyFromOntologyDocument(
                new StringDocumentSource(rdfxml.toString(StandardCharsets.UTF_8),
                        "https://w3id.org/tariffgraph/ontology", new RDFXMLDocumentFormat(), null));
    }

    /** The OWL 2 DL profile violations that fail the gate: all but the uses of a calendar datatype. */
    private static List<OWLProfileViolation> gateViolations(OWLOntology ontology) {
        return new OWL2DLProfile().checkOntology(ontology).getViolations().stream()
                .filter(v -> calendarDatatypeUsed(v) == null).toList();
    }

    /** The calendar datatype a violation is about, when it is only the use of one; null for any other violation. */
    private static IRI calendarDatatypeUsed(OWLProfileViolation violation) {
        IRI datatype = null;
        if (violation instanceof UseOfUndeclaredDatatype undeclared) {
            datatype = undeclared.getExpression().getIRI();
        } else if (violation instanceof UseOfDefinedDatatypeInLiteral literal) {
            datatype = literal.getExpression().getDatatype().getIRI();
        }
        return datatype != null && CALENDAR_DATATYPES.contains(datatype) ? datatype : null;
    }

    /** HermiT, told to leave aside the axioms of datatypes outside the OWL 2 datatype map: the dates. */
    private static OWLReasoner hermit(OWLOntology ontology) {
        Configuration configuration = new Configuration();
        configuration.ignoreUnsupportedDatatypes = true;
        return new ReasonerFactory().createReasoner(ontology, configuration);
    }

    private static boolean consistent(OWLOntology ontology) {
        OWLReasoner reasoner = hermit(ontology);
        try {
            return reasoner.isConsistent();
        } finally {
            reasoner.dispose();
        }
    }

    @Test
    void ontologyAndDataStayInTheOwl2DlProfileButForTheCalendarDatatypes() throws Exception {
        assertEquals(List.of(), gateViolations(ontologyAndData(TestHomes.repo())).stream().map(Object::toString).toList());
    }

    @Test
    void theDatePropertiesAreDataPropertiesAsOwlTimeDeclaresThem() throws Exception {
        OWLOntology ontology = ontologyAndData(TestHomes.repo());
        OWLDataFactory df = ontology.getOWLOntologyManager().getOWLDataFactory();
        for (String iri : List.of(TIME + "inXSDDate", TIME + "inXSDgYearMonth", TG + "notBefore")) {
            assertTrue(ontology.containsDataPropertyInSignature(IRI.create(iri)), iri + " is a data property");
            assertFalse(ontology.containsAnnotationPropertyInSignature(IRI.create(iri)), iri + " is not an annotation property");
        }
        OWLDataProperty notBefore = df.getOWLDataProperty(IRI.create(TG + "notBefore"));
        assertEquals(Set.of(XSDVocabulary.DATE.getIRI()), EntitySearcher.getRanges(notBefore, ontology)
                .map(range -> range.asOWLDatatype().getIRI()).collect(Collectors.toSet()));
    }

    @Test
    void theGateLetsPassOnlyTheUsesOfCalendarDatatypesThatTheDataMakes() throws Exception {
        List<OWLProfileViolation> all = new OWL2DLProfile().checkOntology(ontologyAndData(TestHomes.repo())).getViolations();
        Set<String> passed = all.stream().map(OwlGateTest::calendarDatatypeUsed).filter(d -> d != null)
                .map(IRI::getShortForm).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(Set.of("date", "gYearMonth", "gYear", "gMonth", "gDay")), passed);
    }

    @Test
    void aPropertyUsedAsBothObjectAndDataPropertyFailsTheGate() throws Exception {
        Path home = TestHomes.copyOfRepo(tmp);
        TestHomes.replaceOnce(home.resolve(TestHomes.ONTOLOGY), "tg:value\n    a owl:DatatypeProperty , owl:FunctionalProperty ;",
                "tg:value\n    a owl:DatatypeProperty , owl:ObjectProperty , owl:FunctionalProperty ;");
        List<OWLProfileViolation> violations = gateViolations(ontologyAndData(home));
        assertTrue(violations.stream().anyMatch(v -> v.toString().contains("value")), violations.toString());
    }

    @Test
    void aDateOnAnUndeclaredPropertyFailsTheGate() throws Exception {
        Path home = TestHomes.copyOfRepo(tmp);
        TestHomes.replaceOnce(home.resolve(TestHomes.ARTICLE), "tg:notBefore \"2025-06-18\"^^xsd:date ;",
                "tg:notBefore \"2025-06-18\"^^xsd:date ;\n        tg:notAfter \"2025-12-31\"^^xsd:date ;");
        List<OWLProfileViolation> violations = gateViolations(ontologyAndData(home));
        assertTrue(violations.stream().anyMatch(v -> v.toString().contains("notAfter")), violations.toString());
    }

    @Test
    void aLiteralOfAnotherDatatypeOutsideOwl2FailsTheGate() throws Exception {
        Path home = TestHomes.copyOfRepo(tmp);
        TestHomes.replaceOnce(home.resolve(TestHomes.ARTICLE), "tg:notBefore \"2025-06-18\"^^xsd:date ;",
                "tg:notBefore \"P1D\"^^xsd:duration ;");
        List<OWLProfileViolation> violations = gateViolations(ontologyAndData(home));
        assertTrue(violations.stream().anyMatch(v -> v.toString().contains("xsd:duration")), violations.toString());
    }

    @Test
    void ontologyAndDataAreConsistentUnderHermit() throws Exception {
        assertTrue(consistent(ontologyAndData(TestHomes.repo())));
    }

    @Test
    void aFactIsDerivedFromItsEvidenceUnderHermit() throws Exception {
        OWLOntology ontology = ontologyAndData(TestHomes.repo());
        OWLDataFactory df = ontology.getOWLOntologyManager().getOWLDataFactory();
        String a = TestHomes.ARTICLE_IRI;
        OWLReasoner reasoner = hermit(ontology);
        try {
            Set<String> derivedFrom = reasoner.getObjectPropertyValues(
                    df.getOWLNamedIndividual(IRI.create(a + "/statement/guang-yang-trade-war-structural")),
                    df.getOWLObjectProperty(IRI.create("http://www.w3.org/ns/prov#wasDerivedFrom")))
                    .entities().map(i -> i.getIRI().toString()).collect(Collectors.toSet());
            assertEquals(Set.of(a + "/evidence/c692-806"), derivedFrom);
        } finally {
            reasoner.dispose();
        }
    }

    /**
     * With PROV-O's own axioms for the terms the ontology specialises (prov:wasDerivedFrom
     * relates entities; activities and entities are disjoint), the graph stays consistent:
     * no fact that has evidence is typed as an activity.
     */
    @Test
    void theGraphStaysConsistentWithProvOsAxiomsForDerivation() throws Exception {
        OWLOntology ontology = ontologyAndData(TestHomes.repo());
        OWLDataFactory df = ontology.getOWLOntologyManager().getOWLDataFactory();
        String prov = "http://www.w3.org/ns/prov#";
        var entity = df.getOWLClass(IRI.create(prov + "Entity"));
        var activity = df.getOWLClass(IRI.create(prov + "Activity"));
        var derivedFrom = df.getOWLObjectProperty(IRI.create(prov + "wasDerivedFrom"));
        ontology.getOWLOntologyManager().addAxioms(ontology, java.util.stream.Stream.of(
                df.getOWLObjectPropertyDomainAxiom(derivedFrom, entity),
                df.getOWLObjectPropertyRangeAxiom(derivedFrom, entity),
                df.getOWLDisjointClassesAxiom(entity, activity)));
        assertTrue(consistent(ontology), "the ontology and data contradict PROV-O's axioms for derivation");
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
}
