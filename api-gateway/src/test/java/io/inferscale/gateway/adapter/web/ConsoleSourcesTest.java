package io.inferscale.gateway.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Guards the console's sources against the ways data turns into markup or secrets leak: the console
 * builds the DOM with text nodes only, runs no inline code (the CSP would block it), and logs
 * nothing (credentials pass through its code).
 */
class ConsoleSourcesTest {
    static final Path CONSOLE = Path.of("src/main/resources/static/console");

    static Stream<Arguments> forbidden() {
        return Stream.of(
                Arguments.of("innerHTML", "js", Pattern.compile("\\.(inner|outer)HTML\\b")),
                Arguments.of("insertAdjacentHTML", "js", Pattern.compile("insertAdjacentHTML")),
                Arguments.of("document.write", "js", Pattern.compile("document\\.write")),
                Arguments.of(
                        "eval or Function()", "js", Pattern.compile("\\beval\\(|new Function\\(")),
                Arguments.of(
                        "console logging",
                        "js",
                        Pattern.compile(
                                "\\bconsole\\.(log|info|warn|error|debug|trace|dir|table)\\b")),
                Arguments.of(
                        "inline style attribute", "js", Pattern.compile("setAttribute\\('style'")),
                Arguments.of(
                        "storage other than sessionStorage",
                        "js",
                        Pattern.compile("localStorage|document\\.cookie")),
                Arguments.of(
                        "inline script", "html", Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>")),
                Arguments.of("inline event handler", "html", Pattern.compile("\\son[a-z]+=")),
                Arguments.of("inline style", "html", Pattern.compile("<style|\\sstyle=")));
    }

    @ParameterizedTest(name = "no {0} in *.{1}")
    @MethodSource("forbidden")
    void theConsoleSourcesAvoid(String what, String extension, Pattern pattern) throws IOException {
        List<Path> files = files(extension);
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            assertThat(pattern.matcher(text).find()).as("%s in %s", what, file).isFalse();
        }
    }

    private static List<Path> files(String extension) throws IOException {
        try (Stream<Path> walk = Files.walk(CONSOLE)) {
            return walk.filter(p -> p.toString().endsWith("." + extension)).sorted().toList();
        }
    }
}
