package org.runbook.coauthor.author.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Tokenising and light stemming shared by lexical retrieval and parameter matching. */
final class Words {
    /** Words that carry no meaning about the task, including the politeness of typical requests. */
    private static final Set<String> STOP = Set.of(
            "a",
            "an",
            "the",
            "and",
            "or",
            "of",
            "to",
            "in",
            "on",
            "for",
            "from",
            "with",
            "by",
            "at",
            "as",
            "into",
            "onto",
            "is",
            "are",
            "be",
            "it",
            "its",
            "this",
            "that",
            "these",
            "those",
            "them",
            "their",
            "then",
            "i",
            "me",
            "my",
            "we",
            "our",
            "us",
            "you",
            "your",
            "he",
            "she",
            "they",
            "should",
            "would",
            "could",
            "can",
            "able",
            "want",
            "need",
            "please",
            "help",
            "write",
            "automated",
            "automation",
            "runbook",
            "job",
            "some",
            "any",
            "all",
            "every",
            "each",
            "which",
            "what",
            "when",
            "where",
            "how",
            "so",
            "if",
            "only",
            "also",
            "do",
            "does",
            "let",
            "make",
            "sure",
            "will",
            "there",
            "have",
            "has",
            "about",
            "up",
            "over",
            "after",
            "before",
            "using",
            "use",
            "via",
            "per",
            "one",
            "specific",
            "given",
            "give",
            "choose",
            "choosing",
            "pick",
            "select",
            "selected",
            "specify",
            "option",
            "options",
            "just",
            "like",
            "get");

    private Words() {}

    static boolean isStopWord(String word) {
        return STOP.contains(word.toLowerCase(Locale.ROOT));
    }

    /** Lower-case stemmed content words of {@code text}. */
    static List<String> terms(String text) {
        List<String> out = new ArrayList<>();
        for (String raw : text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (raw.isEmpty() || STOP.contains(raw)) {
                continue;
            }
            out.add(stem(raw));
        }
        return out;
    }

    static String stem(String word) {
        if (word.length() <= 3 || word.chars().anyMatch(Character::isDigit)) {
            return word;
        }
        if (word.endsWith("ies") && word.length() > 4) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.endsWith("ing") && word.length() > 5) {
            return trimDouble(word.substring(0, word.length() - 3));
        }
        if (word.endsWith("ed") && word.length() > 4) {
            return trimDouble(word.substring(0, word.length() - 2));
        }
        if (word.endsWith("es") && word.length() > 4 && "sxz".indexOf(word.charAt(word.length() - 3)) >= 0) {
            return word.substring(0, word.length() - 2);
        }
        if (word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us")) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }

    private static String trimDouble(String stem) {
        int n = stem.length();
        if (n > 2 && stem.charAt(n - 1) == stem.charAt(n - 2) && "lsz".indexOf(stem.charAt(n - 1)) < 0) {
            return stem.substring(0, n - 1);
        }
        if (stem.endsWith("e") && n > 3) {
            return stem.substring(0, n - 1);
        }
        return stem;
    }
}
