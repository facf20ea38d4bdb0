-- CreateTable
CREATE TABLE "LedgerCheckpoint" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL,
    "databaseOid" BIGINT NOT NULL,
    "snapshotXmin" BIGINT NOT NULL,
    "oldEntries" BIGINT NOT NULL,
    "full" BOOLEAN NOT NULL,
    "digests" JSONB NOT NULL,

    CONSTRAINT "LedgerCheckpoint_pkey" PRIMARY KEY ("id")
);
