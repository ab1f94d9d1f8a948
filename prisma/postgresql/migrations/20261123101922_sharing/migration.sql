-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "shareEmailIntro" TEXT,
ADD COLUMN     "shareEmailSubject" TEXT;

-- CreateTable
CREATE TABLE "FileEntry" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "parentId" TEXT,
    "slot" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameLower" TEXT NOT NULL,
    "ancestry" TEXT NOT NULL,
    "size" BIGINT,
    "mimeType" TEXT,
    "blobKey" TEXT,
    "sha256" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "modifiedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "modifiedById" TEXT,
    "trashedAt" TIMESTAMP(3),
    "trashedById" TEXT,
    "trashRootId" TEXT,

    CONSTRAINT "FileEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Share" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "resourceType" TEXT NOT NULL,
    "resourceId" TEXT NOT NULL,
    "granteeType" TEXT NOT NULL,
    "granteeUserId" TEXT,
    "granteeEmail" TEXT,
    "granteeWorkspaceId" TEXT,
    "granteeKey" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "note" TEXT,
    "expiresAt" TIMESTAMP(3),
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Share_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ShareInvitation" (
    "id" TEXT NOT NULL,
    "shareId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ShareInvitation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "FileEntry_blobKey_key" ON "FileEntry"("blobKey");

-- CreateIndex
CREATE INDEX "FileEntry_parentId_kind_nameLower_idx" ON "FileEntry"("parentId", "kind", "nameLower");

-- CreateIndex
CREATE INDEX "FileEntry_workspaceId_ancestry_idx" ON "FileEntry"("workspaceId", "ancestry");

-- CreateIndex
CREATE INDEX "FileEntry_workspaceId_trashRootId_idx" ON "FileEntry"("workspaceId", "trashRootId");

-- CreateIndex
CREATE INDEX "FileEntry_modifiedById_idx" ON "FileEntry"("modifiedById");

-- CreateIndex
CREATE UNIQUE INDEX "FileEntry_workspaceId_slot_nameLower_key" ON "FileEntry"("workspaceId", "slot", "nameLower");

-- CreateIndex
CREATE INDEX "Share_granteeKey_resourceType_idx" ON "Share"("granteeKey", "resourceType");

-- CreateIndex
CREATE INDEX "Share_granteeUserId_idx" ON "Share"("granteeUserId");

-- CreateIndex
CREATE INDEX "Share_granteeWorkspaceId_idx" ON "Share"("granteeWorkspaceId");

-- CreateIndex
CREATE INDEX "Share_granteeEmail_idx" ON "Share"("granteeEmail");

-- CreateIndex
CREATE INDEX "Share_workspaceId_idx" ON "Share"("workspaceId");

-- CreateIndex
CREATE INDEX "Share_createdById_idx" ON "Share"("createdById");

-- CreateIndex
CREATE UNIQUE INDEX "Share_resourceType_resourceId_granteeKey_key" ON "Share"("resourceType", "resourceId", "granteeKey");

-- CreateIndex
CREATE UNIQUE INDEX "ShareInvitation_tokenHash_key" ON "ShareInvitation"("tokenHash");

-- CreateIndex
CREATE INDEX "ShareInvitation_shareId_idx" ON "ShareInvitation"("shareId");

-- CreateIndex
CREATE INDEX "ShareInvitation_email_idx" ON "ShareInvitation"("email");

-- AddForeignKey
ALTER TABLE "FileEntry" ADD CONSTRAINT "FileEntry_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FileEntry" ADD CONSTRAINT "FileEntry_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "FileEntry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FileEntry" ADD CONSTRAINT "FileEntry_modifiedById_fkey" FOREIGN KEY ("modifiedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
