package org.tariffgraph.draft;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.tariffgraph.vocab.TG;

/**
 * Who a text names, and who a pronoun or a surname stands for. Names are resolved to the
 * entities a graph already knows; a name it does not know becomes a candidate entity, a
 * person, an organisation or a place by the shape of the name and the words around it.
 * It remembers, as a reader does, the last person and organisation named.
 */
final class People {

    /** Capitalised words, with "of", "the" or "and" inside a longer name, and possessive endings left out. */
    static final Pattern NAME = Pattern.compile(
            "(?:\\p{Lu}[\\p{L}\\p{M}]*(?:[.’'\\-]\\p{L}[\\p{L}\\p{M}]*)*\\.?)(?:\\s+(?:(?:of|the|de|van|von|der|da|al|bin)\\s+)*\\p{Lu}[\\p{L}\\p{M}]*(?:[.’'\\-]\\p{L}[\\p{L}\\p{M}]*)*\\.?)*");
    /** Last words of the names of organisations. */
    private static final Set<String> ORGANISATION_WORDS = Set.of("inc", "inc.", "corp", "corp.", "corporation", "company", "co", "co.",
            "ltd", "ltd.", "llc", "plc", "group", "holdings", "partners", "capital", "bank", "fund", "foundation", "institute",
            "university", "college", "school", "research", "labs", "laboratories", "systems", "technologies", "technology",
            "networks", "network", "platform", "works", "industries", "energy", "electric", "power", "solar", "mining", "exchange",
            "association", "alliance", "council", "board", "forum", "commission", "committee", "agency", "authority", "department",
            "ministry", "administration", "office", "bureau", "court", "party", "union", "federation", "cooperative", "co-op",
            "club", "media", "news", "times", "post", "journal", "ledger", "daily", "courier", "chronicle", "reuters", "bloomberg",
            "section", "division", "unit", "directorate", "secretariat", "service", "services", "desk", "parliament", "senate", "congress",
            "assembly", "government", "treasury");
    /** Words that name an organisation on their own: "Congress", "Reuters". */
    private static final Set<String> STANDALONE = Set.of("congress", "parliament", "senate", "reuters", "bloomberg");
    /** Last words of the names of places. */
    private static final Set<String> PLACE_WORDS = Set.of("county", "city", "state", "province", "region", "district", "island",
            "islands", "valley", "bay", "coast", "river", "mountains", "parish");
    /** Capitalised words that are not names here: months, days, nationalities, titles, and words that open sentences. */
    private static final Set<String> NOT_NAMES = Set.of("January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
            "Sunday", "American", "Americans", "Chinese", "British", "European", "Asian", "Japanese", "Korean", "Indian", "Russian",
            "German", "French", "Texan", "Mexican", "Canadian", "Czech", "Slovak", "Polish", "Italian", "Spanish", "President", "Deputy", "Vice",
            "Director", "Secretary", "Chairman", "Chairwoman", "Executive", "Senior", "Posted", "Quick", "Okay", "Why", "What", "How",
            "Who", "Where", "Some", "Many", "Most", "Several", "Both", "All", "Any", "Other", "Others", "My", "Your", "Leave", "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.",
            "Senator", "Governor", "Minister", "Chief", "The", "A", "An", "This", "That", "These", "Those", "It", "Its", "He", "She",
            "They", "We", "I", "Our", "Their", "His", "Her", "But", "And", "Or", "So", "Yet", "Still", "Meanwhile", "However",
            "Despite", "Even", "Together", "Since", "According", "Each", "Every", "Not", "No", "Nobody", "For", "In", "On", "At",
            "As", "If", "When", "While", "With", "Without", "After", "Before", "Local", "Smaller", "Jobs", "Mining", "Crypto",
            "Bitcoin", "Tariffs", "Tariff", "Read", "Related", "Share", "Sponsored", "Subscribe", "Support", "Get");
    private static final Set<String> PLACES = readPlaces();

    private final EntityIndex known;
    private final Map<String, Found.Agent> seen = new LinkedHashMap<>();
    private Found.Agent lastPerson;
    private Found.Agent lastOrganisation;

    People(EntityIndex known) {
        this.known = known;
    }

