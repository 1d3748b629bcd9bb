-- Large documents (over 1 MiB, e.g. a 50 MB EDI interchange) are stored in parts of 1 MiB, written in the same
-- transaction as the document row, whose content is then empty (size_bytes keeps the real size). H2 keeps a bytea
-- value inside one row of its store and needs a write buffer larger than the value: a 50 MB document in one row did
-- not fit in a 256 MB heap. Runs unchanged on PostgreSQL and on H2 (MODE=PostgreSQL).
create table document_parts (
    document_id uuid    not null references documents (id),
    part        integer not null,
    content     bytea   not null,
    primary key (document_id, part)
);
