-- Visits, risk assessments, the colour timeline, colour overrides, incidents and the per-person schedule that the
-- home screen (今日工作) and the warning board read (docs/decisions/0011). Portable SQL: the same tables must work
-- on PostgreSQL later, so dates are computed in Java and queries compare plain indexed columns.

-- One visit: shared by everyone it covers (a group visit covers several people).
create table visit (
    id               uuid           not null primary key,
    visited_at       timestamp      not null,
    visit_type       varchar(10)    not null,
    -- Names as typed, comma separated: staff and volunteers are not (yet) accounts or volunteer records.
    staff            varchar(200)   not null,
    volunteers       varchar(200),
    findings         varchar(2000),
    help_given       varchar(2000),
    follow_up_plan   varchar(2000),
    recorded_by      varchar(100)   not null,
    recorded_at      timestamp      not null
);

-- Needs identified at a visit (就业 医疗 住房 心理 法律 经济 其他), several per visit.
create table visit_need (
    visit_id  uuid         not null references visit (id),
    need      varchar(20)  not null,
    primary key (visit_id, need)
);

-- The person-specific part of a visit. visit_date repeats the visit's date so that a person's visits, and a month's
-- visits of a set of people, are one range of the (person_id, visit_date) index: without it H2 scanned every visit.
create table visit_person (
    visit_id           uuid          not null references visit (id),
    person_id          uuid          not null references person (id),
    visit_date         date          not null,
    -- Drug users: 阴性 / 阳性 / 未检 and the date the sample was taken.
    urine_result       varchar(12),
    urine_date         date,
    -- Severe mental disorders: the national follow-up items.
    mental_risk_level  integer,
    mental_symptoms    varchar(500),
    mental_insight     varchar(10),
    mental_medication  varchar(20),
    mental_consent     boolean,
    -- The next visit planned at this visit (proposed by the rules, editable).
    next_visit_date    date,
    primary key (visit_id, person_id)
);

create index ix_visit_person_person_date on visit_person (person_id, visit_date);
-- The board's person-visits per month over everyone, and the lines behind a month, newest first.
create index ix_visit_person_date on visit_person (visit_date, visit_id, person_id);

-- The structured risk assessment: a few scored answers, their total and the colour they give.
create table assessment (
    id              uuid          not null primary key,
    person_id       uuid          not null references person (id),
    assessed_on     date          not null,
    conflicts       integer       not null,
    employment      integer       not null,
    family_support  integer       not null,
    substance_use   integer       not null,
    mental_state    integer       not null,
    total           integer       not null,
    colour          varchar(6)    not null,
    note            varchar(500),
    assessed_by     varchar(100)  not null,
    recorded_at     timestamp     not null
);

create index ix_assessment_person on assessment (person_id, assessed_on);

-- Every change of a person's colour, and why: append-only like the audit log, read as the person's timeline.
create table colour_change (
    id           uuid          not null primary key,
    person_id    uuid          not null references person (id),
    changed_at   timestamp     not null,
    -- Null for the first colour a person is given.
    from_colour  varchar(6),
    to_colour    varchar(6)    not null,
    -- What caused it: RULE, ASSESSMENT, OVERRIDE, OVERRIDE_EXPIRED, INCIDENT.
    source       varchar(20)   not null,
    -- Why the colour is what it is now (the deciding factor) and its detail, e.g. MENTAL_LEVEL and "4", or
    -- OVERRIDE and the caseworker's reason.
    reason       varchar(20)   not null,
    detail       varchar(500),
    changed_by   varchar(100)  not null
);

create index ix_colour_change_person on colour_change (person_id, changed_at);

