package org.runbook.coauthor.validate.support;

import java.util.regex.Pattern;

/**
 * Full-match of a user's regular expression against a user's value with a bounded amount of work,
 * so a hostile pattern such as {@code (a+)+$} cannot stall the validator.
 */
public final class BoundedRegex {
    private static final int READS = 2_000_000;

    private BoundedRegex() {}

    /** Whether the value fully matches; a match that takes too long counts as a match. */
    public static boolean matches(Pattern regex, String value) {
        try {
            return regex.matcher(new Budget(value, new int[] {READS})).matches();
        } catch (IllegalStateException e) {
            return true;
        }
    }

    /** A CharSequence that gives up after a number of reads, shared by its sub-sequences. */
    private record Budget(String text, int[] left) implements CharSequence {
        @Override
        public char charAt(int index) {
            if (--left[0] < 0) {
                throw new IllegalStateException("regex budget exhausted");
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Budget(text.substring(start, end), left);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
