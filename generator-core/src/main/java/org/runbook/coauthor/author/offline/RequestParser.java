package org.runbook.coauthor.author.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a request into ordered action clauses and the phrases naming what the operator wants to
 * specify ("I should be able to specify X, Y and Z", "let me choose", "options for", "X I choose",
 * "a given X", "X of my choosing").
 */
final class RequestParser {
    private static final String CHOOSE_VERBS =
            "specify|choose|pick|select|set|provide|give|enter|pass|supply|define|type";

    /** A whole sentence that only lists inputs. */
    private static final Pattern PARAM_SENTENCE = Pattern.compile(
            "(?i)^(?:(?:i|we|users?|operators?|one)\\s+(?:should|must|want|need|would\\s+like|wants|needs)\\s+(?:to\\s+)?"
                    + "(?:be\\s+able\\s+to\\s+)?(?:" + CHOOSE_VERBS + ")"
                    + "|(?:let|allow)\\s+(?:me|us|the\\s+operator|the\\s+user)\\s+(?:to\\s+)?(?:" + CHOOSE_VERBS + ")"
                    + "|(?:it\\s+should\\s+)?(?:take|accept|have)s?\\s+(?:options?|parameters?|inputs?)\\s+(?:for\\s+)?"
                    + "|(?:with\\s+)?(?:options?|parameters?|inputs?)\\s*(?:for|:)"
                    + "|make\\s+(?:it\\s+)?(?:possible|configurable)\\s+to\\s+(?:" + CHOOSE_VERBS + ")"
                    + ")\\s*(.*)$");
    /** "...; options for bucket, key and destination directory" at the end of an action sentence. */
    private static final Pattern TRAILING_OPTIONS =
            Pattern.compile("(?i)[;,:]?\\s*(?:with\\s+)?(?:options?|parameters?|inputs?)\\s+(?:for|:)\\s+(.+)$");
    /** "a database I choose", "the user I give", "nodes we select". */
    private static final Pattern CHOSEN_BY_ME = Pattern.compile(
            "(?i)\\b((?:[a-z0-9][\\w-]*\\s+){0,2}[a-z0-9][\\w-]*)\\s+(?:that\\s+)?(?:i|we|the\\s+operator)\\s+(?:"
                    + CHOOSE_VERBS + "|want)\\b");

