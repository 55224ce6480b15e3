package org.caredesk.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.caredesk.common.Chinese;
import org.caredesk.common.I18n;
import org.caredesk.people.PersonField;
import org.caredesk.settings.AppSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Both bundles stay complete and usable: same keys, no blanks, patterns MessageFormat can read with the same
 * arguments, and every key the code or an FXML file asks for exists. A missing key shows as "!key!" on screen,
 * which is what this prevents.
 */
class I18nConsistencyTest {
    private static final Path JAVA = Path.of("src", "main", "java");
    private static final Path RESOURCES = Path.of("src", "main", "resources");
    private static final Map<String, Locale> FILES = Map.of(
            "i18n/messages_zh_CN.properties", I18n.CHINESE,
            "i18n/messages_en.properties", I18n.ENGLISH);

    private static final Map<String, Properties> BUNDLES = new TreeMap<>();

    @BeforeAll
    static void load() {
        FILES.keySet().forEach(file -> BUNDLES.put(file, properties(file)));
    }

    private static String text(String resource) {
        try (InputStream in = I18nConsistencyTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Properties properties(String resource) {
        Properties p = new Properties();
        try (Reader r = new StringReader(text(resource))) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    private static Set<String> keys(Properties p) {
        return new TreeSet<>(p.stringPropertyNames());
    }

    private static Properties chinese() {
        return BUNDLES.get("i18n/messages_zh_CN.properties");
    }

    /** Keys that are missing from at least one bundle, with where they were asked for. */
    private static Map<String, String> missing(Map<String, String> usedKeys) {
        Map<String, String> missing = new TreeMap<>();
        usedKeys.forEach((key, where) -> {
            List<String> without = BUNDLES.entrySet().stream().filter(e -> !e.getValue().containsKey(key))
                    .map(Map.Entry::getKey).toList();
            if (!without.isEmpty()) {
                missing.put(key, "used in " + where + ", missing from " + String.join(" and ", without));
            }
        });
        return missing;
    }

    @Test
    void bothBundles_haveExactlyTheSameKeys() {
        Set<String> zh = keys(chinese());
        Set<String> en = keys(BUNDLES.get("i18n/messages_en.properties"));

        Set<String> onlyZh = new TreeSet<>(zh);
        onlyZh.removeAll(en);
        Set<String> onlyEn = new TreeSet<>(en);
        onlyEn.removeAll(zh);
        assertThat(onlyZh).as("keys missing from messages_en.properties").isEmpty();
        assertThat(onlyEn).as("keys missing from messages_zh_CN.properties").isEmpty();
        assertThat(zh).isNotEmpty();
    }

    /** The bundles grow by union merges of parallel branches, which can leave a key twice; the last one wins. */
    @Test
    void noKeyIsDefinedTwice() {
        for (String file : FILES.keySet()) {
            Map<String, Integer> seen = new HashMap<>();
            List<String> duplicates = new ArrayList<>();
            boolean continued = false;
            String[] lines = text(file).split("\r?\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                boolean wasContinued = continued;
                continued = endsWithOddBackslashes(line);
                String t = line.strip();
                if (wasContinued || t.isEmpty() || t.startsWith("#") || t.startsWith("!")) {
                    continue;
                }
                String key = t.split("\\s*[=:]|\\s", 2)[0];
                Integer first = seen.putIfAbsent(key, i + 1);
                if (first != null) {
                    duplicates.add(key + " (lines " + first + " and " + (i + 1) + ")");
                }
            }
            assertThat(duplicates).as("keys defined twice in " + file).isEmpty();
        }
    }

    private static boolean endsWithOddBackslashes(String line) {
        int n = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            n++;
        }
        return n % 2 == 1;
    }

    @Test
    void noValueIsEmpty() {
        BUNDLES.forEach((file, p) -> {
            List<String> empty = keys(p).stream().filter(k -> p.getProperty(k).isBlank()).toList();
            assertThat(empty).as("empty values in " + file).isEmpty();
        });
    }

    @Test
    void everyPatternParses_andBothLanguagesUseTheSameArguments() {
        List<String> problems = new ArrayList<>();
        Properties en = BUNDLES.get("i18n/messages_en.properties");
        for (String key : keys(chinese())) {
            Map<String, Set<Integer>> argsByFile = new TreeMap<>();
            BUNDLES.forEach((file, p) -> {
                String value = p.getProperty(key);
                if (value == null) {
                    return;
                }
                try {
                    new MessageFormat(value, FILES.get(file));
                } catch (IllegalArgumentException e) {
                    problems.add(key + " in " + file + " is not a valid MessageFormat pattern: " + e.getMessage());
                    return;
                }
                Set<Integer> args = argumentIndexes(value);
                argsByFile.put(file, args);
                problems.addAll(apostropheProblems(key, file, value, !args.isEmpty()));
            });
            if (en.containsKey(key) && new TreeSet<>(argsByFile.values().stream().map(Set::toString).toList())
                    .size() > 1) {
                problems.add(key + " uses different arguments: " + argsByFile);
            }
        }
        assertThat(problems).isEmpty();
    }

    /**
     * With arguments, MessageFormat treats a single apostrophe as the start of quoted text, so "folder's {0}"
     * loses the apostrophe and everything after it stays unformatted; it must be doubled. Without arguments the
     * text is shown as it is, so a doubled one would show twice.
     */
    private static List<String> apostropheProblems(String key, String file, String value, boolean hasArgs) {
        List<String> problems = new ArrayList<>();
        String withoutPairs = value.replace("''", "");
        if (hasArgs && withoutPairs.contains("'")) {
            problems.add(key + " in " + file + " has a single apostrophe in a pattern with arguments; write ''");
        }
        if (!hasArgs && value.contains("''")) {
            problems.add(key + " in " + file + " has a doubled apostrophe but no arguments, so it shows as ''");
        }
        return problems;
    }

    /** The argument numbers of a MessageFormat pattern, skipping quoted text and nested choice formats. */
    static Set<Integer> argumentIndexes(String pattern) {
        Set<Integer> indexes = new TreeSet<>();
        boolean quoted = false;
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '\'') {
                    i += 2;
                    continue;
                }
                quoted = !quoted;
                i++;
                continue;
            }
            if (!quoted && c == '{') {
                int end = i + 1;
                while (end < pattern.length() && pattern.charAt(end) != ',' && pattern.charAt(end) != '}') {
                    end++;
                }
                indexes.add(Integer.parseInt(pattern.substring(i + 1, end).strip()));
                int depth = 1;
                int j = i + 1;
                while (j < pattern.length() && depth > 0) {
                    if (pattern.charAt(j) == '{') {
                        depth++;
                    } else if (pattern.charAt(j) == '}') {
                        depth--;
                    }
                    j++;
                }
                i = j;
                continue;
            }
            i++;
        }
        return indexes;
    }

    @Test
    void argumentIndexes_followMessageFormatQuoting() {
        assertThat(argumentIndexes("{0} 和 {2,number,#}")).containsExactly(0, 2);
        assertThat(argumentIndexes("it''s {1}")).containsExactly(1);
        assertThat(argumentIndexes("'{0}' {1,choice,0#none|1#{1} one}")).containsExactly(1);
        assertThat(argumentIndexes("no arguments")).isEmpty();
    }

    @Test
    void everyKeyUsedInJavaSource_exists() {
        Map<String, String> used = JavaKeys.scan(JAVA, keys(chinese()));

        assertThat(used).as("keys found in src/main/java").isNotEmpty();
        assertThat(missing(used)).as("keys used in Java source but missing from a bundle").isEmpty();
    }

    @Test
    void everyPercentKeyInFxml_exists() {
        Map<String, String> used = new TreeMap<>();
        Pattern percentKey = Pattern.compile("(?:=\"|>)\\s*%([A-Za-z][\\w.\\-]*)\\s*(?:\"|<)");
        for (Path fxml : files(RESOURCES, ".fxml")) {
            Matcher m = percentKey.matcher(read(fxml));
            while (m.find()) {
                used.putIfAbsent(m.group(1), fxml.toString());
            }
        }

        assertThat(missing(used)).as("%keys used in FXML but missing from a bundle").isEmpty();
    }

    @Test
    void everyEnumWithAChineseName_andEverySettingsEnum_hasALabelInBothLanguages() {
        List<Class<?>> enums = new ArrayList<>();
        for (JavaClass c : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.caredesk")) {
            if (c.isEnum() && c.isAssignableTo(Chinese.class)) {
                enums.add(c.reflect());
            }
        }
        enums.add(AppSettings.Language.class);
        enums.add(AppSettings.FontSize.class);
        assertThat(enums).hasSizeGreaterThan(10);

        Map<String, String> used = new TreeMap<>();
        for (Class<?> type : enums) {
            for (Object constant : type.getEnumConstants()) {
                used.put(I18n.enumKey((Enum<?>) constant), type.getName());
            }
        }

        assertThat(missing(used)).as("enum labels missing").isEmpty();
    }

    @Test
    void everyPersonField_hasALabelInBothLanguages() {
        Map<String, String> used = new TreeMap<>();
        for (PersonField f : PersonField.values()) {
            used.put(f.labelKey(), "PersonField." + f.name());
        }

        assertThat(missing(used)).as("field labels missing").isEmpty();
    }

    static List<Path> files(Path root, String suffix) {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
