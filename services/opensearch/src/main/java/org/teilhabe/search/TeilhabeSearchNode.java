package org.teilhabe.search;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.plugins.Plugin;
import org.opensearch.transport.Netty4Plugin;

/**
 * Runs a real single-node OpenSearch 2.19 cluster from Maven Central jars, for development and CI.
 *
 * <p>Configured through the environment (run.sh sets these): SEARCH_PORT (HTTP, default 9200),
 * SEARCH_TRANSPORT_PORT (default the first free port of 9300-9399), SEARCH_HOME (home, data and
 * logs; default ${java.io.tmpdir}/teilhabe-opensearch-PORT). Blocks until the JVM is stopped.
 */
public final class TeilhabeSearchNode {

    /** A Node whose plugins are classes on the classpath instead of bundles in plugins/ and modules/. */
    static final class ClasspathPluginNode extends Node {

        /** Same as the distribution's Node, plus the given classpath plugins (like OpenSearch's MockNode). */
        ClasspathPluginNode(Environment environment, Collection<Class<? extends Plugin>> plugins) {
            super(environment, plugins, true); // true: forbid private index settings, as a real node does
        }
    }

    /** The plugins the distribution ships as modules and this project needs. */
    private static final List<Class<? extends Plugin>> PLUGINS = List.of(
        Netty4Plugin.class, // the HTTP layer: without it the node has no REST port
        CommonAnalysisPlugin.class // ngram/edge_ngram and the german, arabic, persian, ... analyzers
    );

    private TeilhabeSearchNode() {}

    /** Starts the node and waits until the JVM is asked to stop (SIGTERM/SIGINT), then closes it cleanly. */
    public static void main(String[] args) throws Exception {
        String httpPort = env("SEARCH_PORT", "9200");
        Path home = Paths.get(env("SEARCH_HOME",
            Paths.get(System.getProperty("java.io.tmpdir"), "teilhabe-opensearch-" + httpPort).toString()));
        Path data = home.resolve("data");
        Path logs = home.resolve("logs");
        Files.createDirectories(data);
        Files.createDirectories(logs);
        Files.createDirectories(home.resolve("config"));

        Settings settings = Settings.builder()
            .put("path.home", home.toString())
            .put("path.data", data.toString())
            .put("path.logs", logs.toString())
            .put("node.name", "teilhabe-search-" + httpPort)
            .put("cluster.name", "teilhabe-test")
            .put("discovery.type", "single-node") // no cluster formation; also keeps bootstrap checks advisory
            .put("network.host", "127.0.0.1") // loopback only
            .put("http.port", httpPort) // exactly this port: clients are configured with it
            .put("transport.port", env("SEARCH_TRANSPORT_PORT", "9300-9399")) // unused by clients: any free one
            .put("cluster.routing.allocation.disk.threshold_enabled", false) // a full CI disk must not block writes
            .build();

        // Resolves the paths and reads config/opensearch.yml if there is one (there normally is none).
        Environment environment =
            InternalSettingsPreparer.prepareEnvironment(settings, Collections.emptyMap(), null, () -> "teilhabe-search");
        Node node = new ClasspathPluginNode(environment, PLUGINS);

        CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
                node.awaitClose(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                closed.countDown();
            }
        }, "teilhabe-search-shutdown"));

        try {
            node.start();
        } catch (Exception e) {
            // Port taken, bad settings, ...: exit non-zero so that run.sh sees it and shows the log.
            e.printStackTrace();
            System.err.println("TeilhabeSearchNode could not start: " + e); // last line = the log tail's last line
            System.exit(1);
        }
        closed.await(); // keep the JVM alive until the shutdown hook has closed the node
    }

    /** The environment variable's value, or the default when it is unset or empty. */
    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isEmpty() ? fallback : value;
    }
}
