package org.tariffgraph.draft;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Roles from appositions and titles:
 *
 * <ul>
 * <li>NAME, (a|the)? ROLE at|of ORG (person-comma-role)</li>
 * <li>NAME, the company's ROLE (person-comma-role, the organisation named before)</li>
 * <li>ORG's ROLE NAME (possessive-role)</li>
 * <li>ROLE NAME (of ORG)? (title-before-name), as "analyst Priya Raman"</li>
 * </ul>
 */
final class Roles {

    /** Lowercase words that qualify a role before a name: "crypto attorney John Deaton", "senior analyst Jo Bloggs". */
    private static final String QUALIFIER = "(?:senior|chief|lead|former|deputy|acting|interim|crypto|trade|policy|industry|energy|market|"
            + "equity|financial|political|legal|independent|research|tech|technology|securities|investment|mining|commodities)";
    private static final String ORG = "(?<org>(?:" + Patterns.WORD + "-based\\s+)?" + Patterns.NAME + ")";
    private static final Pattern PERSON_COMMA_ROLE = Pattern.compile("(?<person>" + Patterns.PERSON_NAME + "),\\s+(?:(?:a|an|the)\\s+)?"
            + "(?<company>(?:the\\s+)?(?:company|firm|group|board)[’']s\\s+)?(?<role>" + Patterns.ROLE + ")(?:\\s+(?:at|of|with|for)\\s+(?:the\\s+)?" + ORG + ")?(?=[,.;]|$)");
    private static final Pattern POSSESSIVE_ROLE = Pattern.compile(ORG + "[’']s\\s+(?<role>" + Patterns.ROLE + ")\\s+(?<person>" + Patterns.PERSON_NAME + ")");
    private static final Pattern TITLE_BEFORE_NAME = Pattern.compile("(?<![\\p{L}’'])(?<role>(?:(?:\\p{Lu}\\p{Ll}+|" + QUALIFIER + ")\\s+)?" + Patterns.ROLE_HEAD
            + ")\\s+(?<person>" + Patterns.PERSON_NAME + ")(?:\\s+(?:of|at)\\s+(?:the\\s+)?" + ORG + ")?");

    private Roles() {}

    static List<Found.Role> find(Story story) {
        List<Found.Role> found = new ArrayList<>();
        for (int[] sentence : story.sentences) {
            int from = sentence[0];
            int to = sentence[1];
            List<int[]> taken = new ArrayList<>();
            for (Pattern pattern : new Pattern[] {PERSON_COMMA_ROLE, POSSESSIVE_ROLE, TITLE_BEFORE_NAME}) {
                Matcher m = pattern.matcher(story.text).region(from, to);
                while (m.find()) {
                    if (overlaps(taken, m.start("person"), m.end("person"))) {
                        continue;
                    }
                    Found.Agent person = story.people.resolve(m.group("person"), EntityIndex.Kind.PERSON);
                    if (person == null || person.kind() != EntityIndex.Kind.PERSON) {
                        continue;
                    }
                    int roleStart = m.start("role");
                    String role = m.group("role");
                    if (role.matches("(?i)(a|an|the)\\s.*")) {
                        roleStart += role.indexOf(' ') + 1;
                    }
                    int roleEnd = m.end("role");
                    Found.Agent organisation = null;
                    if (m.group("org") != null) {
                        String orgName = m.group("org").replaceFirst("^" + Patterns.WORD + "-based\\s+", "");
                        organisation = story.people.resolve(orgName, EntityIndex.Kind.ORGANISATION);
                    } else if (pattern == PERSON_COMMA_ROLE && m.group("company") != null) {
                        organisation = story.lastBefore(m.start(), EntityIndex.Kind.ORGANISATION);
                    }
                    if (organisation != null && organisation.kind() != EntityIndex.Kind.ORGANISATION) {
                        organisation = null;
                    }
                    String rule = pattern == PERSON_COMMA_ROLE ? "person-comma-role" : pattern == POSSESSIVE_ROLE ? "possessive-role" : "title-before-name";
                    found.add(new Found.Role(person, story.words(roleStart, roleEnd), roleStart, roleEnd, organisation, m.start(), m.end(), rule));
                    taken.add(new int[] {m.start("person"), m.end("person")});
                }
            }
        }
        return found;
    }

    private static boolean overlaps(List<int[]> taken, int start, int end) {
        return taken.stream().anyMatch(t -> start < t[1] && t[0] < end);
    }
}
