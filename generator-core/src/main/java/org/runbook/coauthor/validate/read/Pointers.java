package org.runbook.coauthor.validate.read;

/** JSON pointer helpers (RFC 6901). */
public final class Pointers {
    private Pointers() {}

    public static String child(String pointer, String key) {
        return pointer + "/" + key.replace("~", "~0").replace("/", "~1");
    }

    public static String child(String pointer, int index) {
        return pointer + "/" + index;
    }

    /** {@code /0/sequence/commands/1} → {@code $[0].sequence.commands[1]}. */
    public static String yamlPath(String pointer) {
        StringBuilder out = new StringBuilder("$");
        if (pointer.isEmpty()) {
            return out.toString();
        }
        for (String part : pointer.substring(1).split("/", -1)) {
            String p = part.replace("~1", "/").replace("~0", "~");
            out.append(p.matches("[0-9]+") ? "[" + p + "]" : "." + p);
        }
        return out.toString();
    }
}
