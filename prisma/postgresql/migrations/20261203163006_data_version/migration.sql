-- CreateTable
CREATE TABLE "DataVersion" (
    "id" INTEGER NOT NULL,
    "version" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "DataVersion_pkey" PRIMARY KEY ("id")
);

-- The data version (see DataVersion in prisma/schema.prisma): every transaction that writes to a table a page can
-- show bumps it once, at commit (a deferred constraint trigger): taking the version row's lock last, after every
-- other lock of the transaction, it can never be part of a deadlock. Not Throttle (guess counters and rate-limit
-- windows, written by the API at request rate) nor Lease (held export slots, ingest locks and job turns): no page
-- shows them.
INSERT INTO "DataVersion" ("id", "version") VALUES (1, 0);

CREATE FUNCTION "datashelf_bump_data_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('datashelf.data_version_bumped', true) IS DISTINCT FROM txid_current()::text THEN
    UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
    PERFORM set_config('datashelf.data_version_bumped', txid_current()::text, true);
  END IF;
  RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER "User_data_version" AFTER INSERT OR UPDATE OR DELETE ON "User"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "datashelf_bump_data_version"();

CREATE CONSTRAINT TRIGGER "Account_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Account"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "datashelf_bump_data_version"();

CREATE CONSTRAINT TRIGGER "Session_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Session"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "datashelf_bump_data_version"();

CREATE CONSTRAINT TRIGGER "VerificationToken_data_version" AFTER INSERT OR UPDATE OR DELETE ON "VerificationToken"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "datashelf_bump_data_version"();

CREATE CONSTRAINT TRIGGER "ApiToken_data_version" AFTER INSERT OR UPDATE OR DELETE ON "ApiToken"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "datashelf_bump_data_version"();

CREATE CONSTRAINT TRIGGER "Workspace_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Workspace"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "datashelf_bump_data_version"();

CREATE CONSTRAINT TRIGGER "WorkspacePolicy_data_version" AFTER INSERT OR UPDATE OR DELETE ON "WorkspacePolicy"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "datashelf_bump_data_version"();

CREATE CONSTRAINT TRIGGER "Membership_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Membership"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "datashelf_bump_data_version"();

CREATE CONSTRAINT TRIGGER "WorkspaceInvitation_data_version" AFTER INSERT OR UPDATE OR DELETE ON "WorkspaceInvitation"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "datashelf_bump_data_version"();

CREATE CONSTRAINT TRIGGER "FileEntry_data_version" AFTER INSERT OR UPDATE OR DELETE ON "FileEntry"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "datashelf_bump_data_version"();

CREATE CONSTRAINT TRIGGER "Dataset_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Dataset"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "datashelf_bump_data_version"();

CREATE CONSTRAINT TRIGGER "DatasetCardRevision_data_version" AFTER INSERT OR UPDATE OR DELETE ON "DatasetCardRevision"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "datashelf_bump_data_version"();

CREATE CONSTRAINT TRIGGER "DatasetVersion_data_version" AFTER INSERT OR UPDATE OR DELETE ON "DatasetVersion"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "datashelf_bump_data_version"();

CREATE CONSTRAINT TRIGGER "DatasetTag_data_version" AFTER INSERT OR UPDATE OR DELETE ON "DatasetTag"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "datashelf_bump_data_version"();

CREATE CONSTRAINT TRIGGER "DatasetIngest_data_version" AFTER INSERT OR UPDATE OR DELETE ON "DatasetIngest"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "datashelf_bump_data_version"();

CREATE CONSTRAINT TRIGGER "Outbox_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Outbox"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "datashelf_bump_data_version"();

CREATE CONSTRAINT TRIGGER "Upload_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Upload"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "datashelf_bump_data_version"();

CREATE CONSTRAINT TRIGGER "JobSend_data_version" AFTER INSERT OR UPDATE OR DELETE ON "JobSend"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "datashelf_bump_data_version"();

CREATE CONSTRAINT TRIGGER "AuditEvent_data_version" AFTER INSERT OR UPDATE OR DELETE ON "AuditEvent"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "datashelf_bump_data_version"();

CREATE CONSTRAINT TRIGGER "Share_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Share"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "datashelf_bump_data_version"();

CREATE CONSTRAINT TRIGGER "ShareInvitation_data_version" AFTER INSERT OR UPDATE OR DELETE ON "ShareInvitation"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "datashelf_bump_data_version"();

CREATE CONSTRAINT TRIGGER "ShareMailLog_data_version" AFTER INSERT OR UPDATE OR DELETE ON "ShareMailLog"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "datashelf_bump_data_version"();

CREATE CONSTRAINT TRIGGER "AccessLink_data_version" AFTER INSERT OR UPDATE OR DELETE ON "AccessLink"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "datashelf_bump_data_version"();

CREATE CONSTRAINT TRIGGER "FileRequest_data_version" AFTER INSERT OR UPDATE OR DELETE ON "FileRequest"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "datashelf_bump_data_version"();

CREATE CONSTRAINT TRIGGER "AccessLinkVisit_data_version" AFTER INSERT OR UPDATE OR DELETE ON "AccessLinkVisit"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "datashelf_bump_data_version"();

CREATE CONSTRAINT TRIGGER "AccessRequest_data_version" AFTER INSERT OR UPDATE OR DELETE ON "AccessRequest"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "datashelf_bump_data_version"();

CREATE CONSTRAINT TRIGGER "SavedQuery_data_version" AFTER INSERT OR UPDATE OR DELETE ON "SavedQuery"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "datashelf_bump_data_version"();
