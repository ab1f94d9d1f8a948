-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_AccessLink" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "resourceType" TEXT NOT NULL,
    "resourceId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "passwordHash" TEXT,
    "label" TEXT,
    "startsAt" DATETIME,
    "expiresAt" DATETIME NOT NULL,
    "revokedAt" DATETIME,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" DATETIME,
    "useCount" INTEGER NOT NULL DEFAULT 0,
    "allowDownload" BOOLEAN NOT NULL DEFAULT true,
    CONSTRAINT "AccessLink_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_AccessLink" ("createdAt", "createdById", "expiresAt", "id", "label", "lastUsedAt", "mode", "passwordHash", "prefix", "resourceId", "resourceType", "revokedAt", "startsAt", "tokenHash", "useCount", "workspaceId") SELECT "createdAt", "createdById", "expiresAt", "id", "label", "lastUsedAt", "mode", "passwordHash", "prefix", "resourceId", "resourceType", "revokedAt", "startsAt", "tokenHash", "useCount", "workspaceId" FROM "AccessLink";
DROP TABLE "AccessLink";
ALTER TABLE "new_AccessLink" RENAME TO "AccessLink";
CREATE UNIQUE INDEX "AccessLink_tokenHash_key" ON "AccessLink"("tokenHash");
CREATE INDEX "AccessLink_resourceType_resourceId_idx" ON "AccessLink"("resourceType", "resourceId");
CREATE INDEX "AccessLink_workspaceId_idx" ON "AccessLink"("workspaceId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
