package org.runbook.coauthor.author.offline;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A parameter of a building block. It becomes a job option unless it is derived from other
 * parameters or bound to what an earlier block produced.
 *
 * @param extract optional regex with one group that finds a literal value in a request
 * @param derive optional template ({@code {{other}}.sql.gz}) that computes the value
 * @param produces what the parameter names that the block leaves behind ({@code file}, {@code dir})
 * @param consumes what the parameter takes from an earlier block
 */
public record BlockParam(
        String name,
        ParamType type,
        String description,
        List<String> aliases,
        String defaultValue,
        List<String> values,
        String regex,
        boolean required,
        Pattern extract,
        String derive,
        String produces,
        String consumes) {
    public BlockParam {
        aliases = List.copyOf(aliases);
        values = List.copyOf(values);
    }

    /** The regex the job option carries: the block's own, else the type's. */
    public String effectiveRegex() {
        return regex != null ? regex : type.regex();
    }
}
