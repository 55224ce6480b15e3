-- What search as you type scans. A scan of the wide person rows reads ~140 MB at 100,000 people on disk, many times
-- H2's page cache; this narrow copy of the haystack and the filter and sort keys stays small (docs/decisions/0002).
-- The repository writes it in the same statement batch as person, so the two never disagree.
create table person_search (
    person_id    uuid          not null primary key references person (id),
    status       varchar(10)   not null,
    colour       varchar(6)    not null,
    building     varchar(20),
    name_pinyin  varchar(400)  not null,
    created_at   timestamp     not null,
    search_text  varchar(2000) not null
);

insert into person_search (person_id, status, colour, building, name_pinyin, created_at, search_text)
select id, status, colour, building, name_pinyin, created_at, search_text from person;
