package org.runbook.coauthor.author.llm.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Takes the JSON out of a model reply that wrapped it in Markdown fences or a sentence. */
public final class Fences {
    private static final Pattern FENCE = Pattern.compile("```[A-Za-z0-9_-]*\\s*\\n?([\\s\\S]*?)```");

    private Fences() {}

    public static String strip(String reply) {
        if (reply == null) {
            return "";
        }
        String text = reply.strip();
        Matcher m = FENCE.matcher(text);
        if (m.find()) {
            text = m.group(1).strip();
        }
        if (!text.startsWith("{")) {
            int first = text.indexOf('{');
            int last = text.lastIndexOf('}');
            if (first >= 0 && last > first) {
                text = text.substring(first, last + 1);
            }
        }
        return text;
    }
}
