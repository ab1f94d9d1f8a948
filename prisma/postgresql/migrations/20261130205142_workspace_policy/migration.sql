-- CreateTable
CREATE TABLE "WorkspacePolicy" (
    "workspaceId" TEXT NOT NULL,
    "linkMaxDays" INTEGER,
    "linkPasswordRequired" BOOLEAN NOT NULL DEFAULT false,
    "publicLinksDisabled" BOOLEAN NOT NULL DEFAULT false,
    "allowedEmailDomains" JSONB NOT NULL DEFAULT '[]',
    "addToWorkspaceAllowed" BOOLEAN NOT NULL DEFAULT true,
    "externalGrantMaxDays" INTEGER,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WorkspacePolicy_pkey" PRIMARY KEY ("workspaceId")
);

-- AddForeignKey
ALTER TABLE "WorkspacePolicy" ADD CONSTRAINT "WorkspacePolicy_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
