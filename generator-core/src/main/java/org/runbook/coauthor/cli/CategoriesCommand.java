package org.runbook.coauthor.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.runbook.coauthor.api.CategoryInfo;
import org.runbook.coauthor.api.CoAuthor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code coauthor categories}: what the catalog covers. */
@Command(
        name = "categories",
        mixinStandardHelpOptions = true,
        description = "Lists the categories with their block counts and example requests.")
final class CategoriesCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        List<CategoryInfo> categories = CoAuthor.categories();
        var out = spec.commandLine().getOut();
        if (common.format == CommonOptions.Format.json) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (CategoryInfo c : categories) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", c.name());
                m.put("blocks", c.blocks());
                m.put("guidance", c.guidance());
                m.put("examples", c.examples());
                list.add(m);
            }
            out.println(Results.json(list, true));
        } else {
            for (CategoryInfo c : categories) {
                out.printf("%s (%d blocks)%n  %s%n", c.name(), c.blocks(), c.guidance());
                c.examples().forEach(e -> out.println("  e.g. \"" + e + "\""));
            }
            out.printf(
                    "%d blocks in %d categories%n",
                    categories.stream().mapToInt(CategoryInfo::blocks).sum(), categories.size());
        }
        out.flush();
        return ExitCodes.OK;
    }
}
