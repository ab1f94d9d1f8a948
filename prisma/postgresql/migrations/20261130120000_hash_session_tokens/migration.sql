-- Session tokens are stored as their SHA-256 from now on (lib/auth/hashed-sessions.ts). Rows
-- written before hold raw tokens, which no longer match any cookie: remove them, so nothing
-- usable as a cookie stays in the database. Everyone signed in signs in again once.
DELETE FROM "Session";
