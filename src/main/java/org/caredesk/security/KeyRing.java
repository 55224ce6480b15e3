package org.caredesk.security;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.caredesk.common.UserException;
import org.caredesk.db.FolderSync;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file {@code keyring.properties} in the data folder: the random database file key, wrapped once per user
 * (AES-256-GCM under a PBKDF2 key from that user's password), so any valid login opens the database and a
 * password change re-wraps one slot without touching the database. The file holds nothing readable without a
 * password; see docs/decisions/0006-encryption-at-rest.md.
 *
 * <p>Every change rewrites the whole file through a temporary file in the same folder and an atomic rename, so a
 * crash leaves either the old key ring or the new one, never half of one.
 */
public final class KeyRing {
    private static final Logger LOG = LoggerFactory.getLogger(KeyRing.class);
    /** The key ring's name inside the data folder. */
    public static final String FILE_NAME = "keyring.properties";
    /** Length of the database file key. */
    public static final int FILE_KEY_BYTES = 32;
    /** Below this, a test's speed-up would pass for a production setting. */
    public static final int MIN_ITERATIONS = 1_000;
    /** A doctored iteration count must not hang the login window for hours. */
    static final int MAX_ITERATIONS = 100_000_000;
    static final int FORMAT = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int KEY_BITS = 256;
    private static final String CHECK_LABEL = "caredesk key ring check";
    private static final Pattern SLOT_USER = Pattern.compile("slot\\.(\\d{1,6})\\.user");

    /** One user's wrapped copy of the file key. */
    private record Slot(String user, byte[] salt, int iterations, byte[] nonce, byte[] wrapped) {}

    private final Path file;
    private final int iterations;
    private final byte[] check;
    /** Keyed by {@link #normalise(String)} of the user name, in the order the slots were added. */
    private Map<String, Slot> slots;

    private KeyRing(Path file, int iterations, byte[] check, Map<String, Slot> slots) {
        this.file = file;
        this.iterations = iterations;
        this.check = check;
        this.slots = slots;
    }

    /** A fresh random database file key. The caller wipes it ({@link Pbkdf2#wipe(byte[])}) when done. */
    public static byte[] newFileKey() {
        return Pbkdf2.randomBytes(FILE_KEY_BYTES);
    }

    /**
     * Creates the key ring with its first slot. Refuses to overwrite an existing key ring: that would lock
     * everyone out of the database it belongs to.
     *
     * @param iterations PBKDF2 work factor for new and re-wrapped slots: {@link Pbkdf2#ITERATIONS} in production
     */
    public static KeyRing create(Path file, String user, char[] password, byte[] fileKey, int iterations) {
        checkIterations(iterations);
        checkFileKey(fileKey);
        if (Files.exists(file)) {
            throw new UserException("keyring.error.alreadySetUp", file.toString());
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UserException(e, "error.dataDirNotWritable", file.toAbsolutePath().getParent().toString());
        }
        KeyRing ring = new KeyRing(file, iterations, checkValue(fileKey), new LinkedHashMap<>());
        ring.addSlot(user, password, fileKey);
        return ring;
    }

    /**
     * Reads the key ring.
     *
     * @param iterations PBKDF2 work factor for slots written from now on; existing slots keep their own count
     * @throws UserException when the file is missing ({@code keyring.error.missing}) or damaged
     */
    public static KeyRing load(Path file, int iterations) {
        checkIterations(iterations);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UserException(e, "keyring.error.missing", file.toString());
        } catch (java.nio.charset.CharacterCodingException e) {
            throw damaged(file, e);
        } catch (IOException e) {
            throw new UserException(e, "error.io", file.toString());
        }
        return parse(file, text, iterations);
    }

    /**
     * Reads a key ring that is not a data folder's (the one inside a backup, before anything is unpacked). It is
     * for opening only: a change would be written to {@link #FILE_NAME} in the working directory.
     *
     * @throws UserException {@code keyring.error.damaged} when it is not a whole key ring
     */
    public static KeyRing fromBytes(byte[] content, int iterations) {
        checkIterations(iterations);
        Path name = Path.of(FILE_NAME);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(content)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw damaged(name, e);
        }
        return parse(name, text, iterations);
    }

    /** The user names that have a slot, as they were written, in the order they were added. */
    public synchronized List<String> users() {
        List<String> users = new ArrayList<>();
        for (Slot s : slots.values()) {
            users.add(s.user());
        }
        return Collections.unmodifiableList(users);
    }

    public synchronized boolean hasSlot(String user) {
        return slots.containsKey(normalise(user));
    }

    public Path file() {
        return file;
    }

    /** Whether {@code fileKey} is the key this ring holds (a backup's ring against the folder's own key). */
    public boolean holds(byte[] fileKey) {
        return fileKey != null && fileKey.length == FILE_KEY_BYTES && Pbkdf2.same(checkValue(fileKey), check);
    }

    /**
     * The database file key, if {@code password} is this user's. An unknown user and a wrong password give the
     * same error and take the same time, so the login window does not reveal which user names exist. The caller
     * owns both arrays and wipes them.
     *
     * @throws UserException {@code keyring.error.wrongLogin}; or {@code keyring.error.damaged} when the slot opens
     *     but does not hold this key ring's key
     */
    public byte[] unwrap(String user, char[] password) {
        Slot slot;
        synchronized (this) {
            slot = user == null ? null : slots.get(normalise(user));
        }
        if (slot == null) {
            // Spend the time a real slot would cost, against a salt nobody has.
            Pbkdf2.wipe(Pbkdf2.derive(password, Pbkdf2.randomBytes(Pbkdf2.SALT_BYTES), iterations, KEY_BITS));
            throw new UserException("keyring.error.wrongLogin");
        }
        byte[] kek = Pbkdf2.derive(password, slot.salt(), slot.iterations(), KEY_BITS);
        byte[] fileKey;
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(kek, "AES"), new GCMParameterSpec(TAG_BITS, slot.nonce()));
            c.updateAAD(associatedData(slot.user(), slot.salt(), slot.iterations()));
            fileKey = c.doFinal(slot.wrapped());
        } catch (AEADBadTagException e) {
            // A wrong password and an edited slot look the same to GCM: both fail the tag.
            throw new UserException("keyring.error.wrongLogin");
        } catch (GeneralSecurityException e) {
            throw damaged(file, e);
        } finally {
            Pbkdf2.wipe(kek);
        }
        if (fileKey.length != FILE_KEY_BYTES || !Pbkdf2.same(checkValue(fileKey), check)) {
            Pbkdf2.wipe(fileKey);
            throw damaged(file, null);
        }
        return fileKey;
    }

    /**
     * Gives a new user a slot.
     *
     * @throws UserException {@code keyring.error.userExists} when the user already has one
     * @throws IllegalArgumentException when {@code fileKey} is not this key ring's key (a programming error that
     *     would otherwise give the user a slot that opens nothing)
     */
    public synchronized void addSlot(String user, char[] password, byte[] fileKey) {
        String name = checkUserName(user);
        requireThisKey(fileKey);
        if (slots.containsKey(normalise(name))) {
            throw new UserException("keyring.error.userExists", name);
        }
        Map<String, Slot> next = new LinkedHashMap<>(slots);
        next.put(normalise(name), wrap(name, password, fileKey));
        save(next);
        LOG.info("Key ring {}: added a slot for {}", file, name);
    }

    /**
     * Re-wraps a user's slot under a new password (own change or an administrator's reset): the file key stays the
     * same, the old password stops opening it.
     *
     * @throws IllegalArgumentException when the user has no slot or {@code fileKey} is not this key ring's key
     */
    public synchronized void rewrap(String user, char[] newPassword, byte[] fileKey) {
        requireThisKey(fileKey);
        Slot old = user == null ? null : slots.get(normalise(user));
        if (old == null) {
            throw new IllegalArgumentException("No key ring slot for this user");
        }
        Map<String, Slot> next = new LinkedHashMap<>(slots);
        next.put(normalise(user), wrap(old.user(), newPassword, fileKey));
        save(next);
        LOG.info("Key ring {}: re-wrapped the slot of {}", file, old.user());
    }

    /**
     * Removes a user's slot (the account was deleted).
     *
     * @return false when the user had no slot
     * @throws UserException {@code keyring.error.lastSlot}: without any slot nobody could open the database again
     */
    public synchronized boolean removeSlot(String user) {
        String key = user == null ? null : normalise(user);
        if (key == null || !slots.containsKey(key)) {
            return false;
        }
        if (slots.size() == 1) {
            throw new UserException("keyring.error.lastSlot");
        }
        Map<String, Slot> next = new LinkedHashMap<>(slots);
        Slot removed = next.remove(key);
        save(next);
        LOG.info("Key ring {}: removed the slot of {}", file, removed.user());
        return true;
    }

    private Slot wrap(String user, char[] password, byte[] fileKey) {
        byte[] salt = Pbkdf2.randomBytes(Pbkdf2.SALT_BYTES);
        byte[] nonce = Pbkdf2.randomBytes(NONCE_BYTES);
        byte[] kek = Pbkdf2.derive(password, salt, iterations, KEY_BITS);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(kek, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(associatedData(user, salt, iterations));
            return new Slot(user, salt, iterations, nonce, c.doFinal(fileKey));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM/NoPadding is part of every Java 17 runtime", e);
        } finally {
            Pbkdf2.wipe(kek);
        }
    }

    /**
     * Binds the ciphertext to its slot's user, salt and work factor: moving a slot to another user or lowering
     * its iteration count makes it fail to open instead of silently working.
     */
    private static byte[] associatedData(String user, byte[] salt, int iterations) {
        String s = "caredesk-keyring/" + FORMAT + "\n" + normalise(user) + "\n" + iterations + "\n"
                + Base64.getEncoder().encodeToString(salt);
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Lets the key ring tell its own key from another one without storing anything that helps a guesser. */
    private static byte[] checkValue(byte[] fileKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(fileKey, "HmacSHA256"));
            return mac.doFinal(CHECK_LABEL.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java 17 runtime", e);
        }
    }

    private void requireThisKey(byte[] fileKey) {
        checkFileKey(fileKey);
        if (!Pbkdf2.same(checkValue(fileKey), check)) {
            throw new IllegalArgumentException("This is not the key ring's file key");
        }
    }

    /** User names match regardless of case and surrounding spaces, as at the login window. */
    static String normalise(String user) {
        return user.strip().toLowerCase(Locale.ROOT);
    }

    private static String checkUserName(String user) {
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("A key ring slot needs a user name");
        }
        String name = user.strip();
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) {
                throw new IllegalArgumentException("A user name cannot contain control characters");
            }
        }
        return name;
    }

    private static void checkIterations(int iterations) {
        if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("PBKDF2 iterations out of range: " + iterations);
        }
    }

    private static void checkFileKey(byte[] fileKey) {
        if (fileKey == null || fileKey.length != FILE_KEY_BYTES) {
            throw new IllegalArgumentException("A file key has " + FILE_KEY_BYTES + " bytes");
        }
    }

    // ---- the file ----

    private static KeyRing parse(Path file, String text, int iterations) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            throw damaged(file, e);
        }
        String format = p.getProperty("format");
        if (format == null) {
            throw damaged(file, null);
        }
        if (!format.strip().equals(String.valueOf(FORMAT))) {
            if (format.strip().matches("\\d{1,3}") && Integer.parseInt(format.strip()) > FORMAT) {
                throw new UserException("keyring.error.newerFormat", file.toString());
            }
            throw damaged(file, null);
        }
        byte[] check = base64(file, p, "check");
        if (check.length != 32) {
            throw damaged(file, null);
        }
        Map<Integer, String> order = new TreeMap<>();
        for (String key : p.stringPropertyNames()) {
            Matcher m = SLOT_USER.matcher(key);
            if (m.matches()) {
                order.put(Integer.valueOf(m.group(1)), key);
            }
        }
        Map<String, Slot> slots = new LinkedHashMap<>();
        for (Integer n : order.keySet()) {
            String prefix = "slot." + n + ".";
            String user = p.getProperty(prefix + "user");
            int slotIterations;
            try {
                slotIterations = Integer.parseInt(required(file, p, prefix + "iterations").strip());
            } catch (NumberFormatException e) {
                throw damaged(file, e);
            }
            if (user.isBlank() || slotIterations < 1 || slotIterations > MAX_ITERATIONS) {
                throw damaged(file, null);
            }
            Slot slot = new Slot(user.strip(), base64(file, p, prefix + "salt"), slotIterations,
                    base64(file, p, prefix + "nonce"), base64(file, p, prefix + "key"));
            if (slot.nonce().length != NONCE_BYTES || slot.wrapped().length != FILE_KEY_BYTES + TAG_BITS / 8
                    || slot.salt().length < 8 || slots.put(normalise(slot.user()), slot) != null) {
                throw damaged(file, null);
            }
        }
        if (slots.isEmpty()) {
            throw damaged(file, null);
        }
        return new KeyRing(file, iterations, check, slots);
    }

    private static String required(Path file, Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null) {
            throw damaged(file, null);
        }
        return v;
    }

    private static byte[] base64(Path file, Properties p, String key) {
        try {
            return Base64.getDecoder().decode(required(file, p, key).strip());
        } catch (IllegalArgumentException e) {
            throw damaged(file, e);
        }
    }

    private static UserException damaged(Path file, Exception cause) {
        return new UserException(cause, "keyring.error.damaged", file.toString());
    }

    private String format(Map<String, Slot> content) {
        Base64.Encoder b64 = Base64.getEncoder();
        StringBuilder s = new StringBuilder();
        s.append("# CareDesk key ring: the database key, locked once for each user with that user's password.\n");
        s.append("# Nothing here is readable without a password. Editing or deleting this file can lock everyone\n");
        s.append("# out of the data; keep it with the backups.\n");
        s.append("format=").append(FORMAT).append('\n');
        s.append("check=").append(b64.encodeToString(check)).append('\n');
        int n = 0;
        for (Slot slot : content.values()) {
            n++;
            String prefix = "slot." + n + ".";
            s.append(prefix).append("user=").append(escape(slot.user())).append('\n');
            s.append(prefix).append("salt=").append(b64.encodeToString(slot.salt())).append('\n');
            s.append(prefix).append("iterations=").append(slot.iterations()).append('\n');
            s.append(prefix).append("nonce=").append(b64.encodeToString(slot.nonce())).append('\n');
            s.append(prefix).append("key=").append(b64.encodeToString(slot.wrapped())).append('\n');
        }
        return s.toString();
    }

    /**
     * A property value as {@link Properties#load(java.io.Reader)} reads it back. Names are stripped and free of
     * control characters, so only the backslash needs escaping.
     */
    private static String escape(String value) {
        return value.replace("\\", "\\\\");
    }

    private void save(Map<String, Slot> content) {
        writeAtomically(file, format(content).getBytes(StandardCharsets.UTF_8));
        slots = content;
    }

    private static void writeAtomically(Path file, byte[] content) {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, FILE_NAME + ".", ".tmp");
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(content);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("The data folder does not support atomic renames", e);
            }
            tmp = null;
            FolderSync.force(dir);
        } catch (IOException e) {
            throw new UserException(e, "error.dataDirNotWritable", dir.toString());
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    LOG.warn("Could not delete {}", tmp, e);
                }
            }
        }
    }
}
