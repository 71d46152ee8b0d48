package org.runbook.coauthor.validate.support;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/** Small phrases shared by the reference and node rules' messages. */
public final class ReferenceWording {
    private ReferenceWording() {}

    /** {@code "a", "b", "c"}, at most ten names, then "and N more". */
    public static String quoted(Collection<String> names) {
        List<String> shown = names.stream().limit(10).map(s -> "\"" + s + "\"").toList();
        String list = String.join(", ", shown);
        return names.size() > shown.size() ? list + " and " + (names.size() - shown.size()) + " more" : list;
    }

    /** "step 2", "steps 1 and 3", "steps 1, 2 and 4". */
    public static String steps(List<Integer> numbers) {
        if (numbers.size() == 1) {
            return "step " + numbers.get(0);
        }
        String head = numbers.subList(0, numbers.size() - 1).stream()
                .map(String::valueOf)
                .collect(Collectors.joining(", "));
        return "steps " + head + " and " + numbers.get(numbers.size() - 1);
    }
}
