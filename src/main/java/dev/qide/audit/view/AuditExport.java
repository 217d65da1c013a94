package dev.qide.audit.view;

import dev.qide.audit.AuditEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes the records of an {@link AuditQuery} as CSV, newest first, at most {@link #MAX_ROWS} of them. Records are
 * read in batches along the same keyset the page uses, each batch in a short transaction of its own, so a large export
 * holds neither a connection nor every record in memory.
 */
@ApplicationScoped
public class AuditExport {

    /** The most records one export holds (the newest ones); narrower dates export the rest. */
    public static final int MAX_ROWS = 100_000;

    static final int BATCH = 1_000;

    /** Writes the header and the matching records; answers how many records it wrote. */
    public long write(AuditQuery query, Writer out) throws IOException {
        out.write(AuditCsv.HEADER);
        long written = 0;
        AuditCursor cursor = null;
        while (written < MAX_ROWS) {
            int size = (int) Math.min(BATCH, MAX_ROWS - written);
            AuditCursor before = cursor;
            List<AuditEvent> batch = QuarkusTransaction.requiringNew().call(() -> query.page(before, size));
            for (AuditEvent event : batch) {
                out.write(AuditCsv.row(event));
            }
            written += batch.size();
            if (batch.size() < size) {
                break;
            }
            cursor = AuditCursor.after(batch.getLast());
        }
        return written;
    }
}
