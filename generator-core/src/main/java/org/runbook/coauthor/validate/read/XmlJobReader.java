package org.runbook.coauthor.validate.read;

/** Reads Rundeck's XML job format ({@code <joblist>}) into the YAML-shaped tree. */
public final class XmlJobReader {
    private XmlJobReader() {}

    public static ParsedDocument read(String text, String file) {
        throw new ParseProblem("XML job documents are being added; convert to YAML for now", Position.START);
    }
}
