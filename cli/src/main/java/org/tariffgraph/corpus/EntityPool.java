package org.tariffgraph.corpus;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.tariffgraph.vocab.TG;

/**
 * The lasting entities the synthetic articles share: companies, news outlets and people,
 * each person with one employer and one role type. Articles pick them by a Zipf law, so a
 * few are named in many articles and most in a few, as in a year of real news, and the
 * queries that join facts across articles have something to join.
 */
final class EntityPool {

    /** Where the synthetic entities' IRIs live, apart from the curated entities. */
    static final String ID = TG.SYNTHETIC_ID;

    /** A company, outlet or person: its IRI and its name. */
    record Entity(Node iri, String name) {

        /** The last word of a person's name, as a second mention calls them. */
        String lastName() {
            return name.substring(name.lastIndexOf(' ') + 1);
        }
    }

    /** A person with the employer and role type every article gives them. */
    record Person(Entity person, Entity employer, Node roleType, String roleTitle) {}

    /** The role types of the curated entities, with the title an article writes. */
    private static final String[][] ROLES = {
        {"chief-technology-officer", "chief technology officer"},
        {"chief-strategy-officer", "chief strategy officer"},
        {"senior-executive", "senior executive"},
    };

    private static final String[] SYLLABLES = {"nor", "vex", "kel", "dra", "tam", "sil", "qua", "bri", "zen", "lor", "mar",
        "tek", "hal", "cyr", "ost", "vin", "pel", "rax", "dun", "ima", "sor", "gal", "fen", "tri"};
    private static final String[] COMPANY_KINDS = {"Systems", "Mining", "Semiconductor", "Hardware", "Technologies",
        "Devices", "Compute", "Microsystems", "Electronics", "Silicon"};
    private static final String[] OUTLET_KINDS = {"Trade Daily", "Ledger", "Courier", "Dispatch", "Wire", "Chronicle",
        "Gazette", "Observer", "Review", "Bulletin"};
    private static final String[] FIRST_NAMES = {"Amara", "Bao", "Carmen", "Dmitri", "Elif", "Farid", "Grace", "Hiro", "Ines",
        "Jonas", "Kavya", "Lars", "Mei", "Nadia", "Omar", "Priya", "Quentin", "Rosa", "Sven", "Tariq", "Uma", "Victor",
        "Wen", "Ximena", "Yusuf", "Zofia", "Arjun", "Beatriz", "Chen", "Dalia"};
    private static final String[] LAST_NAMES = {"Abbott", "Bergstrom", "Castillo", "Duarte", "Eriksen", "Fischer", "Gallo",
        "Haddad", "Ivanova", "Jensen", "Kowalski", "Lindqvist", "Moreau", "Nakamura", "Okafor", "Petrov", "Quinn",
        "Rahman", "Santos", "Takahashi", "Ueda", "Varga", "Whitfield", "Xu", "Yilmaz", "Zimmer", "Achebe", "Brandt",
        "Costa", "Dvorak"};

    final List<Entity> companies;
    final List<Entity> outlets;
    final List<Person> people;
    private final double[] companyWeights;
    private final double[] personWeights;
    private final double[] outletWeights;

    private EntityPool(List<Entity> companies, List<Entity> outlets, List<Person> people) {
        this.companies = companies;
        this.outlets = outlets;
        this.people = people;
        this.companyWeights = zipf(companies.size());
        this.personWeights = zipf(people.size());
        this.outletWeights = zipf(outlets.size());
    }

    /** A pool of the given sizes, the same for the same seed. */
    static EntityPool create(long seed, int companyCount, int outletCount, int personCount) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Entity> companies = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        while (companies.size() < companyCount) {
            String name = capitalise(pick(random, SYLLABLES) + pick(random, SYLLABLES)) + " " + pick(random, COMPANY_KINDS);
            if (names.add(name)) {
                companies.add(new Entity(iri("org/c" + number(companies.size() + 1)), name));
            }
        }
        List<Entity> outlets = new ArrayList<>();
        while (outlets.size() < outletCount) {
            String name = "The " + capitalise(pick(random, SYLLABLES) + pick(random, SYLLABLES)) + " " + pick(random, OUTLET_KINDS);
            if (names.add(name)) {
                outlets.add(new Entity(iri("org/outlet" + number(outlets.size() + 1)), name));
            }
        }
        List<Person> people = new ArrayList<>();
        while (people.size() < personCount) {
            String name = pick(random, FIRST_NAMES) + " " + capitalise(pick(random, SYLLABLES)) + "-" + pick(random, LAST_NAMES);
            if (names.add(name)) {
                String[] role = ROLES[random.nextInt(ROLES.length)];
                Entity employer = companies.get(random.nextInt(companies.size()));
                people.add(new Person(new Entity(iri("person/p" + number(people.size() + 1)), name), employer,
                        NodeFactory.createURI(TG.ID + "role/" + role[0]), role[1]));
            }
        }
        return new EntityPool(List.copyOf(companies), List.copyOf(outlets), List.copyOf(people));
    }

    Entity company(SplittableRandom random) {
        return companies.get(sample(companyWeights, random));
    }

    Entity outlet(SplittableRandom random) {
        return outlets.get(sample(outletWeights, random));
    }

    Person person(SplittableRandom random) {
        return people.get(sample(personWeights, random));
    }

    /** Distinct companies, each drawn by the Zipf law. */
    List<Entity> companies(SplittableRandom random, int n) {
        Set<Entity> picked = new LinkedHashSet<>();
        while (picked.size() < n) {
            picked.add(company(random));
        }
        return new ArrayList<>(picked);
    }

    /** Distinct people, each drawn by the Zipf law. */
    List<Person> people(SplittableRandom random, int n) {
        Set<Person> picked = new LinkedHashSet<>();
        while (picked.size() < n) {
            picked.add(person(random));
        }
        return new ArrayList<>(picked);
    }

    /** Cumulative weights of ranks 1..n, each proportional to 1/rank. */
    private static double[] zipf(int n) {
        double[] cumulative = new double[n];
        double sum = 0;
        for (int rank = 1; rank <= n; rank++) {
            sum += 1.0 / rank;
            cumulative[rank - 1] = sum;
        }
        for (int i = 0; i < n; i++) {
            cumulative[i] /= sum;
        }
        return cumulative;
    }

    private static int sample(double[] cumulative, SplittableRandom random) {
        double u = random.nextDouble();
        int low = 0;
        int high = cumulative.length - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (cumulative[mid] < u) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    static <T> T pick(SplittableRandom random, T[] choices) {
        return choices[random.nextInt(choices.length)];
    }

    static <T> T pick(SplittableRandom random, List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    private static Node iri(String path) {
        return NodeFactory.createURI(ID + path);
    }

    private static String number(int n) {
        return String.format(Locale.ROOT, "%04d", n);
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
