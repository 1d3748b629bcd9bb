-- Confirmation mails to senders wait here until the SMTP server took them: a crash or an SMTP outage delays a
-- confirmation, never loses it. dedupe_key makes each confirmation a single row however often it is asked for
-- (the intake route, and the sweep that catches what a crash left out).
create table mail_outbox (
    id              uuid primary key,
    dedupe_key      varchar(200) not null unique,
    recipient       varchar(320) not null,
    subject         varchar(1000) not null,
    body            varchar      not null,
    created_at      timestamp with time zone not null,
    next_attempt_at timestamp with time zone not null,
    attempts        integer      not null default 0,
    sent_at         timestamp with time zone,
    given_up_at     timestamp with time zone,
    last_error      varchar(2000)
);
create index mail_outbox_due on mail_outbox (sent_at, given_up_at, next_attempt_at);