-- A caseworker's colour, with a reason, until it expires (default 90 days) unless renewed or cleared.
create table colour_override (
    id          uuid          not null primary key,
    person_id   uuid          not null references person (id),
    colour      varchar(6)    not null,
    reason      varchar(500)  not null,
    expires_on  date          not null,
    set_by      varchar(100)  not null,
    set_at      timestamp     not null,
    -- Set, renewed: the last time a caseworker confirmed it (an incident after this time outranks it).
    updated_at  timestamp     not null,
    -- When it stopped applying: cleared by a user or expired; null while active.
    ended_at    timestamp,
    ended_by    varchar(100),
    end_kind    varchar(10)
);

create index ix_colour_override_person on colour_override (person_id, ended_at);

-- Emergencies (应急处置). To be completed within 24 hours; an open one older than that is flagged.
create table incident (
    id             uuid           not null primary key,
    person_id      uuid           not null references person (id),
    occurred_at    timestamp      not null,
    incident_type  varchar(20)    not null,
    description    varchar(2000),
    actions_taken  varchar(2000)  not null,
    outcome        varchar(2000),
    status         varchar(10)    not null,
    closed_at      timestamp,
    closed_by      varchar(100),
    recorded_by    varchar(100)   not null,
    recorded_at    timestamp      not null,
    row_version    integer        not null
);

create index ix_incident_status on incident (status, occurred_at);
create index ix_incident_person on incident (person_id, occurred_at);

-- Who was notified (公安 医院 家属 精防机构), several per incident.
create table incident_notified (
    incident_id  uuid         not null references incident (id),
    party        varchar(20)  not null,
    primary key (incident_id, party)
);

-- One narrow row per person, kept up to date by the services in the same transaction as every visit, assessment,
-- override, incident and registry change, so that the home screen and the board read indexed columns instead of
-- computing "latest visit" and "due" over millions of visits. Due dates are null for a closed file.
create table person_schedule (
    person_id          uuid          not null primary key references person (id),
    active             boolean       not null,
    building           varchar(20),
    responsible_staff  varchar(60),
    colour             varchar(6)    not null,
    colour_source      varchar(20)   not null,
    colour_reason      varchar(20)   not null,
    colour_detail      varchar(500),
    colour_since       timestamp     not null,
    -- The day the colour may change by itself (an override expires, a positive urine test ages out).
    colour_review_on   date,
    last_visit_date    date,
    next_visit_due     date,
    next_urine_due     date,
    -- The earlier of the two due dates: what "overdue, oldest first" sorts by.
    next_due           date,
    -- A mental-disorder patient without signed consent (知情同意书) in the registry or at a visit.
    consent_missing    boolean       not null,
    -- The person's categories as bits (1 << Category.ordinal()): the board counts colours per category by grouping
    -- these narrow rows alone, without a join to person_category for every person.
    categories         integer       not null
);

-- Each list's index is in the list's order (due date, then key; last visit, then key), so a page is read off it
-- and a count is a range of it; a caseworker's own list (one responsible staff member) and a building's have theirs.
create index ix_person_schedule_next_due on person_schedule (next_due, person_id);
create index ix_person_schedule_staff_due on person_schedule (responsible_staff, next_due, person_id);
create index ix_person_schedule_building_due on person_schedule (building, next_due, person_id);
create index ix_person_schedule_review on person_schedule (colour_review_on);
create index ix_person_schedule_colour on person_schedule (colour, last_visit_date, person_id);
create index ix_person_schedule_colour_building on person_schedule (colour, building);
create index ix_person_schedule_consent on person_schedule (consent_missing, last_visit_date, person_id);

-- Person-visits per month, kept up to date by every insert of visits: the board's bar chart over everyone reads
-- twelve rows instead of counting a million.
create table visit_month (
    month_start    date     not null primary key,
    person_visits  integer  not null
);

-- Term warnings compare these with bounds computed in Java (e.g. release dates whose 5-year 帮教 ends within 30 days):
-- one category, one range of dates.
create index ix_person_category_release on person_category (category, release_date);
create index ix_person_category_drug_start on person_category (category, drug_start_date);
create index ix_person_category_correction_end on person_category (category, correction_end);
