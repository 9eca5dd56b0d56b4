package vn.qualityledger.command.directory;


import java.text.Normalizer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.qualityledger.api.common.Actor;
import vn.qualityledger.api.common.CommandErrorDetails;
import vn.qualityledger.api.common.CommandErrorDetails.Kind;
import vn.qualityledger.api.directory.DirectoryUnit;
import vn.qualityledger.api.directory.OrganisationDirectoryId;
import vn.qualityledger.api.directory.OrganisationDirectoryRecordedEvent;
import vn.qualityledger.api.directory.RecordOrganisationDirectoryCommand;
import vn.qualityledger.command.DemoActors;
import vn.qualityledger.command.PermissionMatrix;
import vn.qualityledger.command.PermissionMatrix.Case;

class OrganisationDirectoryTest {

    static final String ORG = "SLDTBXH-HD";
    static final OrganisationDirectoryId DIRECTORY = new OrganisationDirectoryId("directory-SLDTBXH-HD");
    static final String NAME = "Sở Lao động – Thương binh và Xã hội tỉnh Hải Dương";
    static final String PARENT = "UBND tỉnh Hải Dương";
    static final DirectoryUnit VP = new DirectoryUnit("VP", "Văn phòng Sở", "OFFICE");
    static final DirectoryUnit KHTC = new DirectoryUnit("P-KHTC", "Phòng Kế hoạch – Tài chính", "DIVISION");
    static final Map<String, Actor> USERS = DemoActors.of(ORG);
    static final Actor SECRETARY = USERS.get("thuky");

