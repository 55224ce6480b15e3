-- A monthly report as it was sent to the district (docs/decisions/0030): its figures and the workbook itself,
-- kept so that a later run of the same month can say figure by figure what changed since. A sent report is never
-- changed; a correction is sent as the next version of the same month and scope, and both are kept.
create table report_sent (
    id            uuid          not null primary key,
    -- The month reported, as 2026-11.
    report_month  varchar(7)    not null,
    -- What the report covers: "community", or "building:7栋".
    scope         varchar(80)   not null,
    version       integer       not null,
    sent_by       varchar(100)  not null,
    sent_at       timestamp     not null,
    -- The SHA-256 of the workbook, in hex: what the audit entry names.
    workbook_sha  varchar(64)   not null,
    -- The .xlsx as sent (the database file is encrypted at rest, so is this).
    workbook      bytea         not null,
    constraint uq_report_sent_version unique (report_month, scope, version)
);

-- One row per figure of a sent report. A figure that could not be computed (a rate over nothing) has no value.
create table report_sent_figure (
    report_id     uuid           not null references report_sent (id),
    code          varchar(120)   not null,
    month_value   decimal(20, 6),
    year_value    decimal(20, 6),
    primary key (report_id, code)
);
