-- AlterTable
ALTER TABLE "Return" ADD COLUMN "dated" BOOLEAN NOT NULL DEFAULT true;

-- Revisions imported before this column: an import stored a file's date at midnight and, when the file
-- gave none, the time the import ran; those had no date of their own.
UPDATE "Return" SET "dated" = false
WHERE "source" = 'import' AND substr("submittedAt", 12, 12) <> '00:00:00.000';
