package vn.qualityledger.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One service's runnable jar as a child process ({@code java -jar}, default JVM settings, as run.sh starts it), so
 * that its start-up time and peak resident memory are those a deployment sees. Start-up is from spawning the process
 * to the first readiness answer of 200.
 */
final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path log;
    private final int port;
    private final double startupSeconds;
    private final long spawnedNanos;

    private ServiceProcess(String name, Process process, Path log, int port, double startupSeconds, long spawnedNanos) {
        this.spawnedNanos = spawnedNanos;
        this.name = name;
        this.process = process;
        this.log = log;
        this.port = port;
        this.startupSeconds = startupSeconds;
    }

    /**
     * Starts {@code command} (java and its arguments) and waits until {@code readinessPath} on {@code port} answers 200.
     *
     * @param environment extra environment, as NAME=value
     */
    static ServiceProcess start(String name, List<String> command, List<String> environment, int port, String readinessPath,
                                Path logDirectory, Duration timeout) throws IOException, InterruptedException {
        Files.createDirectories(logDirectory);
        Path log = logDirectory.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        for (String variable : environment) {
            int equals = variable.indexOf('=');
            builder.environment().put(variable.substring(0, equals), variable.substring(equals + 1));
        }
        long spawned = System.nanoTime();
        Process process = builder.start();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest readiness = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + readinessPath))
                .timeout(Duration.ofSeconds(2)).GET().build();
        long deadline = spawned + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new BenchFailure(name + " exited with " + process.exitValue() + " while starting; see " + log);
            }
            try {
                if (client.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    double seconds = (System.nanoTime() - spawned) / 1e9;
                    return new ServiceProcess(name, process, log, port, seconds, spawned);
                }
            } catch (IOException notListeningYet) {
                // keep polling
            }
            Thread.sleep(50);
        }
        process.destroyForcibly();
        throw new BenchFailure(name + " was not ready within " + timeout.toSeconds() + " s; see " + log);
    }

    /** A service jar with its port and database given as Spring arguments (and as the variables the yml reads). */
    static ServiceProcess startService(String name, Path jar, String portVariable, int port, Postgres postgres, String database,
                                       List<String> extraArguments, Path logDirectory) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-jar", jar.toString(),
                "--server.port=" + port, "--spring.datasource.url=" + postgres.url(database)));
        command.addAll(BenchUsers.serviceArguments());
        command.addAll(extraArguments);
        List<String> environment = List.of(portVariable + "=" + port, "DB_NAME=" + database,
                "DB_HOST=" + postgres.host(), "DB_PORT=" + postgres.port(), "DB_USER=" + postgres.user(),
                "DB_PASSWORD=" + postgres.password(), "INTEGRITY_KEY=" + EventEncoder.INTEGRITY_KEY);
        // Liveness, not readiness: query-service is ready only once its projections have caught up, and on the full
        // store that catch-up is figure 2 itself, measured after the start.
        return start(name, command, environment, port, "/actuator/health/liveness", logDirectory, Duration.ofSeconds(180));
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    /** {@link System#nanoTime()} when the process was spawned. */
    long spawnedNanos() {
        return spawnedNanos;
    }

    double startupSeconds() {
        return startupSeconds;
    }

    /** Peak resident set size so far (VmHWM of /proc/PID/status), in MiB. */
    double peakRssMiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        throw new BenchFailure("no VmHWM for " + name + " (pid " + process.pid() + ")");
    }

    void requireAlive() {
        if (!process.isAlive()) {
            throw new BenchFailure(name + " died (exit " + process.exitValue() + "); see " + log);
        }
    }

    /** kill -9 (SIGKILL, {@link Process#destroyForcibly()} on Linux): no shutdown runs, as in a crash. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            throw new BenchFailure(name + " (pid " + process.pid() + ") did not die within 20 s of SIGKILL");
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    Path log() {
        return log;
    }

    /** SIGTERM, then a kill if it has not stopped within 30 s. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