    private static Set<String> readPlaces() {
        Set<String> places = new HashSet<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                People.class.getResourceAsStream("places.txt"), StandardCharsets.UTF_8))) {
            in.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(places::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return places;
    }

    /** Forgets the last person and organisation named, as at a new story. */
    void resetContext() {
        lastPerson = null;
        lastOrganisation = null;
    }

    /** Notes that the agent was just named, for the pronouns and short forms that follow. */
    void noteNamed(Found.Agent agent) {
        if (agent == null) {
            return;
        }
        if (agent.kind() == EntityIndex.Kind.PERSON) {
            lastPerson = agent;
        } else if (agent.kind() == EntityIndex.Kind.ORGANISATION) {
            lastOrganisation = agent;
        }
    }

    Found.Agent lastPerson() {
        return lastPerson;
    }

    Found.Agent lastOrganisation() {
        return lastOrganisation;
    }

    /**
     * The agent a speaker phrase stands for: a pronoun, "the company", a name (with any title,
     * role or possessive before it left out), a surname of someone named before; null when the
     * phrase names nobody.
     */
    Found.Agent resolve(String phrase, EntityIndex.Kind hint) {
        // A full stop that ends the sentence is not part of the name ("said Wang."); one of an abbreviation is ("U.S.").
        String p = phrase.strip().replaceFirst("(?<![\\p{Lu}.]\\p{Lu}|^\\p{Lu})\\.$", "");
        String lower = p.toLowerCase(Locale.ROOT);
        if (lower.equals("he") || lower.equals("she")) {
            return lastPerson;
        }
        if (lower.equals("it") || lower.matches("the (company|firm|group|manufacturer|maker|business|miner|board|agency)")) {
            return lastOrganisation;
        }
        if (lower.equals("they") || lower.equals("we") || lower.equals("i")) {
            return null;
        }
        // "Komodo’s Kadan Stadlemann", "Auradine’s chief strategy officer Sanjay Gupta": the person is the last name.
        Matcher possessive = Pattern.compile("^.*[’']s\\s+(?:[\\p{Ll} ]+\\s+)?(\\p{Lu}.*)$").matcher(p);
        if (possessive.matches()) {
            p = possessive.group(1);
        }
        // "Dana Pruitt of Maumee Valley University": a person of an organisation, unless the whole is a known name.
        int of = p.indexOf(" of ");
        if (of > 0 && known.named(p).isEmpty()) {
            String head = p.substring(0, of);
            String name = head.replaceFirst("^(?:\\p{L}+\\s+)*?\\p{Ll}+\\s+(?=\\p{Lu})", "");
            if (kindOf(name, null) == EntityIndex.Kind.PERSON && !hasTitle(name)) {
                p = head;
            }
        }
        // "Deputy Minister of Industry and Trade for Foreign Trade Ondřej Halabala": a title, then the person's name.
        Matcher longTitle = TITLE_THEN_NAME.matcher(p);
        if (longTitle.matches() && known.named(p).isEmpty()) {
            String name = longTitle.group("name");
            String[] words = name.split("\\s+");
            String lastTwo = words[words.length - 2] + " " + words[words.length - 1];
            p = words.length == 3 && (known.named(name).isPresent() || seen.containsKey(name)) ? name : lastTwo;
        }
        // "Crypto attorney John Deaton", "analyst Priya Raman", "President Donald Trump".
        Matcher title = Pattern.compile("^(?:\\p{L}+\\s+)*?(?:\\p{Ll}+\\s+)(\\p{Lu}[\\p{L}’'.\\-]+(?:\\s+\\p{Lu}[\\p{L}’'.\\-]+)+)$").matcher(p);
        if (title.matches()) {
            p = title.group(1);
        }
        if (p.startsWith("President ") || p.startsWith("the ") || p.startsWith("The ")) {
            p = p.substring(p.indexOf(' ') + 1);
        }
        return agent(p, hint);
    }

    /** The agent a name stands for: known, seen before in the text (also by surname), or a new candidate; null if it is no name. */
    Found.Agent agent(String name, EntityIndex.Kind hint) {
        String n = stripPossessive(name.strip());
        if (n.isEmpty() || NOT_NAMES.contains(n) || !Character.isUpperCase(n.charAt(0))) {
            return null;
        }
        Optional<EntityIndex.Entity> entity = known.named(n);
        if (entity.isPresent()) {
            return remember(new Found.Agent(entity.get().label(), entity.get().iri(), entity.get().kind(), false));
        }
        Found.Agent before = seen.get(n);
        if (before != null) {
            return before;
        }
        Found.Agent shortForm = shortFormOf(n);
        if (shortForm != null) {
            return shortForm;
        }
        if (!n.contains(" ")) {
            Optional<EntityIndex.Entity> bySurname = known.personBySurname(n);
            if (bySurname.isPresent()) {
                return remember(new Found.Agent(bySurname.get().label(), bySurname.get().iri(), EntityIndex.Kind.PERSON, false));
            }
        }
        EntityIndex.Kind kind = kindOf(n, hint);
        if (kind == null) {
            return null;
        }
        return remember(new Found.Agent(n, mint(n, kind), kind, true));
    }

    /** The agent of a name that is known or was named before (also by a short form); null otherwise. */
    Found.Agent agentIfSeen(String name) {
        String n = stripPossessive(name.strip());
        if (known.named(n).isEmpty() && seen.get(n) == null && shortFormOf(n) == null && known.personBySurname(n).isEmpty()) {
            return null;
        }
        return agent(n, null);
    }

    /** The person named before whose surname, or the organisation whose first words, this is. */
    private Found.Agent shortFormOf(String n) {
        for (Found.Agent a : seen.values()) {
            if (a.kind() == EntityIndex.Kind.PERSON && !n.contains(" ") && a.name().endsWith(" " + n)) {
                return a;
            }
            if (a.kind() == EntityIndex.Kind.ORGANISATION && a.name().startsWith(n + " ")) {
                return a;
            }
        }
        return null;
    }

    private Found.Agent remember(Found.Agent agent) {
        seen.putIfAbsent(agent.name(), agent);
        return agent;
    }

    /** A capitalised title, any words after it, and a person's name of two or three words at the end. */
    private static final Pattern TITLE_THEN_NAME = Pattern.compile("^(?:\\p{Lu}\\p{Ll}+\\s+)?" + Patterns.ROLE_HEAD
            + "(?:\\s+\\S+)*?\\s+(?<name>\\p{Lu}[\\p{L}\\p{M}’'\\-]+(?:\\s+\\p{Lu}[\\p{L}\\p{M}’'\\-]+){1,2})$");

    /** Whether a name holds a title's word ("Deputy Minister", "Vice President"): a title, not a person's name. */
    static boolean hasTitle(String name) {
        return Pattern.compile("(?<![\\p{L}])" + Patterns.ROLE_HEAD).matcher(name).find()
                || Pattern.compile("\\b(?:Deputy|Vice|Acting|Interim|Assistant|Associate|Senior|General)\\b").matcher(name).find();
    }

    /** Whether a word is a nationality's adjective ("European", "Chinese"). */
    static boolean isDemonym(String word) {
        return DEMONYMS.contains(word);
    }

    private static final Set<String> DEMONYMS = Set.of("American", "Chinese", "British", "European", "Asian", "Japanese", "Korean", "Indian",
            "Russian", "German", "French", "Texan", "Mexican", "Canadian", "Czech", "Slovak", "Polish", "Italian", "Spanish", "African",
            "Australian", "Brazilian", "Taiwanese", "Singaporean", "Vietnamese", "Malaysian", "Thai", "Indonesian", "Swiss", "Dutch");

    /** Whether a name is a person, an organisation or a place, by its words; the hint decides only what they leave open. */
    EntityIndex.Kind kindOf(String name, EntityIndex.Kind hint) {
        if (PLACES.contains(name)) {
            return EntityIndex.Kind.PLACE;
        }
        String[] words = name.split("\\s+");
        String last = words[words.length - 1].toLowerCase(Locale.ROOT);
        if ((ORGANISATION_WORDS.contains(last) || last.endsWith("works")) && (words.length > 1 || STANDALONE.contains(last))) {
            return EntityIndex.Kind.ORGANISATION;
        }
        // "Ministry of Industry and Trade", "Bank of America": the words before "of" say what it is.
        int of = name.indexOf(" of ");
        if (of > 0) {
            String[] head = name.substring(0, of).split("\\s+");
            String headLast = head[head.length - 1].toLowerCase(Locale.ROOT);
            if (ORGANISATION_WORDS.contains(headLast)) {
                return EntityIndex.Kind.ORGANISATION;
            }
            if (PLACE_WORDS.contains(headLast)) {
                return EntityIndex.Kind.PLACE;
            }
        }
        if (PLACE_WORDS.contains(last)) {
            return EntityIndex.Kind.PLACE;
        }
        if (hint != null) {
            return hint;
        }
        if (words.length >= 2 && words.length <= 3 && java.util.Arrays.stream(words).allMatch(w -> w.matches("\\p{Lu}[\\p{Ll}\\p{M}’'\\-]+"))
                && !hasTitle(name) && java.util.Arrays.stream(words).noneMatch(DEMONYMS::contains)) {
            return EntityIndex.Kind.PERSON;
        }
        return null;
    }

    /** Continents and world regions: places that are no jurisdiction. */
    private static final Set<String> REGIONS = Set.of("Africa", "Asia", "Europe", "Oceania", "Antarctica", "North America", "South America",
            "Latin America", "Central America", "Southeast Asia", "East Asia", "South Asia", "Central Asia", "Middle East",
            "Western Europe", "Eastern Europe");

    /** Whether a place is a continent or a world region rather than a jurisdiction. */
    static boolean isRegion(String place) {
        return REGIONS.contains(place);
    }

    /** Whether a capitalised word is not a name by itself: a month, a weekday, a word that opens sentences. */
    static boolean isNotAName(String word) {
        String w = stripPossessive(word);
        return NOT_NAMES.contains(w) || (w.contains("-") && NOT_NAMES.contains(w.substring(0, w.indexOf('-'))));
    }

    static String stripPossessive(String name) {
        return name.replaceFirst("[’']s?$", "");
    }

    static String mint(String name, EntityIndex.Kind kind) {
        String folder = switch (kind) {
            case PERSON -> "person";
            case ORGANISATION -> "org";
            case PLACE -> "place";
        };
        return TG.BASE + "id/" + folder + "/" + EntityIndex.slug(name);
    }

    /** Every capitalised name in a range of the text that is not a known entity's label, with its start. */
    List<int[]> names(String text, int from, int to) {
        List<int[]> found = new ArrayList<>();
        Matcher m = NAME.matcher(text).region(from, to);
        while (m.find()) {
            found.add(new int[] {m.start(), m.end()});
        }
        return found;
    }
}
