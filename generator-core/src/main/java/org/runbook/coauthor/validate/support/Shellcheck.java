package org.runbook.coauthor.validate.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs {@code shellcheck -f json -s bash -S warning} on a script and reads its items. shellcheck
 * counts a tab as reaching the next multiple of 8 in its columns; {@link #offset(String, Item)}
 * turns an item's line and column back into an offset of the text.
 */
public final class Shellcheck {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String command;

    /**
     * One shellcheck item.
     *
     * @param level {@code error} or {@code warning} (infos and style notes are not asked for)
     */
    public record Item(int line, int column, String level, int code, String message) {
        public boolean isError() {
            return level.equals("error");
        }
    }

    /** @param command the shellcheck program: a name on the PATH or a path */
    public Shellcheck(String command) {
        this.command = command;
    }

    /** Whether the program can be run. */
    public boolean available() {
        return ExternalTool.available(command);
    }

    /** The items for {@code script}; empty when shellcheck cannot run or finds nothing. */
    public List<Item> check(String script) {
        Optional<ExternalTool.Result> result =
                ExternalTool.run(List.of(command, "-f", "json", "-s", "bash", "-S", "warning"), script);
        if (result.isEmpty() || result.get().exitCode() > 1) {
            return List.of(); // 0: clean, 1: items; anything else is shellcheck failing
        }
        List<Item> out = new ArrayList<>();
        try {
            JsonNode items = JSON.readTree(result.get().stdout());
            for (JsonNode i : items) {
                out.add(new Item(
                        i.path("line").asInt(1),
                        i.path("column").asInt(1),
                        i.path("level").asText(""),
                        i.path("code").asInt(),
                        i.path("message").asText("")));
            }
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        return out;
    }

    /** The 0-based offset in {@code text} of an item's 1-based line and tab-expanded column. */
    public static int offset(String text, Item item) {
        int lineStart = 0;
        for (int line = 1; line < item.line(); line++) {
            int nl = text.indexOf('\n', lineStart);
            if (nl < 0) {
                return text.length();
            }
            lineStart = nl + 1;
        }
        int column = 1;
        int i = lineStart;
        while (i < text.length() && text.charAt(i) != '\n' && column < item.column()) {
            column = text.charAt(i) == '\t' ? ((column - 1) / 8 + 1) * 8 + 1 : column + 1;
            i++;
        }
        return i;
    }
}
