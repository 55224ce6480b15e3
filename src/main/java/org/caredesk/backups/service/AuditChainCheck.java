package org.caredesk.backups.service;

import java.time.Clock;
import java.util.Optional;
import org.caredesk.audit.ChainCheck;
import org.caredesk.audit.data.AuditRepository;
import org.caredesk.audit.service.AuditLog;
import org.caredesk.common.I18n;
import org.caredesk.db.Database;
import org.caredesk.db.RestoreService;
import org.caredesk.security.Session;

/**
 * The audit chain of a backup, checked before the backup may replace the database: a backup whose log was
 * edited, shortened or added to behind the program's back is refused, whatever else it holds. Runs on the
 * unpacked copy, opened by {@link RestoreService}; nobody's session is needed, since only the chain's verdict
 * (an entry's number and time) comes out.
 */
public final class AuditChainCheck implements RestoreService.ExtraCheck {
    private final Clock clock;

    public AuditChainCheck(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Optional<String> check(Database backup) {
        ChainCheck chain = new AuditLog(backup.dsl(), new AuditRepository(), clock, new Session()).checkChain();
        return chain.intact() ? Optional.empty()
                : Optional.of(I18n.get("restore.problem.auditChain", chain.sentence()));
    }
}
