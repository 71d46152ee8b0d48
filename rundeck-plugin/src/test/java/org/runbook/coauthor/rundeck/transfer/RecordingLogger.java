package org.runbook.coauthor.rundeck.transfer;

import com.dtolabs.rundeck.plugins.PluginLogger;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every log line with its level so tests can read what an operator would see. */
final class RecordingLogger implements PluginLogger {
    record Line(int level, String message) {}

    private final List<Line> lines = new CopyOnWriteArrayList<>();

    @Override
    public void log(int level, String message) {
        lines.add(new Line(level, message));
    }

    @Override
    public void log(int level, String message, Map eventMeta) {
        log(level, message);
    }

    @Override
    public void event(String eventType, String message, Map eventMeta) {
        log(2, message);
    }

    List<Line> lines() {
        return List.copyOf(lines);
    }

    String text() {
        StringBuilder out = new StringBuilder();
        lines.forEach(l -> out.append(l.level()).append(' ').append(l.message()).append('\n'));
        return out.toString();
    }
}
