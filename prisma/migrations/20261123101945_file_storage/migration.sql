-- CreateTable
CREATE TABLE "FileEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "modifiedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "modifiedById" TEXT,
    "trashedAt" DATETIME,
    "trashedById" TEXT,
    "trashRootId" TEXT,
    CONSTRAINT "FileEntry_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "FileEntry_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "FileEntry" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "FileEntry_modifiedById_fkey" FOREIGN KEY ("modifiedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
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
