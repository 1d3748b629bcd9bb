-- Web console: people who log in, their sessions, and indexes for the queue view's sorts and filters.
-- Runs unchanged on PostgreSQL and on H2 (MODE=PostgreSQL).

-- People (not upstream systems: those have API keys). password_hash is PBKDF2WithHmacSHA256 with a per-user salt,
-- written as pbkdf2-sha256$<iterations>$<salt, base64>$<hash, base64>. roles: comma-separated role ids.
create table console_users (
    name          varchar(64)  primary key,
    password_hash varchar(200) not null,
    roles         varchar(200) not null,
    enabled       boolean      not null default true,
    created_at    timestamp with time zone not null,
    created_by    varchar(100) not null
);

-- Console sessions. The cookie carries a random id; only its SHA-256 is stored, so a copy of this table opens
-- no session.
create table console_sessions (
    id_hash     varchar(64)  primary key,
    user_name   varchar(64)  not null references console_users (name),
    created_at  timestamp with time zone not null,
    expires_at  timestamp with time zone not null
);
create index console_sessions_expiry on console_sessions (expires_at);

-- Queue view: keyset paging on each sort order (the id breaks ties). Few indexes, since each one costs every
-- intake insert: status + priority uses orders_claim; customer and PO filters use their V1 indexes.
-- (received_at, id) replaces the V1 index on received_at alone.
drop index orders_received;
create index orders_view_received on orders (received_at, id);
create index orders_view_priority on orders (priority, due_at, id);
create index orders_view_due on orders (due_at, id);
create index orders_view_status_received on orders (status, received_at, id);
create index orders_view_channel_received on orders (channel, received_at, id);
