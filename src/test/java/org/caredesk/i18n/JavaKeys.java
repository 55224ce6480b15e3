package org.caredesk.i18n;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the i18n keys Java source asks for, by reading the text (no compiler needed):
 * <ol>
 * <li>the key argument of the calls that take one ({@code I18n.get("k")}, {@code new I18n.Key("k")},
 * {@code Problem.error(field, "k")}, {@code new UserException("k")}, {@code new NavEntry(id, "k", ...)}), with every
 * literal of a conditional ({@code demo ? "a" : "b"}); a key built by concatenation is left alone;</li>
 * <li>any other string literal in a namespace the bundles use ({@code "problem.x"}, {@code "people.y"}), which
 * catches keys handed through helper methods. JVM property names and file names are not keys.</li>
 * </ol>
 */
final class JavaKeys {
    /** A call whose argument number {@code argument} is a key; -1: the first of the first two with a literal. */
    private record Call(String opening, int argument) {}

    private static final List<Call> CALLS = List.of(
            new Call("I18n.get(", 0), new Call("I18n.has(", 0), new Call("I18n.Key(", 0),
            new Call("Problem.error(", 1), new Call("Problem.warning(", 1), new Call("new Problem(", 1),
            new Call("new UserException(", -1), new Call("new NavEntry(", 1));
    private static final Call IMPORTED_KEY = new Call("new Key(", 0);

    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    private static final Pattern KEY_SHAPE = Pattern.compile("[A-Za-z][\\w-]*(\\.[\\w-]+)+");
    private static final Set<String> NOT_TEXT_NAMESPACES = Set.of("file", "user", "os", "java", "javafx", "jdk",
            "sun", "line", "path", "glass", "prism", "testfx", "monocle", "org", "com", "net", "i18n", "db");
    private static final Set<String> FILE_EXTENSIONS = Set.of("xlsx", "xls", "csv", "txt", "sql", "fxml", "css",
            "properties", "png", "jpg", "svg", "log", "db", "json", "xml", "jar", "java", "class", "md", "html",
            "mv", "zip", "tmp", "bak");

    private JavaKeys() {}

    /** Key → the first file that uses it. */
    static Map<String, String> scan(Path sourceRoot, Set<String> bundleKeys) {
        Set<String> namespaces = new TreeSet<>();
        for (String k : bundleKeys) {
            namespaces.add(k.substring(0, k.indexOf('.') < 0 ? k.length() : k.indexOf('.')));
        }
        namespaces.removeAll(NOT_TEXT_NAMESPACES);

        Map<String, String> keys = new TreeMap<>();
        for (Path file : I18nConsistencyTest.files(sourceRoot, ".java")) {
            String src = withoutComments(I18nConsistencyTest.read(file));
            String where = sourceRoot.relativize(file).toString();
            for (Call call : CALLS) {
                callKeys(src, call).forEach(k -> keys.putIfAbsent(k, where));
            }
            if (src.contains("import org.caredesk.common.I18n.Key;")) {
                callKeys(src, IMPORTED_KEY).forEach(k -> keys.putIfAbsent(k, where));
            }
            Matcher m = LITERAL.matcher(src);
            while (m.find()) {
                String literal = m.group(1);
                if (looksLikeKey(literal) && namespaces.contains(literal.substring(0, literal.indexOf('.')))
                        && !FILE_EXTENSIONS.contains(literal.substring(literal.lastIndexOf('.') + 1))) {
                    keys.putIfAbsent(literal, where);
                }
            }
        }
        return keys;
    }

    private static boolean looksLikeKey(String s) {
        return KEY_SHAPE.matcher(s).matches();
    }

    private static Set<String> callKeys(String src, Call call) {
        Set<String> found = new TreeSet<>();
        int from = 0;
        while (true) {
            int at = src.indexOf(call.opening(), from);
            if (at < 0) {
                return found;
            }
            from = at + call.opening().length();
            if (at > 0 && Character.isJavaIdentifierPart(src.charAt(at - 1))) {
                continue;
            }
            List<String> args = arguments(src, from);
            String arg = null;
            if (call.argument() >= 0) {
                arg = call.argument() < args.size() ? args.get(call.argument()) : null;
            } else {
                for (int i = 0; i < Math.min(2, args.size()) && arg == null; i++) {
                    if (LITERAL.matcher(args.get(i)).find()) {
                        arg = args.get(i);
                    }
                }
            }
            if (arg == null || outsideLiterals(arg).contains("+")) {
                continue;
            }
            Matcher m = LITERAL.matcher(arg);
            while (m.find()) {
                if (looksLikeKey(m.group(1))) {
                    found.add(m.group(1));
                }
            }
        }
    }

    /** The top-level arguments of a call whose opening parenthesis ends just before {@code start}. */
    private static List<String> arguments(String src, int start) {
        List<String> args = new java.util.ArrayList<>();
        int depth = 0;
        int argStart = start;
        for (int i = start; i < src.length(); i++) {
            char c = src.charAt(i);
            if (c == '"' || c == '\'') {
                i = endOfLiteral(src, i);
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
                depth--;
            } else if (c == ')') {
                args.add(src.substring(argStart, i).strip());
                return args;
            } else if (c == ',' && depth == 0) {
                args.add(src.substring(argStart, i).strip());
                argStart = i + 1;
            }
        }
        return args;
    }

    private static int endOfLiteral(String src, int open) {
        char quote = src.charAt(open);
        for (int i = open + 1; i < src.length(); i++) {
            char c = src.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote || c == '\n') {
                return i;
            }
        }
        return src.length();
    }

    private static String outsideLiterals(String s) {
        return LITERAL.matcher(s).replaceAll("\"\"");
    }

    /** Comments can quote keys that no longer exist; only code counts. */
    private static String withoutComments(String src) {
        StringBuilder b = new StringBuilder(src.length());
        for (int i = 0; i < src.length(); i++) {
            char c = src.charAt(i);
            if (c == '"' || c == '\'') {
                int end = endOfLiteral(src, i);
                b.append(src, i, Math.min(end + 1, src.length()));
                i = end;
            } else if (c == '/' && i + 1 < src.length() && src.charAt(i + 1) == '/') {
                while (i < src.length() && src.charAt(i) != '\n') {
                    i++;
                }
                b.append('\n');
            } else if (c == '/' && i + 1 < src.length() && src.charAt(i + 1) == '*') {
                int end = src.indexOf("*/", i + 2);
                i = end < 0 ? src.length() : end + 1;
                b.append(' ');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
