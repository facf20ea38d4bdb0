-- Sign-in attempts take a turn from one gate row in the statement that inserts them (issue 10): a burst is
-- counted in commit order, with no attempt counted before an earlier one has committed.
ALTER TABLE "LoginAttempt" ADD COLUMN "turn" BIGINT NOT NULL DEFAULT 0;

CREATE TABLE "SignInGate" (
    "id" INTEGER NOT NULL,
    "turn" BIGINT NOT NULL,

    CONSTRAINT "SignInGate_pkey" PRIMARY KEY ("id")
);
