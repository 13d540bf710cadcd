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
    /** Words that describe an organisation before its name: "U.S. chipmaker Auradine", "Czech forge Kovárna Zlín". */
    private static final String DESCRIPTOR = "(?:(?:" + Patterns.WORD + "\\s+)?(?:(?!(?:of|and|the|for|at|in|on|to)\\s)[\\p{Ll}\\-]+\\s+){1,2}(?=\\p{Lu}))";
    /** An organisation named before, by its kind: "the company", "the association". */
    private static final String ORG_REFERENCE = "(?<orgref>company|firm|group|board|association|alliance|ministry|department|agency|bank|union|council|commission|federation)";
    private static final String ORG = "(?:(?<org>(?:" + Patterns.WORD + "-based\\s+)?" + DESCRIPTOR + "?" + Patterns.NAME + ")|" + ORG_REFERENCE + "\\b)";
    private static final Pattern PERSON_COMMA_ROLE = Pattern.compile("(?<person>" + Patterns.PERSON_NAME + "),\\s+(?:(?:a|an|the)\\s+)?"
            + "(?<company>(?:the\\s+)?(?:company|firm|group|board)[’']s\\s+)?(?<role>" + Patterns.ROLE
            + "(?:\\s+of\\s+(?:the\\s+)?" + Patterns.NAME + "(?=\\s+(?:at|of)\\s))??)(?:\\s+(?:at|of|with|for)\\s+(?:the\\s+)?" + ORG + ")?(?=[,.;]|$)");
    private static final Pattern POSSESSIVE_ROLE = Pattern.compile(ORG + "[’']s\\s+(?<role>" + Patterns.ROLE + ")\\s+(?<person>" + Patterns.PERSON_NAME + ")");
    private static final Pattern TITLE_BEFORE_NAME = Pattern.compile("(?<![\\p{L}’'])(?<role>(?:(?:\\p{Lu}\\p{Ll}+|" + QUALIFIER + ")\\s+)?" + Patterns.ROLE_HEAD
            + "(?:\\s+(?:of|for|and|on)\\s+(?:the\\s+)?" + Patterns.WORD + "(?:\\s+" + Patterns.WORD + ")*)*"
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
                    if (overlaps(taken, m.start("person"), m.end("person")) || overlaps(taken, m.start("role"), m.end("role"))) {
                        continue;
                    }
                    String personWords = m.group("person");
                    int personStart = m.start("person");
                    int roleEndAt = m.end("role");
                    if (pattern == TITLE_BEFORE_NAME && m.group("role").matches("(?s).*\\s(?:of|for|and|on)\\s.*")) {
                        // "Deputy Minister of Industry and Trade for European Affairs and Foreign Trade Ondřej Halabala":
                        // a long title runs on to the person's name, its last two words.
                        String[] span = story.words(m.start("role"), m.end("person")).split("\\s+");
                        if (span.length < 4) {
                            continue;
                        }
                        personWords = span[span.length - 2] + " " + span[span.length - 1];
                        personStart = story.text.lastIndexOf(personWords, m.end("person"));
                        roleEndAt = trimSpace(story.text, personStart);
                    }
                    if (!personWords.contains(" ") && story.people.agentIfSeen(personWords) == null) {
                        // One word is a person's name only when it is the surname of someone named before.
                        continue;
                    }
                    if (People.isNotAName(personWords.split("\\s+")[0]) || People.hasTitle(personWords)) {
                        // "In Washington, a spokesman ...", "Vice President ...": not a person's name.
                        continue;
                    }
                    Found.Agent person = story.people.resolve(personWords, EntityIndex.Kind.PERSON);
                    if (person == null || person.kind() != EntityIndex.Kind.PERSON) {
                        continue;
                    }
                    int roleStart = m.start("role");
                    String role = m.group("role");
                    if (role.matches("(?i)(a|an|the)\\s.*")) {
                        roleStart += role.indexOf(' ') + 1;
                    }
                    int roleEnd = roleEndAt;
                    Found.Agent organisation = null;
                    if (m.group("org") != null) {
                        String orgName = m.group("org").replaceFirst("^" + Patterns.WORD + "-based\\s+", "").replaceFirst("^" + DESCRIPTOR, "");
                        organisation = story.people.resolve(orgName, EntityIndex.Kind.ORGANISATION);
                    } else if (m.group("orgref") != null) {
                        organisation = lastOrganisationOfKind(story, m.start(), m.group("orgref"));
                    } else if (pattern == TITLE_BEFORE_NAME && (organisation = ministryOf(story, story.words(roleStart, roleEnd))) != null) {
                        // "Minister of Industry and Trade": the ministry of that name, when the text or the graph names it.
                    } else if (pattern == PERSON_COMMA_ROLE && m.group("company") != null) {
                        organisation = story.lastBefore(m.start(), EntityIndex.Kind.ORGANISATION);
                    }
                    if (organisation != null && organisation.kind() != EntityIndex.Kind.ORGANISATION) {
                        organisation = null;
                    }
                    String rule = pattern == PERSON_COMMA_ROLE ? "person-comma-role" : pattern == POSSESSIVE_ROLE ? "possessive-role" : "title-before-name";
                    found.add(new Found.Role(person, story.words(roleStart, roleEnd), roleStart, roleEnd, organisation, m.start(), m.end(), rule));
                    taken.add(new int[] {personStart, m.end("person")});
                }
            }
        }
        return found;
    }

    /** The last organisation named before an offset whose name ends with the kind ("association"), or any for "company" or "firm". */
    private static Found.Agent lastOrganisationOfKind(Story story, int offset, String kind) {
        boolean any = kind.equals("company") || kind.equals("firm") || kind.equals("group");
        Found.Agent last = null;
        for (Found.Mention m : story.mentions) {
            if (m.start() >= offset) {
                break;
            }
            String name = m.agent().name().toLowerCase(java.util.Locale.ROOT);
            String head = name.contains(" of ") ? name.substring(0, name.indexOf(" of ")) : name;
            if (m.agent().kind() == EntityIndex.Kind.ORGANISATION && (any || name.endsWith(kind) || head.endsWith(kind))) {
                last = m.agent();
            }
        }
        return last;
    }

    private static final Pattern MINISTER_OF = Pattern.compile("\\b[Mm]inister\\s+(?:for|of)\\s+(?:the\\s+)?(?<area>" + Patterns.NAME + ")");

    /** The ministry of a minister's title ("Minister of Industry and Trade"), when the text or the graph names it; never invented. */
    private static Found.Agent ministryOf(Story story, String role) {
        Matcher m = MINISTER_OF.matcher(role);
        if (!m.find()) {
            return null;
        }
        Found.Agent ministry = story.people.agentIfSeen("Ministry of " + m.group("area"));
        return ministry != null && ministry.kind() == EntityIndex.Kind.ORGANISATION ? ministry : null;
    }

    private static int trimSpace(String text, int end) {
        int e = end;
        while (e > 0 && Segmenter.isSpace(text.charAt(e - 1))) {
            e--;
        }
        return e;
    }

    private static boolean overlaps(List<int[]> taken, int start, int end) {
        return taken.stream().anyMatch(t -> start < t[1] && t[0] < end);
    }
}
