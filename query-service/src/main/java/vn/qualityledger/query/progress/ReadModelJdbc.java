package vn.qualityledger.query.progress;

import javax.sql.DataSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.ParsedSql;
import org.springframework.stereotype.Component;

/** The reads' JDBC template: every statement goes through {@link ReadModelSchema#rewrite} before it is parsed. */
@Component
public class ReadModelJdbc extends NamedParameterJdbcTemplate {

    public ReadModelJdbc(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    protected ParsedSql getParsedSql(String sql) {
        return super.getParsedSql(ReadModelSchema.rewrite(sql));
    }
}
