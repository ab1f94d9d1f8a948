-- CreateTable
CREATE TABLE "DataVersion" (
    "id" INTEGER NOT NULL,
    "version" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "DataVersion_pkey" PRIMARY KEY ("id")
);


-- The data version (see DataVersion in prisma/schema.prisma): every transaction that writes to a table a page can
-- show bumps it once, at commit (a deferred constraint trigger): taking the version row's lock last, after every
-- other lock of the transaction, it can never be part of a deadlock. A TRUNCATE bumps it too. The row is the one in
-- the written table's own schema (an install may live in a schema of its own, see ?schema= in DATABASE_URL). Not
-- Throttle (guess counters and rate-limit windows, written by the API at request rate) nor Lease (held export
-- slots, ingest locks and job turns): no page shows them.
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

CREATE CONSTRAINT TRIGGER "User_data_version" AFTER INSERT OR UPDATE OR DELETE ON "User"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "datashelf_bump_data_version"();
CREATE TRIGGER "User_data_version_truncate" AFTER TRUNCATE ON "User"
FOR EACH STATEMENT EXECUTE FUNCTION "datashelf_bump_data_version"();

CREATE CONSTRAINT TRIGGER "Account_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Account"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "datashelf_bump_data_version"();
CREATE TRIGGER "Account_data_version_truncate" AFTER TRUNCATE ON "Account"
FOR EACH STATEMENT EXECUTE FUNCTION "datashelf_bump_data_version"();

CREATE CONSTRAINT TRIGGER "Session_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Session"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "datashelf_bump_data_version"();
CREATE TRIGGER "Session_data_version_truncate" AFTER TRUNCATE ON "Session"
FOR EACH STATEMENT EXECUTE FUNCTION "datashelf_bump_data_version"();

CREATE CONSTRAINT TRIGGER "VerificationToken_data_version" AFTER INSERT OR UPDATE OR DELETE ON "VerificationToken"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "datashelf_bump_data_version"();
CREATE TRIGGER "VerificationToken_data_version_truncate" AFTER TRUNCATE ON "VerificationToken"
FOR EACH STATEMENT EXECUTE FUNCTION "datashelf_bump_data_version"();

CREATE CONSTRAINT TRIGGER "ApiToken_data_version" AFTER INSERT OR UPDATE OR DELETE ON "ApiToken"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "datashelf_bump_data_version"();
CREATE TRIGGER "ApiToken_data_version_truncate" AFTER TRUNCATE ON "ApiToken"
FOR EACH STATEMENT EXECUTE FUNCTION "datashelf_bump_data_version"();

CREATE CONSTRAINT TRIGGER "Workspace_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Workspace"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "datashelf_bump_data_version"();
CREATE TRIGGER "Workspace_data_version_truncate" AFTER TRUNCATE ON "Workspace"
FOR EACH STATEMENT EXECUTE FUNCTION "datashelf_bump_data_version"();

CREATE CONSTRAINT TRIGGER "WorkspacePolicy_data_version" AFTER INSERT OR UPDATE OR DELETE ON "WorkspacePolicy"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "datashelf_bump_data_version"();
CREATE TRIGGER "WorkspacePolicy_data_version_truncate" AFTER TRUNCATE ON "WorkspacePolicy"
FOR EACH STATEMENT EXECUTE FUNCTION "datashelf_bump_data_version"();

CREATE CONSTRAINT TRIGGER "Membership_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Membership"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "datashelf_bump_data_version"();
CREATE TRIGGER "Membership_data_version_truncate" AFTER TRUNCATE ON "Membership"
FOR EACH STATEMENT EXECUTE FUNCTION "datashelf_bump_data_version"();

CREATE CONSTRAINT TRIGGER "WorkspaceInvitation_data_version" AFTER INSERT OR UPDATE OR DELETE ON "WorkspaceInvitation"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "datashelf_bump_data_version"();
CREATE TRIGGER "WorkspaceInvitation_data_version_truncate" AFTER TRUNCATE ON "WorkspaceInvitation"
FOR EACH STATEMENT EXECUTE FUNCTION "datashelf_bump_data_version"();

CREATE CONSTRAINT TRIGGER "FileEntry_data_version" AFTER INSERT OR UPDATE OR DELETE ON "FileEntry"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "datashelf_bump_data_version"();
CREATE TRIGGER "FileEntry_data_version_truncate" AFTER TRUNCATE ON "FileEntry"
FOR EACH STATEMENT EXECUTE FUNCTION "datashelf_bump_data_version"();

CREATE CONSTRAINT TRIGGER "Dataset_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Dataset"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "datashelf_bump_data_version"();
CREATE TRIGGER "Dataset_data_version_truncate" AFTER TRUNCATE ON "Dataset"
FOR EACH STATEMENT EXECUTE FUNCTION "datashelf_bump_data_version"();

CREATE CONSTRAINT TRIGGER "DatasetCardRevision_data_version" AFTER INSERT OR UPDATE OR DELETE ON "DatasetCardRevision"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "datashelf_bump_data_version"();
CREATE TRIGGER "DatasetCardRevision_data_version_truncate" AFTER TRUNCATE ON "DatasetCardRevision"
FOR EACH STATEMENT EXECUTE FUNCTION "datashelf_bump_data_version"();

CREATE CONSTRAINT TRIGGER "DatasetVersion_data_version" AFTER INSERT OR UPDATE OR DELETE ON "DatasetVersion"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "datashelf_bump_data_version"();
CREATE TRIGGER "DatasetVersion_data_version_truncate" AFTER TRUNCATE ON "DatasetVersion"
FOR EACH STATEMENT EXECUTE FUNCTION "datashelf_bump_data_version"();

