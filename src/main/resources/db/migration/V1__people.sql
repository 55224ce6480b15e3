-- The community this data folder belongs to (one row). Keys are UUIDs so that records created on
-- different PCs never collide when a center or district pools its data later (see docs/decisions).
create table community (
    id          uuid         not null primary key,
    name        varchar(100) not null,
    is_demo     boolean      not null,
    created_at  timestamp    not null
);

create table person (
    id                  uuid          not null primary key,
    name                varchar(60)   not null,
    -- Derived from name at save time so search is plain SQL on any database.
    name_pinyin         varchar(400)  not null,
    name_initials       varchar(60)   not null,
    id_type             varchar(20)   not null,
    id_number           varchar(40)   not null,
    birth_date          date,
    sex                 varchar(6),
    ethnicity           varchar(20),
    phone1              varchar(20),
    phone2              varchar(20),
    estate              varchar(60),
    building            varchar(20),
    unit                varchar(20),
    room                varchar(20),
    household_address   varchar(200),
    living_situation    varchar(20),
    emergency_name      varchar(60),
    emergency_relation  varchar(20),
    emergency_phone     varchar(20),
    responsible_staff   varchar(60),
    note                varchar(2000),
    colour              varchar(6)    not null,
    status              varchar(10)   not null,
    close_reason        varchar(10),
    close_date          date,
    close_note          varchar(500),
    -- Lower-case haystack of name, pinyin, initials, ID number and phones for search as you type.
    search_text         varchar(800)  not null,
    created_at          timestamp     not null,
    updated_at          timestamp     not null,
    row_version         integer       not null,
    constraint uq_person_id_number unique (id_type, id_number)
);

create index ix_person_building on person (building);
-- No index on name_pinyin, status or colour. Search as you type is a scan of search_text anyway; an index that
-- the planner walks for ORDER BY or a two-valued filter makes it look up every row through the index, several
-- times slower than the scan (measured at 100,000 people: see docs/decisions/0002).

-- One row per population a person belongs to; the detail columns that apply to that category are set.
create table person_category (
    person_id               uuid         not null references person (id),
    category                varchar(20)  not null,
    release_date            date,
    offence                 varchar(100),
    sentence                varchar(60),
    drug_programme          varchar(20),
    drug_start_date         date,
    correction_type         varchar(20),
    correction_start        date,
    correction_end          date,
    correction_level        varchar(10),
    mental_diagnosis        varchar(40),
    mental_risk_level       integer,
    mental_consent_date     date,
    mental_medication       varchar(20),
    disability_kind         varchar(20),
    disability_grade        integer,
    disability_certificate  varchar(40),
    other_text              varchar(200),
    primary key (person_id, category)
);

create index ix_person_category_category on person_category (category);

-- Small key/value settings that travel with the data (language and font size live here too).
create table app_setting (
    setting_key    varchar(100)  not null primary key,
    setting_value  varchar(2000) not null
);
