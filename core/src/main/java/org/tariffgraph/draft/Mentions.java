package org.tariffgraph.draft;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names in a sentence: the labels of known entities first, then other capitalised names,
 * each resolved to a known entity, one named before, or a new candidate. A capitalised word
 * that only opens the sentence is taken for a name only when it is known.
 */
final class Mentions {

    private static final Pattern BASED = Pattern.compile("(" + Patterns.WORD + ")-based\\b");
    private static final Pattern NAME = Pattern.compile(Patterns.NAME);
    private static final Pattern BEFORE_APPOSITION = Pattern.compile("^,\\s+(?:a|an|the)?\\s*(?:[\\p{Ll}\\-]+\\s+){0,4}" + Patterns.ROLE_HEAD + "\\b");

    /** Words after which a capitalised name is a place: "in Toledo", "from Houston". */
    private static final java.util.Set<String> PLACE_PREPOSITIONS = java.util.Set.of("in", "from", "to", "near", "across", "outside",
            "around", "throughout", "inside", "into");
    /** A name a relative clause follows: "who" for a person, "which" for a thing, here an organisation. */
    private static final Pattern WHO_AFTER = Pattern.compile("^,\\s+who\\b");
    private static final Pattern WHICH_AFTER = Pattern.compile("^,\\s+which\\s+(?!is\\s+in\\b|lies\\b)");
    /** A name followed by a known region: "Toledo, Ohio". */
    private static final Pattern PLACE_AFTER = Pattern.compile("^,\\s+(?:Ohio|Texas|California|New York|Michigan|China|Canada|Mexico|\\p{Lu}\\p{Ll}+ (?:State|Province|County))\\b");

    private Mentions() {}

    private static String lastWord(String s) {
        String[] words = s.strip().split("\\s+");
        return words.length == 0 ? "" : words[words.length - 1];
    }

