-- Staff accounts. No row is created here: the first administrator is set up at first start, so there is never a
-- default account or a default password (docs/decisions/0008).
create table app_user (
    id                    uuid          not null primary key,
    -- Stored trimmed and in lower case, so "ZhangSan" and "zhangsan" are one account.
    user_name             varchar(40)   not null,
    display_name          varchar(60)   not null,
    -- PBKDF2-HMAC-SHA256, Base64 text so the column type is the same on every database. The iteration count is
    -- kept per user, so raising the work factor later leaves existing passwords valid.
    password_salt         varchar(64)   not null,
    password_hash         varchar(128)  not null,
    password_iterations   integer       not null,
    failed_logins         integer       not null,
    locked_until          timestamp,
    active                boolean       not null,
    created_at            timestamp     not null,
    updated_at            timestamp     not null,
    -- Set by an administrator's reset: the user chooses a password only they know at the next login.
    must_change_password  boolean       not null,
    constraint uq_app_user_name unique (user_name)
);

create table app_user_role (
    user_id  uuid         not null references app_user (id),
    role     varchar(30)  not null,
    primary key (user_id, role)
);
