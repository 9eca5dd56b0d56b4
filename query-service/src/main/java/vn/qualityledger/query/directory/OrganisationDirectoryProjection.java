package vn.qualityledger.query.directory;

import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.qualityledger.api.directory.DirectoryUnit;
import vn.qualityledger.api.directory.OrganisationDirectoryRecordedEvent;
import vn.qualityledger.query.progress.JdbcProjection;
import vn.qualityledger.query.progress.ReadModelSchema;

/**
 * Keeps the directory tables of schema {@code query} in step with the directory streams: each event replaces the
 * organisation's name, parent and units as a whole (the event holds the whole directory), so a redelivered or replayed
 * event gives the same rows. Its own processing group, so that it can be rebuilt alone and one bad event parks only its
 * organisation's stream.
 */
@Component
@ProcessingGroup(OrganisationDirectoryProjection.PROCESSING_GROUP)
public class OrganisationDirectoryProjection extends JdbcProjection {

    public static final String PROCESSING_GROUP = "organisation-directory";
    /** Its tables, which a replay rebuilds from nothing. */
    public static final List<String> TABLES = List.of("organisation_directory", "directory_unit");


    @Autowired
    public OrganisationDirectoryProjection(JdbcTemplate jdbc) {
        this(jdbc, ReadModelSchema.LIVE_SCHEMA);
    }

    private OrganisationDirectoryProjection(JdbcTemplate jdbc, String schema) {
        super(jdbc, schema, TABLES);
    }

    @Override
    public OrganisationDirectoryProjection writingTo(String schema) {
        return new OrganisationDirectoryProjection(jdbc(), schema);
    }


    @EventHandler
    void on(OrganisationDirectoryRecordedEvent event) {
        String organisation = event.organisationId();
        update("""
                INSERT INTO organisation_directory (organisation_id, name, parent_name) VALUES (?, ?, ?)
                ON CONFLICT (organisation_id) DO UPDATE SET name = EXCLUDED.name, parent_name = EXCLUDED.parent_name
                """, organisation, event.name(), event.parentName());
        update("DELETE FROM directory_unit WHERE organisation_id = ?", organisation);
        List<DirectoryUnit> units = event.units() == null ? List.of() : event.units();
        for (int i = 0; i < units.size(); i++) {
            DirectoryUnit unit = units.get(i);
            update("INSERT INTO directory_unit (organisation_id, code, name, kind, position) VALUES (?, ?, ?, ?, ?)",
                    organisation, unit.code(), unit.name(), unit.kind(), i);
        }
    }


}
