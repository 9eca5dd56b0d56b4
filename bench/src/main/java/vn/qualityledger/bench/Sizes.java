package vn.qualityledger.bench;

import java.time.Duration;
import java.util.List;

/**
 * How big each measurement is. {@link #FULL} is the documented benchmark (at most ~15 minutes on the 2-core machine);
 * {@link #SMOKE} runs every step on tiny data in seconds, so that CI keeps the harness compiling and working.
 *
 * @param organisations             organisations of the bulk-loaded data set (dashboards and rebuild)
 * @param objectivesPerOrganisation objectives per organisation (year 2023)
 * @param measuresPerObjective      measures per objective, each with 12 monthly occurrences
 * @param commandObjectives         objectives the spread command load cycles over (each client its own share)
 * @param concurrency               concurrent clients of each command run
 * @param warmup                    unrecorded start of each command run
 * @param window                    recorded part of each command run
 * @param readRequests              recorded requests per read endpoint (and as many baseline queries)
 * @param auditorEvents             events of the objective the auditor replays
 * @param auditorCommands           recorded commands on that objective per snapshot setting
 * @param rebuildWindow             how long the rebuild endpoint is followed (its rate is taken over this window)
 */
record Sizes(String name, int organisations, int objectivesPerOrganisation, int measuresPerObjective,
             int commandObjectives, List<Integer> concurrency, Duration warmup, Duration window,
             int readRequests, int auditorEvents, int auditorCommands, Duration rebuildWindow) {

    static final Sizes FULL = new Sizes("full", 100, 10, 30, 128, List.of(1, 8, 32),
            Duration.ofSeconds(2), Duration.ofSeconds(8), 1000, 10_000, 20, Duration.ofSeconds(90));

    static final Sizes SMOKE = new Sizes("smoke", 2, 2, 3, 16, List.of(1, 8),
            Duration.ofMillis(200), Duration.ofMillis(800), 20, 300, 3, Duration.ofSeconds(30));

    boolean smoke() {
        return name.startsWith("smoke");
    }
}
