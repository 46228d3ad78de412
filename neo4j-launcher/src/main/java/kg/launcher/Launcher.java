package kg.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.internal.helpers.HostnamePort;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Starts Neo4j Community embedded with only a Bolt connector on loopback.
 *
 * <p>Usage: {@code Launcher <homeDir> <boltPort> [pageCache]}. Port 0 takes a free port. Once Bolt
 * accepts connections it prints exactly one line, {@code NEO4J_BOLT_READY bolt://127.0.0.1:<port>},
 * which the Node side waits for.
 *
 * <p>It stops cleanly on SIGTERM/SIGINT (shutdown hook) and also when its standard input closes:
 * the parent holds the other end of that pipe, so even a parent killed with SIGKILL takes the
 * database down with it instead of leaving an orphan holding the store lock.
 */
public final class Launcher {
    public static final String READY_MARKER = "NEO4J_BOLT_READY";

    private Launcher() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: Launcher <homeDir> <boltPort> [pageCache, e.g. 128m]");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        long pageCache = parseBytes(args.length > 2 ? args[2] : "128m");

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(GraphDatabaseSettings.pagecache_memory, pageCache)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                // Bolt's worker pool otherwise waits 5 s (twice) at shutdown for connections that are
                // already closed; the store itself is checkpointed in milliseconds.
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofMillis(100))
                .build();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            dbms.shutdown();
            stopped.countDown();
        }, "neo4j-shutdown"));

        GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        HostnamePort bolt = ((GraphDatabaseAPI) db).getDependencyResolver()
                .resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT);
        System.out.println(READY_MARKER + " bolt://127.0.0.1:" + bolt.getPort());
        System.out.flush();

        watchParent(System.in);
        stopped.await();
    }

    private static void watchParent(InputStream in) {
        Thread watcher = new Thread(() -> {
            try {
                while (in.read() != -1) {
                    // input is ignored; only its end matters
                }
            } catch (IOException ignored) {
                // a broken pipe means the same as end of input
            }
            System.exit(0);
        }, "parent-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    static long parseBytes(String text) {
        String t = text.trim().toLowerCase();
        long unit = 1;
        char last = t.charAt(t.length() - 1);
        if (last == 'k' || last == 'm' || last == 'g') {
            unit = last == 'k' ? 1L << 10 : last == 'm' ? 1L << 20 : 1L << 30;
            t = t.substring(0, t.length() - 1);
        }
        return Long.parseLong(t) * unit;
    }
}
