package org.tariffgraph.validate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.tariffgraph.text.SourceFolders;

/**
 * Checks that every external identifier the graph links to is on the list of identifiers
 * verified against public records, kept in the sources folder's {@code README.md} (with
 * several sources folders, the lists of all of them).
 *
 * <p>An unverified identifier is worse than none: a wrong {@code owl:sameAs} merges two
 * different things for every consumer of the data.
 */
public final class IdentifierCheck {

    static final String NAME = "identifiers";

    /** Wikidata entity IRIs in a table row of the README. */
    private static final Pattern TABLE_IRI = Pattern.compile("^\\|.*?(http://www\\.wikidata\\.org/entity/Q[0-9]+)\\s*\\|", Pattern.MULTILINE);

    private static final Query LINKS = QueryFactory.create("""
            PREFIX owl:  <http://www.w3.org/2002/07/owl#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            SELECT DISTINCT ?entity ?target WHERE {
              VALUES ?link { owl:sameAs skos:exactMatch skos:closeMatch }
              ?entity ?link ?target .
              FILTER(isIRI(?target) && !STRSTARTS(STR(?target), "https://w3id.org/tariffgraph/"))
            } ORDER BY ?entity ?target
            """);

    private IdentifierCheck() {}

    /** Reads the verified identifiers from {@code sourcesDir/README.md} and checks every link against them. */
    public static Report run(DatasetGraph dataset, Path sourcesDir) {
        return run(dataset, SourceFolders.of(sourcesDir));
    }

    /**
     * Reads the verified identifiers from the {@code README.md} of each sources folder that has
     * one (at least one must) and checks every link against them.
     */
    public static Report run(DatasetGraph dataset, SourceFolders sources) {
        List<Problem> problems = new ArrayList<>();
        List<Path> readmes = sources.each("README.md");
        if (readmes.isEmpty()) {
            problems.add(new Problem(NAME, "", "no list of verified identifiers: no README.md in " + sources));
            return Report.of(NAME, problems);
        }
        Set<String> verified = new TreeSet<>();
        for (Path readme : readmes) {
            try {
                verified.addAll(verifiedIdentifiers(Files.readString(readme, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                problems.add(new Problem(NAME, "", "cannot read the list of verified identifiers, " + readme + ": " + e.getMessage()));
                return Report.of(NAME, problems);
            }
        }
        String readme = readmes.size() == 1 ? readmes.get(0).toString() : "the README.md files of " + sources;
        Txn.executeRead(dataset, () -> {
            try (QueryExec exec = QueryExec.dataset(dataset).query(LINKS).build()) {
                exec.select().forEachRemaining(row -> {
                    String target = row.get(Var.alloc("target")).getURI();
                    if (!verified.contains(target)) {
                        problems.add(new Problem(NAME, row.get(Var.alloc("entity")).getURI(),
                                "links to " + target + ", which is not in the verified list of " + readme));
                    }
                });
            }
        });
        return Report.of(NAME, problems);
    }

    /** The Wikidata IRIs listed in the tables of a README. */
    static Set<String> verifiedIdentifiers(String readme) {
        Set<String> iris = new TreeSet<>();
        Matcher m = TABLE_IRI.matcher(readme);
        while (m.find()) {
            iris.add(m.group(1));
        }
        return iris;
    }
}
