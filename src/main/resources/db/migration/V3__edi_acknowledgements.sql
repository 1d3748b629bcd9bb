-- EDI acknowledgements, outbound control numbers and inbound interchange registry.
-- Runs unchanged on PostgreSQL and on H2 (MODE=PostgreSQL).

-- The last outbound control numbers used per partner (interchange, group, message). Allocation is one guarded
-- UPDATE (row lock until commit), so two hub instances on one PostgreSQL never hand out the same number.
create table edi_control_numbers (
    partner      varchar(100) not null primary key,
    interchange  bigint       not null,
    grp          bigint       not null,
    message      bigint       not null
);

-- Every inbound interchange by standard, sender id and control number, with the document it first came in:
-- the same key in another document is a duplicate interchange.
create table edi_interchanges (
    standard        varchar(8)   not null,
    sender_id       varchar(35)  not null,
    control_number  varchar(35)  not null,
    document_id     uuid         not null references documents (id),
    received_at     timestamp with time zone not null,
    primary key (standard, sender_id, control_number)
);

-- Which interchange and message each EDI order came from: what an order response (ORDRSP / 855) quotes.
create table edi_order_sources (
    order_id            uuid primary key,
    document_id         uuid         not null references documents (id),
    standard            varchar(8)   not null,
    sender_id           varchar(35),
    sender_qualifier    varchar(4),
    receiver_id         varchar(35),
    receiver_qualifier  varchar(4),
    syntax              varchar(8),
    syntax_version      varchar(8),
    interchange_number  varchar(35),
    message_number      varchar(35),
    message_version     varchar(20)
);

-- Acknowledgements (CONTRL, 997, 999) and order responses (ORDRSP, 855) the hub wrote: the bytes, what they
-- answer, where they go and when they went. subject names what is answered, unique per document
-- ("interchange 1 UNB 1001", "order <id>"), so writing them again after a crash or a replay changes nothing.
create table edi_acknowledgements (
    id                uuid primary key,
    document_id       uuid         not null references documents (id),
    subject           varchar(100) not null,
    order_id          uuid,
    partner           varchar(100),
    kind              varchar(8)   not null,
    standard          varchar(8)   not null,
    answered_number   varchar(35),
    control_number    varchar(35)  not null,
    status            varchar(24)  not null,
    file_name         varchar(200) not null,
    destination       varchar(500),
    content           bytea        not null,
    created_at        timestamp with time zone not null,
    claimed_at        timestamp with time zone,
    sent_at           timestamp with time zone,
    send_error        varchar(1000),
    unique (document_id, subject)
);
create index edi_acknowledgements_unsent on edi_acknowledgements (sent_at, created_at);