    private AggregateTestFixture<OrganisationDirectory> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(OrganisationDirectory.class);
    }

    static RecordOrganisationDirectoryCommand record(String name, String parent, DirectoryUnit... units) {
        return RecordOrganisationDirectoryCommand.of(ORG, name, parent, List.of(units));
    }

    static OrganisationDirectoryRecordedEvent recorded(String name, String parent, DirectoryUnit... units) {
        return new OrganisationDirectoryRecordedEvent(DIRECTORY, ORG, name, parent, List.of(units));
    }

    private ResultValidator<OrganisationDirectory> firstRecording(RecordOrganisationDirectoryCommand command) {
        return fixture.givenNoPriorActivity().when(command, SECRETARY.toMetaData());
    }

    private static void refused(ResultValidator<OrganisationDirectory> result, Kind kind, String code, String field) {
        result.expectNoEvents()
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(new CommandErrorDetails(kind, code, field));
    }

    @Test
    void canRecordTheOrganisationsNameItsParentAndItsUnits() {
        firstRecording(record(NAME, PARENT, VP, KHTC)).expectEvents(recorded(NAME, PARENT, VP, KHTC));
    }

    @Test
    void canRecordADirectoryWithoutParentOrUnits() {
        firstRecording(RecordOrganisationDirectoryCommand.of(ORG, NAME, "  ", null)).expectEvents(recorded(NAME, null));
    }

    @Test
    void canRecordTheSameNamesAgainWithoutStoringAnything() {
        fixture.given(recorded(NAME, PARENT, VP, KHTC)).when(record(NAME, PARENT, VP, KHTC), SECRETARY.toMetaData())
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void canRenameAUnitAsANewEventThatKeepsTheOldNameInTheHistory() {
        DirectoryUnit renamed = new DirectoryUnit("VP", "Văn phòng Sở Lao động", "OFFICE");
        fixture.given(recorded(NAME, PARENT, VP, KHTC)).when(record(NAME, PARENT, renamed, KHTC), SECRETARY.toMetaData())
                .expectEvents(recorded(NAME, PARENT, renamed, KHTC));
    }

    @Test
    void canRecordAgainAfterARenameBackToTheFirstNames() {
        DirectoryUnit renamed = new DirectoryUnit("VP", "Văn phòng Sở Lao động", "OFFICE");
        fixture.given(recorded(NAME, PARENT, VP), recorded(NAME, PARENT, renamed)).when(record(NAME, PARENT, VP), SECRETARY.toMetaData())
                .expectEvents(recorded(NAME, PARENT, VP));
    }

    @Test
    void cannotRecordWithoutTheOrganisationsName() {
        refused(firstRecording(record(" ", PARENT, VP)), Kind.RULE_BROKEN, "NotBlank", "name");
    }

    @Test
    void cannotRecordANameThatIsNotInNfc() {
        String decomposed = Normalizer.normalize("Văn phòng Sở", Normalizer.Form.NFD);
        refused(firstRecording(record(NAME, PARENT, new DirectoryUnit("VP", decomposed, "OFFICE"))), Kind.RULE_BROKEN, "NOT_NFC", "units[0].name");
    }

    @Test
    void cannotRecordAParentNameThatIsNotInNfc() {
        refused(firstRecording(record(NAME, Normalizer.normalize(PARENT, Normalizer.Form.NFD), VP)), Kind.RULE_BROKEN, "NOT_NFC", "parentName");
    }

    @Test
    void cannotRecordANameWithLeadingSpaces() {
        refused(firstRecording(record(" " + NAME, PARENT, VP)), Kind.RULE_BROKEN, "NOT_NFC", "name");
    }

    @Test
    void cannotRecordANameLongerThan300Characters() {
        refused(firstRecording(record("S".repeat(301), PARENT, VP)), Kind.RULE_BROKEN, "Size", "name");
    }

    @Test
    void cannotRecordAUnitWithoutAName() {
        refused(firstRecording(record(NAME, PARENT, VP, new DirectoryUnit("P-KHTC", "\u00a0", "DIVISION"))), Kind.RULE_BROKEN, "NotBlank", "units[1].name");
    }

    @Test
    void cannotRecordAUnitWithoutACode() {
        refused(firstRecording(record(NAME, PARENT, new DirectoryUnit(" ", "Văn phòng Sở", "OFFICE"))), Kind.RULE_BROKEN, "NotBlank", "units[0].code");
    }

    @Test
    void cannotRecordAUnitCodeLongerThanThePlansCodes() {
        refused(firstRecording(record(NAME, PARENT, new DirectoryUnit("V".repeat(51), "Văn phòng Sở", "OFFICE"))), Kind.RULE_BROKEN, "Size", "units[0].code");
    }

    @Test
    void cannotRecordAUnitKindLongerThan50Characters() {
        refused(firstRecording(record(NAME, PARENT, new DirectoryUnit("VP", "Văn phòng Sở", "K".repeat(51)))), Kind.RULE_BROKEN, "Size", "units[0].kind");
    }

    @Test
    void cannotRecordTheSameUnitCodeTwice() {
        refused(firstRecording(record(NAME, PARENT, VP, KHTC, new DirectoryUnit("VP", "Văn phòng", null))),
                Kind.RULE_BROKEN, "DUPLICATE_CODE", "units[2].code");
    }

    @Test
    void cannotRecordAnOrganisationCodeLongerThanThePlansCodes() {
        String code = "S".repeat(51);
        Actor secretary = new Actor("thuky", "Nguyễn Thị Thư", SECRETARY.roles(), code, "TK-ISO");
        refused(fixture.givenNoPriorActivity().when(RecordOrganisationDirectoryCommand.of(code, NAME, PARENT, List.of(VP)), secretary.toMetaData()),
                Kind.RULE_BROKEN, "INVALID_CODE", "organisationId");
    }

    @Test
    void cannotRecordAnOrganisationsNamesInAnotherOrganisationsDirectory() {
        RecordOrganisationDirectoryCommand misdirected = new RecordOrganisationDirectoryCommand(new OrganisationDirectoryId("directory-SYT-HD"),
                ORG, NAME, PARENT, List.of(VP));
        refused(firstRecording(misdirected), Kind.RULE_BROKEN, "NOT_THE_ORGANISATIONS_DIRECTORY", "directoryId");
    }

    @Test
    void violationsListEveryBrokenRuleInFieldOrder() {
        List<String> fields = DirectoryPolicy.violations(record("", PARENT, new DirectoryUnit("VP", "", null), VP)).stream()
                .map(refusal -> ((CommandErrorDetails) refusal.getDetails().orElseThrow()).field()).toList();
        org.assertj.core.api.Assertions.assertThat(fields).containsExactly("name", "units[0].name", "units[1].code");
    }

    // The permission rows: the plan's keepers (the ISO secretary, the QMR, an administrator) of the organisation only.
    private static final Map<String, Case> CASES = Map.of(
            "RecordOrganisationDirectory", new Case(List.of(), record(NAME, PARENT, VP), Set.of("admin", "thuky", "qmr")),
            "RecordOrganisationDirectory (a rename)", new Case(List.of(recorded(NAME, PARENT, VP)),
                    record(NAME, PARENT, new DirectoryUnit("VP", "Văn phòng Sở Lao động", "OFFICE")), Set.of("admin", "thuky", "qmr")));

    static Stream<Arguments> matrix() {
        return PermissionMatrix.arguments(new java.util.TreeMap<>(CASES), USERS);
    }

    @ParameterizedTest(name = "{0} by {1}: allowed {2}")
    @MethodSource("matrix")
    void followsThePermissionMatrix(String command, String user, boolean allowed) {
        PermissionMatrix.send(fixture, CASES.get(command), USERS.get(user), allowed);
    }

    @Test
    void aStaffMemberCannotRecordTheNames() {
        refused(fixture.givenNoPriorActivity().when(record(NAME, PARENT, VP), USERS.get("nhanvienvp").toMetaData()),
                Kind.FORBIDDEN, "PLANNERS_ONLY", null);
    }

    @Test
    void nobodyRecordsAnotherOrganisationsNames() {
        refused(fixture.givenNoPriorActivity().when(record(NAME, PARENT, VP), USERS.get("thuky-khac").toMetaData()),
                Kind.FORBIDDEN, "OTHER_ORGANISATION", null);
    }

    @Test
    void aCommandWithoutAnActorIsRefused() {
        refused(fixture.givenNoPriorActivity().when(record(NAME, PARENT, VP)), Kind.FORBIDDEN, "ACTOR_REQUIRED", null);
    }
}
