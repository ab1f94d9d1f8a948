-- CreateTable
CREATE TABLE "WorkspacePolicy" (
    "workspaceId" TEXT NOT NULL PRIMARY KEY,
    "linkMaxDays" INTEGER,
    "linkPasswordRequired" BOOLEAN NOT NULL DEFAULT false,
    "publicLinksDisabled" BOOLEAN NOT NULL DEFAULT false,
    "allowedEmailDomains" JSONB NOT NULL DEFAULT '[]',
    "addToWorkspaceAllowed" BOOLEAN NOT NULL DEFAULT true,
    "externalGrantMaxDays" INTEGER,
    "updatedById" TEXT,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "WorkspacePolicy_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
