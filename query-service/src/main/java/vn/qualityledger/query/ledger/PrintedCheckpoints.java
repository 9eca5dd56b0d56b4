package vn.qualityledger.query.ledger;

import java.util.Base64;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.qualityledger.query.document.LedgerCheckpoints;
import vn.qualityledger.query.document.PrintedCheckpoint;

/** The checkpoints issued documents print, read from {@code query.ledger_checkpoint}. */
@Component
class PrintedCheckpoints implements LedgerCheckpoints {

    private final JdbcTemplate jdbc;

    PrintedCheckpoints(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Long> newestSize() {
        return jdbc.queryForList("SELECT tree_size FROM query.ledger_checkpoint ORDER BY id DESC LIMIT 1", Long.class)
                .stream().findFirst();
    }

    @Override
    public Optional<PrintedCheckpoint> firstOfSize(long treeSize) {
        // Rows are only ever appended, so the first of a size stays the first.
        return jdbc.query("SELECT tree_size, root_hash, key_id, signed_at FROM query.ledger_checkpoint WHERE tree_size = ? ORDER BY id LIMIT 1",
                (rs, row) -> new PrintedCheckpoint(rs.getLong("tree_size"), Base64.getEncoder().encodeToString(rs.getBytes("root_hash")),
                        rs.getString("key_id"), rs.getString("signed_at")), treeSize).stream().findFirst();
    }
}
