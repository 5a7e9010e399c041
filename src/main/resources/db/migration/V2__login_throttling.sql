-- Login throttling (security.LoginThrottle): consecutive failed sign-ins and the end of a lock.
-- Portable between H2 and PostgreSQL.

alter table console_user add column failed_logins integer not null default 0;
alter table console_user add column locked_until timestamp with time zone;
