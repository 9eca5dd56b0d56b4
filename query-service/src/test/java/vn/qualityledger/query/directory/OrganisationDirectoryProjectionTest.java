package vn.qualityledger.query.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import vn.qualityledger.api.directory.DirectoryUnit;
import vn.qualityledger.api.directory.OrganisationDirectoryId;
import vn.qualityledger.api.directory.OrganisationDirectoryRecordedEvent;
import vn.qualityledger.query.IntegrationDatabase;
import vn.qualityledger.query.progress.ProjectionReplay;
import vn.qualityledger.support.TestDatabase;

/** The directory projection and its reads against the real PostgreSQL, fed by hand with Vietnamese names in NFC. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrganisationDirectoryProjectionTest {

    private static final String ORG = "SLDTBXH-HD";
    private static final OrganisationDirectoryId DIRECTORY = OrganisationDirectoryId.forOrganisation(ORG);
    private static final String NAME = "Sở Lao động – Thương binh và Xã hội tỉnh Hải Dương";
    private static final DirectoryUnit VP = new DirectoryUnit("VP", "Văn phòng Sở", "OFFICE");
    private static final DirectoryUnit KHTC = new DirectoryUnit("P-KHTC", "Phòng Kế hoạch – Tài chính", "DIVISION");
    private static final DirectoryUnit ALL = new DirectoryUnit("ALL_UNITS", "Các phòng, trung tâm thuộc Sở", "GROUP");

    private JdbcTemplate jdbc;
    private DirectoryNames names;
    private long sequence;

    @BeforeAll
    void database() {
        String url = TestDatabase.recreate("ql_test_query_directory");
        Flyway.configure().dataSource(url, TestDatabase.user(), TestDatabase.password()).schemas("query")
                .locations("classpath:db/query").load().migrate();
        jdbc = new JdbcTemplate(new DriverManagerDataSource(IntegrationDatabase.asQueryServiceConnects(url), TestDatabase.user(), TestDatabase.password()));
        names = new DirectoryNames(jdbc);
    }

    @BeforeEach
    void empty() {
        jdbc.execute("TRUNCATE query.organisation_directory, query.directory_unit, query.objective CASCADE");
        sequence = 0;
    }

    private GenericDomainEventMessage<OrganisationDirectoryRecordedEvent> message(OrganisationDirectoryRecordedEvent event) {
        return new GenericDomainEventMessage<>("OrganisationDirectory", event.directoryId().value(), sequence++, event);
    }

    private void apply(OrganisationDirectoryRecordedEvent... events) {
        ProjectionReplay live = new ProjectionReplay(new OrganisationDirectoryProjection(jdbc));
        for (OrganisationDirectoryRecordedEvent event : events) {
            live.apply(message(event));
        }
    }

    private static OrganisationDirectoryRecordedEvent recorded(String parent, DirectoryUnit... units) {
        return new OrganisationDirectoryRecordedEvent(DIRECTORY, ORG, NAME, parent, List.of(units));
    }

    @Test
    void keepsTheOrganisationsNameItsParentAndItsUnitsInTheirOrder() {
        apply(recorded("UBND tỉnh Hải Dương", VP, KHTC, ALL));

        assertThat(names.organisation(ORG)).contains(new DirectoryNames.OrganisationName(ORG, NAME, "UBND tỉnh Hải Dương"));
        assertThat(names.units(ORG)).containsExactly(new DirectoryNames.UnitName("VP", "Văn phòng Sở", "OFFICE"),
                new DirectoryNames.UnitName("P-KHTC", "Phòng Kế hoạch – Tài chính", "DIVISION"),
                new DirectoryNames.UnitName("ALL_UNITS", "Các phòng, trung tâm thuộc Sở", "GROUP"));
        assertThat(names.unitNames(ORG)).containsEntry("VP", "Văn phòng Sở").hasSize(3);
        // Stored as sent: precomposed (NFC), so "Văn phòng Sở" typed either way finds the same row once normalised.
        String stored = jdbc.queryForObject("SELECT name FROM query.directory_unit WHERE code = 'VP'", String.class);
        assertThat(stored).isEqualTo(Normalizer.normalize("Văn phòng Sở", Normalizer.Form.NFC)).hasSize(12);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM query.directory_unit WHERE name = ?", Integer.class,
                Normalizer.normalize(Normalizer.normalize("Văn phòng Sở", Normalizer.Form.NFD), Normalizer.Form.NFC))).isEqualTo(1);
    }

    @Test
    void aLaterRecordingReplacesTheNamesAndDropsUnitsItNoLongerLists() {
        DirectoryUnit renamed = new DirectoryUnit("VP", "Văn phòng Sở Lao động", "OFFICE");
        apply(recorded("UBND tỉnh Hải Dương", VP, KHTC), recorded(null, KHTC, renamed));

        assertThat(names.organisation(ORG).orElseThrow().parentName()).isNull();
        assertThat(names.units(ORG)).extracting(DirectoryNames.UnitName::code).containsExactly("P-KHTC", "VP");
        assertThat(names.unitNames(ORG)).containsExactly(Map.entry("P-KHTC", "Phòng Kế hoạch – Tài chính"), Map.entry("VP", "Văn phòng Sở Lao động"));
    }

    @Test
    void storesTheSameRowsWhenAnEventIsDeliveredAgain() {
        OrganisationDirectoryRecordedEvent event = recorded("UBND tỉnh Hải Dương", VP, KHTC);
        apply(event);
        String once = jdbc.queryForList("SELECT * FROM query.directory_unit ORDER BY code").toString()
                + jdbc.queryForList("SELECT * FROM query.organisation_directory").toString();
        apply(event);
        assertThat(jdbc.queryForList("SELECT * FROM query.directory_unit ORDER BY code").toString()
                + jdbc.queryForList("SELECT * FROM query.organisation_directory").toString()).isEqualTo(once);
    }

    @Test
    void knowsNoNameForAnOrganisationWithoutADirectory() {
        apply(recorded(null, VP));
        assertThat(names.organisation("SYT-HD")).isEmpty();
        assertThat(names.units("SYT-HD")).isEmpty();
        assertThat(names.organisationNames(Set.of(ORG, "SYT-HD"))).containsExactly(Map.entry(ORG, NAME));
        assertThat(names.organisationNames(Set.of())).isEmpty();
    }

    @Test
    void namesTheUnitsOfEachObjectiveByItsOrganisation() {
        apply(recorded(null, VP));
        jdbc.update("INSERT INTO query.objective (id, organisation_id, year, code, statement, recorded_at) VALUES ('o-1', ?, 2023, 'MT-1', 'Mục tiêu', now())", ORG);
        jdbc.update("INSERT INTO query.objective (id, organisation_id, year, code, statement, recorded_at) VALUES ('o-2', 'SYT-HD', 2023, 'MT-1', 'Mục tiêu', now())");
        assertThat(names.unitNamesByObjective(List.of("o-1", "o-2", "o-3")))
                .containsExactly(Map.entry("o-1", Map.of("VP", "Văn phòng Sở")), Map.entry("o-2", Map.of()));
    }
}
