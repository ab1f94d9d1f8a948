-- CreateEnum
CREATE TYPE "MemberRole" AS ENUM ('admin', 'member');

-- CreateEnum
CREATE TYPE "FileEntryKind" AS ENUM ('file', 'folder');

-- CreateEnum
CREATE TYPE "Visibility" AS ENUM ('private', 'public');

-- CreateEnum
CREATE TYPE "VersionKind" AS ENUM ('append', 'create', 'replace', 'restore');

-- CreateEnum
CREATE TYPE "IngestMode" AS ENUM ('append', 'create', 'replace');

-- CreateEnum
CREATE TYPE "OutboxStatus" AS ENUM ('failed', 'pending', 'sending', 'sent');

-- CreateEnum
CREATE TYPE "UploadKind" AS ENUM ('dataset', 'file');

-- CreateEnum
CREATE TYPE "ResourceType" AS ENUM ('dataset', 'file', 'folder', 'workspace');

-- CreateEnum
CREATE TYPE "GranteeType" AS ENUM ('email', 'user', 'workspace');

-- CreateEnum
CREATE TYPE "ShareRole" AS ENUM ('editor', 'viewer');

-- CreateEnum
CREATE TYPE "LinkMode" AS ENUM ('authenticated', 'public');

-- Edited by hand: Prisma's diff drops and re-adds each column (losing its data), converting in place keeps
-- every row, and the indexes on these columns are rebuilt by ALTER COLUMN TYPE, so none is re-created.

-- AlterTable
ALTER TABLE "AccessLink" ALTER COLUMN "resourceType" TYPE "ResourceType" USING "resourceType"::"ResourceType",
ALTER COLUMN "mode" TYPE "LinkMode" USING "mode"::"LinkMode";

-- AlterTable
ALTER TABLE "AuditEvent" ALTER COLUMN "resourceType" TYPE "ResourceType" USING "resourceType"::"ResourceType",
ALTER COLUMN "details" DROP DEFAULT,
ALTER COLUMN "details" TYPE JSONB USING "details"::jsonb,
ALTER COLUMN "details" SET DEFAULT '{}';

-- AlterTable
ALTER TABLE "Dataset" ALTER COLUMN "tags" DROP DEFAULT,
ALTER COLUMN "tags" TYPE JSONB USING "tags"::jsonb,
ALTER COLUMN "tags" SET DEFAULT '[]',
ALTER COLUMN "visibility" DROP DEFAULT,
ALTER COLUMN "visibility" TYPE "Visibility" USING "visibility"::"Visibility",
ALTER COLUMN "visibility" SET DEFAULT 'private',
ALTER COLUMN "columns" TYPE JSONB USING "columns"::jsonb;

-- AlterTable
ALTER TABLE "DatasetIngest" ALTER COLUMN "mode" TYPE "IngestMode" USING "mode"::"IngestMode",
ALTER COLUMN "columns" TYPE JSONB USING "columns"::jsonb;

-- AlterTable
ALTER TABLE "DatasetVersion" ALTER COLUMN "kind" TYPE "VersionKind" USING "kind"::"VersionKind",
ALTER COLUMN "columns" TYPE JSONB USING "columns"::jsonb,
ALTER COLUMN "stats" TYPE JSONB USING "stats"::jsonb;

-- AlterTable
ALTER TABLE "FileEntry" ALTER COLUMN "kind" TYPE "FileEntryKind" USING "kind"::"FileEntryKind";

-- AlterTable
ALTER TABLE "Membership" ALTER COLUMN "role" TYPE "MemberRole" USING "role"::"MemberRole";

-- AlterTable
ALTER TABLE "Outbox" ALTER COLUMN "status" DROP DEFAULT,
ALTER COLUMN "status" TYPE "OutboxStatus" USING "status"::"OutboxStatus",
ALTER COLUMN "status" SET DEFAULT 'pending';

-- AlterTable
ALTER TABLE "Share" ALTER COLUMN "resourceType" TYPE "ResourceType" USING "resourceType"::"ResourceType",
ALTER COLUMN "granteeType" TYPE "GranteeType" USING "granteeType"::"GranteeType",
ALTER COLUMN "role" TYPE "ShareRole" USING "role"::"ShareRole";

-- AlterTable
ALTER TABLE "Upload" ALTER COLUMN "kind" TYPE "UploadKind" USING "kind"::"UploadKind",
ALTER COLUMN "result" TYPE JSONB USING "result"::jsonb;

-- AlterTable
ALTER TABLE "WorkspaceInvitation" ALTER COLUMN "role" TYPE "MemberRole" USING "role"::"MemberRole";