    /**
     * @param titleCase whether the sentence is a headline or heading in title case, where
     *     capitalised words are not names: only known labels are taken there
     */
    static List<Found.Mention> find(Story story, EntityIndex known, int from, int to, boolean titleCase) {
        String text = story.text;
        List<Found.Mention> found = new ArrayList<>();
        boolean[] taken = new boolean[to - from];
        for (EntityIndex.Match m : known.find(text, from, to)) {
            Found.Agent agent = story.people.agent(m.entity().label(), m.entity().kind());
            found.add(new Found.Mention(agent, m.start(), m.end(), "known-name"));
            mark(taken, from, m.start(), m.end());
        }
        // "Lubbock-based", "Shenzhen-based": a place.
        Matcher based = BASED.matcher(text).region(from, to);
        while (based.find()) {
            if (free(taken, from, based.start(1), based.end(1))) {
                Found.Agent place = story.people.agent(based.group(1), EntityIndex.Kind.PLACE);
                if (place != null) {
                    found.add(new Found.Mention(place, based.start(1), based.end(1), "place-based"));
                }
                mark(taken, from, based.start(), based.end());
            }
        }
        Matcher name = NAME.matcher(text).region(from, to);
        while (!titleCase && name.find()) {
            int start = name.start();
            int end = name.end();
            String words = name.group();
            // Leave out a leading article (a capital "The" inside a sentence is part of the name:
            // "told The Lowland Times") and a trailing possessive.
            boolean atStart = text.substring(from, start).isBlank() || text.substring(from, start).matches("(?s).*[“\"(:]\\s*");
            if ((words.startsWith("The ") && atStart) || words.startsWith("A ")) {
                start += words.indexOf(' ') + 1;
                words = words.substring(words.indexOf(' ') + 1);
            }
            if (words.matches(".*[’']s?")) {
                words = People.stripPossessive(words);
                end = start + words.length();
            }
            if (words.endsWith(".") && !words.matches(".*\\p{Lu}\\.")) {
                words = words.substring(0, words.length() - 1);
                end--;
            }
            // Leave out words that only open a sentence or a phrase ("Since January", "In March"), and dates at either end.
            String[] tokens = words.split("\\s+");
            int first = 0;
            boolean institution = People.isDemonym(tokens[0]) && story.people.kindOf(words, null) == EntityIndex.Kind.ORGANISATION;
            boolean keepsThe = tokens[0].equals("The") && tokens.length > 1;
            while (!institution && !keepsThe && first < tokens.length && People.isNotAName(tokens[first])) {
                start += tokens[first].length() + 1;
                first++;
            }
            int last = tokens.length;
            while (last > first && People.isNotAName(tokens[last - 1])) {
                last--;
            }
            if (first >= last) {
                continue;
            }
            words = String.join(" ", java.util.Arrays.copyOfRange(tokens, first, last));
            // "Foreign Trade Ondřej Halabala": the end of a long title, then a person's name.
            if (last - first >= 4 && known.named(words).isEmpty() && story.people.kindOf(words, null) == null) {
                String tail = tokens[last - 2] + " " + tokens[last - 1];
                if (story.people.kindOf(tail, null) == EntityIndex.Kind.PERSON) {
                    start += words.length() - tail.length();
                    words = tail;
                }
            }
            end = start + words.length();
            if (!text.startsWith(words, start) || !free(taken, from, start, end)) {
                continue;
            }
            boolean opensSentence = text.substring(from, start).isBlank() || text.substring(from, start).matches("(?s)(?:.*[:(]\\s*)?[“\"]\\s*");
            boolean single = !words.contains(" ");
            String after = text.substring(end, Math.min(to, end + 80));
            String precedingWord = lastWord(text.substring(from, start));
            EntityIndex.Kind hint = BEFORE_APPOSITION.matcher(after).find() || WHO_AFTER.matcher(after).find() ? EntityIndex.Kind.PERSON
                    : PLACE_PREPOSITIONS.contains(precedingWord) || PLACE_AFTER.matcher(after).find() ? EntityIndex.Kind.PLACE
                    : WHICH_AFTER.matcher(after).find() ? EntityIndex.Kind.ORGANISATION : null;
            int of = words.indexOf(" of ");
            if (of > 0 && known.named(words).isEmpty() && story.people.kindOf(words.substring(0, of), null) == EntityIndex.Kind.PERSON) {
                // "Dana Pruitt of Maumee Valley University": a person, then an organisation.
                Found.Agent person = story.people.agent(words.substring(0, of), EntityIndex.Kind.PERSON);
                Found.Agent organisation = story.people.agent(words.substring(of + 4), EntityIndex.Kind.ORGANISATION);
                if (person != null) {
                    found.add(new Found.Mention(person, start, start + of, "candidate-name"));
                }
                if (organisation != null) {
                    found.add(new Found.Mention(organisation, start + of + 4, end, organisation.candidate() ? "candidate-name" : "known-name"));
                }
                mark(taken, from, start, end);
                continue;
            }
            Found.Agent agent;
            if (single && opensSentence && hint == null) {
                agent = story.people.agentIfSeen(words);
            } else {
                agent = story.people.agent(words, hint);
            }
            if (agent != null) {
                found.add(new Found.Mention(agent, start, end, agent.candidate() ? "candidate-name" : "known-name"));
                mark(taken, from, start, end);
            }
        }
        found.sort(Comparator.comparingInt(Found.Mention::start));
        return found;
    }

    private static void mark(boolean[] taken, int from, int start, int end) {
        for (int i = Math.max(start, from); i < end && i - from < taken.length; i++) {
            taken[i - from] = true;
        }
    }

    private static boolean free(boolean[] taken, int from, int start, int end) {
        for (int i = Math.max(start, from); i < end && i - from < taken.length; i++) {
            if (taken[i - from]) {
                return false;
            }
        }
        return true;
    }
}
