-- Several console instances on one database (issue #22). Portable between H2 and PostgreSQL.

-- A user's security stamp: raised by every change that ends their open sessions (disabled, role or
-- tenants changed, password reset). A session keeps the stamp read at sign-in; every instance ends a
-- session whose stamp is lower than the row's, or whose user row is gone (security.SecurityStamps).
alter table console_user add column security_stamp bigint not null default 0;

-- One row per piece of first-start work that exactly one instance may do (base.StartupClaims: the organization, the first admin, the sample data): the
-- instance that locks the row (select ... for update) does the work in that transaction; one starting at
-- the same moment waits for the lock, then finds the work done.
create table startup_claim (
    name varchar(64) not null primary key
);
insert into startup_claim (name) values ('organization');
insert into startup_claim (name) values ('first-admin');
insert into startup_claim (name) values ('sample-data');