    private static final Pattern OF_MY_CHOOSING = Pattern.compile(
            "(?i)\\b((?:[a-z0-9][\\w-]*\\s+){0,2}[a-z0-9][\\w-]*)\\s+of\\s+(?:my|our|the\\s+operator's)\\s+choosing\\b");
    private static final Pattern GIVEN = Pattern.compile(
            "(?i)\\b(?:a|an|the)\\s+(?:given|specified|chosen|selectable|configurable)\\s+((?:[a-z0-9][\\w-]*)(?:\\s+of\\s+[a-z0-9][\\w-]*)?)");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z0-9])");
    private static final Pattern SEQUENCE = Pattern.compile(
            "(?i)\\s*(?:;\\s*|,?\\s+and\\s+then\\s+|,?\\s+then\\s+|,\\s*after\\s+that,?\\s*|,?\\s+followed\\s+by\\s+"
                    + "|,\\s*(?:and\\s+)?finally,?\\s+|,?\\s+afterwards,?\\s+|:\\s+)");
    /** Verbs that start a new piece of work when they follow "and" or a comma. */
    static final String VERBS =
            "upload|download|restart|reboot|verify|check|install|kill|dump|take|create|delete|remove"
                    + "|copy|sync|deploy|extract|switch|tag|apply|scale|wait|lock|unlock|gather|collect|send|notify|block"
                    + "|run|stop|start|back|backup|restore|rotate|drain|cordon|uncordon|archive|compress|fail|warn|report"
                    + "|push|pull|fetch|transfer|move|sync|clean|purge|flush|reload|enable|disable|add|grant|revoke|update"
                    + "|upgrade|patch|snapshot|terminate|isolate|capture|scan|audit|list|show|print|email|post|alert|ping"
                    + "|test|confirm|ensure|set|rollback|roll|promote|build|publish|mark|attach|detach|mount|unmount|truncate"
                    + "|expire|disconnect|terminate|invalidate|vacuum|analyze|compact|drop|cancel|tail|watch|trigger";

    private static final Pattern VERB_SPLIT =
            Pattern.compile("(?i)(?:,\\s*(?:and\\s+)?|\\s+and\\s+)(?=(?:" + VERBS + "|make\\s+sure)\\b)");

    /** "I choose", "of my choosing": who picks the value, not what the task is. */
    private static final Pattern WHO_CHOOSES = Pattern.compile(
            "(?i)\\s*\\b(?:(?:that\\s+)?(?:i|we)\\s+(?:" + CHOOSE_VERBS + "|want)|of\\s+(?:my|our)\\s+choosing)\\b");

    private RequestParser() {}

    /** The words of a clause that describe the task, for retrieval: "I choose" and the like removed. */
    static String forRetrieval(String clause) {
        String task = WHO_CHOOSES.matcher(clause).replaceAll("").strip();
        return task.isEmpty() ? clause : task;
    }

    static ParsedRequest parse(String text) {
        String normal = text.replaceAll("\\s+", " ").strip();
        List<String> actions = new ArrayList<>();
        List<String> phrases = new ArrayList<>();
        for (String sentence : SENTENCE_END.split(normal)) {
            String s = sentence.replaceAll("[.!?]+$", "").strip();
            if (s.isEmpty()) {
                continue;
            }
            Matcher param = PARAM_SENTENCE.matcher(s);
            if (param.matches()) {
                phrases.addAll(listItems(param.group(1)));
                continue;
            }
            Matcher trailing = TRAILING_OPTIONS.matcher(s);
            if (trailing.find() && trailing.start() > 0) {
                phrases.addAll(listItems(trailing.group(1)));
                s = s.substring(0, trailing.start()).strip();
            }
            collect(CHOSEN_BY_ME, s, phrases);
            collect(OF_MY_CHOOSING, s, phrases);
            collect(GIVEN, s, phrases);
            for (String clause : splitClauses(s)) {
                // "Every night, back up ..." : the schedule is read from the whole request, not retrieved.
                if (!clause.isBlank() && !ScheduleParser.scheduleOnly(clause)) {
                    actions.add(clause.strip());
                }
            }
        }
        return new ParsedRequest(normal, actions, phrases.stream().distinct().toList());
    }

    /** Splits on sequencing words and on "and"/commas that start a new verb, never inside parentheses. */
    static List<String> splitClauses(String sentence) {
        List<String> out = new ArrayList<>();
        for (String part : splitOutsideParens(sentence, SEQUENCE)) {
            out.addAll(splitOutsideParens(part, VERB_SPLIT));
        }
        return out;
    }

    private static List<String> splitOutsideParens(String text, Pattern separator) {
        List<String> out = new ArrayList<>();
        Matcher m = separator.matcher(text);
        int last = 0;
        while (m.find()) {
            if (depth(text, m.start()) == 0 && m.start() > last) {
                out.add(text.substring(last, m.start()));
                last = m.end();
            }
        }
        out.add(text.substring(last));
        return out.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static int depth(String text, int end) {
        int depth = 0;
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && depth > 0) {
                depth--;
            }
        }
        return depth;
    }

    private static void collect(Pattern pattern, String sentence, List<String> phrases) {
        Matcher m = pattern.matcher(sentence);
        while (m.find()) {
            String phrase = trimPhrase(m.group(1));
            if (!phrase.isEmpty()) {
                phrases.add(phrase);
            }
        }
    }

    /** "the hostname of the remote node, the file name and the S3 bucket" → three phrases. */
    static List<String> listItems(String list) {
        List<String> out = new ArrayList<>();
        for (String item : list.split("(?i)\\s*,\\s*(?:and\\s+|or\\s+)?|\\s+and\\s+|\\s+or\\s+|\\s*/\\s*")) {
            String phrase = trimPhrase(item);
            if (!phrase.isEmpty()) {
                out.add(phrase);
            }
        }
        return out;
    }

    private static String trimPhrase(String phrase) {
        String p = phrase.toLowerCase(Locale.ROOT).replaceAll("[.;:]+$", "").strip();
        p = p.replaceAll("^(?:(?:with|in|on|for|from|to|into|at|by|using|of|the|a|an|which|what|some|any)\\s+)+", "");
        p = p.replaceAll("\\s+(?:to\\s+use|to\\s+run\\s+on|as\\s+well)$", "");
        return p.strip();
    }
}