CREATE CONSTRAINT TRIGGER "DatasetTag_data_version" AFTER INSERT OR UPDATE OR DELETE ON "DatasetTag"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "datashelf_bump_data_version"();
CREATE TRIGGER "DatasetTag_data_version_truncate" AFTER TRUNCATE ON "DatasetTag"
FOR EACH STATEMENT EXECUTE FUNCTION "datashelf_bump_data_version"();

CREATE CONSTRAINT TRIGGER "DatasetIngest_data_version" AFTER INSERT OR UPDATE OR DELETE ON "DatasetIngest"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "datashelf_bump_data_version"();
CREATE TRIGGER "DatasetIngest_data_version_truncate" AFTER TRUNCATE ON "DatasetIngest"
FOR EACH STATEMENT EXECUTE FUNCTION "datashelf_bump_data_version"();

CREATE CONSTRAINT TRIGGER "Outbox_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Outbox"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "datashelf_bump_data_version"();
CREATE TRIGGER "Outbox_data_version_truncate" AFTER TRUNCATE ON "Outbox"
FOR EACH STATEMENT EXECUTE FUNCTION "datashelf_bump_data_version"();

CREATE CONSTRAINT TRIGGER "Upload_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Upload"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "datashelf_bump_data_version"();
CREATE TRIGGER "Upload_data_version_truncate" AFTER TRUNCATE ON "Upload"
FOR EACH STATEMENT EXECUTE FUNCTION "datashelf_bump_data_version"();

CREATE CONSTRAINT TRIGGER "JobSend_data_version" AFTER INSERT OR UPDATE OR DELETE ON "JobSend"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "datashelf_bump_data_version"();
CREATE TRIGGER "JobSend_data_version_truncate" AFTER TRUNCATE ON "JobSend"
FOR EACH STATEMENT EXECUTE FUNCTION "datashelf_bump_data_version"();

CREATE CONSTRAINT TRIGGER "AuditEvent_data_version" AFTER INSERT OR UPDATE OR DELETE ON "AuditEvent"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "datashelf_bump_data_version"();
CREATE TRIGGER "AuditEvent_data_version_truncate" AFTER TRUNCATE ON "AuditEvent"
FOR EACH STATEMENT EXECUTE FUNCTION "datashelf_bump_data_version"();

CREATE CONSTRAINT TRIGGER "Share_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Share"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "datashelf_bump_data_version"();
CREATE TRIGGER "Share_data_version_truncate" AFTER TRUNCATE ON "Share"
FOR EACH STATEMENT EXECUTE FUNCTION "datashelf_bump_data_version"();

CREATE CONSTRAINT TRIGGER "ShareInvitation_data_version" AFTER INSERT OR UPDATE OR DELETE ON "ShareInvitation"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "datashelf_bump_data_version"();
CREATE TRIGGER "ShareInvitation_data_version_truncate" AFTER TRUNCATE ON "ShareInvitation"
FOR EACH STATEMENT EXECUTE FUNCTION "datashelf_bump_data_version"();

CREATE CONSTRAINT TRIGGER "ShareMailLog_data_version" AFTER INSERT OR UPDATE OR DELETE ON "ShareMailLog"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "datashelf_bump_data_version"();
CREATE TRIGGER "ShareMailLog_data_version_truncate" AFTER TRUNCATE ON "ShareMailLog"
FOR EACH STATEMENT EXECUTE FUNCTION "datashelf_bump_data_version"();

CREATE CONSTRAINT TRIGGER "AccessLink_data_version" AFTER INSERT OR UPDATE OR DELETE ON "AccessLink"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "datashelf_bump_data_version"();
CREATE TRIGGER "AccessLink_data_version_truncate" AFTER TRUNCATE ON "AccessLink"
FOR EACH STATEMENT EXECUTE FUNCTION "datashelf_bump_data_version"();

CREATE CONSTRAINT TRIGGER "FileRequest_data_version" AFTER INSERT OR UPDATE OR DELETE ON "FileRequest"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "datashelf_bump_data_version"();
CREATE TRIGGER "FileRequest_data_version_truncate" AFTER TRUNCATE ON "FileRequest"
FOR EACH STATEMENT EXECUTE FUNCTION "datashelf_bump_data_version"();

CREATE CONSTRAINT TRIGGER "AccessLinkVisit_data_version" AFTER INSERT OR UPDATE OR DELETE ON "AccessLinkVisit"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "datashelf_bump_data_version"();
CREATE TRIGGER "AccessLinkVisit_data_version_truncate" AFTER TRUNCATE ON "AccessLinkVisit"
FOR EACH STATEMENT EXECUTE FUNCTION "datashelf_bump_data_version"();

CREATE CONSTRAINT TRIGGER "AccessRequest_data_version" AFTER INSERT OR UPDATE OR DELETE ON "AccessRequest"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "datashelf_bump_data_version"();
CREATE TRIGGER "AccessRequest_data_version_truncate" AFTER TRUNCATE ON "AccessRequest"
FOR EACH STATEMENT EXECUTE FUNCTION "datashelf_bump_data_version"();

CREATE CONSTRAINT TRIGGER "SavedQuery_data_version" AFTER INSERT OR UPDATE OR DELETE ON "SavedQuery"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "datashelf_bump_data_version"();
CREATE TRIGGER "SavedQuery_data_version_truncate" AFTER TRUNCATE ON "SavedQuery"
FOR EACH STATEMENT EXECUTE FUNCTION "datashelf_bump_data_version"();
