-- Large writes (an import, generated test data, the demo) go in bounded transactions, small enough that H2 never
-- stores an open transaction's pages (docs/decisions/0017). This journal makes such a write all or nothing: its row
-- is committed first as RUNNING, every person it writes carries its id, and a last small transaction marks it DONE.
-- A write still RUNNING at the next start was interrupted: its people are removed and it is marked UNDONE.
create table bulk_write (
    id            uuid          not null primary key,
    -- IMPORT, GENERATE, DEMO.
    kind          varchar(20)   not null,
    -- The file an import came from (its name only), or null.
    source        varchar(260),
    planned_rows  integer       not null,
    state         varchar(10)   not null,
    started_by    varchar(100)  not null,
    started_at    timestamp     not null,
    ended_at      timestamp
);

create index ix_bulk_write_state on bulk_write (state);

-- Null for a person registered one at a time; the bulk write otherwise, kept after it is DONE (it costs one column).
alter table person add column bulk_write_id uuid;

create index ix_person_bulk_write on person (bulk_write_id);
