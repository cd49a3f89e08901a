package io.signet.imports;

import io.signet.imports.Checkpoint.Counts;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One run of {@code ./signet import}: lines from a source, in batches, to a target (this database or a
 * remote server, both ending in {@link UserImporter}), with the reject file, the checkpoint after every
 * committed batch, progress, and a summary. Memory holds one batch, whatever the input's size.
 */
public final class ImportRun {
    /** Where batches go: the importer in this process, or a remote server's {@code POST /admin/v1/import}. */
    public interface Target {
        /** The tenant the lines go to (a checkpoint belongs to one). */
        String tenantId();

        /** Imports (or judges) one batch; one result per line, in order. */
        List<LineResult> apply(List<ImportLine> batch, ImportOptions options);
    }

    /**
     * What the operator asked for.
     *
     * @param input      the file being imported (identifies the checkpoint)
     * @param rejects    the reject file
     * @param checkpoint the checkpoint file (not written in a dry run)
     * @param resume     continue after the checkpoint's last line
     */
    public record Settings(Path input, Path rejects, Path checkpoint, boolean resume, ImportOptions options,
                           int batchSize) {
    }

    /**
     * The end of a run: the counts over the whole import (earlier runs included when resumed), the lines this
     * run handled and how long it took, and the rejections by field (indexes dropped: {@code authenticators[].email}).
     */
    public record Summary(Counts counts, long resumedAfter, long linesThisRun, long millis,
                          Map<String, Long> rejectedByField) {
    }

    private final Settings settings;
    private final Target target;
    private final Progress progress;
    private long checkpointStart;
    private volatile long lastCommitted;

    public ImportRun(Settings settings, Target target, PrintStream progressOut, boolean terminal) {
        this.settings = settings;
        this.target = target;
        this.progress = new Progress(progressOut, terminal, System::nanoTime);
    }

    /**
     * Imports everything after the checkpoint (with resume) or everything. Throws when the source or the target
     * fails (a damaged file, the database or server gone): the checkpoint then holds the last committed batch.
     */
    public Summary run(ImportSource source) {
        long started = System.nanoTime();
        Checkpoint checkpoint = start();
        source.skipThrough(checkpoint.lastLine());
        Counts counts = checkpoint.counts();
        Map<String, Long> byField = new TreeMap<>();
        long lines = 0;
        boolean dryRun = settings.options().dryRun();
        try (RejectFile rejects = RejectFile.open(settings.rejects(), settings.resume() ? checkpoint.rejectsBytes() : -1)) {
            List<ImportLine> batch = new ArrayList<>(settings.batchSize());
            while (true) {
                boolean more = source.hasNext();
                if (more) {
                    ImportLine line = source.next();
                    if (line.number() > checkpoint.lastLine()) {
                        batch.add(line);
                    }
                }
                if (batch.isEmpty() || (more && batch.size() < settings.batchSize())) {
                    if (!more) {
                        break;
                    }
                    continue;
                }
                List<LineResult> results = target.apply(batch, settings.options());
                for (LineResult r : results) {
                    counts = counts.plus(r.outcome());
                    if (r.outcome() == LineResult.Outcome.REJECTED) {
                        rejects.add(r);
                        byField.merge(r.field().replaceAll("\\[\\d+]", "[]"), 1L, Long::sum);
                    }
                }
                long rejectsLength = rejects.flush();
                lines += batch.size();
                if (!dryRun) {
                    checkpoint = checkpoint.advanced(batch.getLast().number(), rejectsLength, counts);
                    checkpoint.write(settings.checkpoint());
                    lastCommitted = checkpoint.lastLine();
                }
                batch.clear();
                progress.update(lines, source.fractionRead());
            }
        } finally {
            progress.finish();
        }
        deleteCheckpoint();
        return new Summary(counts, settings.resume() ? checkpointStart : 0, lines,
                (System.nanoTime() - started) / 1_000_000, byField);
    }

    /** The last line known to be in the database (its batch committed and checkpointed); 0 before the first. */
    public long lastCommittedLine() {
        return lastCommitted;
    }

    /** The checkpoint to continue from (with resume), or a fresh one; refuses one that belongs elsewhere. */
    private Checkpoint start() {
        Checkpoint fresh = Checkpoint.start(settings.input(), target.tenantId());
        if (!settings.resume()) {
            return fresh;
        }
        Checkpoint saved = Checkpoint.read(settings.checkpoint()).orElseThrow(() -> new IllegalArgumentException(
                "--resume: there is no checkpoint " + settings.checkpoint() + " (the import finished, or never "
                        + "started); run without --resume to import the whole file"));
        saved.mismatch(fresh).ifPresent(why -> {
            throw new IllegalArgumentException("--resume: the checkpoint " + settings.checkpoint()
                    + " cannot continue this import: " + why + ". Run without --resume to start over (the import "
                    + "is idempotent: users already imported come out unchanged)");
        });
        checkpointStart = saved.lastLine();
        lastCommitted = saved.lastLine();
        return saved;
    }

    private void deleteCheckpoint() {
        if (settings.options().dryRun()) {
            return;
        }
        try {
            Files.deleteIfExists(settings.checkpoint());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot delete the checkpoint " + settings.checkpoint(), e);
        }
    }
}
