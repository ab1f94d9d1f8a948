-- CreateTable
CREATE TABLE "DataVersion" (
    "id" INTEGER NOT NULL,
    "version" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "DataVersion_pkey" PRIMARY KEY ("id")
);


-- The data version (see DataVersion in prisma/schema.prisma): every transaction that writes to a table a page can
-- show bumps it once, at commit (a deferred constraint trigger): taking the version row's lock last, after every
-- other lock of the transaction, it can never be part of a deadlock. A TRUNCATE bumps it too. The row is the one in
-- the written table's own schema (an install may live in a schema of its own, see ?schema= in DATABASE_URL).
-- The triggers themselves are not made here: Prisma's schema engine cannot introspect a constraint trigger (it
-- panics), and it introspects what the migrations build whenever a migration is made or checked. Applying the
-- migrations gives every table its triggers afterwards (lib/db/migrations/pg-data-version.ts).
INSERT INTO "DataVersion" ("id", "version") VALUES (1, 0);

CREATE FUNCTION "datashelf_bump_data_version"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  bumped text := txid_current()::text || ':' || TG_TABLE_SCHEMA;
BEGIN
  IF current_setting('datashelf.data_version_bumped', true) IS DISTINCT FROM bumped THEN
    EXECUTE format('UPDATE %I."DataVersion" SET "version" = "version" + 1 WHERE "id" = 1', TG_TABLE_SCHEMA);
    PERFORM set_config('datashelf.data_version_bumped', bumped, true);
  END IF;
  RETURN NULL;
END;
$$;
