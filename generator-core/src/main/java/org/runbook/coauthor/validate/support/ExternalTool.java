package org.runbook.coauthor.validate.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs a local program (bash, shellcheck) on a script written to a temporary file, with a time
 * limit, and never hangs: output goes to temporary files rather than pipes, and a program that
 * outlives the limit is killed. Results are cached by program and script content, so the same
 * script is checked once per JVM however many documents hold it.
 */
public final class ExternalTool {
    /** Longest a tool may run on one script. */
    public static final long TIMEOUT_SECONDS = 5;

    private static final int CACHE_SIZE = 1024;
    private static final Map<String, Optional<Result>> CACHE = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Optional<Result>> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    /** Exit status and output of a finished run. */
    public record Result(int exitCode, String stdout, String stderr) {}

    private ExternalTool() {}

    /**
     * Runs {@code command...} with the path of a file holding {@code script} as the last argument.
     * Empty when the program cannot be started or does not finish in time.
     */
    public static Optional<Result> run(List<String> command, String script) {
        String key = String.join("\u0000", command) + "\u0001" + sha256(script);
        synchronized (CACHE) {
            Optional<Result> cached = CACHE.get(key);
            if (cached != null) {
                return cached;
            }
        }
        Optional<Result> result = runUncached(command, script);
        synchronized (CACHE) {
            CACHE.put(key, result);
        }
        return result;
    }

    /** Whether {@code program --version} runs; checked once per program name. */
    public static boolean available(String program) {
        return run(List.of(program, "--version"), "").isPresent();
    }

    /** Forgets cached results, e.g. so a benchmark measures the processes too. */
    public static void clearCache() {
        synchronized (CACHE) {
            CACHE.clear();
        }
    }

    private static Optional<Result> runUncached(List<String> command, String script) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("coauthor-sh");
            Path file = dir.resolve("script.sh");
            Path out = dir.resolve("out.txt");
            Path err = dir.resolve("err.txt");
            Files.writeString(file, script, StandardCharsets.UTF_8);
            List<String> argv = new ArrayList<>(command);
            if (!(command.size() == 2 && command.get(1).equals("--version"))) {
                argv.add(file.toString());
            }
            ProcessBuilder builder = new ProcessBuilder(argv)
                    .directory(dir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(nullFile()))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            // A non-interactive bash runs the file BASH_ENV names before it parses anything.
            builder.environment().keySet().removeAll(List.of("BASH_ENV", "ENV", "SHELLOPTS", "BASHOPTS"));
            Process p = builder.start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(1, TimeUnit.SECONDS);
                return Optional.empty();
            }
            return Optional.of(new Result(p.exitValue(), read(out), read(err).replace(file.toString(), "script.sh")));
        } catch (IOException e) {
            return Optional.empty(); // not installed, or no temporary directory: the check is skipped
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            delete(dir);
        }
    }

    private static java.io.File nullFile() {
        return new java.io.File(System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static String read(Path p) throws IOException {
        return Files.exists(p) ? new String(Files.readAllBytes(p), StandardCharsets.UTF_8) : "";
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            dir.toFile().deleteOnExit();
        }
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
