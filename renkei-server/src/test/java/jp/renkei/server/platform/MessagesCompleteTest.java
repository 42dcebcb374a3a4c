package jp.renkei.server.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every message a page asks for exists in Japanese and in English: a missing key would show
 * subscribers and operators a raw {@code ??key??} instead of words.
 */
class MessagesCompleteTest {

    private static final Path RESOURCES = Path.of("src/main/resources");
    // #{key} and #{key(args)}: literal keys only; keys built at run time ('case.state.' + …) are checked by the pages' tests.
    private static final Pattern KEY = Pattern.compile("#\\{([a-zA-Z][\\w.-]*)[}(]");

    @ParameterizedTest(name = "every key used in a template exists in messages/*{0}.properties")
    @ValueSource(strings = {"", "_ja"})
    void everyTemplateKeyHasATranslation(String suffix) {
        Properties messages = messages(suffix);

        assertThat(templateKeys()).hasSizeGreaterThan(50).allSatisfy(key ->
                assertThat(messages.containsKey(key)).as("'%s' in messages/*%s.properties", key, suffix).isTrue());
    }

    @ParameterizedTest(name = "messages/*{0}.properties has no key the other language lacks")
    @ValueSource(strings = {"", "_ja"})
    void bothLanguagesHaveTheSameKeys(String suffix) {
        Set<Object> mine = new TreeSet<>(messages(suffix).keySet());
        Set<Object> other = new TreeSet<>(messages(suffix.isEmpty() ? "_ja" : "").keySet());

        mine.removeAll(other);
        assertThat(mine).as("keys only in messages/*%s.properties", suffix).isEmpty();
    }

    private static Set<String> templateKeys() {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(RESOURCES.resolve("templates"))) {
            files.filter(f -> f.toString().endsWith(".html")).forEach(f -> {
                Matcher m = KEY.matcher(read(f));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return keys;
    }

    private static Properties messages(String suffix) {
        Properties all = new Properties();
        try (Stream<Path> files = Files.list(RESOURCES.resolve("messages"))) {
            files.filter(f -> f.getFileName().toString().matches("[a-z-]+" + suffix + "\\.properties"))
                    .forEach(f -> {
                        try (var in = new InputStreamReader(Files.newInputStream(f), StandardCharsets.UTF_8)) {
                            all.load(in);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
