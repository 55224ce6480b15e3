package org.caredesk.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.caredesk.common.IdNumber;
import org.caredesk.people.Category;
import org.caredesk.people.Membership;
import org.caredesk.people.Person;
import org.caredesk.people.PersonDraft;
import org.caredesk.people.PersonQuery;
import org.caredesk.people.PersonRow;
import org.caredesk.people.data.PersonRepository;
import org.caredesk.people.service.PeopleRules;
import org.caredesk.people.service.PersonService;

/** Invented people and file helpers shared by the data-safety tests. */
final class BackupTestData {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private BackupTestData() {}

    static Clock at(String localDateTime) {
        return Clock.fixed(LocalDateTime.parse(localDateTime).atZone(ZONE).toInstant(), ZONE);
    }

    static Clock at(Instant instant) {
        return Clock.fixed(instant, ZONE);
    }

    static PersonService people(Database db, Clock clock) {
        return new PersonService(db.dsl(), new PersonRepository(), clock, PeopleRules.DEFAULTS,
                org.caredesk.security.TestSessions.with(org.caredesk.security.Role.CASEWORKER));
    }

    /** A valid, invented resident ID number (GB 11643 check character) for a sequence number. */
    static String idNumber(int sequence) {
        return idNumber(1960, sequence);
    }

    /** Distinct for every sequence number below 336,000 within a birth year. */
    static String idNumber(int birthYear, int sequence) {
        int day = sequence / 1000;
        String first17 = "110105" + birthYear + String.format("%02d%02d%03d", 1 + day / 28 % 12, 1 + day % 28,
                sequence % 1000);
        return first17 + IdNumber.checkChar(first17);
    }

    static Person register(PersonService people, String name, int sequence) {
        return people.register(PersonDraft.minimal(name, idNumber(sequence),
                List.of(Membership.of(Category.ELDERLY_ALONE))));
    }

    static List<String> names(PersonService people) {
        return people.search(PersonQuery.all().withPage(0, 1000)).items().stream().map(PersonRow::name).sorted()
                .toList();
    }

    static String sha256(Path file) {
        try {
            return sha256Of(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256Of(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where {@code needle} first occurs in {@code haystack}, or -1. */
    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Every file under a folder, relative to it. */
    static List<String> filesUnder(Path folder) {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(folder)) {
            return all.filter(Files::isRegularFile).map(p -> folder.relativize(p).toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The newest migration's version, read from the migration files, so the expectation follows new migrations. */
    static String latestMigration() {
        Path folder = Path.of("src/main/resources/db/migration");
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(folder)) {
            return String.valueOf(files.map(f -> f.getFileName().toString())
                    .filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElseThrow());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
