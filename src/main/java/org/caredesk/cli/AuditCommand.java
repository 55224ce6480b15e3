package org.caredesk.cli;

import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.caredesk.app.AppContext;
import org.caredesk.app.Login;
import org.caredesk.app.SessionKey;
import org.caredesk.audit.AuditQuery;
import org.caredesk.audit.ChainCheck;
import org.caredesk.audit.service.AnchorCheck;
import org.caredesk.audit.service.AnchorFiles;
import org.caredesk.audit.service.AuditExporter;
import org.caredesk.audit.service.ChainAnchor;
import org.caredesk.common.I18n;
import org.caredesk.common.UserException;
import org.caredesk.db.BackupEntry;
import org.caredesk.db.BackupManifest;
import org.caredesk.db.BackupService;
import org.caredesk.db.OwnFiles;

/**
 * {@code audit verify [FILE ...]}: checks the hash chain, then compares it with every anchor found outside the
 * database: the signed manifests of the backups in the backup folder and the extra folder, and the exported audit
 * logs (or backups) given as arguments. Exit 0 when all agree, 1 with a sentence for each problem (decision 0019).
 * {@code audit export FILE.xlsx}: the whole log to a workbook, with the chain's head on a sheet of its own. Both
 * need the auditor's role.
 */
final class AuditCommand {
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");
    private final Cli cli;

    AuditCommand(Cli cli) {
        this.cli = cli;
    }

    int run(Args args) {
        String what = args.word("cli.what.subject.audit");
        switch (what) {
            case "verify":
                List<Path> given = new ArrayList<>();
                for (String w = args.optionalWord(); w != null; w = args.optionalWord()) {
                    given.add(Path.of(w).toAbsolutePath());
                }
                args.finish();
                try (AppContext ctx = cli.open()) {
                    return verify(ctx, given);
                }
            case "export":
                Path file = Path.of(args.word("cli.what.file")).toAbsolutePath();
                args.finish();
                OwnFiles.checkOutput(cli.dataDir(), file);
                try (AppContext ctx = cli.open()) {
                    AuditExporter exporter = ctx.service(AuditExporter.class);
                    int count = exporter.export(AuditQuery.all(), file, new ConsoleProgress(cli.err()));
                    cli.out().println(I18n.get("cli.audit.exported", String.valueOf(count), file.toString()));
                    return Cli.OK;
                }
            default:
                throw new UsageException("cli.unknownSubject", "audit", what, "verify / export");
        }
    }

    private int verify(AppContext ctx, List<Path> given) {
        ChainCheck check = ctx.audit().verify();
        if (!check.intact()) {
            cli.err().println(check.sentence());
            return Cli.FAILED;
        }
        cli.out().println(check.sentence());
        SessionKey key = Login.sessionKey(ctx);
        List<ChainAnchor> anchors = new ArrayList<>();
        List<Path> backups = new ArrayList<>();
        for (BackupEntry b : new BackupService(ctx.dataDir(), key.databaseFiles(), ctx.clock()).catalogue()) {
            backups.add(b.file());
        }
        for (Path file : given) {
            if (file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".zip")) {
                backups.add(file);
            } else {
                String source = I18n.get("audit.anchor.exportSource", file.getFileName().toString());
                AnchorFiles.read(file, source).ifPresentOrElse(anchors::add, () -> cli.err().println(
                        I18n.get("audit.anchor.noneInFile", file.getFileName().toString())));
            }
        }
        for (Path b : backups) {
            backupAnchor(b, key).ifPresent(anchors::add);
        }
        if (anchors.isEmpty()) {
            cli.out().println(I18n.get("audit.anchor.none"));
            return Cli.OK;
        }
        boolean problem = false;
        for (AnchorCheck.Finding f : ctx.audit().checkAnchors(anchors)) {
            (f.problem() ? cli.err() : cli.out()).println(f.sentence());
            problem |= f.problem();
        }
        if (problem) {
            cli.err().println(I18n.get("audit.verify.advice"));
            return Cli.FAILED;
        }
        return Cli.OK;
    }

    /**
     * The anchor a backup's manifest holds, when its signature proves it was written with this folder's key; an
     * older, unsigned backup holds none, and one that fails its signature is said and not used.
     */
    private Optional<ChainAnchor> backupAnchor(Path file, SessionKey key) {
        String name = file.getFileName().toString();
        BackupManifest m;
        try {
            m = BackupManifest.read(file);
        } catch (UserException e) {
            cli.err().println(I18n.get("audit.anchor.backupUnreadable", name, e.localized()));
            return Optional.empty();
        }
        if (m.auditHead().isEmpty() || m.unsignedFormat()) {
            return Optional.empty();
        }
        if (!key.with(m::signedWith)) {
            cli.err().println(I18n.get("audit.anchor.backupNotSigned", name));
            return Optional.empty();
        }
        String source = I18n.get("audit.anchor.backupSource", SHOWN.format(m.created()), name);
        return Optional.of(new ChainAnchor(m.auditHead().get().seq(), m.auditHead().get().hash(), m.created(),
                source));
    }
}
