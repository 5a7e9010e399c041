-- Sign-in throttling per client address (security.LoginThrottle). One row per (user name, address):
-- failed sign-ins of that user from that address, and the end of its lock. The row with the user
-- name '' counts the failures of an address whatever names it tries (its growing delay).
-- console_user.failed_logins / locked_until (V2) stay the account's count and lock over all addresses.
-- Portable between H2 and PostgreSQL.

create table login_attempt (
    username     varchar(63)  not null,
    address      varchar(64)  not null,
    failures     integer      not null default 0,
    locked_until timestamp with time zone,
    last_failure timestamp with time zone,
    primary key (username, address)
);

create index login_attempt_last_failure on login_attempt (last_failure);
