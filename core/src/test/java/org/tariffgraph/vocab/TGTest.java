package org.tariffgraph.vocab;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.tariffgraph.TestHomes;
import org.tariffgraph.load.GraphLoader;

class TGTest {

    @Test
    void everyTermConstantIsATermTheOntologyDeclaresUnderItsLocalName() throws IllegalAccessException {
        Graph ontology = GraphLoader.parseTurtle(TestHomes.repo().resolve("ontology/tariffgraph.ttl"));
        int terms = 0;
        for (Field field : TG.class.getFields()) {
            if (!Modifier.isStatic(field.getModifiers()) || field.getType() != Node.class || field.getName().equals("ontologyGraph")) {
                continue;
            }
            Node term = (Node) field.get(null);
            assertTrue(term.getURI().equals(TG.NS + field.getName()), field.getName() + " is named by its local name");
            assertTrue(ontology.contains(term, RDF.type.asNode(), Node.ANY), term + " is declared in the ontology");
            terms++;
        }
        assertTrue(terms > 0, "TG holds term constants");
    }

    /** The terms of other vocabularies that the code writes are declared too, as the ontology declares what it reuses. */
    @Test
    void everyReusedTermConstantIsDeclaredInTheOntology() throws IllegalAccessException {
        Graph ontology = GraphLoader.parseTurtle(TestHomes.repo().resolve("ontology/tariffgraph.ttl"));
        int terms = 0;
        for (Class<?> vocabulary : TG.class.getClasses()) {
            for (Field field : vocabulary.getFields()) {
                if (field.getType() != Node.class) {
                    continue;
                }
                Node term = (Node) field.get(null);
                assertTrue(term.getURI().endsWith("/" + field.getName()) || term.getURI().endsWith("#" + field.getName()),
                        field.getName() + " is named by its local name");
                assertTrue(ontology.contains(term, RDF.type.asNode(), Node.ANY), term + " is declared in the ontology");
                terms++;
            }
        }
        assertTrue(terms > 10, "TG holds the reused terms the code writes");
    }
}
