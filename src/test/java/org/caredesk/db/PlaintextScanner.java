package org.caredesk.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.caredesk.people.Person;
import org.caredesk.people.PersonDraft;

/**
 * Looks for personal data as plain bytes in every file of a folder, in every encoding H2, POI or Java might write
 * text with (UTF-8, UTF-16 both ways, GB18030 and H2's own page format).
 */
final class PlaintextScanner {
    /** A way of turning text into bytes. */
    record Encoding(String name, Function<String, byte[]> encode) {
        static Encoding of(Charset cs) {
            return new Encoding(cs.name(), s -> s.getBytes(cs));
        }

        byte[] bytes(String s) {
            return encode.apply(s);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * H2's own string format in its page store (DataUtils.writeStringData): like UTF-8, but the second and third
     * bytes of a character lack the 10xxxxxx marker, so a scan for UTF-8 alone misses every Chinese name in a
     * plain H2 file. Found by this test's unencrypted counterpart.
     */
    static final Encoding H2_STRINGS = new Encoding("H2 page strings", s -> {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                b.write(c);
            } else if (c >= 0x800) {
                b.write(0xe0 | (c >> 12));
                b.write((c >> 6) & 0x3f);
                b.write(c & 0x3f);
            } else {
                b.write(0xc0 | (c >> 6));
                b.write(c & 0x3f);
            }
        }
        return b.toByteArray();
    });

    static final Encoding UTF_8 = Encoding.of(StandardCharsets.UTF_8);

    static final List<Encoding> ENCODINGS = List.of(UTF_8, Encoding.of(StandardCharsets.UTF_16LE),
            Encoding.of(StandardCharsets.UTF_16BE), Encoding.of(Charset.forName("GB18030")), H2_STRINGS);

    /** One piece of personal data found in one encoding in one file. */
    record Hit(String text, Encoding encoding, Path file, int needleBytes) {}

    private PlaintextScanner() {}

    /** Names, ID numbers and phone numbers (own and emergency contact) of the people. */
    static Set<String> secretsOf(List<Person> people) {
        Set<String> secrets = new LinkedHashSet<>();
        for (Person p : people) {
            PersonDraft d = p.data();
            for (String s : new String[] {d.name(), d.idNumber(), d.phone1(), d.phone2(), d.emergencyName(),
                d.emergencyPhone()}) {
                if (s != null && !s.isBlank()) {
                    secrets.add(s);
                }
            }
        }
        return secrets;
    }

    static List<Path> files(Path folder) {
        try (Stream<Path> all = Files.walk(folder)) {
            return all.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Hit> scan(Path folder, Set<String> secrets) {
        Map<Path, byte[]> contents = new LinkedHashMap<>();
        for (Path f : files(folder)) {
            try {
                contents.put(f, Files.readAllBytes(f));
                if (f.getFileName().toString().endsWith(".zip")) {
                    // A backup is a zip: deflate would hide plain text from a byte scan, so its entries count too.
                    try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(Files.newInputStream(f))) {
                        for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                            contents.put(f.resolve(entry.getName()), zip.readAllBytes());
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        List<Hit> hits = new ArrayList<>();
        for (String secret : secrets) {
            for (Encoding cs : ENCODINGS) {
                byte[] needle = cs.bytes(secret);
                for (Map.Entry<Path, byte[]> e : contents.entrySet()) {
                    if (indexOf(e.getValue(), needle) >= 0) {
                        hits.add(new Hit(secret, cs, e.getKey(), needle.length));
                    }
                }
            }
        }
        return hits;
    }

    static long totalBytes(Path folder) {
        long sum = 0;
        for (Path f : files(folder)) {
            try {
                sum += Files.size(f);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sum;
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        if (needle.length == 0) {
            return 0;
        }
        byte first = needle[0];
        int last = haystack.length - needle.length;
        outer:
        for (int i = 0; i <= last; i++) {
            if (haystack[i] != first) {
                continue;
            }
            for (int j = 1; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
