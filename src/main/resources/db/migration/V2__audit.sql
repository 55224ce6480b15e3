-- The audit log: append-only, one row per recorded action, written in the same transaction as the change it
-- describes. Each row carries the hash of the one before it (prev_hash) and its own hash over all its fields
-- (entry_hash), so an edited, deleted or inserted row breaks the chain (see docs/decisions/0007).
create table audit_log (
    id            uuid          not null primary key,
    -- 1, 2, 3, ... without gaps: the chain's order, and a deleted row shows as a missing number.
    seq           bigint        not null,
    logged_at     timestamp     not null,
    user_name     varchar(100)  not null,
    action        varchar(30)   not null,
    object_type   varchar(30),
    object_id     varchar(100),
    object_label  varchar(200),
    detail        varchar(8000),
    outcome       varchar(10)   not null,
    prev_hash     char(64)      not null,
    entry_hash    char(64)      not null,
    constraint uq_audit_log_seq unique (seq)
);

create index ix_audit_log_logged_at on audit_log (logged_at);
create index ix_audit_log_object on audit_log (object_type, object_id);

-- Exactly one row: the number and hash of the last entry the program wrote. Every append locks and updates it in
-- its own transaction, which puts appends in a single order, and lets a check notice entries deleted from the end
-- of the log, where no later entry's prev_hash would miss them.
create table audit_head (
    id         integer   not null primary key,
    last_seq   bigint    not null,
    last_hash  char(64)  not null,
    constraint ck_audit_head_single check (id = 1)
);

insert into audit_head (id, last_seq, last_hash)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
