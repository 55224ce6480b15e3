package org.caredesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.caredesk.common.I18n;
import org.caredesk.common.UserException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyRingTest {
    /** Fast for tests; production uses Pbkdf2.ITERATIONS. */
    private static final int ITERATIONS = 1_000;

    @TempDir
    Path dir;
    private Path file;
    private byte[] fileKey;

    @BeforeEach
    void setUp() {
        I18n.setLocale(I18n.CHINESE);
        file = dir.resolve(KeyRing.FILE_NAME);
        fileKey = KeyRing.newFileKey();
    }

    private static char[] pw(String s) {
        return s.toCharArray();
    }

    @Test
    void roundTrip_throughTheFile_givesBackTheSameFileKey() {
        KeyRing.create(file, "admin", pw("Gate-keeper7"), fileKey, ITERATIONS);
        KeyRing loaded = KeyRing.load(file, ITERATIONS);

        assertThat(loaded.users()).containsExactly("admin");
        assertThat(loaded.unwrap("admin", pw("Gate-keeper7"))).isEqualTo(fileKey);
    }

    @Test
    void newFileKeys_areRandom32Bytes() {
        byte[] other = KeyRing.newFileKey();

        assertThat(fileKey).hasSize(32);
        assertThat(other).hasSize(32).isNotEqualTo(fileKey);
    }

    @Test
    void theFile_holdsNeitherTheKeyNorThePassword() throws IOException {
        KeyRing.create(file, "admin", pw("Gate-keeper7"), fileKey, ITERATIONS);
        String text = Files.readString(file, StandardCharsets.UTF_8);

        assertThat(text).startsWith("#").contains("format=1").contains("slot.1.user=admin")
                .contains("slot.1.iterations=1000");
        assertThat(text).doesNotContain("Gate-keeper7")
                .doesNotContain(Base64.getEncoder().encodeToString(fileKey))
                .doesNotContain(HexFormat.of().formatHex(fileKey));
        assertThat(contains(Files.readAllBytes(file), fileKey)).isFalse();
    }

    @Test
    void wrongPassword_andUnknownUser_giveTheSameError() {
        KeyRing ring = KeyRing.create(file, "admin", pw("Gate-keeper7"), fileKey, ITERATIONS);

        UserException wrongPassword = catchThrowableOfType(UserException.class,
                () -> ring.unwrap("admin", pw("gate-keeper7")));
        UserException unknownUser = catchThrowableOfType(UserException.class,
                () -> ring.unwrap("nobody", pw("Gate-keeper7")));
        UserException noUser = catchThrowableOfType(UserException.class, () -> ring.unwrap(null, pw("x")));

        assertThat(wrongPassword.key()).isEqualTo("keyring.error.wrongLogin");
        assertThat(unknownUser.key()).isEqualTo(wrongPassword.key());
        assertThat(noUser.key()).isEqualTo(wrongPassword.key());
        assertThat(unknownUser.localized()).isEqualTo(wrongPassword.localized()).startsWith("用户名或密码不对");
        assertThat(unknownUser.args()).isEqualTo(wrongPassword.args()).isEmpty();
    }

    @Test
    void userNames_matchRegardlessOfCaseAndSurroundingSpaces() {
        KeyRing ring = KeyRing.create(file, " Admin ", pw("Gate-keeper7"), fileKey, ITERATIONS);

        assertThat(ring.users()).containsExactly("Admin");
        assertThat(ring.unwrap("admin", pw("Gate-keeper7"))).isEqualTo(fileKey);
        assertThat(ring.unwrap("ADMIN ", pw("Gate-keeper7"))).isEqualTo(fileKey);
        assertThat(ring.hasSlot("aDmIn")).isTrue();
    }

    @Test
    void everyUser_opensTheSameFileKey_withTheirOwnPassword() {
        KeyRing ring = KeyRing.create(file, "admin", pw("Gate-keeper7"), fileKey, ITERATIONS);
        ring.addSlot("王小明", pw("Front-desk#1"), fileKey);
        ring.addSlot("back\\slash", pw("Case-work22"), fileKey);

        KeyRing loaded = KeyRing.load(file, ITERATIONS);
        assertThat(loaded.users()).containsExactly("admin", "王小明", "back\\slash");
        assertThat(loaded.unwrap("王小明", pw("Front-desk#1"))).isEqualTo(fileKey);
        assertThat(loaded.unwrap("back\\slash", pw("Case-work22"))).isEqualTo(fileKey);
        assertThatThrownBy(() -> loaded.unwrap("王小明", pw("Gate-keeper7")))
                .hasFieldOrPropertyWithValue("key", "keyring.error.wrongLogin");
    }

    @Test
    void addSlot_refusesAnExistingUser_andAForeignKey() {
        KeyRing ring = KeyRing.create(file, "admin", pw("Gate-keeper7"), fileKey, ITERATIONS);

        assertThatThrownBy(() -> ring.addSlot("ADMIN", pw("Other-pass9"), fileKey))
                .isInstanceOf(UserException.class).hasFieldOrPropertyWithValue("key", "keyring.error.userExists");
        assertThatThrownBy(() -> ring.addSlot("clerk", pw("Other-pass9"), KeyRing.newFileKey()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ring.addSlot(" ", pw("Other-pass9"), fileKey))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(KeyRing.load(file, ITERATIONS).users()).containsExactly("admin");
    }

    @Test
    void rewrap_keepsTheFileKey_andTheOldPasswordStopsWorking() {
        KeyRing ring = KeyRing.create(file, "admin", pw("Gate-keeper7"), fileKey, ITERATIONS);
        ring.addSlot("clerk", pw("Front-desk#1"), fileKey);
        String before = slotLines("clerk");

        ring.rewrap("clerk", pw("New-secret#2"), fileKey);

        KeyRing loaded = KeyRing.load(file, ITERATIONS);
        assertThat(loaded.unwrap("clerk", pw("New-secret#2"))).isEqualTo(fileKey);
        assertThatThrownBy(() -> loaded.unwrap("clerk", pw("Front-desk#1")))
                .hasFieldOrPropertyWithValue("key", "keyring.error.wrongLogin");
        assertThat(loaded.unwrap("admin", pw("Gate-keeper7"))).isEqualTo(fileKey);
        assertThat(slotLines("clerk")).as("fresh salt and nonce").isNotEqualTo(before);
        assertThatThrownBy(() -> ring.rewrap("nobody", pw("x"), fileKey)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ring.rewrap("clerk", pw("x"), KeyRing.newFileKey()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rewrap_upgradesTheWorkFactorOfAnOldSlot() {
        KeyRing.create(file, "admin", pw("Gate-keeper7"), fileKey, ITERATIONS);
        KeyRing stronger = KeyRing.load(file, 2_000);

        assertThat(stronger.unwrap("admin", pw("Gate-keeper7"))).isEqualTo(fileKey);
        stronger.rewrap("admin", pw("Gate-keeper8"), fileKey);

        assertThat(slotLines("admin")).contains("iterations=2000");
        assertThat(KeyRing.load(file, ITERATIONS).unwrap("admin", pw("Gate-keeper8"))).isEqualTo(fileKey);
    }

    @Test
    void removeSlot_locksThatUserOut_butNeverTheLastOne() {
        KeyRing ring = KeyRing.create(file, "admin", pw("Gate-keeper7"), fileKey, ITERATIONS);
        ring.addSlot("clerk", pw("Front-desk#1"), fileKey);

        assertThat(ring.removeSlot("Clerk")).isTrue();
        assertThat(ring.removeSlot("clerk")).isFalse();

        KeyRing loaded = KeyRing.load(file, ITERATIONS);
        assertThat(loaded.users()).containsExactly("admin");
        assertThatThrownBy(() -> loaded.unwrap("clerk", pw("Front-desk#1")))
                .hasFieldOrPropertyWithValue("key", "keyring.error.wrongLogin");
        assertThatThrownBy(() -> loaded.removeSlot("admin"))
                .hasFieldOrPropertyWithValue("key", "keyring.error.lastSlot");
        assertThat(KeyRing.load(file, ITERATIONS).users()).containsExactly("admin");
    }

    @Test
    void create_neverOverwritesAKeyRing() {
        KeyRing.create(file, "admin", pw("Gate-keeper7"), fileKey, ITERATIONS);

        assertThatThrownBy(() -> KeyRing.create(file, "other", pw("Other-pass9"), KeyRing.newFileKey(), ITERATIONS))
                .hasFieldOrPropertyWithValue("key", "keyring.error.alreadySetUp");
        assertThat(KeyRing.load(file, ITERATIONS).unwrap("admin", pw("Gate-keeper7"))).isEqualTo(fileKey);
    }

    @Test
    void aTamperedWrappedKey_isRefused() throws IOException {
        KeyRing.create(file, "admin", pw("Gate-keeper7"), fileKey, ITERATIONS);
        String key = value("slot.1.key");
        byte[] wrapped = Base64.getDecoder().decode(key);
        wrapped[3] ^= 0x01;
        replace("slot.1.key=" + key, "slot.1.key=" + Base64.getEncoder().encodeToString(wrapped));

        KeyRing tampered = KeyRing.load(file, ITERATIONS);
        assertThatThrownBy(() -> tampered.unwrap("admin", pw("Gate-keeper7")))
                .hasFieldOrPropertyWithValue("key", "keyring.error.wrongLogin");
    }

    @Test
    void aSlotMovedToAnotherUser_orWithALowerWorkFactor_isRefused() throws IOException {
        KeyRing ring = KeyRing.create(file, "admin", pw("Gate-keeper7"), fileKey, ITERATIONS);
        ring.addSlot("clerk", pw("Front-desk#1"), fileKey);
        String original = Files.readString(file);

        // The clerk's slot relabelled as the administrator's: the clerk's password must not open "admin".
        replace("slot.1.user=admin", "slot.1.user=temp");
        replace("slot.2.user=clerk", "slot.2.user=admin");
        replace("slot.1.user=temp", "slot.1.user=clerk");
        KeyRing swapped = KeyRing.load(file, ITERATIONS);
        assertThatThrownBy(() -> swapped.unwrap("admin", pw("Front-desk#1")))
                .hasFieldOrPropertyWithValue("key", "keyring.error.wrongLogin");

        Files.writeString(file, original);
        replace("slot.1.iterations=1000", "slot.1.iterations=1");
        KeyRing weakened = KeyRing.load(file, ITERATIONS);
        assertThatThrownBy(() -> weakened.unwrap("admin", pw("Gate-keeper7")))
                .hasFieldOrPropertyWithValue("key", "keyring.error.wrongLogin");
    }

    @Test
    void aSlotFromAnotherKeyRing_isDetected() throws IOException {
        KeyRing.create(file, "admin", pw("Gate-keeper7"), fileKey, ITERATIONS);
        Path otherFile = dir.resolve("other.properties");
        KeyRing.create(otherFile, "admin", pw("Gate-keeper7"), KeyRing.newFileKey(), ITERATIONS);
        String check = value("check");
        String otherCheck = Files.readAllLines(otherFile).stream().filter(l -> l.startsWith("check="))
                .findFirst().orElseThrow();
        replace("check=" + check, otherCheck);

        KeyRing mixed = KeyRing.load(file, ITERATIONS);
        assertThatThrownBy(() -> mixed.unwrap("admin", pw("Gate-keeper7")))
                .hasFieldOrPropertyWithValue("key", "keyring.error.damaged");
    }

    @Test
    void aDamagedKeyRing_givesAClearError() throws IOException {
        KeyRing.create(file, "admin", pw("Gate-keeper7"), fileKey, ITERATIONS);
        String good = Files.readString(file);
        List<String> damaged = List.of(
                "",
                "garbage",
                good.substring(0, good.length() / 2),
                good.replace("format=1", "format=x"),
                good.replace("format=1\n", ""),
                good.replace(value("slot.1.nonce"), "@@not base64@@"),
                good.replace(value("slot.1.nonce"), "AAAA"),
                good.replace("slot.1.iterations=1000", "slot.1.iterations=2000000000"),
                good.replace("slot.1.iterations=1000", "slot.1.iterations=many"),
                good.replaceAll("slot\\.1\\.salt=.*\n", ""),
                good + "slot.2.user=ADMIN\n" + good.lines().filter(l -> l.startsWith("slot.1.") && !l.contains("user"))
                        .map(l -> l.replace("slot.1.", "slot.2.") + "\n").reduce("", String::concat));

        for (String text : damaged) {
            Files.writeString(file, text);
            assertThatThrownBy(() -> KeyRing.load(file, ITERATIONS)).as(text)
                    .isInstanceOf(UserException.class)
                    .hasFieldOrPropertyWithValue("key", "keyring.error.damaged");
        }
        Files.write(file, new byte[] {'f', 'o', (byte) 0xff, (byte) 0xfe, '='});
        assertThatThrownBy(() -> KeyRing.load(file, ITERATIONS))
                .hasFieldOrPropertyWithValue("key", "keyring.error.damaged");
        UserException e = catchThrowableOfType(UserException.class, () -> KeyRing.load(file, ITERATIONS));
        assertThat(e.localized()).contains(file.toString()).contains("备份");
    }

    @Test
    void aMissingOrNewerKeyRing_saysSo() throws IOException {
        assertThatThrownBy(() -> KeyRing.load(file, ITERATIONS))
                .hasFieldOrPropertyWithValue("key", "keyring.error.missing");

        KeyRing.create(file, "admin", pw("Gate-keeper7"), fileKey, ITERATIONS);
        replace("format=1", "format=2");
        assertThatThrownBy(() -> KeyRing.load(file, ITERATIONS))
                .hasFieldOrPropertyWithValue("key", "keyring.error.newerFormat");
    }

    @Test
    void writes_goThroughATemporaryFile_andLeaveNoneBehind() throws IOException {
        KeyRing ring = KeyRing.create(file, "admin", pw("Gate-keeper7"), fileKey, ITERATIONS);
        for (int i = 0; i < 5; i++) {
            ring.addSlot("user" + i, pw("Pass-word" + i), fileKey);
        }
        ring.removeSlot("user2");
        // What a crash before the rename leaves: a stray half-written temporary file, which the load ignores.
        Files.writeString(dir.resolve(KeyRing.FILE_NAME + ".123.tmp"), "format=1\nslot.1.us");

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(KeyRing.FILE_NAME, KeyRing.FILE_NAME + ".123.tmp");
        }
        assertThat(KeyRing.load(file, ITERATIONS).users())
                .containsExactly("admin", "user0", "user1", "user3", "user4");
    }

    @Test
    void aFailedWrite_leavesTheKeyRingAsItWas() throws IOException {
        KeyRing ring = KeyRing.create(file, "admin", pw("Gate-keeper7"), fileKey, ITERATIONS);
        String before = Files.readString(file);
        // The data folder vanishes (a USB drive pulled out): the temporary file cannot even be created.
        Path moved = dir.resolveSibling(dir.getFileName() + "-moved");
        Files.move(dir, moved);
        try {
            assertThatThrownBy(() -> ring.addSlot("clerk", pw("Front-desk#1"), fileKey))
                    .hasFieldOrPropertyWithValue("key", "error.dataDirNotWritable");
        } finally {
            Files.move(moved, dir);
        }

        assertThat(ring.users()).containsExactly("admin");
        assertThat(Files.readString(file)).isEqualTo(before);
    }

    @Test
    void iterationCounts_belowTheTestMinimum_areRefused() {
        assertThatThrownBy(() -> KeyRing.create(file, "admin", pw("Gate-keeper7"), fileKey, 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DataFolderKeys(999)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Pbkdf2.ITERATIONS).isGreaterThanOrEqualTo(600_000);
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private String value(String key) throws IOException {
        return Files.readAllLines(file).stream().filter(l -> l.startsWith(key + "=")).findFirst().orElseThrow()
                .substring(key.length() + 1);
    }

    private String slotLines(String user) {
        try {
            List<String> lines = Files.readAllLines(file);
            String userLine = lines.stream().filter(l -> l.endsWith(".user=" + user)).findFirst().orElseThrow();
            String prefix = userLine.substring(0, userLine.indexOf("user="));
            return String.join("\n", lines.stream().filter(l -> l.startsWith(prefix)).toList());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void replace(String from, String to) throws IOException {
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
    }
}
