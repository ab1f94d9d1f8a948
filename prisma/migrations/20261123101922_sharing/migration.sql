-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN "shareEmailIntro" TEXT;
ALTER TABLE "Workspace" ADD COLUMN "shareEmailSubject" TEXT;

-- CreateTable
CREATE TABLE "Share" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    "expiresAt" DATETIME,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ShareInvitation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shareId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

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
