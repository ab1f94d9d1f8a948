-- CreateTable
CREATE TABLE "DataVersion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "version" BIGINT NOT NULL DEFAULT 0
);

-- The data version (see DataVersion in prisma/schema.prisma): every row written to a table a page can show bumps it
-- in the same transaction. Not Throttle (guess counters and rate-limit windows, written by the API at request rate)
-- nor Lease (held export slots, ingest locks and job turns): no page shows them.
INSERT INTO "DataVersion" ("id", "version") VALUES (1, 0);

CREATE TRIGGER "User_data_version_insert" AFTER INSERT ON "User"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "User_data_version_update" AFTER UPDATE ON "User"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "User_data_version_delete" AFTER DELETE ON "User"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "Account_data_version_insert" AFTER INSERT ON "Account"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "Account_data_version_update" AFTER UPDATE ON "Account"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "Account_data_version_delete" AFTER DELETE ON "Account"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "Session_data_version_insert" AFTER INSERT ON "Session"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "Session_data_version_update" AFTER UPDATE ON "Session"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "Session_data_version_delete" AFTER DELETE ON "Session"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "VerificationToken_data_version_insert" AFTER INSERT ON "VerificationToken"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "VerificationToken_data_version_update" AFTER UPDATE ON "VerificationToken"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "VerificationToken_data_version_delete" AFTER DELETE ON "VerificationToken"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "ApiToken_data_version_insert" AFTER INSERT ON "ApiToken"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "ApiToken_data_version_update" AFTER UPDATE ON "ApiToken"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "ApiToken_data_version_delete" AFTER DELETE ON "ApiToken"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "Workspace_data_version_insert" AFTER INSERT ON "Workspace"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "Workspace_data_version_update" AFTER UPDATE ON "Workspace"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "Workspace_data_version_delete" AFTER DELETE ON "Workspace"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "WorkspacePolicy_data_version_insert" AFTER INSERT ON "WorkspacePolicy"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "WorkspacePolicy_data_version_update" AFTER UPDATE ON "WorkspacePolicy"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "WorkspacePolicy_data_version_delete" AFTER DELETE ON "WorkspacePolicy"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "Membership_data_version_insert" AFTER INSERT ON "Membership"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "Membership_data_version_update" AFTER UPDATE ON "Membership"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "Membership_data_version_delete" AFTER DELETE ON "Membership"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "WorkspaceInvitation_data_version_insert" AFTER INSERT ON "WorkspaceInvitation"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "WorkspaceInvitation_data_version_update" AFTER UPDATE ON "WorkspaceInvitation"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "WorkspaceInvitation_data_version_delete" AFTER DELETE ON "WorkspaceInvitation"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "FileEntry_data_version_insert" AFTER INSERT ON "FileEntry"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "FileEntry_data_version_update" AFTER UPDATE ON "FileEntry"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "FileEntry_data_version_delete" AFTER DELETE ON "FileEntry"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "Dataset_data_version_insert" AFTER INSERT ON "Dataset"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "Dataset_data_version_update" AFTER UPDATE ON "Dataset"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "Dataset_data_version_delete" AFTER DELETE ON "Dataset"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "DatasetCardRevision_data_version_insert" AFTER INSERT ON "DatasetCardRevision"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "DatasetCardRevision_data_version_update" AFTER UPDATE ON "DatasetCardRevision"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "DatasetCardRevision_data_version_delete" AFTER DELETE ON "DatasetCardRevision"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "DatasetVersion_data_version_insert" AFTER INSERT ON "DatasetVersion"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "DatasetVersion_data_version_update" AFTER UPDATE ON "DatasetVersion"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "DatasetVersion_data_version_delete" AFTER DELETE ON "DatasetVersion"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "DatasetTag_data_version_insert" AFTER INSERT ON "DatasetTag"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "DatasetTag_data_version_update" AFTER UPDATE ON "DatasetTag"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "DatasetTag_data_version_delete" AFTER DELETE ON "DatasetTag"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "DatasetIngest_data_version_insert" AFTER INSERT ON "DatasetIngest"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "DatasetIngest_data_version_update" AFTER UPDATE ON "DatasetIngest"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "DatasetIngest_data_version_delete" AFTER DELETE ON "DatasetIngest"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "Outbox_data_version_insert" AFTER INSERT ON "Outbox"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "Outbox_data_version_update" AFTER UPDATE ON "Outbox"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "Outbox_data_version_delete" AFTER DELETE ON "Outbox"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "Upload_data_version_insert" AFTER INSERT ON "Upload"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "Upload_data_version_update" AFTER UPDATE ON "Upload"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "Upload_data_version_delete" AFTER DELETE ON "Upload"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "JobSend_data_version_insert" AFTER INSERT ON "JobSend"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "JobSend_data_version_update" AFTER UPDATE ON "JobSend"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "JobSend_data_version_delete" AFTER DELETE ON "JobSend"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "AuditEvent_data_version_insert" AFTER INSERT ON "AuditEvent"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "AuditEvent_data_version_update" AFTER UPDATE ON "AuditEvent"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "AuditEvent_data_version_delete" AFTER DELETE ON "AuditEvent"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "Share_data_version_insert" AFTER INSERT ON "Share"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "Share_data_version_update" AFTER UPDATE ON "Share"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "Share_data_version_delete" AFTER DELETE ON "Share"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "ShareInvitation_data_version_insert" AFTER INSERT ON "ShareInvitation"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "ShareInvitation_data_version_update" AFTER UPDATE ON "ShareInvitation"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "ShareInvitation_data_version_delete" AFTER DELETE ON "ShareInvitation"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "ShareMailLog_data_version_insert" AFTER INSERT ON "ShareMailLog"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "ShareMailLog_data_version_update" AFTER UPDATE ON "ShareMailLog"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "ShareMailLog_data_version_delete" AFTER DELETE ON "ShareMailLog"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "AccessLink_data_version_insert" AFTER INSERT ON "AccessLink"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "AccessLink_data_version_update" AFTER UPDATE ON "AccessLink"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "AccessLink_data_version_delete" AFTER DELETE ON "AccessLink"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "FileRequest_data_version_insert" AFTER INSERT ON "FileRequest"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "FileRequest_data_version_update" AFTER UPDATE ON "FileRequest"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "FileRequest_data_version_delete" AFTER DELETE ON "FileRequest"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "AccessLinkVisit_data_version_insert" AFTER INSERT ON "AccessLinkVisit"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "AccessLinkVisit_data_version_update" AFTER UPDATE ON "AccessLinkVisit"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "AccessLinkVisit_data_version_delete" AFTER DELETE ON "AccessLinkVisit"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "AccessRequest_data_version_insert" AFTER INSERT ON "AccessRequest"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "AccessRequest_data_version_update" AFTER UPDATE ON "AccessRequest"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "AccessRequest_data_version_delete" AFTER DELETE ON "AccessRequest"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "SavedQuery_data_version_insert" AFTER INSERT ON "SavedQuery"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "SavedQuery_data_version_update" AFTER UPDATE ON "SavedQuery"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "SavedQuery_data_version_delete" AFTER DELETE ON "SavedQuery"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
