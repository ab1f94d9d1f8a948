-- The FileEntry table and its indexes are already created by 20261123101922_sharing on PostgreSQL:
-- that migration was generated while prisma/schema.prisma already held the file storage model
-- (two features were being built in one working tree). The SQLite history creates FileEntry here.
-- Kept as a no-op so both databases have the same list of migrations.
SELECT 1;
